// Nothing lost, nothing doubled: thousands of concurrent submissions (依申请公开 applications, ratings,
// consultation comments, open-day sign-ups), each with an idempotency key, against the built local
// gateway (dist/local/gateway.cjs); the gateway is SIGKILLed part-way, restarted on the same data
// file, and every submission is replayed with its key. Then, reading the SQLite file directly:
// every acknowledged submission exists exactly once, none exists twice, nothing half-written is
// left, the audit chains verify, personal data is not in the file in clear, and integrity_check is ok.
//
// Each submission acts as its own citizen (`x-test-openid`, a hook the gateway honours only with
// LOCAL_TEST_IDENTITIES=1, never in production builds), so daily limits are not what is tested; the
// gateway's request-rate limiter is off (GATEWAY_RATE_LIMIT=off) for the same reason.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { verifyChains } from '../../cloudfunctions/_lib/audit-chain';
import { SIGN_UP_ROLES } from '../../src/domain/open-days/rules';

const ROOT = join(__dirname, '../..');
const GATEWAY = join(ROOT, 'dist/local/gateway.cjs');
const CLOCK_START = '2026-02-10T09:00:00+08:00';
const ID_NUMBER = '11010519491231002X';
const MOBILE = '13812345678';
const COUNTS = { request: 800, rating: 700, comment: 300, signUp: 200 };
const CONCURRENCY = 48;
/** Acknowledged submissions after which the gateway is killed. */
const KILL_AFTER_ACKS = 700;

jest.setTimeout(150_000);

type Kind = keyof typeof COUNTS;
interface Submission {
  kind: Kind;
  openid: string;
  key: string;
  fn: string;
  action: string;
  input: Record<string, unknown>;
}
interface Outcome {
  ok: boolean;
  status: number;
  code?: string;
  /** The id of what the submit created (case, rating, comment, sign-up). */
  id?: string;
  replayed?: boolean;
}

interface Gateway {
  child: ChildProcess;
  url: string;
  output: () => string;
}

function startGateway(dataFile: string): Promise<Gateway> {
  const child = spawn(process.execPath, [GATEWAY], {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_FILE: dataFile, STATIC_DIR: join(dataFile, '..', 'no-static'), LOCAL_CLOCK_START: CLOCK_START, LOCAL_TEST_IDENTITIES: '1', GATEWAY_RATE_LIMIT: 'off' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`gateway did not start:\n${output}`)), 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /已启动[:：]\s*(http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve({ child, url: match[1]!, output: () => output });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`gateway exited (code ${code}, signal ${signal}):\n${output}`));
    });
  });
}

async function stopGateway(gateway: Gateway, signal: NodeJS.Signals): Promise<void> {
  if (gateway.child.exitCode !== null || gateway.child.signalCode !== null) return;
  const exited = new Promise((done) => gateway.child.once('exit', done));
  gateway.child.kill(signal);
  await exited;
}

async function call(base: string, fn: string, action: string, input: unknown, openid?: string): Promise<{ status: number; body: Reply }> {
  const response = await fetch(`${base}/api/${fn}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(openid ? { 'x-test-openid': openid } : {}) },
    body: JSON.stringify({ action, input }),
    signal: AbortSignal.timeout(30_000),
  });
  return { status: response.status, body: (await response.json()) as Reply };
}

/** The parts of an answer the test reads. */
interface Reply {
  ok: boolean;
  error?: { code: string };
  data?: { id?: string; replayed?: boolean; today?: string; rating?: { id: string }; signUp?: { id: string }; upcoming?: Array<{ id: string; state: string }> };
}

function idOf(kind: Kind, data: Reply['data']): string | undefined {
  if (kind === 'request' || kind === 'comment') return data?.id;
  if (kind === 'rating') return data?.rating?.id;
  return data?.signUp?.id;
}

async function submit(base: string, s: Submission): Promise<Outcome> {
  try {
    const { status, body } = await call(base, s.fn, s.action, s.input, s.openid);
    if (body?.ok === true) return { ok: true, status, id: idOf(s.kind, body.data), replayed: body.data?.replayed };
    return { ok: false, status, code: body?.error?.code };
  } catch {
    return { ok: false, status: 0, code: 'NETWORK' };
  }
}

/** Runs `work` over `items` with at most `limit` in flight; stops starting new ones once `stop()` says so. */
async function pool<T>(items: T[], limit: number, work: (item: T) => Promise<void>, stop: () => boolean = () => false): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < items.length && !stop()) await work(items[next++]!);
    }),
  );
}

function submissions(today: string, consultationId: string, eventIds: string[]): Submission[] {
  const all: Submission[] = [];
  const key = (kind: string, i: number) => `dur-${kind}-${String(i).padStart(5, '0')}-${Math.random().toString(36).slice(2, 10)}`;
  for (let i = 0; i < COUNTS.request; i++) {
    all.push({
      kind: 'request',
      openid: `test-req-${i}`,
      key: key('req', i),
      fn: 'requests',
      action: 'submit',
      input: {
        application: { applicantType: 'natural', name: '孙七', idType: 'residentId', idNumber: ID_NUMBER, mobile: MOBILE, description: `2024年12月开标的某项目评标报告（第 ${i} 号）`, deliveryForm: 'paper', deliveryChannel: 'pickup' },
      },
    });
  }
  for (let i = 0; i < COUNTS.rating; i++) {
    all.push({ kind: 'rating', openid: `test-rate-${i}`, key: key('rate', i), fn: 'ratings', action: 'submit', input: { rating: { serviceItem: 'website', serviceDate: today, level: 5, indicators: [], comment: '', display: 'anonymous' } } });
  }
  for (let i = 0; i < COUNTS.comment; i++) {
    all.push({ kind: 'comment', openid: `test-cmt-${i}`, key: key('cmt', i), fn: 'consultations', action: 'comment', input: { consultationId, text: `建议进一步明确办理时限和流程说明（${i}）`, display: 'anonymous' } });
  }
  for (let i = 0; i < COUNTS.signUp; i++) {
    all.push({ kind: 'signUp', openid: `test-sign-${i}`, key: key('sign', i), fn: 'openDays', action: 'signUp', input: { eventId: eventIds[i % eventIds.length], name: '周八', phone: MOBILE, role: SIGN_UP_ROLES[0]!.key } });
  }
  for (const s of all) s.input = { ...s.input, idempotencyKey: s.key };
  // Interleave the kinds, deterministically.
  return all.map((s, i) => ({ s, r: (i * 7919) % all.length })).sort((a, b) => a.r - b.r).map(({ s }) => s);
}

const describeBuilt = existsSync(GATEWAY) ? describe : describe.skip;

describeBuilt('durability: SIGKILL part-way, restart, replay every submission', () => {
  const dir = mkdtempSync(join(tmpdir(), 'zibo-durability-'));
  const dataFile = join(dir, 'local.sqlite');
  let gateway: Gateway | undefined;

  afterAll(async () => {
    if (gateway) await stopGateway(gateway, 'SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps every acknowledged submission exactly once', async () => {
    gateway = await startGateway(dataFile);
    const base = gateway.url;
    const today = (await call(base, 'portal', 'whoami', {})).body.data!.today!;
    // A consultation open today, published by the admin persona (session cookie from /local/session).
    const session = await fetch(`${base}/local/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ persona: 'admin' }) });
    const cookie = (session.headers.get('set-cookie') ?? '').split(';')[0]!;
    const created = await fetch(`${base}/api/consultations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify({ action: 'create', input: { title: '关于优化开标大厅预约服务的意见征集', kind: 'other', marketRelated: false, summary: '拟调整开标大厅预约办法。', sections: [{ heading: '一、预约方式', text: '通过小程序预约开标室。' }], startDate: today, endDate: '2026-02-28' } }),
    });
    const consultation = (await created.json()) as { ok: boolean; data: { id: string } };
    expect(consultation.ok).toBe(true);
    const consultations = [consultation.data];
    const events = (await call(base, 'openDays', 'list', {})).body.data!.upcoming!.filter((e) => e.state === 'open');
    expect(events.length).toBeGreaterThan(0);
    const all = submissions(today, consultations[0]!.id, events.map((e) => e.id));

    // Phase 1: concurrent submissions; SIGKILL once enough are acknowledged.
    const first = new Map<Submission, Outcome>();
    let acks = 0;
    let killed: Promise<void> | undefined;
    const running = gateway;
    await pool(
      all,
      CONCURRENCY,
      async (s) => {
        const outcome = await submit(base, s);
        first.set(s, outcome);
        if (outcome.ok && ++acks >= KILL_AFTER_ACKS && !killed) killed = stopGateway(running, 'SIGKILL');
      },
      () => killed !== undefined,
    );
    await killed;
    expect(running.child.signalCode).toBe('SIGKILL');
    const acked = [...first].filter(([, o]) => o.ok).map(([s]) => s);
    expect(acked.length).toBeGreaterThanOrEqual(KILL_AFTER_ACKS);
    expect(acked.length).toBeLessThan(all.length);

    // Phase 2: restart on the same file and replay every submission with its key.
    gateway = await startGateway(dataFile);
    const second = new Map<Submission, Outcome>();
    await pool(all, CONCURRENCY, async (s) => {
      second.set(s, await submit(gateway!.url, s));
    });
    const output = gateway.output();
    await stopGateway(gateway, 'SIGTERM');

    const committedUnacked = all.filter((s) => !first.get(s)?.ok && second.get(s)?.replayed === true).length;
    const refused = all.filter((s) => !second.get(s)!.ok).length;
    console.log(`durability: ${all.length} submissions; ${acked.length} acknowledged before SIGKILL; ${all.filter((s) => first.has(s) && !first.get(s)!.ok).length} failed in flight (${committedUnacked} of all unacknowledged had committed and replayed); ${refused} refused on replay (open days full)`);
    for (const s of acked) {
      const before = first.get(s)!;
      const after = second.get(s)!;
      // An acknowledged submit replays to the same record.
      expect({ kind: s.kind, ok: after.ok, id: after.id }).toEqual({ kind: s.kind, ok: true, id: before.id });
      if (s.kind !== 'comment') expect(after.replayed).toBe(true);
    }
    for (const s of all) {
      const after = second.get(s)!;
      // Everything but a full open day is accepted on replay.
      if (!after.ok) expect({ kind: s.kind, code: after.code }).toEqual({ kind: 'signUp', code: 'CONFLICT' });
    }

    // The file itself, read-only.
    const db = new Database(dataFile, { readonly: true, fileMustExist: true });
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      const rows = (coll: string): Array<Record<string, unknown> & { _id: string }> =>
        (db.prepare('SELECT id, data FROM docs WHERE coll = ?').all(coll) as Array<{ id: string; data: string }>).map((r) => ({ ...(JSON.parse(r.data) as Record<string, unknown>), _id: r.id }));
      const count = (list: Array<Record<string, unknown>>, field: string) => {
        const counts = new Map<string, number>();
        for (const doc of list) if (typeof doc[field] === 'string' && (doc[field] as string).startsWith('test-')) counts.set(doc[field] as string, (counts.get(doc[field] as string) ?? 0) + 1);
        return counts;
      };
      const cases = rows('infoRequests');
      const byKind: Record<Kind, Map<string, number>> = {
        request: count(cases, 'ownerOpenid'),
        rating: count(rows('ratings'), 'openid'),
        comment: count(rows('consultations').flatMap((c) => c.comments as Array<Record<string, unknown>>), 'openid'),
        signUp: count(rows('openDaySignUps'), 'openid'),
      };
      const keys = new Set(rows('idempotencyKeys').map((k) => k._id));
      const recordIds: Record<Kind, Set<string>> = {
        request: new Set(cases.map((c) => c._id as string)),
        rating: new Set(rows('ratings').map((r) => r._id as string)),
        comment: new Set(rows('consultations').flatMap((c) => (c.comments as Array<{ id: string }>).map((m) => m.id))),
        signUp: new Set(rows('openDaySignUps').map((r) => r._id as string)),
      };
      const wrong: string[] = [];
      for (const s of all) {
        const after = second.get(s)!;
        const expected = after.ok ? 1 : 0;
        const actual = byKind[s.kind].get(s.openid) ?? 0;
        if (actual !== expected) wrong.push(`${s.kind} ${s.openid}: ${actual} records, expected ${expected}`);
        if (after.ok && !recordIds[s.kind].has(after.id!)) wrong.push(`${s.kind} ${s.openid}: acknowledged id ${after.id} is not stored`);
        const keyId = s.kind === 'signUp' ? `openDay:${s.openid}:${s.key}` : `${s.openid}:${s.key}`;
        if (after.ok !== keys.has(keyId)) wrong.push(`${s.kind} ${s.openid}: idempotency key ${after.ok ? 'missing' : 'left without a record'}`);
      }
      // Nothing half-written: each open day's count of places equals its active sign-ups.
      const signUps = rows('openDaySignUps');
      for (const event of rows('openDays')) {
        const active = signUps.filter((d) => d.eventId === event._id && d.status === 'active').length;
        if (event.taken !== active) wrong.push(`open day ${event._id}: taken ${String(event.taken)}, active sign-ups ${active}`);
      }
      // Every new case has its audit chain, and every chain verifies.
      const audit = rows('requestAudit');
      const report = verifyChains(audit, rows('requestAuditHeads'));
      expect(report.problems).toEqual([]);
      const chained = new Set(audit.map((a) => a.caseId));
      for (const c of cases) if (typeof c.ownerOpenid === 'string' && c.ownerOpenid.startsWith('test-') && !chained.has(c._id)) wrong.push(`case ${c._id as string} has no audit entry`);
      expect(wrong.slice(0, 20)).toEqual([]);
      const okCount = (kind: Kind) => all.filter((s) => s.kind === kind && second.get(s)!.ok).length;
      expect(okCount('request')).toBe(COUNTS.request);
      expect(okCount('rating')).toBe(COUNTS.rating);
      expect(okCount('comment')).toBe(COUNTS.comment);
    } finally {
      db.close();
    }

    // Personal data at rest and in the logs: the ID number and phone are nowhere in clear.
    for (const file of [dataFile, `${dataFile}-wal`]) {
      if (!existsSync(file)) continue;
      const bytes = readFileSync(file);
      expect({ file, id: bytes.includes(ID_NUMBER), phone: bytes.includes(MOBILE) }).toEqual({ file, id: false, phone: false });
    }
    expect(output.includes(ID_NUMBER) || output.includes(MOBILE)).toBe(false);
  });
});
