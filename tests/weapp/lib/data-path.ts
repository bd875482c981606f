// WeChat setData semantics: data paths (`root.cn.[0].cn.[2].v`, `list[1].title`, `a.b`) applied to a
// copy of the page's data, plus an audit of what the bridge to the view layer would lose.

export type PathSegment = string | number;

/** Parses `root.cn.[0].cn.[2].v`, `a[1][2].b`, `i.cn.[3]` into segments; numbers are array indexes. */
export function parseDataPath(path: string): PathSegment[] {
  const segments: PathSegment[] = [];
  let i = 0;
  let key = '';
  const flush = () => {
    if (key !== '') segments.push(key);
    key = '';
  };
  while (i < path.length) {
    const ch = path[i] as string;
    if (ch === '\\' && i + 1 < path.length) {
      key += path[i + 1];
      i += 2;
      continue;
    }
    if (ch === '.') {
      flush();
      i++;
      continue;
    }
    if (ch === '[') {
      flush();
      const end = path.indexOf(']', i);
      if (end < 0) throw new Error(`invalid data path "${path}": unclosed [`);
      const inner = path.slice(i + 1, end);
      if (!/^\d+$/.test(inner)) throw new Error(`invalid data path "${path}": [${inner}] is not an array index`);
      segments.push(Number(inner));
      i = end + 1;
      continue;
    }
    key += ch;
    i++;
  }
  flush();
  if (segments.length === 0) throw new Error(`invalid data path "${path}"`);
  return segments;
}

export function formatDataPath(segments: readonly PathSegment[]): string {
  return segments.map((s) => (typeof s === 'number' ? `[${s}]` : s)).join('.');
}

/** True when one path is the other or lies inside it. */
export function pathsOverlap(a: readonly PathSegment[], b: readonly PathSegment[]): boolean {
  const n = Math.min(a.length, b.length);
  for (let k = 0; k < n; k++) if (a[k] !== b[k]) return false;
  return true;
}

type Container = Record<string | number, unknown>;

/** Sets `value` at `segments` inside `root`, creating objects/arrays on the way (as WeChat does). */
export function applyDataPath(
  root: Container,
  segments: readonly PathSegment[],
  value: unknown,
  create: (array: boolean) => Container = (array) => (array ? ([] as unknown as Container) : {}),
): void {
  let target: Container = root;
  for (let k = 0; k < segments.length - 1; k++) {
    const segment = segments[k] as PathSegment;
    const next = segments[k + 1];
    let child = target[segment];
    if (child === null || typeof child !== 'object') {
      child = create(typeof next === 'number');
      target[segment] = child;
    }
    target = child as Container;
  }
  target[segments[segments.length - 1] as PathSegment] = value;
}

export function readDataPath(root: unknown, segments: readonly PathSegment[]): unknown {
  let value: unknown = root;
  for (const segment of segments) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Container)[segment];
  }
  return value;
}

export interface SetDataIssue {
  path: string;
  problem: string;
}

function isPlainObject(value: object): boolean {
  // Objects from any realm (the app runs in its own vm context): compare by shape, not identity.
  const proto = Object.getPrototypeOf(value);
  if (proto === null) return true;
  if (Object.prototype.toString.call(value) !== '[object Object]') return false;
  const ctor = (proto as { constructor?: unknown }).constructor;
  return typeof ctor === 'function' && ctor.name === 'Object' && Object.getPrototypeOf(proto) === null;
}

/**
 * What the logic→view bridge would silently change: functions and symbols vanish, `undefined` in
 * arrays becomes null, NaN/Infinity become null, Dates/Maps/class instances lose their type.
 */
export function auditSetDataValue(value: unknown, path: string, issues: SetDataIssue[], seen = new Set<object>(), inArray = false): void {
  if (issues.length > 20) return;
  switch (typeof value) {
    case 'function':
      issues.push({ path, problem: 'a function (dropped by the bridge)' });
      return;
    case 'symbol':
      issues.push({ path, problem: 'a symbol (dropped by the bridge)' });
      return;
    case 'bigint':
      issues.push({ path, problem: 'a bigint (not serialisable)' });
      return;
    case 'undefined':
      issues.push({ path, problem: inArray ? 'undefined inside an array (becomes null)' : 'undefined (WeChat warns and ignores it)' });
      return;
    case 'number':
      if (!Number.isFinite(value)) issues.push({ path, problem: `${value} (becomes null)` });
      return;
    case 'string':
    case 'boolean':
      return;
  }
  if (value === null) return;
  const object = value as object;
  if (seen.has(object)) {
    issues.push({ path, problem: 'a circular reference' });
    return;
  }
  seen.add(object);
  if (Array.isArray(object)) {
    for (let k = 0; k < object.length; k++) auditSetDataValue(object[k], `${path}[${k}]`, issues, seen, true);
  } else if (!isPlainObject(object)) {
    const tag = Object.prototype.toString.call(object).slice(8, -1);
    const name = (Object.getPrototypeOf(object) as { constructor?: { name?: string } } | null)?.constructor?.name ?? tag;
    issues.push({ path, problem: `a ${name === 'Object' ? tag : name} object (the bridge sends it as plain JSON and loses its type)` });
  } else {
    for (const key of Object.keys(object)) {
      const child = (object as Record<string, unknown>)[key];
      // An undefined property inside an object is just left out by the bridge: harmless.
      if (child === undefined) continue;
      auditSetDataValue(child, `${path}.${key}`, issues, seen, false);
    }
  }
  seen.delete(object);
}

/** Size of a setData payload as sent over the bridge: UTF-8 bytes of its JSON. */
export function payloadBytes(payload: unknown): number {
  return Buffer.byteLength(JSON.stringify(payload) ?? '', 'utf8');
}
