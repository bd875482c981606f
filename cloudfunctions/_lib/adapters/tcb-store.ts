// DocumentStore on CloudBase through tcb-admin-node 1.23.0 (the production backend of the store port).
// All knowledge of tcb-admin-node lives here, in tcb-admin-node.d.ts and in tcb-transport-fix.ts.
//
// - `_version` is an ordinary stored field. Updates read the document, then write with the condition
//   `where({_id, _version})` and check `updated` (optimistic concurrency); without `ifVersion` a lost
//   race is retried a few times.
// - Shallow merge: object and array values are written with `db.command.set` so they replace the
//   field instead of being merged key by key (the SDK flattens plain objects into dotted paths).
// - A collection that does not exist reads as empty; inserting into it creates it first.
// - Transactions use startTransaction/commit/rollback, by id only, and are retried on
//   DATABASE_TRANSACTION_CONFLICT. A failed commit whose outcome is unknown is `unavailable`.
// - Every error (resolved `{code, message}` or thrown) becomes a StoreError.
import tcb from 'tcb-admin-node';
import type {
  TcbCollectionReference,
  TcbCommand,
  TcbDatabase,
  TcbDocData,
  TcbErrorResult,
  TcbLogicCommand,
  TcbQuery,
  TcbRegExp,
  TcbTransaction,
  TcbWhere,
} from 'tcb-admin-node';

import {
  StoreError,
  type DocumentStore,
  type Filter,
  type FindOptions,
  type StoredDoc,
  type TransactionStore,
  type UpdateOptions,
} from '../ports/store';
import {
  assertCollectionName,
  assertDocId,
  assertIfVersion,
  invalid,
  normalizeFilter,
  normalizeFind,
  normalizeIndexFields,
  normalizeInsert,
  normalizePatch,
  type JsonObject,
  type NormalizedCondition,
} from './store-common';
import { TRANSPORT_ERROR_CODE, installTransportFix } from './tcb-transport-fix';

export interface TcbStoreOptions {
  /** CloudBase environment id. */
  env: string;
  /** Default: TENCENTCLOUD_SECRETID (set inside a cloud function). */
  secretId?: string;
  secretKey?: string;
  sessionToken?: string;
  /** Endpoint override (tests point this at a local stand-in). */
  serviceUrl?: string;
  /** Per-request timeout in ms (SDK default 15000). */
  timeout?: number;
}

const COLLECTION_NOT_EXIST = 'DATABASE_COLLECTION_NOT_EXIST';
const COLLECTION_ALREADY_EXIST = 'DATABASE_COLLECTION_ALREADY_EXIST';
const TRANSACTION_CONFLICT = 'DATABASE_TRANSACTION_CONFLICT';
const UPDATE_ATTEMPTS = 5;
const TRANSACTION_ATTEMPTS = 3;

function isErrorResult(value: unknown): value is TcbErrorResult {
  return typeof value === 'object' && value !== null && Boolean((value as { code?: unknown }).code);
}

function codeOf(err: unknown): string | undefined {
  if (typeof err !== 'object' || err === null) return undefined;
  const code = (err as { code?: unknown }).code;
  return typeof code === 'string' || typeof code === 'number' ? String(code) : undefined;
}

function messageOf(err: unknown): string {
  if (typeof err === 'object' && err !== null) {
    const message = (err as { message?: unknown }).message;
    if (typeof message === 'string') return message;
  }
  return String(err);
}

function isDuplicate(err: unknown): boolean {
  const code = codeOf(err);
  return code === 'DATABASE_DUPLICATE_WRITE' || code === '11000' || /E11000 duplicate key/.test(messageOf(err));
}

function toStoreError(err: unknown, context: string): StoreError {
  if (err instanceof StoreError) return err;
  const code = codeOf(err);
  const message = `${context}: ${code !== undefined ? `${code} ` : ''}${messageOf(err)}`;
  if (code === TRANSPORT_ERROR_CODE) return new StoreError('unavailable', message, err);
  if (isDuplicate(err)) return new StoreError('duplicate', message, err);
  if (code === TRANSACTION_CONFLICT) return new StoreError('conflict', message, err);
  if (code === 'INVALID_PARAM') return new StoreError('invalid', message, err);
  return new StoreError('unavailable', message, err);
}

/** Awaits an SDK call, turning a resolved `{code}` or a throw into StoreError (or `onMissing()` for a missing collection). */
async function call<R extends object, M = never>(
  context: string,
  run: () => Promise<R | TcbErrorResult>,
  onMissingCollection?: () => M,
): Promise<Exclude<R, TcbErrorResult> | M> {
  let result: R | TcbErrorResult;
  try {
    result = await run();
  } catch (err) {
    if (onMissingCollection !== undefined && codeOf(err) === COLLECTION_NOT_EXIST) return onMissingCollection();
    throw toStoreError(err, context);
  }
  if (isErrorResult(result)) {
    if (onMissingCollection !== undefined && String(result.code) === COLLECTION_NOT_EXIST) return onMissingCollection();
    throw toStoreError(result, context);
  }
  return result as Exclude<R, TcbErrorResult>;
}

/** `_version` of a stored document; documents written outside this store may lack it (read as 0). */
function versionOf(doc: TcbDocData): number {
  return typeof doc._version === 'number' ? doc._version : 0;
}

function toStoredDoc<T extends object>(doc: TcbDocData): StoredDoc<T> {
  return { ...doc, _id: String(doc._id), _version: versionOf(doc) } as unknown as StoredDoc<T>;
}

/** A fresh copy of what was written, shaped like a read (undefined dropped, no aliasing). */
function written<T extends object>(id: string, version: number, body: JsonObject): StoredDoc<T> {
  return { ...(JSON.parse(JSON.stringify(body)) as JsonObject), _id: id, _version: version } as unknown as StoredDoc<T>;
}

/** A literal needle as a pattern: regex syntax characters escaped, which PCRE (CloudBase) and JavaScript both read as themselves. */
export function literalPattern(needle: string): string {
  return needle.replace(/[\\^$.|?*+()[\]{}]/g, (ch) => `\\${ch}`);
}

function encodeWhere(db: TcbDatabase, conditions: NormalizedCondition[]): TcbWhere {
  const _ = db.command;
  const byField = new Map<string, TcbLogicCommand[]>();
  // `$contains` is a regular expression, not a command: it goes last in its field's `and`.
  const regexByField = new Map<string, TcbRegExp>();
  for (const c of conditions) {
    let command: TcbLogicCommand;
    switch (c.op) {
      case 'contains':
        // CloudBase's `i` folds case beyond ASCII too; the port pins ASCII only (SQLite's LIKE).
        regexByField.set(c.field, db.RegExp({ regexp: literalPattern(c.value), options: 'i' }));
        continue;
      case 'eq':
        command = _.eq(c.value);
        break;
      case 'ne':
        command = _.neq(c.value);
        break;
      case 'in':
        command = _.in(c.value);
        break;
      default: {
        // normalizeFilter only lets strings and numbers through to range operators.
        const bound = c.value as string | number;
        command = c.op === 'gt' ? _.gt(bound) : c.op === 'gte' ? _.gte(bound) : c.op === 'lt' ? _.lt(bound) : _.lte(bound);
      }
    }
    const list = byField.get(c.field) ?? [];
    list.push(command);
    byField.set(c.field, list);
  }
  const where: TcbWhere = {};
  for (const [field, commands] of byField) {
    const [first, ...rest] = commands as [ReturnType<TcbCommand['eq']>, ...TcbLogicCommand[]];
    const regex = regexByField.get(field);
    const operands = regex === undefined ? rest : [...rest, regex];
    where[field] = operands.length === 0 ? first : first.and(...operands);
  }
  for (const [field, regex] of regexByField) if (!byField.has(field)) where[field] = regex;
  return where;
}

/** Update data that replaces (not deep-merges) each patched field and sets the new version. */
function encodePatch(_: TcbCommand, changes: JsonObject, version: number): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(changes)) {
    data[key] = typeof value === 'object' && value !== null ? _.set(value) : value;
  }
  data._version = version;
  return data;
}

/** Thrown inside a transaction attempt when the whole attempt must be retried. */
class RetryTransaction extends Error {}

export function createTcbStore(options: TcbStoreOptions): DocumentStore {
  if (typeof options?.env !== 'string' || options.env === '') throw invalid('createTcbStore needs an env id');
  const app = tcb.init({
    env: options.env,
    ...(options.secretId !== undefined ? { secretId: options.secretId } : {}),
    ...(options.secretKey !== undefined ? { secretKey: options.secretKey } : {}),
    ...(options.sessionToken !== undefined ? { sessionToken: options.sessionToken } : {}),
    ...(options.serviceUrl !== undefined ? { serviceUrl: options.serviceUrl } : {}),
    ...(options.timeout !== undefined ? { timeout: options.timeout } : {}),
    isUpdateSelfConfig: false,
  });
  const db: TcbDatabase = app.database();
  installTransportFix(db); // throws at startup if the SDK changed under us
  const _ = db.command;
  let closed = false;

  function collection(name: string): TcbCollectionReference {
    if (closed) throw new StoreError('unavailable', 'store is closed');
    assertCollectionName(name);
    return db.collection(name);
  }

  async function createCollection(name: string): Promise<void> {
    await call(`createCollection ${name}`, async () => {
      const res = await db.createCollection(name);
      // Losing a creation race is fine.
      return isErrorResult(res) && String(res.code) === COLLECTION_ALREADY_EXIST ? {} : res;
    });
  }

  async function readDoc(coll: TcbCollectionReference, name: string, id: string): Promise<TcbDocData | null> {
    const res = await call(`get ${name}/${id}`, () => coll.doc(id).get(), () => null);
    return res === null ? null : (res.data[0] ?? null);
  }

  async function get<T extends object>(name: string, id: string): Promise<StoredDoc<T> | null> {
    const coll = collection(name);
    assertDocId(id);
    const doc = await readDoc(coll, name, id);
    return doc === null ? null : toStoredDoc<T>(doc);
  }

  async function insert<T extends object>(name: string, doc: T & { _id?: string }): Promise<StoredDoc<T>> {
    const coll = collection(name);
    const { id, body } = normalizeInsert(doc);
    const add = () => call(`insert ${name}/${id}`, () => coll.add({ ...body, _id: id, _version: 1 }), () => 'missing' as const);
    if ((await add()) === 'missing') {
      await createCollection(name);
      if ((await add()) === 'missing') throw new StoreError('unavailable', `insert ${name}/${id}: collection still missing after creating it`);
    }
    return written<T>(id, 1, body);
  }

  async function update<T extends object>(name: string, id: string, patch: Partial<T>, opts?: UpdateOptions): Promise<StoredDoc<T>> {
    const coll = collection(name);
    assertDocId(id);
    const ifVersion = opts?.ifVersion;
    assertIfVersion(ifVersion);
    const changes = normalizePatch(patch, id);
    const notFound = () => new StoreError('not_found', `${name}/${id} does not exist`);
    for (let attempt = 1; attempt <= UPDATE_ATTEMPTS; attempt++) {
      const current = await readDoc(coll, name, id);
      if (current === null) throw notFound();
      const version = versionOf(current);
      if (ifVersion !== undefined && version !== ifVersion) {
        throw new StoreError('conflict', `${name}/${id} is at version ${version}, not ${ifVersion}`);
      }
      const guard: TcbWhere = { _id: _.eq(id), _version: typeof current._version === 'number' ? _.eq(version) : _.eq(null) };
      const res = await call(`update ${name}/${id}`, () => coll.where(guard).update(encodePatch(_, changes, version + 1)), () => ({ updated: 0 }));
      if (res.updated > 0) {
        const { _id: _ignoredId, _version: _ignoredVersion, ...rest } = current;
        return written<T>(id, version + 1, { ...(JSON.parse(JSON.stringify(rest)) as JsonObject), ...changes });
      }
      // Someone changed or removed it between our read and write: re-read to tell which.
    }
    if ((await readDoc(coll, name, id)) === null) throw notFound();
    throw new StoreError('conflict', `${name}/${id} kept changing; gave up after ${UPDATE_ATTEMPTS} attempts`);
  }

  async function remove(name: string, id: string): Promise<void> {
    const coll = collection(name);
    assertDocId(id);
    const res = await call(`remove ${name}/${id}`, () => coll.doc(id).remove(), () => ({ deleted: 0 }));
    if (res.deleted === 0) throw new StoreError('not_found', `${name}/${id} does not exist`);
  }

  async function find<T extends object>(name: string, findOptions?: FindOptions): Promise<Array<StoredDoc<T>>> {
    const coll = collection(name);
    const q = normalizeFind(findOptions);
    let query: TcbQuery = q.conditions.length > 0 ? coll.where(encodeWhere(db, q.conditions)) : coll;
    for (const [field, direction] of q.orderBy) query = query.orderBy(field, direction);
    if (q.skip > 0) query = query.skip(q.skip);
    query = query.limit(q.limit);
    const res = await call(`find ${name}`, () => query.get(), () => ({ data: [] as TcbDocData[] }));
    return res.data.map((d) => toStoredDoc<T>(d));
  }

  async function count(name: string, filter?: Filter): Promise<number> {
    const coll = collection(name);
    const conditions = normalizeFilter(filter);
    const query: TcbQuery = conditions.length > 0 ? coll.where(encodeWhere(db, conditions)) : coll;
    const res = await call(`count ${name}`, () => query.count(), () => ({ total: 0 }));
    return res.total;
  }

  /** One transaction attempt's store: maps errors and notes what should trigger a retry. */
  function transactionStore(trx: TcbTransaction, state: { finished: boolean; retry: boolean }): TransactionStore {
    async function txCall<R>(context: string, run: () => Promise<R>): Promise<R> {
      if (state.finished) throw invalid('transaction is finished');
      try {
        return await run();
      } catch (err) {
        if (codeOf(err) === TRANSACTION_CONFLICT) state.retry = true;
        throw toStoreError(err, context);
      }
    }
    function missingCollection(err: unknown): boolean {
      return err instanceof StoreError && codeOf(err.cause) === COLLECTION_NOT_EXIST;
    }
    async function txRead(name: string, id: string): Promise<TcbDocData | null> {
      try {
        return (await txCall(`tx get ${name}/${id}`, () => trx.collection(name).doc(id).get())).data;
      } catch (err) {
        if (missingCollection(err)) return null;
        throw err;
      }
    }
    return {
      async get<T extends object>(name: string, id: string) {
        assertCollectionName(name);
        assertDocId(id);
        const doc = await txRead(name, id);
        return doc === null ? null : toStoredDoc<T>(doc);
      },
      async insert<T extends object>(name: string, doc: T & { _id?: string }) {
        assertCollectionName(name);
        const { id, body } = normalizeInsert(doc);
        try {
          await txCall(`tx insert ${name}/${id}`, () => trx.collection(name).add({ ...body, _id: id, _version: 1 }));
        } catch (err) {
          if (!missingCollection(err)) throw err;
          // Collections cannot be created inside a transaction: create it, then redo the whole attempt.
          await createCollection(name);
          state.retry = true;
          throw new RetryTransaction(`collection ${name} created; retrying the transaction`);
        }
        return written<T>(id, 1, body);
      },
      async update<T extends object>(name: string, id: string, patch: Partial<T>, opts?: UpdateOptions) {
        assertCollectionName(name);
        assertDocId(id);
        const ifVersion = opts?.ifVersion;
        assertIfVersion(ifVersion);
        const changes = normalizePatch(patch, id);
        const current = await txRead(name, id);
        if (current === null) throw new StoreError('not_found', `${name}/${id} does not exist`);
        const version = versionOf(current);
        if (ifVersion !== undefined && version !== ifVersion) {
          throw new StoreError('conflict', `${name}/${id} is at version ${version}, not ${ifVersion}`);
        }
        const res = await txCall(`tx update ${name}/${id}`, () => trx.collection(name).doc(id).update(encodePatch(_, changes, version + 1)));
        if (res.updated === 0) throw new StoreError('not_found', `${name}/${id} does not exist`);
        const { _id: _ignoredId, _version: _ignoredVersion, ...rest } = current;
        return written<T>(id, version + 1, { ...(JSON.parse(JSON.stringify(rest)) as JsonObject), ...changes });
      },
      async remove(name: string, id: string) {
        assertCollectionName(name);
        assertDocId(id);
        let deleted: number;
        try {
          deleted = (await txCall(`tx remove ${name}/${id}`, () => trx.collection(name).doc(id).delete())).deleted;
        } catch (err) {
          if (!missingCollection(err)) throw err;
          deleted = 0;
        }
        if (deleted === 0) throw new StoreError('not_found', `${name}/${id} does not exist`);
      },
    };
  }

  async function transaction<R>(work: (tx: TransactionStore) => Promise<R>): Promise<R> {
    if (closed) throw new StoreError('unavailable', 'store is closed');
    for (let attempt = 1; ; attempt++) {
      let trx: TcbTransaction;
      try {
        trx = await db.startTransaction();
      } catch (err) {
        throw toStoreError(err, 'startTransaction');
      }
      const state = { finished: false, retry: false };
      let result: R;
      try {
        result = await work(transactionStore(trx, state));
      } catch (err) {
        state.finished = true;
        try {
          await trx.rollback();
        } catch {
          // The server drops an abandoned transaction anyway.
        }
        if (state.retry && attempt < TRANSACTION_ATTEMPTS) continue;
        if (err instanceof RetryTransaction) throw new StoreError('conflict', err.message);
        throw err; // the caller's own error (or a StoreError from the tx store), unchanged
      }
      state.finished = true;
      try {
        await trx.commit();
      } catch (err) {
        if (codeOf(err) === TRANSACTION_CONFLICT && attempt < TRANSACTION_ATTEMPTS) continue;
        // A commit that failed in transport may not have reached the server: release the
        // transaction's staged writes now (best effort; harmless if it did commit) rather than
        // leave them to block a retry of the same submit until the server expires them.
        try {
          await trx.rollback();
        } catch {
          // Already committed, already gone, or unreachable: the server expires it anyway.
        }
        throw toStoreError(err, 'commitTransaction');
      }
      return result;
    }
  }

  return {
    get,
    insert,
    update,
    remove,
    find,
    count,
    transaction,
    async ensureIndex(name: string, fields: string[]): Promise<void> {
      // CloudBase indexes are managed in the console; only validate the declaration.
      assertCollectionName(name);
      normalizeIndexFields(fields);
    },
    async ensureTextIndex(name: string, field: string): Promise<void> {
      assertCollectionName(name);
      normalizeIndexFields([field]);
    },
    async close(): Promise<void> {
      closed = true;
    },
  };
}
