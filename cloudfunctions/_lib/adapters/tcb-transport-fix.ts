// Work-around for a bug in @cloudbase/database 0.9.15 (bundled by tcb-admin-node 1.23.0):
// `Query.count()`, `Query.update()` and `Query.remove()` call `request.send(...).then(...)` with no
// `.catch`, so when the HTTP call fails (500, reset, timeout) their promise never settles and the
// rejection is unhandled, which kills Node 20. Other calls do catch and reject normally.
//
// Fix: wrap `send` of the request class that `Db.reqClass` points to, so a transport failure (or a
// reply the SDK would crash on) RESOLVES to `{code: TCB_TRANSPORT_ERROR, message}` like any other
// database error. The SDK's own callers then settle with that result. The class is taken from the
// very Db instance tcb-admin-node returned, so it is the module instance the SDK uses (also in an
// esbuild bundle). We patch the prototype in place rather than assigning a subclass to
// `Db.reqClass`, because every `app.database()` call resets `Db.reqClass` to the same class.
// If the hook is not where we expect (SDK upgraded), installation throws at startup.
import type { TcbDatabase } from 'tcb-admin-node';

export const TRANSPORT_ERROR_CODE = 'TCB_TRANSPORT_ERROR';

export interface TransportErrorResult {
  code: typeof TRANSPORT_ERROR_CODE;
  message: string;
  /** HTTP status when the service answered with something other than 200. */
  statusCode?: number;
}

type Send = (this: unknown, action: string, params?: unknown) => Promise<unknown>;

const PATCHED = Symbol.for('zibo-ggzy.tcb-transport-fix');

/** Actions whose success reply the SDK reads as `res.data.<field>` without checking. */
const NEEDS_DATA_OBJECT = new Set([
  'database.queryDocument',
  'database.countDocument',
  'database.updateDocument',
  'database.deleteDocument',
  'database.addDocument',
]);

function transportError(message: string, statusCode?: number): TransportErrorResult {
  return statusCode === undefined
    ? { code: TRANSPORT_ERROR_CODE, message }
    : { code: TRANSPORT_ERROR_CODE, message, statusCode };
}

function describe(err: unknown): { message: string; statusCode?: number } {
  if (err instanceof Error) {
    const { code, statusCode } = err as Error & { code?: unknown; statusCode?: unknown };
    const prefix = typeof code === 'string' ? `${code}: ` : '';
    return {
      message: `${prefix}${err.message.trim()}`,
      ...(typeof statusCode === 'number' ? { statusCode } : {}),
    };
  }
  return { message: String(err) };
}

function checkReply(action: string, reply: unknown): unknown {
  if (typeof reply !== 'object' || reply === null) {
    return transportError(`${action}: reply is not a JSON object`);
  }
  const { code, data } = reply as { code?: unknown; data?: unknown };
  if (!code && NEEDS_DATA_OBJECT.has(action) && (typeof data !== 'object' || data === null)) {
    return transportError(`${action}: reply has no data object`);
  }
  return reply;
}

function wrapSend(original: Send): Send {
  const send: Send = async function patchedSend(this: unknown, action, params) {
    try {
      return checkReply(action, await original.call(this, action, params));
    } catch (err) {
      const { message, statusCode } = describe(err);
      return transportError(`${action}: ${message}`, statusCode);
    }
  };
  Object.defineProperty(send, PATCHED, { value: true });
  return send;
}

interface RequestPrototype {
  send?: unknown;
}

/** The prototype whose `send` every database request goes through, or an explanation why not found. */
function requestPrototype(db: TcbDatabase): RequestPrototype | string {
  const proto: unknown = Object.getPrototypeOf(db);
  const DbClass: unknown = (proto as { constructor?: unknown } | null)?.constructor;
  if (typeof DbClass !== 'function') return 'database object has no class';
  const reqClass: unknown = (DbClass as { reqClass?: unknown }).reqClass;
  if (typeof reqClass !== 'function') return 'Db.reqClass is not a class';
  const reqProto = (reqClass as { prototype?: unknown }).prototype;
  if (typeof reqProto !== 'object' || reqProto === null) return 'Db.reqClass has no prototype';
  if (typeof (reqProto as RequestPrototype).send !== 'function') return 'Db.reqClass.prototype.send is not a function';
  return reqProto as RequestPrototype;
}

export function isTransportFixInstalled(db: TcbDatabase): boolean {
  const proto = requestPrototype(db);
  return typeof proto !== 'string' && (proto.send as { [PATCHED]?: boolean })[PATCHED] === true;
}

/**
 * Installs the fix for the SDK instance behind `db` (idempotent). Throws if the hook is missing,
 * i.e. the SDK no longer looks like tcb-admin-node 1.23.0 / @cloudbase/database 0.9.15.
 */
export function installTransportFix(db: TcbDatabase): void {
  const proto = requestPrototype(db);
  if (typeof proto === 'string') {
    throw new Error(`tcb transport fix: ${proto}; tcb-admin-node changed, re-check the work-around before upgrading`);
  }
  if (!isTransportFixInstalled(db)) proto.send = wrapSend(proto.send as Send);
  if (!isTransportFixInstalled(db)) throw new Error('tcb transport fix: patch did not take effect');
}
