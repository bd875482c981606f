// A local stand-in for the CloudBase admin HTTP API, enough for the database calls tcb-store.ts makes
// through the real tcb-admin-node 1.23.0 (point the SDK at it with `serviceUrl`). In memory, with
// mingo for MongoDB query/update semantics, collections that must exist (like CloudBase), simple
// transactions with write-conflict detection, and fault injection (HTTP 500, dropped connection,
// hang, or a database error reply). Wire format (read from the SDK source): `POST <url>?&eventId=…&seqId=…`, JSON body with
// `action` and the call's params; replies are HTTP 200 with `{data: …}` or `{code, message}`
// (transaction actions put their fields at the top level, EJSON-encoded). Regular-expression
// conditions (`db.RegExp` → `{$regex, $options}`) are checked as CloudBase checks them (a string
// pattern, options among i/m/s/x, a pattern that compiles) and then evaluated by mingo like MongoDB:
// a missing or non-string field never matches.
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

import { Query, find, update as applyUpdate } from 'mingo';

/**
 * - http500: answer HTTP 500; drop: destroy the connection without answering; hang: never answer;
 * - dbError: answer HTTP 200 `{code: 'DATABASE_REQUEST_FAILED', message}` (how CloudBase reports its own failures).
 */
export type FaultMode = 'http500' | 'drop' | 'hang' | 'dbError';

export interface FaultFilter {
  /** Only requests with this action (e.g. 'database.countDocument') consume the fault. */
  action?: string;
}

export interface RecordedRequest {
  action: string;
  body: Record<string, unknown>;
}

export interface StandinOptions {
  /** false (default) mimics CloudBase: reads/writes on a missing collection fail with DATABASE_COLLECTION_NOT_EXIST. */
  autoCreateCollections?: boolean;
}

export interface CloudbaseStandin {
  /** Pass as `serviceUrl`. */
  url: string;
  /** The next `n` requests (matching `filter`) fail with `mode`. Faults queue in call order. */
  failNext(n: number, mode: FaultMode, filter?: FaultFilter): void;
  /** Faults not yet consumed. */
  pendingFaults(): number;
  /** Every request received, in order (faulted ones included). */
  readonly requests: RecordedRequest[];
  /** Copies of a collection's documents, in insertion order. */
  documents(collection: string): Doc[];
  hasCollection(name: string): boolean;
  createCollection(name: string): void;
  /** Stores a document as is (creating the collection), bypassing the API: e.g. one written by other tools. */
  putRaw(collection: string, doc: Doc): void;
  /** How `wx.api` (WeChat open API through CloudBase) answers; default errcode 0. */
  setWxApiReply(reply: (apiName: string, requestData: unknown) => Record<string, unknown>): void;
  /** Puts a file into the stand-in's storage (as a client's wx.cloud.uploadFile would), for `storage.batchGetDownloadUrl`. */
  putStorageFile(fileId: string): void;
  /** Forget all data, transactions, faults and recorded requests. */
  reset(): void;
  close(): Promise<void>;
}

export type Doc = Record<string, unknown> & { _id: string };
type Reply = Record<string, unknown>;

interface Fault {
  remaining: number;
  mode: FaultMode;
  action?: string;
}

interface OpenTransaction {
  id: string;
  /** Revision of each touched document when the transaction first saw it. */
  seen: Map<string, number>;
  /** Pending writes: the document's new state, or null for a delete. */
  writes: Map<string, { collection: string; id: string; doc: Doc | null }>;
}

const NOT_EXIST = { code: 'DATABASE_COLLECTION_NOT_EXIST', message: '[ResourceNotFound] Db or Table not exist. Please check your request, but if the problem persists, contact us.' };

function duplicate(collection: string, id: string): Reply {
  return {
    code: 'DATABASE_DUPLICATE_WRITE',
    message: `E11000 duplicate key error collection: ${collection} index: _id_ dup key: { _id: ${JSON.stringify(id)} }`,
  };
}

const CONFLICT = {
  code: 'DATABASE_TRANSACTION_CONFLICT',
  message: '[ResourceUnavailable.TransactionConflict] Transaction is conflict, maybe resource operated by others.',
};

function newId(): string {
  return randomBytes(16).toString('hex');
}

function key(collection: string, id: string): string {
  return `${collection}\u0000${id}`;
}

function clone<T>(value: T): T {
  return structuredClone(value);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Canonical EJSON (as the SDK sends in transactions) to plain values, for the types our store writes. */
function fromEjson(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(fromEjson);
  if (!isObject(value)) return value;
  const keys = Object.keys(value);
  if (keys.length === 1) {
    const [k] = keys as [string];
    const inner = value[k];
    if (typeof inner === 'string' && (k === '$numberInt' || k === '$numberLong' || k === '$numberDouble')) {
      return Number(inner);
    }
  }
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fromEjson(v)]));
}

function parseEjson(text: unknown): unknown {
  return typeof text === 'string' ? fromEjson(JSON.parse(text)) : fromEjson(text);
}

function hasOperators(data: unknown): boolean {
  return isObject(data) && Object.keys(data).some((k) => k.startsWith('$'));
}

/** Applies an update document: `$`-operators via mingo, otherwise a replacement (keeping `_id`). */
function updated(doc: Doc, data: unknown): { doc: Doc; modified: boolean } {
  if (hasOperators(data)) {
    const copy = clone(doc);
    const changed = applyUpdate(copy, data as Record<string, never>);
    return { doc: copy, modified: changed.length > 0 };
  }
  return { doc: { ...(clone(data) as Record<string, unknown>), _id: doc._id }, modified: true };
}

/** CloudBase refuses a malformed regular expression with INVALID_PARAM; null when every one is fine. */
function invalidRegex(query: unknown): Reply | null {
  if (Array.isArray(query)) {
    for (const item of query) {
      const bad = invalidRegex(item);
      if (bad !== null) return bad;
    }
    return null;
  }
  if (!isObject(query)) return null;
  if ('$regex' in query) {
    const pattern = query.$regex;
    const options = query.$options ?? '';
    if (typeof pattern !== 'string' || typeof options !== 'string' || !/^[imsx]*$/.test(options)) {
      return { code: 'INVALID_PARAM', message: `invalid $regex condition ${JSON.stringify(query)}` };
    }
    try {
      // PCRE's x flag has no JavaScript twin; the patterns our store sends never rely on it.
      new RegExp(pattern, options.replace('x', ''));
    } catch (err) {
      return { code: 'INVALID_PARAM', message: `invalid $regex pattern: ${err instanceof Error ? err.message : String(err)}` };
    }
    return null;
  }
  for (const value of Object.values(query)) {
    const bad = invalidRegex(value);
    if (bad !== null) return bad;
  }
  return null;
}

export async function startCloudbaseStandin(options: StandinOptions = {}): Promise<CloudbaseStandin> {
  const collections = new Map<string, Map<string, Doc>>();
  const revisions = new Map<string, number>();
  const transactions = new Map<string, OpenTransaction>();
  const requests: RecordedRequest[] = [];
  let faults: Fault[] = [];

  function ensureCollection(name: string): Map<string, Doc> | undefined {
    let coll = collections.get(name);
    if (coll === undefined && options.autoCreateCollections === true) {
      coll = new Map();
      collections.set(name, coll);
    }
    return coll;
  }

  function bump(k: string): void {
    revisions.set(k, (revisions.get(k) ?? 0) + 1);
  }

  function matching(coll: Map<string, Doc>, query: unknown): Doc[] {
    const q = new Query(isObject(query) ? query : {});
    return [...coll.values()].filter((d) => q.test(d));
  }

  // ---- plain (non-transactional) actions ----

  function addDocument(body: Record<string, unknown>): Reply {
    const name = String(body.collectionName);
    const coll = ensureCollection(name);
    if (coll === undefined) return NOT_EXIST;
    const data = clone(body.data);
    if (!isObject(data)) return { code: 'INVALID_PARAM', message: 'data must be an object' };
    const id = typeof body._id === 'string' ? body._id : typeof data._id === 'string' ? data._id : newId();
    if (coll.has(id)) return duplicate(name, id);
    coll.set(id, { ...data, _id: id });
    bump(key(name, id));
    return { data: { _id: id } };
  }

  function queryDocument(body: Record<string, unknown>): Reply {
    const badRegex = invalidRegex(body.query);
    if (badRegex !== null) return badRegex;
    const coll = collections.get(String(body.collectionName));
    if (coll === undefined) return NOT_EXIST;
    let docs = matching(coll, body.query);
    const order = Array.isArray(body.order) ? (body.order as Array<{ field: string; direction: string }>) : [];
    if (order.length > 0) {
      const spec: Record<string, 1 | -1> = {};
      for (const { field, direction } of order) spec[field] = direction === 'desc' ? -1 : 1;
      docs = find<Doc>(docs, {}).sort(spec).all();
    }
    const offset = typeof body.offset === 'number' ? body.offset : 0;
    const limit = typeof body.limit === 'number' ? Math.min(body.limit, 1000) : 100;
    const list = docs.slice(offset, offset + limit).map(clone);
    return { data: { list }, Limit: limit, Offset: offset };
  }

  function countDocument(body: Record<string, unknown>): Reply {
    const badRegex = invalidRegex(body.query);
    if (badRegex !== null) return badRegex;
    const coll = collections.get(String(body.collectionName));
    if (coll === undefined) return NOT_EXIST;
    return { data: { total: matching(coll, body.query).length } };
  }

  function updateDocument(body: Record<string, unknown>): Reply {
    const name = String(body.collectionName);
    const coll = collections.get(name);
    if (coll === undefined) return NOT_EXIST;
    let targets = matching(coll, body.query);
    if (body.multi !== true) targets = targets.slice(0, 1);
    let count = 0;
    for (const doc of targets) {
      const next = updated(doc, body.data);
      coll.set(doc._id, next.doc);
      bump(key(name, doc._id));
      if (next.modified) count += 1;
    }
    let upsertedId: string | null = null;
    if (targets.length === 0 && body.upsert === true) {
      const query = isObject(body.query) ? body.query : {};
      const id = typeof query._id === 'string' ? query._id : newId();
      const next = updated({ _id: id }, body.data);
      coll.set(id, next.doc);
      bump(key(name, id));
      upsertedId = id;
    }
    return { data: { updated: count, upserted_id: upsertedId } };
  }

  function deleteDocument(body: Record<string, unknown>): Reply {
    const name = String(body.collectionName);
    const coll = collections.get(name);
    if (coll === undefined) return NOT_EXIST;
    let targets = matching(coll, body.query);
    if (body.multi !== true) targets = targets.slice(0, 1);
    for (const doc of targets) {
      coll.delete(doc._id);
      bump(key(name, doc._id));
    }
    return { data: { deleted: targets.length } };
  }

  function addCollection(body: Record<string, unknown>): Reply {
    const name = String(body.collectionName);
    if (collections.has(name)) return { code: 'DATABASE_COLLECTION_ALREADY_EXIST', message: `collection ${name} already exists` };
    collections.set(name, new Map());
    return {};
  }

  // ---- transactions ----

  /** The document as the transaction sees it; records its revision the first time. */
  function view(trx: OpenTransaction, collection: string, id: string): Doc | null {
    const k = key(collection, id);
    if (!trx.seen.has(k)) trx.seen.set(k, revisions.get(k) ?? 0);
    const pending = trx.writes.get(k);
    if (pending !== undefined) return pending.doc === null ? null : clone(pending.doc);
    const doc = collections.get(collection)?.get(id);
    return doc === undefined ? null : clone(doc);
  }

  /** Write conflict if someone else changed the document since we saw it, or holds a pending write on it. */
  function stageWrite(trx: OpenTransaction, collection: string, id: string, doc: Doc | null): Reply | null {
    const k = key(collection, id);
    if ((revisions.get(k) ?? 0) !== trx.seen.get(k)) return CONFLICT;
    for (const other of transactions.values()) if (other !== trx && other.writes.has(k)) return CONFLICT;
    trx.writes.set(k, { collection, id, doc });
    return null;
  }

  function idFromQuery(query: unknown): string | undefined {
    if (!isObject(query)) return undefined;
    const id = query._id;
    if (typeof id === 'string') return id;
    if (isObject(id) && typeof id.$eq === 'string') return id.$eq;
    return undefined;
  }

  function transactionAction(action: string, body: Record<string, unknown>): Reply {
    if (action === 'database.startTransaction') {
      const id = newId();
      transactions.set(id, { id, seen: new Map(), writes: new Map() });
      return { transactionId: id };
    }
    const t = transactions.get(String(body.transactionId));
    if (t === undefined) return { code: 'DATABASE_TRANSACTION_FAIL', message: 'transaction does not exist or has ended' };
    const name = String(body.collectionName);
    switch (action) {
      case 'database.getInTransaction': {
        const id = idFromQuery(body.query) ?? String(body._id);
        const doc = view(t, name, id);
        return { data: doc === null ? 'null' : JSON.stringify(doc) };
      }
      case 'database.insertDocInTransaction': {
        if (ensureCollection(name) === undefined) return NOT_EXIST;
        const data = parseEjson(body.data);
        if (!isObject(data)) return { code: 'INVALID_PARAM', message: 'data must be an object' };
        const id = typeof body._id === 'string' ? body._id : typeof data._id === 'string' ? data._id : newId();
        if (view(t, name, id) !== null) return duplicate(name, id);
        const conflict = stageWrite(t, name, id, { ...data, _id: id });
        return conflict ?? { inserted: '1', ok: '1' };
      }
      case 'database.updateDocInTransaction': {
        if (!collections.has(name)) return NOT_EXIST;
        const id = idFromQuery(body.query);
        if (id === undefined) return { code: 'INVALID_PARAM', message: 'transactions update by _id only' };
        const current = view(t, name, id);
        const data = parseEjson(body.data);
        if (current === null && body.upsert !== true) return { updated: '0' };
        const next = updated(current ?? { _id: id }, data);
        const conflict = stageWrite(t, name, id, next.doc);
        if (conflict !== null) return conflict;
        return current === null ? { updated: '0', upserted: JSON.stringify({ _id: id }) } : { updated: next.modified ? '1' : '0' };
      }
      case 'database.deleteDocInTransaction': {
        if (!collections.has(name)) return NOT_EXIST;
        const id = idFromQuery(body.query);
        if (id === undefined) return { code: 'INVALID_PARAM', message: 'transactions delete by _id only' };
        if (view(t, name, id) === null) return { deleted: '0' };
        const conflict = stageWrite(t, name, id, null);
        return conflict ?? { deleted: '1' };
      }
      case 'database.commitTransaction': {
        transactions.delete(t.id);
        for (const [k, rev] of t.seen) if (t.writes.has(k) && (revisions.get(k) ?? 0) !== rev) return CONFLICT;
        for (const [k, w] of t.writes) {
          const coll = collections.get(w.collection) ?? new Map<string, Doc>();
          collections.set(w.collection, coll);
          if (w.doc === null) coll.delete(w.id);
          else coll.set(w.id, w.doc);
          bump(k);
        }
        return {};
      }
      case 'database.abortTransaction':
        transactions.delete(t.id);
        return {};
      default:
        return { code: 'STANDIN_UNSUPPORTED_ACTION', message: `action ${action} is not supported by the stand-in` };
    }
  }

  const storageFiles = new Set<string>();
  let wxApiReply: (apiName: string, requestData: unknown) => Record<string, unknown> = () => ({ errcode: 0, errmsg: 'ok' });

  function dispatch(action: string, body: Record<string, unknown>): Reply {
    switch (action) {
      case 'wx.api': {
        const requestData: unknown = typeof body.requestData === 'string' && body.requestData ? JSON.parse(body.requestData) : null;
        return { data: { responseData: JSON.stringify(wxApiReply(String(body.apiName), requestData)) } };
      }
      case 'storage.batchGetDownloadUrl': {
        // As CloudBase answers: one entry per requested file, code SUCCESS or STORAGE_FILE_NONEXIST.
        const list = Array.isArray(body.file_list) ? (body.file_list as Array<{ fileid?: unknown; max_age?: unknown }>) : [];
        const download_list = list.map((entry) => {
          const fileID = String(entry.fileid ?? '');
          return storageFiles.has(fileID)
            ? { fileID, tempFileURL: `https://standin-storage.example/${encodeURIComponent(fileID)}?max_age=${Number(entry.max_age ?? 0)}`, code: 'SUCCESS' }
            : { fileID, tempFileURL: '', code: 'STORAGE_FILE_NONEXIST', message: 'file not exist' };
        });
        return { data: { download_list } };
      }
      case 'database.addDocument':
        return addDocument(body);
      case 'database.queryDocument':
        return queryDocument(body);
      case 'database.countDocument':
        return countDocument(body);
      case 'database.updateDocument':
        return updateDocument(body);
      case 'database.deleteDocument':
        return deleteDocument(body);
      case 'database.addCollection':
        return addCollection(body);
      default:
        if (action.startsWith('database.') && /Transaction$|InTransaction$/.test(action)) return transactionAction(action, body);
        return { code: 'STANDIN_UNSUPPORTED_ACTION', message: `action ${action} is not supported by the stand-in` };
    }
  }

  function takeFault(action: string): FaultMode | null {
    const fault = faults.find((f) => f.remaining > 0 && (f.action === undefined || f.action === action));
    if (fault === undefined) return null;
    fault.remaining -= 1;
    faults = faults.filter((f) => f.remaining > 0);
    return fault.mode;
  }

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      let body: Record<string, unknown>;
      try {
        const parsed: unknown = JSON.parse(Buffer.concat(chunks).toString('utf8'));
        if (!isObject(parsed)) throw new Error('body is not an object');
        body = parsed;
      } catch (err) {
        res.writeHead(400, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ code: 'INVALID_PARAM', message: `bad request body: ${String(err)}` }));
        return;
      }
      const action = typeof body.action === 'string' ? body.action : '';
      requests.push({ action, body });
      const fault = takeFault(action);
      if (fault === 'drop') {
        req.socket.destroy();
        return;
      }
      if (fault === 'hang') return; // never answer; close() destroys the socket
      if (fault === 'dbError') {
        res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
        res.end(JSON.stringify({ requestId: newId(), code: 'DATABASE_REQUEST_FAILED', message: 'injected database failure' }));
        return;
      }
      if (fault === 'http500') {
        res.writeHead(500, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ code: 'SYS_ERR', message: 'injected failure' }));
        return;
      }
      let reply: Reply;
      try {
        reply = dispatch(action, body);
      } catch (err) {
        reply = { code: 'INVALID_PARAM', message: err instanceof Error ? err.message : String(err) };
      }
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
      res.end(JSON.stringify({ requestId: newId(), ...reply }));
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}/admin`,
    requests,
    failNext(n, mode, filter = {}) {
      if (!Number.isInteger(n) || n < 1) throw new Error('failNext needs a positive count');
      faults.push({ remaining: n, mode, ...(filter.action !== undefined ? { action: filter.action } : {}) });
    },
    pendingFaults: () => faults.reduce((sum, f) => sum + f.remaining, 0),
    documents: (name) => [...(collections.get(name)?.values() ?? [])].map(clone),
    hasCollection: (name) => collections.has(name),
    createCollection(name) {
      if (!collections.has(name)) collections.set(name, new Map());
    },
    putRaw(name, doc) {
      const coll = collections.get(name) ?? new Map<string, Doc>();
      collections.set(name, coll);
      coll.set(doc._id, clone(doc));
      bump(key(name, doc._id));
    },
    setWxApiReply(reply) {
      wxApiReply = reply;
    },
    putStorageFile(fileId) {
      storageFiles.add(fileId);
    },
    reset() {
      storageFiles.clear();
      wxApiReply = () => ({ errcode: 0, errmsg: 'ok' });
      collections.clear();
      revisions.clear();
      transactions.clear();
      requests.length = 0;
      faults = [];
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
