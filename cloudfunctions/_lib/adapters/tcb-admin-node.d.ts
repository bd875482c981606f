// Hand-written typings for the part of tcb-admin-node 1.23.0 (and its bundled @cloudbase/database
// 0.9.15) that tcb-store.ts uses; the package ships no usable typings. Shapes were read from the
// package source. Only the adapters (tcb-store.ts, tcb-transport-fix.ts, wechat-subscribe-sender.ts, tcb-files.ts) import it.
declare module 'tcb-admin-node' {
  export interface TcbInitOptions {
    env?: string | symbol;
    secretId?: string;
    secretKey?: string;
    sessionToken?: string;
    /** Replaces https://tcb-admin.tencentcloudapi.com/admin: the only way to point the SDK elsewhere. */
    serviceUrl?: string;
    /** Per-request timeout in ms (default 15000). */
    timeout?: number;
    /** false: return a new app without touching the shared default instance. */
    isUpdateSelfConfig?: boolean;
    debug?: boolean;
  }

  /** Database errors arrive as a resolved value with a truthy `code` (not as a rejection). */
  export interface TcbErrorResult {
    code: string | number;
    message?: string;
    requestId?: string;
  }

  export type TcbDocData = Record<string, unknown>;

  /** Opaque command objects built by `db.command`. */
  export interface TcbLogicCommand {
    readonly operator: string;
  }
  export interface TcbQueryCommand extends TcbLogicCommand {
    /** Operands may include a `db.RegExp` on the same field (encoded as `{field: {$regex, $options}}`). */
    and(...expressions: Array<TcbLogicCommand | TcbRegExp>): TcbLogicCommand;
  }
  /** `db.RegExp({regexp, options})`: serialised as `{$regex, $options}` (MongoDB/PCRE semantics). */
  export interface TcbRegExp {
    readonly $regex: string;
    readonly $options?: string;
  }
  export interface TcbUpdateCommand {
    readonly operator: string;
  }

  export type TcbScalar = string | number | boolean | null;
  export type TcbWhere = Record<string, TcbScalar | TcbLogicCommand | TcbRegExp>;

  export interface TcbCommand {
    eq(value: TcbScalar): TcbQueryCommand;
    neq(value: TcbScalar): TcbQueryCommand;
    gt(value: string | number): TcbQueryCommand;
    gte(value: string | number): TcbQueryCommand;
    lt(value: string | number): TcbQueryCommand;
    lte(value: string | number): TcbQueryCommand;
    in(values: TcbScalar[]): TcbQueryCommand;
    /** Replaces the whole field (plain objects in an update are otherwise merged key by key). */
    set(value: unknown): TcbUpdateCommand;
  }

  export interface TcbQuery {
    where(query: TcbWhere): TcbQuery;
    orderBy(field: string, direction: 'asc' | 'desc'): TcbQuery;
    skip(offset: number): TcbQuery;
    limit(limit: number): TcbQuery;
    get(): Promise<TcbErrorResult | { data: TcbDocData[]; requestId?: string }>;
    /** Bug in 0.9.15: never settles if the HTTP call fails (see tcb-transport-fix.ts). */
    count(): Promise<TcbErrorResult | { total: number; requestId?: string }>;
    /** Multi-document update; same bug as count(). */
    update(data: Record<string, unknown>): Promise<TcbErrorResult | { updated: number; requestId?: string }>;
    /** Multi-document remove; same bug as count(). */
    remove(): Promise<TcbErrorResult | { deleted: number; requestId?: string }>;
  }

  export interface TcbDocumentReference {
    /** `data` holds zero or one document. */
    get(): Promise<TcbErrorResult | { data: TcbDocData[]; requestId?: string }>;
    update(data: Record<string, unknown>): Promise<TcbErrorResult | { updated: number; requestId?: string }>;
    remove(): Promise<TcbErrorResult | { deleted: number; requestId?: string }>;
  }

  export interface TcbCollectionReference extends TcbQuery {
    doc(id: string): TcbDocumentReference;
    /** A `_id` inside `data` becomes the document id. */
    add(data: TcbDocData): Promise<TcbErrorResult | { id: string; requestId?: string }>;
  }

  /** Transaction operations throw their `{code, message}` errors instead of resolving them. */
  export interface TcbTransactionDocument {
    get(): Promise<{ data: TcbDocData | null; requestId?: string }>;
    update(data: Record<string, unknown>): Promise<{ updated: number; requestId?: string }>;
    delete(): Promise<{ deleted: number; requestId?: string }>;
  }

  export interface TcbTransactionCollection {
    doc(id: string): TcbTransactionDocument;
    add(data: TcbDocData): Promise<{ inserted: number; ok: number; requestId?: string }>;
  }

  export interface TcbTransaction {
    collection(name: string): TcbTransactionCollection;
    commit(): Promise<{ requestId?: string }>;
    rollback(reason?: unknown): Promise<{ requestId?: string }>;
  }

  export interface TcbDatabase {
    readonly command: TcbCommand;
    /** Options: i (case-insensitive), m, s. */
    RegExp(init: { regexp: string; options?: string }): TcbRegExp;
    collection(name: string): TcbCollectionReference;
    createCollection(name: string): Promise<TcbErrorResult | { requestId?: string }>;
    startTransaction(): Promise<TcbTransaction>;
    runTransaction<R>(work: (transaction: TcbTransaction) => Promise<R>, times?: number): Promise<R>;
  }

  export interface TcbApp {
    database(config?: { env?: string }): TcbDatabase;
    /** WeChat open API through CloudBase (action `wx.api`): `{result}` on success, `{code, message}` on failure. */
    callWxOpenApi(options: { apiName: string; requestData?: unknown }): Promise<{ result?: unknown; requestId?: string } | TcbErrorResult>;
    /**
     * Download links for files in storage (action `storage.batchGetDownloadUrl`). Each entry's `code` is
     * 'SUCCESS' or an error code such as 'STORAGE_FILE_NONEXIST'; a failed call resolves `{code, message}`.
     */
    getTempFileURL(options: { fileList: Array<string | { fileID: string; maxAge: number }> }): Promise<
      | { fileList: Array<{ fileID: string; tempFileURL?: string; code: string; maxAge?: number }>; requestId?: string }
      | TcbErrorResult
    >;
  }

  export interface Tcb extends TcbApp {
    init(options: TcbInitOptions): TcbApp;
    readonly SYMBOL_CURRENT_ENV: symbol;
  }

  const tcb: Tcb;
  export default tcb;
}
