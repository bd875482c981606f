// DocumentStore on SQLite (better-sqlite3): the local/offline backend of the store port.
//
// Layout: ONE table `docs(coll, id, version, data JSON, PRIMARY KEY(coll, id))` for all collections.
// Why one table: no DDL on first write (a collection exists as soon as it has a row, like MongoDB),
// nothing to track about which tables exist (not even across rolled-back transactions), and
// `ensureIndex` builds expression indexes led by `coll`, so one index serves one collection's filters
// and sort (see ensureIndexSync for why they are not partial indexes).
// `_id`/`_version` live in their own columns; every other field is `json_extract(data, '$.<field>')`.
//
// Durability: WAL with synchronous=FULL by default, so a write that has been acknowledged survives
// kill -9 and also an OS crash or power loss (NORMAL would only cover a process crash).
//
// Concurrency: better-sqlite3 is synchronous but `transaction(work)` awaits async work, so every
// operation goes through an async mutex; while a transaction is open, other calls on this store
// wait. Calling the outer store (instead of the `tx` handle) from inside `work` would deadlock, so
// it is detected with AsyncLocalStorage and rejected with StoreError('invalid').
import { AsyncLocalStorage } from 'node:async_hooks';

import Database from 'better-sqlite3';

import {
  StoreError,
  type DocumentStore,
  type FindOptions,
  type Filter,
  type Scalar,
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

export interface SqliteStoreOptions {
  /** FULL (default) also survives power loss; NORMAL is faster and survives process crashes only. */
  synchronous?: 'FULL' | 'NORMAL';
  /** How long to wait for another process's write lock before failing with `unavailable`. */
  busyTimeoutMs?: number;
}

interface Row {
  id: string;
  version: number;
  data: string;
}

interface Sql {
  sql: string;
  params: Array<string | number>;
}

/** SQL for the value of a field and for its JSON type (`'text'`, `'integer'`, `'true'`, … or NULL if missing). */
function fieldSql(field: string): { value: string; type: string } {
  if (field === '_id') return { value: 'id', type: `'text'` };
  if (field === '_version') return { value: 'version', type: `'integer'` };
  // `field` matched NAME_RE, so it cannot break out of the literal.
  return { value: `json_extract(data, '$.${field}')`, type: `json_type(data, '$.${field}')` };
}

/** `field == value` with MongoDB semantics for scalars; always TRUE or FALSE (never NULL), so NOT() is safe. */
function equalsSql(field: string, value: Scalar): Sql {
  const f = fieldSql(field);
  if (value === null) return { sql: `(${f.type} IS NULL OR ${f.type} = 'null')`, params: [] };
  if (value === true) return { sql: `(${f.type} IS 'true')`, params: [] };
  if (value === false) return { sql: `(${f.type} IS 'false')`, params: [] };
  if (typeof value === 'number') {
    return { sql: `(COALESCE(${f.type}, '') IN ('integer', 'real') AND ${f.value} = ?)`, params: [value] };
  }
  // json_extract returns arrays and objects as their JSON text, so only a value that could be such a
  // text needs the type check; without it the equality is answered from an expression index alone.
  if (field === '_id' || !/^[[{]/.test(value)) return { sql: `(${f.value} IS ?)`, params: [value] };
  return { sql: `(${f.type} IS 'text' AND ${f.value} = ?)`, params: [value] };
}

const RANGE_SQL = { gt: '>', gte: '>=', lt: '<', lte: '<=' } as const;

/** The trigram full-text table kept for one text field of one collection (see ensureTextIndexSync). */
function textTable(collection: string, field: string): string {
  return `"fts:${collection}:${field}"`;
}

function conditionSql(c: NormalizedCondition, collection: string, textIndexed: (collection: string, field: string) => boolean): Sql {
  switch (c.op) {
    case 'eq':
      return equalsSql(c.field, c.value);
    case 'ne': {
      const eq = equalsSql(c.field, c.value);
      return { sql: `NOT ${eq.sql}`, params: eq.params };
    }
    case 'in': {
      if (c.value.length === 0) return { sql: '0', params: [] };
      const parts = c.value.map((v) => equalsSql(c.field, v));
      return { sql: `(${parts.map((p) => p.sql).join(' OR ')})`, params: parts.flatMap((p) => p.params) };
    }
    case 'contains': {
      // LIKE ignores the case of ASCII letters only (without ICU), which is what the port pins;
      // `\`, `%` and `_` in the needle are escaped so they match themselves.
      const f = fieldSql(c.field);
      const pattern = `%${c.value.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
      const exact: Sql = { sql: `(${f.type} IS 'text' AND ${f.value} LIKE ? ESCAPE '\\')`, params: [pattern] };
      // With a text index, a needle of 3+ characters (the trigram tokenizer's unit) without LIKE's
      // wildcards first narrows to the rows the index holds it in; the exact test above still decides.
      if (!textIndexed(collection, c.field) || [...c.value].length < 3 || /[\\%_]/.test(c.value)) return exact;
      return { sql: `(rowid IN (SELECT rowid FROM ${textTable(collection, c.field)} WHERE body LIKE ?) AND ${exact.sql})`, params: [`%${c.value}%`, ...exact.params] };
    }
    default: {
      // Same-type comparison only: a string never compares with a number, a missing field never matches.
      const f = fieldSql(c.field);
      const typeSql = typeof c.value === 'number' ? `COALESCE(${f.type}, '') IN ('integer', 'real')` : `${f.type} IS 'text'`;
      return { sql: `(${typeSql} AND ${f.value} ${RANGE_SQL[c.op]} ?)`, params: [c.value as string | number] };
    }
  }
}

function whereSql(collection: string, conditions: NormalizedCondition[], textIndexed: (collection: string, field: string) => boolean = () => false): Sql {
  const parts = conditions.map((c) => conditionSql(c, collection, textIndexed));
  return {
    sql: ['coll = ?', ...parts.map((p) => p.sql)].join(' AND '),
    params: [collection, ...parts.flatMap((p) => p.params)],
  };
}

function toDoc<T extends object>(row: Row): StoredDoc<T> {
  const data = JSON.parse(row.data) as JsonObject;
  return { ...data, _id: row.id, _version: row.version } as unknown as StoredDoc<T>;
}

// NOTE: no `instanceof Error` here: better-sqlite3's SqliteError may come from another realm (Jest
// runs each test file in its own context), which made duplicate keys look like outages at random.
function isSqliteError(err: unknown): err is Error & { code: string } {
  return typeof err === 'object' && err !== null && typeof (err as { code?: unknown }).code === 'string' && typeof (err as { message?: unknown }).message === 'string';
}

function toStoreError(err: unknown): StoreError {
  if (err instanceof StoreError) return err;
  if (isSqliteError(err) && (err.code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || err.code === 'SQLITE_CONSTRAINT_UNIQUE')) {
    return new StoreError('duplicate', 'a document with this _id already exists', err);
  }
  const message = isSqliteError(err) || err instanceof Error ? err.message : String(err);
  return new StoreError('unavailable', `sqlite: ${message}`, err);
}

/** A FIFO async mutex: `run` waits for every earlier holder to finish. */
class Mutex {
  private tail: Promise<void> = Promise.resolve();

  run<R>(fn: () => Promise<R> | R): Promise<R> {
    const result = this.tail.then(fn);
    this.tail = result.then(
      () => undefined,
      () => undefined,
    );
    return result;
  }
}

export function createSqliteStore(filePath: string, options: SqliteStoreOptions = {}): DocumentStore {
  const synchronous = options.synchronous ?? 'FULL';
  if (synchronous !== 'FULL' && synchronous !== 'NORMAL') throw invalid('synchronous must be FULL or NORMAL');
  const db = new Database(filePath);
  try {
    db.pragma('journal_mode = WAL'); // stays 'memory' for ':memory:'
    db.pragma(`synchronous = ${synchronous}`);
    db.pragma(`busy_timeout = ${Math.max(0, Math.floor(options.busyTimeoutMs ?? 5000))}`);
    db.exec(`CREATE TABLE IF NOT EXISTS docs (
      coll TEXT NOT NULL,
      id TEXT NOT NULL,
      version INTEGER NOT NULL,
      data TEXT NOT NULL,
      PRIMARY KEY (coll, id)
    )`);
  } catch (err) {
    db.close();
    throw toStoreError(err);
  }

  // Text indexes already in the file (their tables are named fts:<collection>:<field>).
  const textIndexes = new Set(
    (db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'fts:%' AND sql LIKE 'CREATE VIRTUAL TABLE%'`).all() as Array<{ name: string }>).map((r) => r.name),
  );
  const textIndexed = (collection: string, field: string) => textIndexes.has(`fts:${collection}:${field}`);

  const statements = new Map<string, Database.Statement>();
  function stmt(sql: string): Database.Statement {
    let s = statements.get(sql);
    if (s === undefined) {
      s = db.prepare(sql);
      if (statements.size >= 500) statements.clear();
      statements.set(sql, s);
    }
    return s;
  }

  // ---- synchronous primitives (caller holds the mutex, or runs inside the open transaction) ----

  function getSync<T extends object>(collection: string, id: string): StoredDoc<T> | null {
    assertCollectionName(collection);
    assertDocId(id);
    const row = stmt('SELECT id, version, data FROM docs WHERE coll = ? AND id = ?').get(collection, id) as Row | undefined;
    return row === undefined ? null : toDoc<T>(row);
  }

  function insertSync<T extends object>(collection: string, doc: T & { _id?: string }): StoredDoc<T> {
    assertCollectionName(collection);
    const { id, body } = normalizeInsert(doc);
    const json = JSON.stringify(body);
    stmt('INSERT INTO docs (coll, id, version, data) VALUES (?, ?, 1, ?)').run(collection, id, json);
    return toDoc<T>({ id, version: 1, data: json });
  }

  function updateSync<T extends object>(collection: string, id: string, patch: Partial<T>, opts?: UpdateOptions): StoredDoc<T> {
    assertCollectionName(collection);
    assertDocId(id);
    const ifVersion = opts?.ifVersion;
    assertIfVersion(ifVersion);
    const changes = normalizePatch(patch, id);
    const row = stmt('SELECT id, version, data FROM docs WHERE coll = ? AND id = ?').get(collection, id) as Row | undefined;
    if (row === undefined) throw new StoreError('not_found', `${collection}/${id} does not exist`);
    if (ifVersion !== undefined && row.version !== ifVersion) {
      throw new StoreError('conflict', `${collection}/${id} is at version ${row.version}, not ${ifVersion}`);
    }
    const json = JSON.stringify({ ...(JSON.parse(row.data) as JsonObject), ...changes });
    const version = row.version + 1;
    stmt('UPDATE docs SET version = ?, data = ? WHERE coll = ? AND id = ? AND version = ?').run(version, json, collection, id, row.version);
    return toDoc<T>({ id, version, data: json });
  }

  function removeSync(collection: string, id: string): void {
    assertCollectionName(collection);
    assertDocId(id);
    const info = stmt('DELETE FROM docs WHERE coll = ? AND id = ?').run(collection, id);
    if (info.changes === 0) throw new StoreError('not_found', `${collection}/${id} does not exist`);
  }

  function findSync<T extends object>(collection: string, findOptions?: FindOptions): Array<StoredDoc<T>> {
    assertCollectionName(collection);
    const q = normalizeFind(findOptions);
    const where = whereSql(collection, q.conditions, textIndexed);
    const order = q.orderBy.map(([field, dir]) => `${fieldSql(field).value} ${dir === 'asc' ? 'ASC' : 'DESC'}`).join(', ');
    const sql = `SELECT id, version, data FROM docs WHERE ${where.sql} ORDER BY ${order} LIMIT ? OFFSET ?`;
    const rows = stmt(sql).all(...where.params, q.limit, q.skip) as Row[];
    return rows.map((r) => toDoc<T>(r));
  }

  function countSync(collection: string, filter?: Filter): number {
    assertCollectionName(collection);
    const where = whereSql(collection, normalizeFilter(filter), textIndexed);
    const row = stmt(`SELECT COUNT(*) AS n FROM docs WHERE ${where.sql}`).get(...where.params) as { n: number };
    return row.n;
  }

  function ensureIndexSync(collection: string, fields: string[]): void {
    assertCollectionName(collection);
    const names = normalizeIndexFields(fields);
    const columns = names.map((f) => fieldSql(f).value);
    if (!names.includes('_id')) columns.push('id'); // matches the `_id` tie-breaker of every ORDER BY
    // Names are NAME_RE-checked, so they are safe inside identifiers and literals; ':' and ','
    // cannot occur in them, which keeps index names unambiguous.
    // `coll` leads the index (not a partial `WHERE coll = '…'`): queries bind the collection as a
    // parameter, and SQLite cannot prove a bound parameter implies a partial index's WHERE, so those
    // indexes were never used and every sorted list sorted all its rows (measured: 26,000 trading
    // projects, 13 ms a page → 0.03 ms). Indexes of the earlier, partial form are dropped.
    db.exec(`DROP INDEX IF EXISTS "ix:${collection}:${names.join(',')}"`);
    const indexName = `ix2:${collection}:${names.join(',')}`;
    db.exec(`CREATE INDEX IF NOT EXISTS "${indexName}" ON docs (coll, ${columns.join(', ')})`);
  }

  /**
   * A trigram FTS5 table of one text field, keyed by the docs table's rowid and kept in step by
   * triggers inside the same transactions as the documents; filled from the documents on creation.
   * (Nothing here runs VACUUM, which may renumber rowids; the exact LIKE test keeps answers right
   * even then, but the index would need rebuilding to find everything.)
   */
  function ensureTextIndexSync(collection: string, field: string): void {
    assertCollectionName(collection);
    const [name] = normalizeIndexFields([field]);
    if (name === '_id' || name === '_version') throw invalid('a text index is for a document field');
    const key = `fts:${collection}:${name}`;
    if (textIndexes.has(key)) return;
    const table = textTable(collection, name!);
    const text = (row: string) => `CASE WHEN json_type(${row}.data, '$.${name}') = 'text' THEN json_extract(${row}.data, '$.${name}') END`;
    db.transaction(() => {
      db.exec(`CREATE VIRTUAL TABLE ${table} USING fts5(body, tokenize = 'trigram')`);
      db.exec(`INSERT INTO ${table} (rowid, body) SELECT rowid, ${text('docs')} FROM docs WHERE coll = '${collection}'`);
      db.exec(`CREATE TRIGGER "${key}:insert" AFTER INSERT ON docs WHEN NEW.coll = '${collection}' BEGIN INSERT INTO ${table} (rowid, body) VALUES (NEW.rowid, ${text('NEW')}); END`);
      db.exec(`CREATE TRIGGER "${key}:update" AFTER UPDATE ON docs WHEN NEW.coll = '${collection}' BEGIN DELETE FROM ${table} WHERE rowid = OLD.rowid; INSERT INTO ${table} (rowid, body) VALUES (NEW.rowid, ${text('NEW')}); END`);
      db.exec(`CREATE TRIGGER "${key}:delete" AFTER DELETE ON docs WHEN OLD.coll = '${collection}' BEGIN DELETE FROM ${table} WHERE rowid = OLD.rowid; END`);
    })();
    textIndexes.add(key);
  }

  // ---- async surface ----

  const mutex = new Mutex();
  const txContext = new AsyncLocalStorage<symbol>();
  let activeTx: symbol | null = null;
  let closed = false;

  /** Runs a synchronous operation in turn, mapping every failure to StoreError. */
  function op<R>(fn: () => R): Promise<R> {
    if (activeTx !== null && txContext.getStore() === activeTx) {
      return Promise.reject(invalid('inside transaction(work) use the `tx` argument, not the store itself'));
    }
    return mutex.run(() => {
      if (closed) throw new StoreError('unavailable', 'store is closed');
      try {
        return fn();
      } catch (err) {
        throw toStoreError(err);
      }
    });
  }

  function txOp<R>(token: symbol, fn: () => R): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      if (activeTx !== token) {
        reject(invalid('transaction is finished'));
        return;
      }
      try {
        resolve(fn());
      } catch (err) {
        reject(toStoreError(err));
      }
    });
  }

  function rollbackQuietly(): void {
    try {
      if (db.inTransaction) db.exec('ROLLBACK');
    } catch {
      // SQLite already rolled back (e.g. after an I/O error); nothing left to undo.
    }
  }

  async function runTransaction<R>(work: (tx: TransactionStore) => Promise<R>): Promise<R> {
    if (closed) throw new StoreError('unavailable', 'store is closed');
    try {
      db.exec('BEGIN IMMEDIATE');
    } catch (err) {
      throw toStoreError(err);
    }
    const token = Symbol('sqlite-transaction');
    activeTx = token;
    const tx: TransactionStore = {
      get: (collection, id) => txOp(token, () => getSync(collection, id)),
      insert: (collection, doc) => txOp(token, () => insertSync(collection, doc)),
      update: (collection, id, patch, opts) => txOp(token, () => updateSync(collection, id, patch, opts)),
      remove: (collection, id) => txOp(token, () => removeSync(collection, id)),
    };
    let result: R;
    try {
      result = await txContext.run(token, () => work(tx));
    } catch (err) {
      activeTx = null;
      rollbackQuietly();
      throw err; // the caller's own error, unchanged
    }
    activeTx = null;
    try {
      db.exec('COMMIT');
    } catch (err) {
      rollbackQuietly();
      throw toStoreError(err);
    }
    return result;
  }

  const store: DocumentStore = {
    get: (collection, id) => op(() => getSync(collection, id)),
    insert: (collection, doc) => op(() => insertSync(collection, doc)),
    update: (collection, id, patch, opts) => op(() => updateSync(collection, id, patch, opts)),
    remove: (collection, id) => op(() => removeSync(collection, id)),
    find: (collection, findOptions) => op(() => findSync(collection, findOptions)),
    count: (collection, filter) => op(() => countSync(collection, filter)),
    ensureIndex: (collection, fields) => op(() => ensureIndexSync(collection, fields)),
    ensureTextIndex: (collection, field) => op(() => ensureTextIndexSync(collection, field)),
    transaction<R>(work: (tx: TransactionStore) => Promise<R>): Promise<R> {
      if (activeTx !== null && txContext.getStore() === activeTx) {
        return Promise.reject(invalid('transactions cannot be nested'));
      }
      return mutex.run(() => runTransaction(work));
    },
    close: () =>
      mutex.run(() => {
        if (closed) return;
        closed = true;
        statements.clear();
        db.close();
      }),
  };
  databases.set(store, db);
  return store;
}

const databases = new WeakMap<DocumentStore, Database.Database>();

/** Every stored document of a SQLite store, by collection then id (tests compare stores before and after a call). */
export function dumpSqliteStore(store: DocumentStore): Record<string, Record<string, { version: number; data: string }>> {
  const db = databases.get(store);
  if (!db) throw invalid('not a SQLite store');
  const dump: Record<string, Record<string, { version: number; data: string }>> = {};
  for (const row of db.prepare('SELECT coll, id, version, data FROM docs ORDER BY coll, id').all() as Array<{ coll: string; id: string; version: number; data: string }>) {
    (dump[row.coll] ??= {})[row.id] = { version: row.version, data: row.data };
  }
  return dump;
}

/** Rows written (inserted, updated or deleted, committed or not) since the store was opened: a cheap "did anything write?" check. */
export function sqliteWriteCount(store: DocumentStore): number {
  const db = databases.get(store);
  if (!db) throw invalid('not a SQLite store');
  return (db.prepare('SELECT total_changes() AS n').get() as { n: number }).n;
}

/** Alias kept for callers that prefer "open" for file-backed resources. */
export const openSqliteStore = createSqliteStore;
