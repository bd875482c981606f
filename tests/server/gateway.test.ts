// The local gateway, in process over a real HTTP socket and a seeded SQLite store.
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createGateway } from '../../cloudfunctions/_local/gateway';
import { testDeps } from '../support/seeded-store';

let server: Server;
let base: string;
let deps: Awaited<ReturnType<typeof testDeps>>;

beforeAll(async () => {
  deps = await testDeps();
  const staticDir = mkdtempSync(join(tmpdir(), 'gateway-static-'));
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><html><head><script>window.x=1</script></head><body>app</body></html>');
  mkdirSync(join(staticDir, 'js'));
  writeFileSync(join(staticDir, 'js', 'app.12345678.js'), 'console.log("app")');
  writeFileSync(join(tmpdir(), 'gateway-secret.txt'), 'secret');
  server = createGateway({ deps, staticDir, files: deps.files });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await deps.store.close();
});

async function api(fn: string, body: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(`${base}/api/${fn}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the assertions read deep JSON
  return { status: response.status, body: (await response.json()) as { ok: boolean; data?: any; error?: any }, headers: response.headers };
}

describe('gateway: functions', () => {
  it('serves an action with the same event CloudBase delivers', async () => {
    const answer = await api('report', { action: 'getReport', input: { year: 2023 } });
    expect(answer.status).toBe(200);
    expect(answer.body.data.table3.newReceived).toEqual([5, 0, 0, 0, 0, 0, 5]);
    expect(answer.headers.get('set-cookie')).toMatch(/^sid=[a-f0-9]{32}; Path=\/; HttpOnly; SameSite=Strict/);
  });

  it('pages through a whole category with a keyset cursor: no gaps, no repeats, newest first', async () => {
    const seen: Array<{ id: string; publishedAt: string }> = [];
    let cursor: string | null = null;
    let total = 0;
    do {
      const page = await api('catalogue', { action: 'listItems', input: { categoryId: 'gzzd', cursor, limit: 20 } });
      expect(page.status).toBe(200);
      total = page.body.data.category.itemCount;
      seen.push(...page.body.data.items);
      cursor = page.body.data.nextCursor;
    } while (cursor);
    expect(total).toBe(45);
    expect(new Set(seen.map((i) => i.id)).size).toBe(45);
    const dates = seen.map((i) => i.publishedAt);
    expect([...dates].sort().reverse()).toEqual(dates);
  });

  it.each([
    ['malformed JSON', 'catalogue', '{"action":', 400, 'BAD_REQUEST'],
    ['an empty body', 'catalogue', '', 400, 'BAD_REQUEST'],
    ['an unknown function', 'nope', { action: 'x' }, 404, 'UNKNOWN_FUNCTION'],
    ['an unknown action', 'catalogue', { action: 'x' }, 404, 'UNKNOWN_ACTION'],
    ['invalid input', 'catalogue', { action: 'listItems', input: { categoryId: 'gzzd', limit: 500 } }, 400, 'VALIDATION_FAILED'],
  ])('answers %s with HTTP %i and %s', async (_what, fn, body, status, code) => {
    const answer = await api(fn, body);
    expect(answer.status).toBe(status);
    expect(answer.body).toMatchObject({ ok: false, error: { code } });
    expect(answer.body.error.message).toMatch(/[\u4e00-\u9fa5]/);
  });

  it('refuses a body that is not JSON by content type', async () => {
    const response = await fetch(`${base}/api/catalogue`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{}' });
    expect(response.status).toBe(400);
  });

  it('refuses an oversize body before parsing it', async () => {
    const answer = await api('catalogue', JSON.stringify({ action: 'listCategories', input: { pad: 'x'.repeat(300 * 1024) } }));
    expect(answer.status).toBe(413);
    expect(answer.body.error.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('refuses GET on a function', async () => {
    const response = await fetch(`${base}/api/portal`);
    expect(response.status).toBe(400);
  });
});

describe('gateway: local persona session', () => {
  it('starts as 市民甲 and switches persona per session; roles come from the staff collection', async () => {
    const first = await fetch(`${base}/local/session`);
    const cookie = first.headers.get('set-cookie')!.split(';')[0]!;
    expect(await first.json()).toMatchObject({ current: 'citizenA' });
    const switched = await fetch(`${base}/local/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify({ persona: 'reviewer' }),
    });
    const session = (await switched.json()) as { current: string; personas: Array<{ key: string; roles: string[] }> };
    expect(session.current).toBe('reviewer');
    expect(session.personas.find((p) => p.key === 'reviewer')?.roles).toEqual(['reviewer']);
    expect(session.personas.find((p) => p.key === 'citizenA')?.roles).toEqual([]);
    const again = await fetch(`${base}/local/session`, { headers: { cookie } });
    expect(await again.json()).toMatchObject({ current: 'reviewer' });
  });

  it('refuses an unknown persona', async () => {
    const response = await fetch(`${base}/local/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ persona: 'root' }) });
    expect(response.status).toBe(400);
  });
});

describe('gateway: the H5 app', () => {
  it('serves index.html with security headers and a CSP that allows exactly its inline script', async () => {
    const response = await fetch(`${base}/`);
    expect(response.status).toBe(200);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toMatch(/script-src 'self' 'sha256-[A-Za-z0-9+/=]+'/);
    expect(csp).toContain("frame-ancestors 'none'");
    // The page opens the session, so the app's first parallel calls share one cookie.
    const cookie = response.headers.get('set-cookie')!.split(';')[0]!;
    expect(cookie).toMatch(/^sid=[a-f0-9]{32}$/);
    const api = await fetch(`${base}/api/portal`, { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: '{"action":"getProfile"}' });
    expect(api.headers.get('set-cookie')).toBeNull();
  });

  it('serves hashed assets as immutable, gzipped when asked', async () => {
    const response = await fetch(`${base}/js/app.12345678.js`, { headers: { 'accept-encoding': 'gzip' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toContain('immutable');
    expect(await response.text()).toBe('console.log("app")');
  });

  it('never serves files outside the app folder', async () => {
    for (const path of ['/..%2fgateway-secret.txt', '/%2e%2e/gateway-secret.txt', '/js/..%2f..%2fgateway-secret.txt']) {
      const response = await fetch(`${base}${path}`);
      expect(await response.text()).not.toContain('secret');
    }
  });

  it('answers a missing asset with 404 and unknown routes with the app', async () => {
    expect((await fetch(`${base}/js/missing.js`)).status).toBe(404);
    expect(await (await fetch(`${base}/some/route`)).text()).toContain('app');
  });
});

describe('gateway: the local clock', () => {
  it('moves the clock the functions see, and refuses a bad instant', async () => {
    const { adjustableClock } = await import('../../cloudfunctions/_local/clock');
    const clock = adjustableClock('2026-02-10T09:00:00+08:00');
    const clockDeps = { ...(await testDeps()), clock };
    const clocked = createGateway({ deps: clockDeps, clock });
    await new Promise<void>((resolve) => clocked.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(clocked.address() as AddressInfo).port}`;
    try {
      expect(((await (await fetch(`${url}/local/clock`)).json()) as { now: string }).now.slice(0, 10)).toBe('2026-02-10');
      const moved = await fetch(`${url}/local/clock`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ now: '2026-04-01T09:00:00+08:00' }) });
      expect(((await moved.json()) as { now: string }).now.slice(0, 13)).toBe('2026-04-01T01');
      const calc = await fetch(`${url}/api/requests`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ action: 'calculateDeadlines', input: { receiptDate: '2026-04-01' } }) });
      expect(((await calc.json()) as { data: { deadlines: Array<{ workingDaysLeft: number }> } }).data.deadlines[0]!.workingDaysLeft).toBe(7);
      expect((await fetch(`${url}/local/clock`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"now":"soon"}' })).status).toBe(400);
    } finally {
      await new Promise((resolve) => clocked.close(resolve));
    }
  });

  it('is absent unless the gateway is given an adjustable clock', async () => {
    expect((await fetch(`${base}/local/clock`)).status).toBe(200); // served as the app (no such route)
    expect(await (await fetch(`${base}/local/clock`)).text()).toContain('app');
  });
});

describe('gateway: local file upload (stand-in for CloudBase storage)', () => {
  async function upload(body: Blob | string, contentType: string, name?: string) {
    const response = await fetch(`${base}/local/upload`, {
      method: 'POST',
      headers: { 'content-type': contentType, ...(name !== undefined ? { 'x-file-name': encodeURIComponent(name) } : {}) },
      body,
    });
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the assertions read the JSON
    return { status: response.status, body: (await response.json()) as any };
  }

  it('stores an allowed file and serves it back as a download', async () => {
    const answer = await upload('%PDF-1.4 补正', 'application/pdf', '补正 材料.pdf');
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ fileId: expect.stringMatching(/^local-file:\/\/[a-f0-9]{32}$/), name: '补正 材料.pdf', size: Buffer.byteLength('%PDF-1.4 补正'), contentType: 'application/pdf' });
    expect(await deps.files.describe(answer.body.fileId)).toMatchObject({ name: '补正 材料.pdf', contentType: 'application/pdf' });

    const url = await deps.files.downloadUrl(answer.body.fileId);
    const file = await fetch(`${base}${url}`);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('application/pdf');
    expect(file.headers.get('x-content-type-options')).toBe('nosniff');
    expect(file.headers.get('content-disposition')).toBe(`attachment; filename="__ __.pdf"; filename*=UTF-8''${encodeURIComponent('补正 材料.pdf')}`);
    expect(await file.text()).toBe('%PDF-1.4 补正');
  });

  it('keeps only the last segment of a file name', async () => {
    const answer = await upload('hello', 'text/plain', '../../etc/说明.txt');
    expect(answer.body.name).toBe('说明.txt');
  });

  it('refuses a type that is not allowed with 415 and a Chinese message', async () => {
    const answer = await upload('MZ', 'application/x-msdownload', 'a.exe');
    expect(answer.status).toBe(415);
    expect(answer.body).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    expect(answer.body.error.message).toContain('仅可上传 PDF、JPG、PNG、DOC、DOCX、TXT');
  });

  it('refuses a file over 10 MB, an empty file and a missing name', async () => {
    const big = await upload(new Blob([new Uint8Array(10 * 1024 * 1024 + 1)]), 'image/png', 'big.png');
    expect(big.status).toBe(413);
    expect(big.body.error.message).toContain('10 MB');
    expect((await upload('', 'text/plain', 'empty.txt')).status).toBe(400);
    const nameless = await upload('x', 'text/plain');
    expect(nameless.status).toBe(400);
    expect(nameless.body.error.message).toContain('缺少文件名');
  });

  it('answers 404 for an unknown or malformed file id, and refuses GET on upload', async () => {
    expect((await fetch(`${base}/local/files/${'0'.repeat(32)}`)).status).toBe(404);
    expect((await fetch(`${base}/local/files/..%2F..%2Fetc`)).status).toBe(404);
    expect((await fetch(`${base}/local/upload`)).status).toBe(400);
  });
});

describe('gateway: hostile requests', () => {
  it('refuses JSON nested deeper than 32 levels before parsing it, with a clear Chinese message', async () => {
    const deep = (n: number) => `{"action":"getItem","input":${'['.repeat(n)}${']'.repeat(n)}}`;
    // 31 arrays inside the event object and its input: 32 levels, still read (and refused by the contract).
    const within = await api('catalogue', deep(31));
    expect(within.status).toBe(400);
    expect(within.body.error.code).toBe('VALIDATION_FAILED');
    const over = await api('catalogue', deep(32));
    expect(over.status).toBe(400);
    expect(over.body).toEqual({ ok: false, error: { code: 'BAD_REQUEST', message: '请求格式不正确：内容嵌套超过 32 层' } });
    // 100 000 levels fit in the size limit and would overflow a recursive parser: refused just the same.
    const huge = await api('catalogue', deep(100_000));
    expect(huge.body.error.code).toBe('BAD_REQUEST');
    // Brackets inside strings are text, not nesting.
    const inString = await api('catalogue', { action: 'getItem', input: { id: '['.repeat(40) } });
    expect(inString.body.error.code).toBe('VALIDATION_FAILED');
  });

  it('keeps the security headers on every kind of answer', async () => {
    const answers = [await fetch(`${base}/`), await fetch(`${base}/js/app.12345678.js`), await fetch(`${base}/js/missing.js`), await fetch(`${base}/api/portal`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"action":"getProfile"}' })];
    for (const response of answers) {
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('referrer-policy')).toBe('no-referrer');
      expect(response.headers.get('x-frame-options')).toBe('DENY');
      expect(response.headers.get('permissions-policy')).toBe('camera=(), microphone=(), geolocation=(), payment=(), usb=()');
    }
    const csp = answers[0]!.headers.get('content-security-policy') ?? '';
    for (const directive of ["default-src 'self'", "object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'", "form-action 'self'"]) expect(csp).toContain(directive);
    expect(csp).not.toMatch(/script-src[^;]*'unsafe-(inline|eval)'/);
  });

  it('lets a browser session make a page’s worth of parallel calls without any refusal', async () => {
    const cookie = (await fetch(`${base}/`)).headers.get('set-cookie')!.split(';')[0]!;
    const answers = await Promise.all(Array.from({ length: 60 }, () => api('portal', { action: 'whoami' }, { cookie })));
    expect(answers.map((a) => a.status)).toEqual(Array(60).fill(200));
  });
});

describe('gateway: request rate per session and per IP', () => {
  let limited: Server;
  let url: string;
  beforeAll(async () => {
    limited = createGateway({ deps, rateLimit: { session: { burst: 4, perSecond: 2 }, ip: { burst: 3, perSecond: 2 } } });
    await new Promise<void>((resolve) => limited.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(limited.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise((resolve) => limited.close(resolve)));

  const call = (cookie?: string) =>
    fetch(`${url}/api/portal`, { method: 'POST', headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) }, body: '{"action":"whoami"}' });

  it('answers 429 RATE_LIMITED with Retry-After past the bucket, per IP without a session and per session with one', async () => {
    // No session: the IP's bucket (3). Rotating cookies does not help: unknown sessions count against the IP.
    const anonymous = [await call(), await call(), await call(`sid=${'a'.repeat(32)}`), await call(`sid=${'b'.repeat(32)}`)];
    expect(anonymous.map((r) => r.status)).toEqual([200, 200, 200, 429]);
    const refused = anonymous[3]!;
    expect(refused.headers.get('retry-after')).toBe('1');
    expect(await refused.json()).toEqual({ ok: false, error: { code: 'RATE_LIMITED', message: '操作过于频繁，请 1 秒后再试' } });

    // A session (opened by GET /local/session, which is not limited) has its own bucket (4).
    const opened = await fetch(`${url}/local/session`);
    const cookie = opened.headers.get('set-cookie')!.split(';')[0]!;
    const own = [];
    for (let i = 0; i < 5; i++) own.push((await call(cookie)).status);
    expect(own).toEqual([200, 200, 200, 200, 429]);
    // Another session is not affected by the first one's bucket.
    const second = (await fetch(`${url}/local/session`)).headers.get('set-cookie')!.split(';')[0]!;
    expect((await call(second)).status).toBe(200);
    // The bucket refills (2 a second).
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect((await call(cookie)).status).toBe(200);
  });

  it('counts tokens exactly (fake clock) and forgets idle clients', async () => {
    const { tokenBuckets, RATE_LIMITS } = await import('../../cloudfunctions/_local/gateway');
    let now = 0;
    const buckets = tokenBuckets(() => now);
    const bucket = { burst: 2, perSecond: 0.5 };
    expect([buckets.take('k', bucket), buckets.take('k', bucket), buckets.take('k', bucket)]).toEqual([0, 0, 2]);
    now = 1000;
    expect(buckets.take('k', bucket)).toBe(1);
    now = 2000;
    expect(buckets.take('k', bucket)).toBe(0);
    // A full bucket is the same as none: past 10 000 clients, the idle ones are forgotten.
    for (let i = 0; i < 10_000; i++) buckets.take(`client-${i}`, bucket);
    expect(buckets.size).toBe(10_000); // capped: the oldest busy client made room
    now = 60_000;
    buckets.take('newcomer', bucket);
    expect(buckets.size).toBe(1);
    // The defaults are generous for people and the e2e journeys.
    expect(RATE_LIMITS).toEqual({ session: { burst: 300, perSecond: 50 }, ip: { burst: 120, perSecond: 20 } });
  });
});
