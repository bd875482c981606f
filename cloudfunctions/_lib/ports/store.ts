// The document-store port: the only way server code touches persistent data.
// Two adapters implement it (SQLite locally, CloudBase via tcb-admin-node in production) and both
// pass the same contract suite in tests/store/. Keep the filter language small: every operator here
// must mean the same thing on both backends.

/** A stored document. `_id` is unique per collection; `_version` starts at 1 and grows on every update. */
export type StoredDoc<T extends object = Record<string, unknown>> = T & { _id: string; _version: number };

export type Scalar = string | number | boolean | null;

/**
 * A condition on one top-level field (dotted paths are not supported).
 * Semantics (pinned by the contract suite):
 * - a bare scalar means equality; equality never matches a missing field unless the value is null;
 * - `$ne` also matches documents where the field is missing (MongoDB semantics);
 * - `$gt/$gte/$lt/$lte` compare values of the same type only (numbers with numbers, strings with
 *   strings, by code unit); a missing field never matches them;
 * - `$in` matches when the field equals one of the scalars;
 * - `$contains` matches a string field that contains the needle as a literal substring (no pattern
 *   characters: `.`, `%`, `_`, `(` … are themselves), ignoring the case of ASCII letters A–Z; a
 *   missing or non-string field never matches; the needle must be non-empty (at most
 *   MAX_CONTAINS_LENGTH characters). Case folding beyond ASCII differs by backend and is not pinned.
 *   It cannot use an index on either backend: combine it with selective conditions and bound reads.
 */
export type FieldCondition =
  | Scalar
  | {
      $eq?: Scalar;
      $ne?: Scalar;
      $gt?: string | number;
      $gte?: string | number;
      $lt?: string | number;
      $lte?: string | number;
      $in?: Scalar[];
      $contains?: string;
    };

/**
 * All field conditions must hold (logical AND). Do not filter or sort on array fields or on fields
 * that mix types: MongoDB/CloudBase and SQLite differ there, and the contract suite does not pin it.
 * Both adapters add `_id asc` as a final sort key, so paging is deterministic.
 */
export type Filter = Record<string, FieldCondition>;

export type SortDirection = 'asc' | 'desc';

export interface FindOptions {
  where?: Filter;
  /** Sort keys in priority order. Documents missing a sort field sort first in 'asc'. */
  orderBy?: Array<[field: string, direction: SortDirection]>;
  skip?: number;
  /** At most 100 (CloudBase's page size); adapters reject larger values. */
  limit?: number;
}

export interface UpdateOptions {
  /** Optimistic concurrency: fail with `conflict` unless the stored `_version` equals this. */
  ifVersion?: number;
}

/** The subset of store operations available inside a transaction: by id only (a CloudBase limit). */
export interface TransactionStore {
  get<T extends object>(collection: string, id: string): Promise<StoredDoc<T> | null>;
  /** Fails with `duplicate` if `_id` is given and already exists. */
  insert<T extends object>(collection: string, doc: T & { _id?: string }): Promise<StoredDoc<T>>;
  /** Shallow-merges `patch` into the document; returns the new version. */
  update<T extends object>(
    collection: string,
    id: string,
    patch: Partial<T>,
    options?: UpdateOptions,
  ): Promise<StoredDoc<T>>;
  remove(collection: string, id: string): Promise<void>;
}

export interface DocumentStore extends TransactionStore {
  find<T extends object>(collection: string, options?: FindOptions): Promise<Array<StoredDoc<T>>>;
  count(collection: string, where?: Filter): Promise<number>;
  /**
   * Runs `work` atomically: either all its writes happen or none. The work may be retried by the
   * adapter on a write conflict, so it must not have side effects outside the transaction store.
   */
  transaction<R>(work: (tx: TransactionStore) => Promise<R>): Promise<R>;
  /** Declares the fields lists filter and sort by. SQLite builds indexes; CloudBase indexes are console-managed (no-op). */
  ensureIndex(collection: string, fields: string[]): Promise<void>;
  /**
   * Declares a text field that `$contains` searches. Results never change; SQLite keeps a trigram
   * full-text index of it (a needle of 3 or more characters then reads a handful of rows instead of
   * every document); CloudBase indexes are console-managed (no-op).
   */
  ensureTextIndex(collection: string, field: string): Promise<void>;
  close(): Promise<void>;
}

export type StoreErrorCode = 'not_found' | 'conflict' | 'duplicate' | 'invalid' | 'unavailable';

/** Every adapter failure surfaces as this error, so callers never depend on backend error shapes. */
export class StoreError extends Error {
  constructor(
    readonly code: StoreErrorCode,
    message: string,
    override readonly cause?: unknown,
  ) {
    super(message);
    this.name = 'StoreError';
  }
}

export const MAX_PAGE_SIZE = 100;

/** Longest `$contains` needle. */
export const MAX_CONTAINS_LENGTH = 200;
