// The local gateway: one HTTP server on 127.0.0.1 that hosts the cloud functions (`POST /api/<name>`
// with the same event CloudBase delivers) over the local store, the persona session (local only) and
// the built H5 app. Production never runs this file.
import { createHash, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import { EVENT_TOO_DEEP_MESSAGE, MAX_EVENT_BYTES, MAX_EVENT_DEPTH, type Envelope, type ErrorCode } from '../../src/contracts/core';
import { ATTACHMENT_TYPES_LABEL, isAttachmentContentType, MAX_ATTACHMENT_BYTES } from '../../src/contracts/files';
import type { LocalFileStore } from '../_lib/adapters/local-files';
import { localSessionSchema, switchPersonaSchema, type LocalSession } from '../../src/contracts/local';
import { handlers } from '../_lib/handlers';
import { STAFF_COLLECTION, type StaffRecord } from '../_lib/identity/caller';
import { dispatch, fail, type Deps } from '../_lib/router';
import type { AdjustableClock } from './clock';
import { DEFAULT_PERSONA, PERSONAS, findPersona, type Persona } from './personas';

export interface GatewayOptions {
  deps: Deps;
  /** The built H5 app (dist/h5). Without it the gateway serves only the API. */
  staticDir?: string;
  /** When given, GET/POST /local/clock read and move it (local testing of deadlines). */
  clock?: AdjustableClock;
  /** When given, POST /local/upload stores files there and GET /local/files/<id> serves them (the local stand-in for CloudBase storage). */
  files?: LocalFileStore;
  /** Personas beyond PERSONAS a session may switch to (the benchmark's citizens; see benchCitizens). */
  extraPersonas?: (key: string) => Persona | undefined;
  /**
   * Tests only (LOCAL_TEST_IDENTITIES=1): a call may name its caller in the `x-test-openid` header
   * (`test-` + up to 48 letters, digits, `_` or `-`), so load tests can act as thousands of citizens.
   * Such callers are never staff: the staff collection holds no `test-` OPENIDs.
   */
  testIdentities?: boolean;
  /** Request rate limits for the API and uploads; `false` turns them off (load benchmarks). Defaults: RATE_LIMITS. */
  rateLimit?: RateLimits | false;
}

/** A token bucket: `burst` requests at once, refilled at `perSecond`. */
export interface Bucket {
  burst: number;
  perSecond: number;
}
export interface RateLimits {
  /** Per session (a session is one persona in one browser): what a person can do. */
  session: Bucket;
  /** Per client IP for requests without a known session (new or anonymous clients, cookie rotation). */
  ip: Bucket;
}
/**
 * Generous for people and the e2e journeys (a page makes a handful of calls; the busiest journey, the
 * accessibility scan of 31 pages in one session, stays far below 50 a second), tight enough that a
 * loop hammering the functions is slowed to a crawl.
 */
export const RATE_LIMITS: RateLimits = { session: { burst: 300, perSecond: 50 }, ip: { burst: 120, perSecond: 20 } };
/** Buckets kept at most (a full bucket is forgotten first: it is the same as a new one). */
const MAX_BUCKETS = 10_000;

/** Token buckets by key. `take` answers 0 when allowed, else the seconds to wait. */
export function tokenBuckets(now: () => number = Date.now) {
  const buckets = new Map<string, { tokens: number; at: number; bucket: Bucket }>();
  function refill(entry: { tokens: number; at: number; bucket: Bucket }, t: number) {
    entry.tokens = Math.min(entry.bucket.burst, entry.tokens + ((t - entry.at) / 1000) * entry.bucket.perSecond);
    entry.at = t;
  }
  function prune(t: number) {
    for (const [key, entry] of buckets) {
      refill(entry, t);
      if (entry.tokens >= entry.bucket.burst) buckets.delete(key);
    }
    // Still full of busy clients: forget the oldest.
    for (const key of buckets.keys()) {
      if (buckets.size < MAX_BUCKETS) break;
      buckets.delete(key);
    }
  }
  return {
    take(key: string, bucket: Bucket): number {
      const t = now();
      let entry = buckets.get(key);
      if (!entry) {
        if (buckets.size >= MAX_BUCKETS) prune(t);
        entry = { tokens: bucket.burst, at: t, bucket };
        buckets.set(key, entry);
      }
      refill(entry, t);
      if (entry.tokens >= 1) {
        entry.tokens -= 1;
        return 0;
      }
      return Math.max(1, Math.ceil((1 - entry.tokens) / bucket.perSecond));
    },
    get size() {
      return buckets.size;
    },
  };
}

const TEST_OPENID = /^test-[A-Za-z0-9_-]{1,48}$/;

const STATUS_BY_CODE: Record<ErrorCode, number> = {
  BAD_REQUEST: 400,
  VALIDATION_FAILED: 400,
  UNKNOWN_FUNCTION: 404,
  UNKNOWN_ACTION: 404,
  PAYLOAD_TOO_LARGE: 413,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  RATE_LIMITED: 429,
  UNAVAILABLE: 503,
  INTERNAL: 500,
};

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

const BASE_HEADERS = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
  // The H5 app uses none of these; a page that is ever injected cannot either.
  'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
};

/** Whether JSON text nests objects/arrays deeper than `max`, found by scanning before parsing. */
export function jsonTextNestsDeeperThan(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (inString) {
      if (ch === 0x5c) i++; // backslash: skip the escaped character
      else if (ch === 0x22) inString = false;
    } else if (ch === 0x22) inString = true;
    else if (ch === 0x7b || ch === 0x5b) {
      if (++depth > max) return true;
    } else if (ch === 0x7d || ch === 0x5d) depth--;
  }
  return false;
}

class RequestError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
  }
}

function sendJson(res: ServerResponse, status: number, body: unknown, extraHeaders: Record<string, string> = {}): void {
  const payload = JSON.stringify(body);
  res.writeHead(status, {
    ...BASE_HEADERS,
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    'content-length': Buffer.byteLength(payload),
    ...extraHeaders,
  });
  res.end(payload);
}

function sendEnvelope(res: ServerResponse, envelope: Envelope<unknown>, extraHeaders?: Record<string, string>): void {
  sendJson(res, envelope.ok ? 200 : STATUS_BY_CODE[envelope.error.code], envelope, extraHeaders);
}

async function readJsonBody(req: IncomingMessage): Promise<unknown> {
  const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  if (type !== 'application/json') throw new RequestError('BAD_REQUEST', '请求体须为 JSON（Content-Type: application/json）');
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > MAX_EVENT_BYTES) throw new RequestError('PAYLOAD_TOO_LARGE', `提交的内容过大（上限 ${MAX_EVENT_BYTES / 1024} KB）`);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_EVENT_BYTES) throw new RequestError('PAYLOAD_TOO_LARGE', `提交的内容过大（上限 ${MAX_EVENT_BYTES / 1024} KB）`);
    chunks.push(chunk);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (!text.trim()) throw new RequestError('BAD_REQUEST', '请求体为空');
  // Checked on the text, so a hostile nesting never reaches the parser.
  if (jsonTextNestsDeeperThan(text, MAX_EVENT_DEPTH)) throw new RequestError('BAD_REQUEST', EVENT_TOO_DEEP_MESSAGE);
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new RequestError('BAD_REQUEST', '请求体不是合法的 JSON');
  }
}

function parseCookies(header: string | undefined): Record<string, string> {
  const cookies: Record<string, string> = {};
  for (const part of (header ?? '').split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name) cookies[name] = rest.join('=');
  }
  return cookies;
}

/** A Content-Security-Policy that allows exactly the inline scripts index.html ships (by hash). */
function contentSecurityPolicy(indexHtml: string): string {
  const hashes = [...indexHtml.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map(
    (match) => `'sha256-${createHash('sha256').update(match[1] ?? '').digest('base64')}'`,
  );
  return [
    "default-src 'self'",
    `script-src 'self' ${hashes.join(' ')}`.trim(),
    // Taro's web components inject style attributes at run time.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "connect-src 'self'",
    "font-src 'self' data:",
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'self'",
  ].join('; ');
}

export function createGateway(options: GatewayOptions): Server {
  const { deps } = options;
  const sessions = new Map<string, string>();
  const gzipCache = new Map<string, Buffer>();
  const staticRoot = options.staticDir ? resolve(options.staticDir) : undefined;
  let csp: string | undefined;
  const personaOf = (key: string) => findPersona(key) ?? options.extraPersonas?.(key);
  const limits = options.rateLimit === false ? undefined : (options.rateLimit ?? RATE_LIMITS);
  const buckets = tokenBuckets();

  /** Seconds to wait when the caller is over its rate, else 0: by session when it has one, else by IP. */
  function overRate(req: IncomingMessage): number {
    if (!limits) return 0;
    const sid = parseCookies(req.headers.cookie).sid;
    if (sid && sessions.has(sid)) return buckets.take(`sid:${sid}`, limits.session);
    return buckets.take(`ip:${req.socket.remoteAddress ?? 'unknown'}`, limits.ip);
  }

  function sendRateLimited(req: IncomingMessage, res: ServerResponse, retryAfter: number): void {
    sendEnvelope(res, fail('RATE_LIMITED', `操作过于频繁，请 ${retryAfter} 秒后再试`), { 'retry-after': String(retryAfter), connection: 'close' });
    req.resume();
  }

  function sessionOf(req: IncomingMessage): { sid: string; persona: string; isNew: boolean } {
    const sid = parseCookies(req.headers.cookie).sid;
    if (sid && /^[a-f0-9]{32}$/.test(sid)) {
      return { sid, persona: sessions.get(sid) ?? DEFAULT_PERSONA, isNew: !sessions.has(sid) };
    }
    return { sid: randomBytes(16).toString('hex'), persona: DEFAULT_PERSONA, isNew: true };
  }

  function sessionCookie(sid: string): Record<string, string> {
    return { 'set-cookie': `sid=${sid}; Path=/; HttpOnly; SameSite=Strict` };
  }

  async function describeSession(current: string): Promise<LocalSession> {
    const personas = await Promise.all(
      PERSONAS.map(async (persona) => {
        const staff = persona.openid ? await deps.store.get<StaffRecord>(STAFF_COLLECTION, persona.openid) : null;
        return { key: persona.key, label: persona.label, roles: staff?.roles ?? [] };
      }),
    );
    return localSessionSchema.parse({ current, personas });
  }

  async function handleApi(req: IncomingMessage, res: ServerResponse, functionName: string): Promise<void> {
    if (req.method !== 'POST') {
      sendEnvelope(res, fail('BAD_REQUEST', '请使用 POST 方法调用云函数'), { allow: 'POST' });
      return;
    }
    const session = sessionOf(req);
    if (session.isNew) sessions.set(session.sid, session.persona);
    const event = await readJsonBody(req);
    const persona = personaOf(session.persona) ?? findPersona(DEFAULT_PERSONA)!;
    const testOpenid = options.testIdentities ? req.headers['x-test-openid'] : undefined;
    const openid = typeof testOpenid === 'string' && TEST_OPENID.test(testOpenid) ? testOpenid : persona.openid;
    const envelope = await dispatch(handlers, deps, { functionName, event, identity: { openid } });
    sendEnvelope(res, envelope, session.isNew ? sessionCookie(session.sid) : {});
  }

  async function handleSession(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const session = sessionOf(req);
    if (req.method === 'POST') {
      const body = switchPersonaSchema.safeParse(await readJsonBody(req));
      if (!body.success || !personaOf(body.data.persona)) {
        sendEnvelope(res, fail('VALIDATION_FAILED', '未知的演示身份'));
        return;
      }
      sessions.set(session.sid, body.data.persona);
      sendJson(res, 200, await describeSession(body.data.persona), sessionCookie(session.sid));
      return;
    }
    if (req.method !== 'GET') {
      sendEnvelope(res, fail('BAD_REQUEST', '仅支持 GET 与 POST'));
      return;
    }
    if (session.isNew) sessions.set(session.sid, session.persona);
    sendJson(res, 200, await describeSession(session.persona), session.isNew ? sessionCookie(session.sid) : {});
  }

  async function handleClock(req: IncomingMessage, res: ServerResponse, clock: AdjustableClock): Promise<void> {
    if (req.method === 'POST') {
      const body = (await readJsonBody(req)) as { now?: unknown };
      const instant = typeof body?.now === 'string' ? new Date(body.now) : new Date(Number.NaN);
      if (Number.isNaN(instant.getTime())) {
        sendEnvelope(res, fail('VALIDATION_FAILED', '请提供 ISO 格式的时间，例如 2026-04-01T09:00:00+08:00'));
        return;
      }
      clock.set(instant);
    }
    sendJson(res, 200, { now: clock.now().toISOString() });
  }

  async function handleUpload(req: IncomingMessage, res: ServerResponse, files: LocalFileStore): Promise<void> {
    if (req.method !== 'POST') {
      sendEnvelope(res, fail('BAD_REQUEST', '请使用 POST 方法上传文件'), { allow: 'POST' });
      return;
    }
    const contentType = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
    if (!isAttachmentContentType(contentType)) {
      sendJson(res, 415, fail('VALIDATION_FAILED', `不支持的文件类型：仅可上传 ${ATTACHMENT_TYPES_LABEL} 文件`), { connection: 'close' });
      req.resume();
      return;
    }
    let name = '';
    try {
      name = decodeURIComponent(String(req.headers['x-file-name'] ?? '')).trim();
    } catch {
      name = '';
    }
    // Only the last path segment, no control characters.
    name = [...(name.split(/[\\/]/).pop() ?? '')].filter((ch) => ch.charCodeAt(0) >= 0x20 && ch.charCodeAt(0) !== 0x7f).join('').slice(0, 200);
    if (!name) throw new RequestError('BAD_REQUEST', '缺少文件名（x-file-name，URI 编码）');
    const tooLarge = `文件超过 10 MB，请压缩或分开上传`;
    if (Number(req.headers['content-length'] ?? 0) > MAX_ATTACHMENT_BYTES) throw new RequestError('PAYLOAD_TOO_LARGE', tooLarge);
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of req as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > MAX_ATTACHMENT_BYTES) throw new RequestError('PAYLOAD_TOO_LARGE', tooLarge);
      chunks.push(chunk);
    }
    if (size === 0) throw new RequestError('BAD_REQUEST', '文件为空');
    const saved = await files.save(Buffer.concat(chunks), { name, contentType });
    sendJson(res, 200, saved);
  }

  async function handleFile(req: IncomingMessage, res: ServerResponse, files: LocalFileStore, id: string): Promise<void> {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      sendEnvelope(res, fail('BAD_REQUEST', '不支持的请求方法'));
      return;
    }
    const found = await files.read(id);
    if (!found) {
      sendEnvelope(res, fail('NOT_FOUND', '文件不存在或已过期'));
      return;
    }
    const ascii = found.meta.name.replace(/[^\x20-\x7e]|["\\]/g, '_');
    res.writeHead(200, {
      ...BASE_HEADERS,
      'content-type': found.meta.contentType,
      'content-length': found.data.length,
      'content-disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(found.meta.name)}`,
      'cache-control': 'private, no-store',
      'content-security-policy': "default-src 'none'; sandbox",
    });
    res.end(req.method === 'HEAD' ? undefined : found.data);
  }

  async function handleStatic(req: IncomingMessage, res: ServerResponse, pathname: string): Promise<void> {
    if (!staticRoot) {
      sendEnvelope(res, fail('NOT_FOUND', '未构建 H5 应用：请先运行 npm run build:h5'));
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      sendEnvelope(res, fail('BAD_REQUEST', '不支持的请求方法'));
      return;
    }
    let file = normalize(join(staticRoot, decodeURIComponent(pathname)));
    if (file !== staticRoot && !file.startsWith(staticRoot + sep)) {
      sendEnvelope(res, fail('NOT_FOUND'));
      return;
    }
    const info = await stat(file).catch(() => undefined);
    if (!info || info.isDirectory()) {
      // Unknown paths without an extension fall back to the app (it routes by hash).
      if (extname(pathname)) {
        sendEnvelope(res, fail('NOT_FOUND'));
        return;
      }
      file = join(staticRoot, 'index.html');
    }
    const body = await readFile(file);
    const isHtml = file.endsWith('.html');
    if (isHtml && !csp) csp = contentSecurityPolicy(body.toString('utf8'));
    const headers: Record<string, string | number> = {
      ...BASE_HEADERS,
      'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
      // Hashed assets never change; the page itself is always revalidated.
      'cache-control': isHtml ? 'no-cache' : 'public, max-age=31536000, immutable',
    };
    if (isHtml && csp) headers['content-security-policy'] = csp;
    if (isHtml) {
      // The page opens the session, so the app's first parallel API calls all share one cookie.
      const session = sessionOf(req);
      if (session.isNew) {
        sessions.set(session.sid, session.persona);
        Object.assign(headers, sessionCookie(session.sid));
      }
    }
    let payload: Buffer = body;
    if (/\.(js|css|html|json|svg)$/.test(file) && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) {
      payload = gzipCache.get(file) ?? Buffer.from(gzipSync(body));
      if (!isHtml) gzipCache.set(file, payload);
      headers['content-encoding'] = 'gzip';
      headers.vary = 'accept-encoding';
    }
    headers['content-length'] = payload.length;
    res.writeHead(200, headers);
    res.end(req.method === 'HEAD' ? undefined : payload);
  }

  return createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const { pathname } = url;
    const work = (async () => {
      const api = /^\/api\/([^/]+)\/?$/.exec(pathname);
      if (api || pathname === '/local/upload' || (pathname === '/local/session' && req.method === 'POST')) {
        const wait = overRate(req);
        if (wait > 0) return sendRateLimited(req, res, wait);
      }
      if (api) return handleApi(req, res, decodeURIComponent(api[1] ?? ''));
      if (pathname === '/local/session') return handleSession(req, res);
      if (pathname === '/local/clock' && options.clock) return handleClock(req, res, options.clock);
      if (pathname === '/local/upload' && options.files) return handleUpload(req, res, options.files);
      const file = /^\/local\/files\/([^/]+)$/.exec(pathname);
      if (file && options.files) return handleFile(req, res, options.files, file[1] ?? '');
      if (pathname === '/healthz') return sendJson(res, 200, { ok: true });
      if (pathname.startsWith('/api/') || pathname === '/api') return sendEnvelope(res, fail('UNKNOWN_FUNCTION', '请求的服务不存在'));
      return handleStatic(req, res, pathname);
    })();
    work.catch((error: unknown) => {
      if (error instanceof RequestError) {
        if (!res.headersSent) sendEnvelope(res, fail(error.code, error.message), { connection: 'close' });
        req.resume();
        return;
      }
      deps.log.error('gateway error', { path: pathname, error: error instanceof Error ? error.message.slice(0, 200) : 'unknown' });
      if (!res.headersSent) sendEnvelope(res, fail('INTERNAL'));
      else res.destroy();
    });
  });
}
