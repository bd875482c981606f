// Renders an owner's (page's or component's) data through its .wxml the way the view layer does,
// producing ViewNodes. Custom component tags are handed to the host, which keeps their instances.
import { ViewNode, type EventBinding, type EventOwner } from './view';
import { evaluateValue, resolveBuildPath, WxmlEvalError, type WxmlElement, type WxmlLibrary, type WxmlNode } from './wxml';

export interface RenderOwner extends EventOwner {
  /** Unique per instance; component instances are keyed below their parent's key. */
  readonly key: string;
  /** Build-relative path of the owner's template, e.g. `pages/index/index.wxml`. */
  readonly wxml: string;
  readonly data: Record<string, unknown>;
  /** Custom component tags usable in this owner's templates → build-relative component path. */
  readonly usingComponents: Record<string, string>;
}

export interface ComponentMount {
  owner: RenderOwner;
  virtualHost: boolean;
}

export interface RenderHost {
  library: WxmlLibrary;
  component(parent: RenderOwner, tag: string, path: string, key: string, props: Record<string, unknown>): ComponentMount;
  problem(message: string): void;
}

type Lookup = (name: string) => unknown;

interface Frame {
  file: string;
  lookup: Lookup;
  owner: RenderOwner;
  host: RenderHost;
}

const EVENT_ATTR = /^(bind|catch|mut-bind|capture-bind|capture-catch):?(.+)$/;
const DIRECTIVES = new Set(['wx:if', 'wx:elif', 'wx:else', 'wx:for', 'wx:for-items', 'wx:for-item', 'wx:for-index', 'wx:key']);

function lookupIn(wxs: Map<string, unknown>, data: Record<string, unknown>): Lookup {
  return (name) => (wxs.has(name) ? wxs.get(name) : data[name]);
}

export function renderOwner(host: RenderHost, owner: RenderOwner, parent: ViewNode): void {
  const file = host.library.file(owner.wxml);
  const frame: Frame = { file: file.path, lookup: lookupIn(file.wxs, owner.data), owner, host };
  renderNodes(file.nodes, frame, parent, owner.key);
}

function evaluate(frame: Frame, value: string, node: WxmlElement, asObject = false): unknown {
  try {
    return evaluateValue(value, frame.lookup, asObject);
  } catch (error) {
    frame.host.problem(`${node.file}:${node.line}: ${error instanceof WxmlEvalError ? error.message : String(error)}`);
    return undefined;
  }
}

function renderNodes(nodes: readonly WxmlNode[], frame: Frame, parent: ViewNode, key: string): void {
  let chainOpen = false;
  let chainTaken = false;
  nodes.forEach((node, index) => {
    const childKey = `${key}.${index}`;
    if (node.type === 'text') {
      chainOpen = false;
      const value = node.text.includes('{{') ? evaluateText(frame, node.text) : node.text;
      if (value !== '') appendText(parent, value, frame.owner);
      return;
    }
    const attrs = node.attrs;
    if (attrs.has('wx:for') || attrs.has('wx:for-items')) {
      chainOpen = false;
      renderList(node, frame, parent, childKey);
      return;
    }
    if (attrs.has('wx:if')) {
      chainOpen = true;
      chainTaken = Boolean(evaluate(frame, attrs.get('wx:if') ?? '', node));
      if (chainTaken) renderElement(node, frame, parent, childKey);
      return;
    }
    if (attrs.has('wx:elif')) {
      if (!chainOpen) frame.host.problem(`${node.file}:${node.line}: wx:elif without wx:if`);
      if (!chainTaken && Boolean(evaluate(frame, attrs.get('wx:elif') ?? '', node))) {
        chainTaken = true;
        renderElement(node, frame, parent, childKey);
      }
      return;
    }
    if (attrs.has('wx:else')) {
      if (!chainOpen) frame.host.problem(`${node.file}:${node.line}: wx:else without wx:if`);
      if (!chainTaken) renderElement(node, frame, parent, childKey);
      chainOpen = false;
      return;
    }
    chainOpen = false;
    renderElement(node, frame, parent, childKey);
  });
}

function evaluateText(frame: Frame, text: string): string {
  try {
    const value = evaluateValue(text, frame.lookup);
    return value === undefined || value === null ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value);
  } catch (error) {
    frame.host.problem(`${frame.file}: ${error instanceof Error ? error.message : String(error)}`);
    return '';
  }
}

function appendText(parent: ViewNode, text: string, owner: EventOwner): void {
  const node = new ViewNode('#text', {}, {}, owner, text);
  node.parent = parent;
  parent.children.push(node);
}

function renderList(node: WxmlElement, frame: Frame, parent: ViewNode, key: string): void {
  const list = evaluate(frame, node.attrs.get('wx:for') ?? node.attrs.get('wx:for-items') ?? '', node);
  const itemName = node.attrs.get('wx:for-item') || 'item';
  const indexName = node.attrs.get('wx:for-index') || 'index';
  let entries: Array<[unknown, unknown]> = [];
  if (Array.isArray(list)) entries = list.map((item, i) => [item, i]);
  else if (typeof list === 'number') entries = Array.from({ length: Math.max(0, Math.floor(list)) }, (_v, i) => [i, i]);
  else if (typeof list === 'string') entries = [...list].map((ch, i) => [ch, i]);
  else if (list && typeof list === 'object') entries = Object.entries(list).map(([k, v]) => [v, k]);
  entries.forEach(([item, index], n) => {
    const lookup: Lookup = (name) => (name === itemName ? item : name === indexName ? index : frame.lookup(name));
    const itemFrame: Frame = { ...frame, lookup };
    if (node.attrs.has('wx:if') && !evaluate(itemFrame, node.attrs.get('wx:if') ?? '', node)) return;
    renderElement(node, itemFrame, parent, `${key}[${n}]`);
  });
}

function renderElement(node: WxmlElement, frame: Frame, parent: ViewNode, key: string): void {
  const { host } = frame;
  switch (node.tag) {
    case 'block':
      renderNodes(node.children, frame, parent, key);
      return;
    case 'import':
    case 'wxs':
    case 'slot':
      return;
    case 'include': {
      const path = resolveBuildPath(frame.file, node.attrs.get('src') ?? '');
      try {
        const included = host.library.file(path);
        const nodes = included.nodes.filter((n) => n.type === 'text' || !['template', 'wxs', 'import'].includes(n.tag));
        renderNodes(nodes, { ...frame, file: included.path }, parent, `${key}>${path}`);
      } catch (error) {
        host.problem(`${node.file}:${node.line}: cannot include ${path}: ${error instanceof Error ? error.message : String(error)}`);
      }
      return;
    }
    case 'template': {
      if (!node.attrs.has('is')) return; // a definition
      const name = String(evaluate(frame, node.attrs.get('is') ?? '', node) ?? '');
      const found = host.library.findTemplate(frame.file, name);
      if (!found) {
        host.problem(`${node.file}:${node.line}: Template \`${name}\` not found`);
        return;
      }
      const dataAttr = node.attrs.get('data');
      const raw = dataAttr ? evaluate(frame, dataAttr, node, /:|\.\.\./.test(dataAttr)) : {};
      const data = raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
      const inner: Frame = { file: found.file.path, lookup: lookupIn(found.file.wxs, data), owner: frame.owner, host };
      renderNodes(found.template.children, inner, parent, key);
      return;
    }
  }

  const props: Record<string, unknown> = {};
  const events: Record<string, EventBinding> = {};
  for (const [name, value] of node.attrs) {
    if (DIRECTIVES.has(name)) continue;
    const event = EVENT_ATTR.exec(name);
    if (event && !name.startsWith('bindingx')) {
      events[event[2] as string] = { handler: String(evaluate(frame, value, node) ?? ''), mode: event[1] as EventBinding['mode'] };
      continue;
    }
    props[name] = value === '' ? true : evaluate(frame, value, node);
  }

  const componentPath = frame.owner.usingComponents[node.tag];
  if (componentPath !== undefined) {
    const identity = (props.i as { sid?: unknown } | undefined)?.sid;
    const componentKey = `${frame.owner.key}/${node.tag}:${typeof identity === 'string' ? identity : key}`;
    const mount = host.component(frame.owner, node.tag, componentPath, componentKey, props);
    let target = parent;
    if (!mount.virtualHost) {
      target = new ViewNode(node.tag, props, events, frame.owner);
      target.parent = parent;
      parent.children.push(target);
    }
    renderOwner(host, mount.owner, target);
    return;
  }

  const element = new ViewNode(node.tag, props, events, frame.owner);
  element.parent = parent;
  parent.children.push(element);
  renderNodes(node.children, frame, element, key);
}
