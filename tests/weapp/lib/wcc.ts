// WeChat's own template compiler (`wcc`, shipped by the npm package miniprogram-compiler) as an
// independent check of the build's templates: it compiles every .wxml/.wxs of the build and
// renders a page's data to the view layer's virtual tree, whose text must match what the harness
// rebuilt. The binary is a 2020 x86-64 Linux / macOS / Windows build; elsewhere the check says so.
import { chmodSync, copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import vm from 'node:vm';

export type WccAvailability = { ok: true; binary: string; version: string } | { ok: false; reason: string };

let availability: WccAvailability | undefined;

/** `WEAPP_HARNESS_NO_WCC=1` makes the check behave as on a machine where wcc cannot run. */
export function wccAvailability(): WccAvailability {
  if (process.env.WEAPP_HARNESS_NO_WCC === '1') return { ok: false, reason: 'wcc disabled by WEAPP_HARNESS_NO_WCC=1' };
  if (availability) return availability;
  availability = probe();
  return availability;
}

function probe(): WccAvailability {
  const platformDir = process.platform === 'linux' ? 'linux' : process.platform === 'darwin' ? 'mac' : process.platform === 'win32' ? 'windows' : null;
  if (!platformDir) return { ok: false, reason: `miniprogram-compiler has no wcc for ${process.platform}` };
  if (process.platform !== 'win32' && process.arch !== 'x64') return { ok: false, reason: `wcc is an x86-64 binary; this machine is ${process.arch}` };
  let packageDir: string;
  try {
    packageDir = dirname(require.resolve('miniprogram-compiler/package.json'));
  } catch {
    return { ok: false, reason: 'the npm package miniprogram-compiler is not installed (npm install --save-dev miniprogram-compiler)' };
  }
  const shipped = join(packageDir, 'bin', platformDir, process.platform === 'win32' ? 'wcc.exe' : 'wcc');
  if (!existsSync(shipped)) return { ok: false, reason: `${shipped} is missing` };
  // The package ships the Linux binary without the execute bit: run a private executable copy
  // rather than changing node_modules.
  const size = statSync(shipped).size;
  const binary = join(tmpdir(), `weapp-harness-wcc-${size}`, process.platform === 'win32' ? 'wcc.exe' : 'wcc');
  try {
    if (!existsSync(binary) || statSync(binary).size !== size) {
      mkdirSync(dirname(binary), { recursive: true });
      copyFileSync(shipped, binary);
    }
    if (process.platform !== 'win32') chmodSync(binary, 0o755);
  } catch (error) {
    return { ok: false, reason: `cannot prepare wcc: ${error instanceof Error ? error.message : String(error)}` };
  }
  const run = spawnSync(binary, [], { encoding: 'utf8', timeout: 10_000 });
  if (run.error) return { ok: false, reason: `wcc does not run here: ${run.error.message}` };
  const version = /version\s+(\S+)/.exec(`${run.stdout}${run.stderr}`)?.[1];
  if (!version) return { ok: false, reason: `wcc printed no version (exit ${run.status}): ${(run.stderr || run.stdout).slice(0, 200)}` };
  return { ok: true, binary, version };
}

function walk(dir: string, root: string, out: string[]): string[] {
  for (const name of readdirSync(dir).sort()) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) walk(full, root, out);
    else out.push(relative(root, full).split('\\').join('/'));
  }
  return out;
}

export interface WccNode {
  tag: string;
  attr?: Record<string, unknown>;
  children?: Array<WccNode | string>;
}

type Generate = (data: unknown, dd?: unknown, global?: unknown) => WccNode;

export interface WccProgram {
  files: string[];
  render(wxml: string, data: unknown): { tree: WccNode; messages: string[] };
}

const programs = new Map<string, WccProgram>();

export class WccError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WccError';
  }
}

/** Compiles every .wxml/.wxs in `buildDir` (cached while the files are unchanged). */
export function compileWithWcc(buildDir: string): WccProgram {
  const wcc = wccAvailability();
  if (!wcc.ok) throw new WccError(wcc.reason);
  const all = walk(buildDir, buildDir, []);
  const wxml = all.filter((f) => f.endsWith('.wxml'));
  const wxs = all.filter((f) => f.endsWith('.wxs'));
  const signature = [buildDir, ...[...wxml, ...wxs].map((f) => `${f}:${statSync(join(buildDir, f)).mtimeMs}:${statSync(join(buildDir, f)).size}`)].join('|');
  const cached = programs.get(signature);
  if (cached) return cached;

  // Custom components per file, as miniprogram-compiler passes them: count, then for each file
  // with usingComponents: its .wxml, how many, their tags.
  const componentArgs: Array<string | number> = [];
  let count = 0;
  for (const file of wxml) {
    const json = join(buildDir, file.replace(/\.wxml$/, '.json'));
    if (!existsSync(json)) continue;
    const using = (JSON.parse(readFileSync(json, 'utf8')) as { usingComponents?: Record<string, string> }).usingComponents;
    if (!using || Object.keys(using).length === 0) continue;
    componentArgs.push(file, Object.keys(using).length, ...Object.keys(using));
    count++;
  }
  const args = ['-d', '-cc', [count, ...componentArgs].join(' '), ...wxml, ...wxs, '-gn', '$gwx'];
  const run = spawnSync(wcc.binary, args, { cwd: buildDir, maxBuffer: 64 * 1024 * 1024, encoding: 'utf8', timeout: 30_000 });
  if (run.error) throw new WccError(`wcc failed to run: ${run.error.message}`);
  if (run.status !== 0) throw new WccError(`wcc could not compile the templates (exit ${run.status}): ${(run.stderr || run.stdout).trim().slice(0, 2000)}`);

  const messages: string[] = [];
  const record = (...parts: unknown[]) => messages.push(parts.map(String).join(' '));
  const sandbox: Record<string, unknown> = {
    console: { log: record, info: record, warn: record, error: record, debug: record, group: record, groupEnd: () => undefined },
    __wxAppCode__: {},
    __wxAppCurrentFile__: '',
    __wxConfig: {},
    __vd_version_info__: {},
    Math,
  };
  const context = vm.createContext(sandbox);
  sandbox.window = vm.runInContext('this', context);
  const factory = vm.runInContext(`(function (global) {\n${run.stdout}\n;return $gwx;\n})`, context, { filename: 'wcc-output.js' }) as (g: unknown) => (path: string) => Generate | undefined;
  const gwx = factory(vm.runInContext('({})', context));
  const toContextData = vm.runInContext('(function (json) { return JSON.parse(json); })', context) as (json: string) => unknown;

  const program: WccProgram = {
    files: [...wxml, ...wxs],
    render(path, data) {
      messages.length = 0;
      const generate = gwx(path);
      if (typeof generate !== 'function') throw new WccError(`wcc has no template for ${path}`);
      // Data must come from the compiler's own realm: its $gdc checks `o.constructor === Object`.
      const tree = generate(toContextData(JSON.stringify(data ?? {})), {}, {});
      return { tree, messages: [...messages] };
    },
  };
  programs.set(signature, program);
  return program;
}

export interface WccRender {
  text: string;
  messages: string[];
}

/**
 * Renders `wxml` with `data`, expanding custom components (`wx-<tag>`) by rendering their own
 * templates with their data (given by `componentData`, else their attributes).
 */
export function renderTextWithWcc(
  program: WccProgram,
  wxml: string,
  data: unknown,
  components: Record<string, string>,
  componentData: (tag: string, attr: Record<string, unknown>) => { data: unknown; components: Record<string, string>; wxml: string } | undefined,
): WccRender {
  const messages: string[] = [];
  const texts: string[] = [];
  const renderFile = (path: string, scope: unknown, using: Record<string, string>, depth: number) => {
    if (depth > 60) throw new WccError('component nesting deeper than 60');
    const { tree, messages: own } = program.render(path, scope);
    messages.push(...own.map((m) => `${path}: ${m}`));
    const visit = (node: WccNode | string) => {
      if (typeof node === 'string') {
        texts.push(node);
        return;
      }
      const tag = node.tag.replace(/^wx-/, '');
      if (tag in using) {
        const attr = node.attr ?? {};
        const resolved = componentData(tag, attr);
        const componentPath = using[tag] as string;
        if (resolved) renderFile(resolved.wxml, resolved.data, resolved.components, depth + 1);
        else renderFile(`${componentPath}.wxml`, attr, {}, depth + 1);
        return;
      }
      for (const child of node.children ?? []) visit(child);
    };
    visit(tree);
  };
  renderFile(wxml, data, components, 0);
  return { text: texts.join(''), messages };
}

export function normaliseText(text: string): string {
  return text.replace(/\s+/g, '');
}

