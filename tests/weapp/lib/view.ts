// The rebuilt view: what the page's templates produce from its data, as a small element tree with
// queries for tests. `props` are the evaluated template attributes (`checked`, `scroll-x`, …),
// `dataset` the element's data-* attributes plus the ones Taro keeps on the logic side.

export interface EventBinding {
  handler: string;
  /** `bind` lets the event bubble on, `catch` stops it, `mut-bind` is mutually exclusive. */
  mode: 'bind' | 'catch' | 'mut-bind' | 'capture-bind' | 'capture-catch';
}

/** Who handles events of an element: the page or component instance whose template made it. */
export interface EventOwner {
  readonly kind: 'page' | 'component';
  readonly name: string;
  readonly instance: Record<string, unknown>;
}

export interface NodeSelector {
  tag?: string;
  /** One or more classes (space-separated); all must be present. */
  className?: string;
  id?: string;
  /** Each key must be present with this value (compared as strings). */
  dataset?: Record<string, string | number | boolean>;
  /** Text content contains this. */
  text?: string;
}

export class ViewNode {
  children: ViewNode[] = [];
  parent: ViewNode | null = null;
  /** Dataset of the logic-side (Taro) element with the same sid, filled in by the harness. */
  appDataset: Record<string, unknown> = {};

  constructor(
    readonly tag: string,
    readonly props: Record<string, unknown>,
    readonly events: Record<string, EventBinding>,
    readonly owner: EventOwner | null,
    readonly textValue: string | null = null,
  ) {}

  get isText(): boolean {
    return this.tag === '#text';
  }

  get id(): string | undefined {
    const id = this.props.id;
    return id === undefined || id === null || id === '' ? undefined : String(id);
  }

  get sid(): string | undefined {
    const sid = this.props['data-sid'];
    return sid === undefined || sid === null ? undefined : String(sid);
  }

  get className(): string {
    const value = this.props.class;
    return value === undefined || value === null ? '' : String(value);
  }

  get classList(): string[] {
    return this.className.split(/\s+/).filter(Boolean);
  }

  get style(): string {
    const value = this.props.style;
    return value === undefined || value === null ? '' : String(value);
  }

  /** The view's own data-* attributes (`data-sid` → sid): what WeChat puts in event datasets. */
  get viewDataset(): Record<string, unknown> {
    const own: Record<string, unknown> = {};
    for (const [name, value] of Object.entries(this.props)) {
      if (name.startsWith('data-')) own[datasetKey(name)] = value;
    }
    return own;
  }

  /** The view's data-* attributes merged with the Taro element's dataset (`data-cell`, `data-testid`). */
  get dataset(): Record<string, unknown> {
    return { ...this.appDataset, ...this.viewDataset };
  }

  /** Text content, as the DOM's textContent: every descendant text node, in order. */
  get text(): string {
    if (this.textValue !== null) return this.textValue;
    return this.children.map((child) => child.text).join('');
  }

  /** Elements (not text nodes) below this one, depth first, in document order. */
  *descendants(): Generator<ViewNode> {
    for (const child of this.children) {
      if (child.isText) continue;
      yield child;
      yield* child.descendants();
    }
  }

  matches(selector: NodeSelector): boolean {
    if (this.isText) return false;
    if (selector.tag !== undefined && this.tag !== selector.tag) return false;
    if (selector.id !== undefined && this.id !== selector.id) return false;
    if (selector.className !== undefined) {
      const classes = this.classList;
      if (!selector.className.split(/\s+/).filter(Boolean).every((c) => classes.includes(c))) return false;
    }
    if (selector.dataset !== undefined) {
      const dataset = this.dataset;
      for (const [key, value] of Object.entries(selector.dataset)) {
        if (!(key in dataset) || String(dataset[key]) !== String(value)) return false;
      }
    }
    if (selector.text !== undefined && !this.text.includes(selector.text)) return false;
    return true;
  }

  all(selector: NodeSelector = {}): ViewNode[] {
    const found: ViewNode[] = [];
    for (const node of this.descendants()) if (node.matches(selector)) found.push(node);
    return found;
  }

  find(selector: NodeSelector): ViewNode | undefined {
    for (const node of this.descendants()) if (node.matches(selector)) return node;
    return undefined;
  }

  byId(id: string): ViewNode | undefined {
    return this.find({ id });
  }

  /** Path from this node up to the root, this node first. */
  ancestry(): ViewNode[] {
    const path: ViewNode[] = [this];
    for (let node = this.parent; node; node = node.parent) path.push(node);
    return path;
  }

  /** A short description for error messages. */
  describe(): string {
    if (this.isText) return JSON.stringify(this.text.slice(0, 40));
    const id = this.id ? `#${this.id}` : '';
    const cls = this.classList.length ? `.${this.classList.join('.')}` : '';
    return `<${this.tag}${id}${cls}>`;
  }

  /** An indented outline of the subtree, for debugging failing tests. */
  outline(depth = 0, maxLines = 400): string {
    const lines: string[] = [];
    const walk = (node: ViewNode, level: number) => {
      if (lines.length >= maxLines) return;
      lines.push(`${'  '.repeat(level)}${node.describe()}`);
      for (const child of node.children) walk(child, level + 1);
    };
    for (const child of this.children) walk(child, depth);
    return lines.join('\n');
  }
}

/** WeChat's dataset naming: `data-element-type` → `elementType`, other capitals lowered. */
export function datasetKey(attribute: string): string {
  return attribute
    .slice(5)
    .toLowerCase()
    .replace(/-([a-z])/g, (_m, c: string) => c.toUpperCase());
}

export interface TreeStats {
  /** Element nodes (text nodes not counted). */
  nodes: number;
  /** Text nodes. */
  textNodes: number;
  /** Deepest element nesting (1 = a top-level element). */
  depth: number;
  /** Most element children under one element. */
  maxChildren: number;
}

export function treeStats(root: ViewNode): TreeStats {
  const stats: TreeStats = { nodes: 0, textNodes: 0, depth: 0, maxChildren: 0 };
  const walk = (node: ViewNode, level: number) => {
    let elements = 0;
    for (const child of node.children) {
      if (child.isText) {
        stats.textNodes++;
        continue;
      }
      elements++;
      stats.nodes++;
      stats.depth = Math.max(stats.depth, level);
      walk(child, level + 1);
    }
    stats.maxChildren = Math.max(stats.maxChildren, elements);
  };
  walk(root, 1);
  return stats;
}
