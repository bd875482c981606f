// A small WXML reader: parses the build's .wxml files, evaluates `{{ }}` expressions and runs the
// .wxs modules, so the harness can render a page's data through the build's own templates the way
// the view layer does (template lookup, import scope, wx:for / wx:if, custom component tags).
import { readFileSync, existsSync } from 'node:fs';
import { posix } from 'node:path';
import vm from 'node:vm';

export interface WxmlElement {
  type: 'element';
  tag: string;
  attrs: Map<string, string>;
  children: WxmlNode[];
  file: string;
  line: number;
}
export interface WxmlText {
  type: 'text';
  text: string;
}
export type WxmlNode = WxmlElement | WxmlText;

export class WxmlSyntaxError extends Error {
  constructor(file: string, line: number, message: string) {
    super(`${file}:${line}: ${message}`);
    this.name = 'WxmlSyntaxError';
  }
}

const RAW_TEXT_TAGS = new Set(['wxs']);

export function parseWxml(source: string, file: string): WxmlNode[] {
  const root: WxmlElement = { type: 'element', tag: '#root', attrs: new Map(), children: [], file, line: 1 };
  const stack: WxmlElement[] = [root];
  let pos = 0;
  const lineAt = (at: number) => source.slice(0, at).split('\n').length;
  const top = () => stack[stack.length - 1] as WxmlElement;

  while (pos < source.length) {
    if (source.startsWith('<!--', pos)) {
      const end = source.indexOf('-->', pos + 4);
      if (end < 0) throw new WxmlSyntaxError(file, lineAt(pos), 'unclosed comment');
      pos = end + 3;
      continue;
    }
    if (source.startsWith('</', pos)) {
      const end = source.indexOf('>', pos);
      if (end < 0) throw new WxmlSyntaxError(file, lineAt(pos), 'unclosed end tag');
      const name = source.slice(pos + 2, end).trim();
      const open = top();
      if (open.tag !== name) throw new WxmlSyntaxError(file, lineAt(pos), `</${name}> does not close <${open.tag}>`);
      stack.pop();
      pos = end + 1;
      continue;
    }
    if (source[pos] === '<' && /[A-Za-z_]/.test(source[pos + 1] ?? '')) {
      const line = lineAt(pos);
      let i = pos + 1;
      while (i < source.length && /[^\s/>]/.test(source[i] as string)) i++;
      const tag = source.slice(pos + 1, i);
      const attrs = new Map<string, string>();
      let selfClosing = false;
      for (;;) {
        while (i < source.length && /\s/.test(source[i] as string)) i++;
        if (i >= source.length) throw new WxmlSyntaxError(file, line, `unclosed <${tag}>`);
        if (source.startsWith('/>', i)) {
          selfClosing = true;
          i += 2;
          break;
        }
        if (source[i] === '>') {
          i++;
          break;
        }
        const nameStart = i;
        while (i < source.length && /[^\s=/>]/.test(source[i] as string)) i++;
        const name = source.slice(nameStart, i);
        if (!name) throw new WxmlSyntaxError(file, line, `unexpected "${source[i]}" in <${tag}>`);
        while (/\s/.test(source[i] ?? '')) i++;
        let value = '';
        if (source[i] === '=') {
          i++;
          while (/\s/.test(source[i] ?? '')) i++;
          const quote = source[i];
          if (quote === '"' || quote === "'") {
            const end = source.indexOf(quote, i + 1);
            if (end < 0) throw new WxmlSyntaxError(file, line, `unclosed attribute ${name} in <${tag}>`);
            value = source.slice(i + 1, end);
            i = end + 1;
          } else {
            const start = i;
            while (i < source.length && /[^\s>]/.test(source[i] as string)) i++;
            value = source.slice(start, i);
          }
        }
        attrs.set(name, value);
      }
      const element: WxmlElement = { type: 'element', tag, attrs, children: [], file, line };
      top().children.push(element);
      pos = i;
      if (selfClosing) continue;
      if (RAW_TEXT_TAGS.has(tag)) {
        const end = source.indexOf(`</${tag}>`, pos);
        if (end < 0) throw new WxmlSyntaxError(file, line, `unclosed <${tag}>`);
        const text = source.slice(pos, end);
        if (text.trim()) element.children.push({ type: 'text', text });
        pos = end + tag.length + 3;
        continue;
      }
      stack.push(element);
      continue;
    }
    // Text up to the next tag; `{{ a < b }}` may contain "<".
    let i = pos;
    while (i < source.length) {
      if (source.startsWith('{{', i)) {
        const end = source.indexOf('}}', i + 2);
        i = end < 0 ? source.length : end + 2;
        continue;
      }
      if (source[i] === '<') break;
      i++;
    }
    const text = source.slice(pos, i);
    if (text.trim()) top().children.push({ type: 'text', text });
    pos = i;
  }
  if (stack.length > 1) throw new WxmlSyntaxError(file, top().line, `<${top().tag}> is never closed`);
  return root.children;
}

// ---------------------------------------------------------------------------------------------
// Expressions

export type Scope = Record<string, unknown>;
type Compiled = (scope: object) => unknown;

/** Expressions run in their own context; names resolve only against the scope (as in WXML). */
const exprContext = vm.createContext({});
const exprCache = new Map<string, Compiled>();

function compile(source: string): Compiled {
  let fn = exprCache.get(source);
  if (!fn) {
    fn = vm.runInContext(`(function (__scope) { with (__scope) { return (${source}); } })`, exprContext) as Compiled;
    exprCache.set(source, fn);
  }
  return fn;
}

function scopeProxy(lookup: (name: string) => unknown): object {
  return new Proxy(Object.create(null) as object, {
    has: (_target, key) => typeof key === 'string',
    get: (_target, key) => (typeof key === 'string' ? lookup(key) : undefined),
  });
}

export interface MustachePart {
  text?: string;
  expr?: string;
}

export function splitMustache(value: string): MustachePart[] {
  const parts: MustachePart[] = [];
  let pos = 0;
  while (pos < value.length) {
    const start = value.indexOf('{{', pos);
    if (start < 0) {
      parts.push({ text: value.slice(pos) });
      break;
    }
    if (start > pos) parts.push({ text: value.slice(pos, start) });
    const end = value.indexOf('}}', start + 2);
    if (end < 0) {
      parts.push({ text: value.slice(start) });
      break;
    }
    parts.push({ expr: value.slice(start + 2, end) });
    pos = end + 2;
  }
  return parts;
}

export class WxmlEvalError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WxmlEvalError';
  }
}

export function evaluateExpression(expr: string, lookup: (name: string) => unknown, asObject = false): unknown {
  const source = asObject ? `{${expr}}` : expr;
  try {
    return compile(source)(scopeProxy(lookup));
  } catch (error) {
    throw new WxmlEvalError(`cannot evaluate {{${expr}}}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** An attribute or text value: one `{{expr}}` keeps its type; anything mixed becomes a string. */
export function evaluateValue(value: string, lookup: (name: string) => unknown, asObject = false): unknown {
  const parts = splitMustache(value);
  if (parts.length === 1 && parts[0]?.expr !== undefined) return evaluateExpression(parts[0].expr, lookup, asObject);
  return parts
    .map((part) => {
      if (part.text !== undefined) return part.text;
      const v = evaluateExpression(part.expr ?? '', lookup);
      return v === undefined || v === null ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v);
    })
    .join('');
}

// ---------------------------------------------------------------------------------------------
// Files: templates, imports, wxs modules

export interface WxmlFile {
  path: string;
  nodes: WxmlNode[];
  /** Templates defined in this file. */
  templates: Map<string, WxmlElement>;
  /** Files imported by <import src>: their own templates are visible here (not transitively). */
  imports: string[];
  /** WXS modules declared in this file. */
  wxs: Map<string, unknown>;
}

export function resolveBuildPath(from: string, spec: string): string {
  const joined = spec.startsWith('/') ? spec.slice(1) : posix.join(posix.dirname(from), spec);
  return posix.normalize(joined);
}

const WXS_GLOBALS = {
  getDate: (...args: unknown[]) => (args.length ? new Date(...(args as [string])) : new Date()),
  getRegExp: (pattern: string, flags?: string) => new RegExp(pattern, flags),
};

export class WxmlLibrary {
  private files = new Map<string, WxmlFile>();
  private wxsModules = new Map<string, unknown>();

  constructor(private readonly root: string) {}

  file(path: string): WxmlFile {
    const cached = this.files.get(path);
    if (cached) return cached;
    const full = posix.join(this.root, path);
    if (!existsSync(full)) throw new WxmlSyntaxError(path, 0, 'file not found');
    const nodes = parseWxml(readFileSync(full, 'utf8'), path);
    const file: WxmlFile = { path, nodes, templates: new Map(), imports: [], wxs: new Map() };
    this.files.set(path, file);
    for (const node of nodes) {
      if (node.type !== 'element') continue;
      if (node.tag === 'template' && node.attrs.has('name')) file.templates.set(node.attrs.get('name') ?? '', node);
      if (node.tag === 'import' && node.attrs.has('src')) file.imports.push(resolveBuildPath(path, node.attrs.get('src') ?? ''));
      if (node.tag === 'wxs') {
        const name = node.attrs.get('module') ?? '';
        const src = node.attrs.get('src');
        const inline = node.children.map((c) => (c.type === 'text' ? c.text : '')).join('');
        file.wxs.set(name, src ? this.wxsModule(resolveBuildPath(path, src)) : this.runWxs(inline, `${path}#${name}`));
      }
    }
    for (const imported of file.imports) this.file(imported);
    return file;
  }

  /** A template visible from `path`: its own, then those of the files it imports. */
  findTemplate(path: string, name: string): { file: WxmlFile; template: WxmlElement } | undefined {
    const file = this.file(path);
    const own = file.templates.get(name);
    if (own) return { file, template: own };
    for (const imported of file.imports) {
      const other = this.file(imported);
      const template = other.templates.get(name);
      if (template) return { file: other, template };
    }
    return undefined;
  }

  private wxsModule(path: string): unknown {
    if (!this.wxsModules.has(path)) {
      const full = posix.join(this.root, path);
      if (!existsSync(full)) throw new WxmlSyntaxError(path, 0, 'wxs file not found');
      this.wxsModules.set(path, this.runWxs(readFileSync(full, 'utf8'), path));
    }
    return this.wxsModules.get(path);
  }

  private runWxs(source: string, filename: string): unknown {
    const context = vm.createContext({ ...WXS_GLOBALS, console });
    const module = { exports: {} as unknown };
    const fn = vm.runInContext(`(function (module, exports, require) {${source}\n})`, context, { filename }) as (m: typeof module, e: unknown, r: (p: string) => unknown) => void;
    fn(module, module.exports, (spec) => this.wxsModule(resolveBuildPath(filename, spec)));
    return module.exports;
  }
}
