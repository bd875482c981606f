// Validation and normalisation shared by the DocumentStore adapters (SQLite and CloudBase), so both
// reject exactly the same inputs and translate the same normalised filter. Backend-neutral: no
// SQLite or tcb-admin-node knowledge here.
import { randomBytes } from 'node:crypto';

import {
  MAX_CONTAINS_LENGTH,
  MAX_PAGE_SIZE,
  StoreError,
  type FieldCondition,
  type Filter,
  type FindOptions,
  type Scalar,
  type SortDirection,
} from '../ports/store';

/** Collection and top-level field names: also what makes them safe to embed in SQL/JSON paths. */
export const NAME_RE = /^[A-Za-z_][A-Za-z0-9_]*$/;

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

export type ComparisonOp = 'eq' | 'ne' | 'gt' | 'gte' | 'lt' | 'lte';

/** One validated condition; a field may carry several (all must hold). */
export type NormalizedCondition =
  | { field: string; op: ComparisonOp; value: Scalar }
  | { field: string; op: 'in'; value: Scalar[] }
  /** Literal substring, ASCII case-insensitive (see the port). */
  | { field: string; op: 'contains'; value: string };

export interface NormalizedFind {
  conditions: NormalizedCondition[];
  /** Caller's sort keys followed by `_id asc` as a tie-breaker (unless `_id` is already a key). */
  orderBy: Array<[field: string, direction: SortDirection]>;
  skip: number;
  limit: number;
}

const OPERATORS: Record<string, ComparisonOp | 'in' | 'contains'> = {
  $eq: 'eq',
  $ne: 'ne',
  $gt: 'gt',
  $gte: 'gte',
  $lt: 'lt',
  $lte: 'lte',
  $in: 'in',
  $contains: 'contains',
};

export function invalid(message: string): StoreError {
  return new StoreError('invalid', message);
}

export function assertCollectionName(collection: unknown): asserts collection is string {
  if (typeof collection !== 'string' || !NAME_RE.test(collection)) {
    throw invalid(`invalid collection name ${JSON.stringify(collection)}`);
  }
}

export function assertFieldName(field: unknown): asserts field is string {
  if (typeof field !== 'string' || !NAME_RE.test(field)) {
    throw invalid(`invalid field name ${JSON.stringify(field)} (must match ${NAME_RE.source})`);
  }
}

export function assertDocId(id: unknown): asserts id is string {
  if (typeof id !== 'string' || id.length === 0) {
    throw invalid('document id must be a non-empty string');
  }
}

/** A new random document id (32 hex characters, like CloudBase's own). */
export function newDocId(): string {
  return randomBytes(16).toString('hex');
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function assertScalar(value: unknown, where: string): asserts value is Scalar {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return;
  if (typeof value === 'number' && Number.isFinite(value)) return;
  throw invalid(`${where}: expected a string, finite number, boolean or null`);
}

function normalizeFieldCondition(field: string, condition: FieldCondition | undefined): NormalizedCondition[] {
  if (condition === undefined) {
    // Dropping it silently would widen the query (e.g. an unset owner id matching everything).
    throw invalid(`filter on "${field}" is undefined`);
  }
  if (!isPlainObject(condition)) {
    assertScalar(condition, `filter on "${field}"`);
    return [{ field, op: 'eq', value: condition }];
  }
  const entries = Object.entries(condition);
  if (entries.length === 0) throw invalid(`filter on "${field}" has no operator`);
  const out: NormalizedCondition[] = [];
  for (const [key, value] of entries) {
    const op = OPERATORS[key];
    if (op === undefined) throw invalid(`unsupported operator ${JSON.stringify(key)} on "${field}"`);
    if (op === 'in') {
      if (!Array.isArray(value)) throw invalid(`$in on "${field}" needs an array`);
      value.forEach((v: unknown, i) => assertScalar(v, `$in[${i}] on "${field}"`));
      out.push({ field, op, value: [...(value as Scalar[])] });
      continue;
    }
    if (op === 'contains') {
      if (typeof value !== 'string' || value.length === 0 || value.length > MAX_CONTAINS_LENGTH) {
        throw invalid(`$contains on "${field}" needs a string of 1 to ${MAX_CONTAINS_LENGTH} characters`);
      }
      out.push({ field, op, value });
      continue;
    }
    assertScalar(value, `${key} on "${field}"`);
    if ((op === 'gt' || op === 'gte' || op === 'lt' || op === 'lte') && typeof value !== 'string' && typeof value !== 'number') {
      throw invalid(`${key} on "${field}" needs a string or a number`);
    }
    out.push({ field, op, value });
  }
  return out;
}

export function normalizeFilter(where: Filter | undefined): NormalizedCondition[] {
  if (where === undefined) return [];
  if (!isPlainObject(where)) throw invalid('filter must be a plain object');
  const out: NormalizedCondition[] = [];
  for (const [field, condition] of Object.entries(where)) {
    assertFieldName(field);
    out.push(...normalizeFieldCondition(field, condition));
  }
  return out;
}

export function normalizeFind(options: FindOptions | undefined): NormalizedFind {
  const opts = options ?? {};
  const conditions = normalizeFilter(opts.where);
  const orderBy: Array<[string, SortDirection]> = [];
  if (opts.orderBy !== undefined) {
    if (!Array.isArray(opts.orderBy)) throw invalid('orderBy must be an array of [field, direction]');
    for (const key of opts.orderBy) {
      if (!Array.isArray(key) || key.length !== 2) throw invalid('orderBy entries are [field, direction]');
      const [field, direction] = key;
      assertFieldName(field);
      if (direction !== 'asc' && direction !== 'desc') throw invalid(`invalid sort direction ${JSON.stringify(direction)}`);
      orderBy.push([field, direction]);
    }
  }
  if (!orderBy.some(([field]) => field === '_id')) orderBy.push(['_id', 'asc']);
  const skip = opts.skip ?? 0;
  if (!Number.isSafeInteger(skip) || skip < 0) throw invalid('skip must be a non-negative integer');
  const limit = opts.limit ?? MAX_PAGE_SIZE;
  if (!Number.isSafeInteger(limit) || limit < 1 || limit > MAX_PAGE_SIZE) {
    throw invalid(`limit must be an integer from 1 to ${MAX_PAGE_SIZE}`);
  }
  return { conditions, orderBy, skip, limit };
}

export function normalizeIndexFields(fields: unknown): string[] {
  if (!Array.isArray(fields) || fields.length === 0) throw invalid('ensureIndex needs at least one field');
  fields.forEach((f: unknown) => assertFieldName(f));
  return [...(fields as string[])];
}

/** Deep-copies a stored value, rejecting what JSON (and so both backends) cannot keep as is. */
function toJsonValue(value: unknown, path: string, seen: Set<object>): JsonValue {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw invalid(`${path}: numbers must be finite`);
    return value;
  }
  if (typeof value !== 'object') throw invalid(`${path}: unsupported value of type ${typeof value}`);
  if (seen.has(value)) throw invalid(`${path}: circular structure`);
  seen.add(value);
  try {
    if (Array.isArray(value)) {
      return value.map((item: unknown, i) => {
        if (item === undefined) throw invalid(`${path}[${i}]: undefined inside an array`);
        return toJsonValue(item, `${path}[${i}]`, seen);
      });
    }
    if (!isPlainObject(value)) {
      throw invalid(`${path}: only plain objects, arrays and scalars can be stored (store dates as ISO strings or epoch ms)`);
    }
    const out: JsonObject = {};
    for (const [key, item] of Object.entries(value)) {
      if (key.startsWith('$') || key.includes('.') || key.includes('\u0000')) {
        throw invalid(`${path}: invalid nested key ${JSON.stringify(key)}`);
      }
      if (item === undefined) continue;
      out[key] = toJsonValue(item, `${path}.${key}`, seen);
    }
    return out;
  } finally {
    seen.delete(value);
  }
}

/** Validated document body without `_id`/`_version` (the store owns those). */
function normalizeBody(input: unknown, what: string): JsonObject {
  if (!isPlainObject(input)) throw invalid(`${what} must be a plain object`);
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(input)) {
    if (key === '_id' || key === '_version') continue;
    assertFieldName(key);
    if (value === undefined) continue;
    out[key] = toJsonValue(value, key, new Set());
  }
  return out;
}

/** Validates an insert: returns its id (given or new) and its body. A given `_version` is ignored. */
export function normalizeInsert(doc: unknown): { id: string; body: JsonObject } {
  if (!isPlainObject(doc)) throw invalid('document must be a plain object');
  const given = doc._id;
  if (given !== undefined) assertDocId(given);
  return { id: given ?? newDocId(), body: normalizeBody(doc, 'document') };
}

/**
 * Validates a shallow patch. `_version` is ignored and `_id` may only repeat the document's own id;
 * undefined values mean "leave unchanged" (as JSON would drop them).
 */
export function normalizePatch(patch: unknown, id: string): JsonObject {
  if (!isPlainObject(patch)) throw invalid('patch must be a plain object');
  if (patch._id !== undefined && patch._id !== id) throw invalid('patch cannot change _id');
  return normalizeBody(patch, 'patch');
}

export function assertIfVersion(ifVersion: unknown): asserts ifVersion is number | undefined {
  if (ifVersion !== undefined && !Number.isSafeInteger(ifVersion)) throw invalid('ifVersion must be an integer');
}
