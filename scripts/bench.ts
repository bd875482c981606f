// `npm run bench`: package sizes (weapp, h5, cloud functions) and the local gateway's latency and
// throughput on a year-sized catalogue, printed as one plain-text table.
//
// Builds dist/weapp, dist/h5 and dist/cloudfunctions when they are missing (build logs go to stderr).
// The gateway runs as a child process on 127.0.0.1 with a temporary database seeded with
// DEMO_ITEMS_PER_CATEGORY=3600 (25,200 items); autocannon drives it for 10 s per endpoint with 10
// connections, from this same process (load generator and server share the machine's cores).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, tmpdir, totalmem, platform, release } from 'node:os';
import { join, relative, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';

const root = resolve(__dirname, '..');
const MB2 = 2 * 1024 * 1024; // 2,097,152 bytes: the limit for the main package and for each subpackage
const MB20 = 20 * 1024 * 1024; // all packages together
const DEMO_PER_CATEGORY = 3600;
const DURATION_S = 10;
const CONNECTIONS = 10;
const DEEP_PAGES = 50;
const GATEWAY_READY_MS = 90_000;
/** Hard stop for the whole gateway phase (seeding + 4 × 10 s of load + setup). */
const GATEWAY_PHASE_MS = 150_000;

// ---------------------------------------------------------------------------------------------
// autocannon has no bundled typings: the part of its programmatic API used here.

interface Histogram {
  average: number;
  mean: number;
  stddev: number;
  min: number;
  max: number;
  p50: number;
  p90: number;
  p99: number;
}
interface AutocannonResult {
  latency: Histogram;
  requests: Histogram;
  errors: number;
  timeouts: number;
  non2xx: number;
  duration: number;
  ['2xx']: number;
}
interface AutocannonOptions {
  url: string;
  connections: number;
  duration: number;
  method: 'POST';
  headers: Record<string, string>;
  body: string;
}
type Autocannon = (options: AutocannonOptions) => Promise<AutocannonResult>;
const load = createRequire(__filename);
const autocannon = load('autocannon') as Autocannon;

// ---------------------------------------------------------------------------------------------
// The table.

interface Row {
  figure: string;
  value: string;
  note: string;
}
const rows: Row[] = [];
const add = (figure: string, value: string, note = '') => rows.push({ figure, value, note });
const section = (title: string) => rows.push({ figure: `[${title}]`, value: '', note: '' });

/** Terminal columns a string takes (CJK characters are two wide). */
function width(text: string): number {
  let cells = 0;
  for (const char of text) cells += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(char) ? 2 : 1;
  return cells;
}
const pad = (text: string, cells: number) => text + ' '.repeat(Math.max(0, cells - width(text)));

function printTable(): void {
  const header: Row = { figure: 'figure', value: 'value', note: 'note' };
  const all = [header, ...rows];
  const w1 = Math.max(...all.map((row) => width(row.figure)));
  const w2 = Math.max(...all.map((row) => width(row.value)));
  const line = (row: Row) => `${pad(row.figure, w1)} | ${pad(row.value, w2)} | ${row.note}`.trimEnd();
  const rule = `${'-'.repeat(w1)}-+-${'-'.repeat(w2)}-+-${'-'.repeat(Math.max(4, ...all.map((row) => width(row.note))))}`;
  console.log(line(header));
  console.log(rule);
  for (const row of rows) console.log(line(row));
}

const bytes = (n: number) => `${n.toLocaleString('en-US')} B`;
const kib = (n: number) => `${(n / 1024).toFixed(1)} KiB`;
const percent = (n: number, of: number) => `${((n / of) * 100).toFixed(1)}%`;
const ms = (n: number) => `${n.toFixed(n < 10 ? 2 : 1)} ms`;

// ---------------------------------------------------------------------------------------------
// Builds and sizes.

function build(what: string, command: string, args: string[]): void {
  console.error(`bench: ${what} is missing, building it: ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { cwd: root, stdio: ['ignore', 2, 2], env: process.env });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (exit ${result.status ?? result.signal})`);
}

function filesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...filesUnder(path));
    else if (entry.isFile()) out.push(path);
  }
  return out;
}

const size = (file: string) => statSync(file).size;
const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);

function weappSizes(): void {
  const dir = join(root, 'dist', 'weapp');
  if (!existsSync(join(dir, 'app.json'))) build('dist/weapp', 'npx', ['taro', 'build', '--type', 'weapp']);
  const app = JSON.parse(readFileSync(join(dir, 'app.json'), 'utf8')) as {
    subPackages?: Array<{ root: string }>;
    subpackages?: Array<{ root: string }>;
  };
  const roots = [...(app.subPackages ?? []), ...(app.subpackages ?? [])].map((pkg) => pkg.root.replace(/^\/+|\/+$/g, ''));
  const files = filesUnder(dir).map((file) => ({ path: relative(dir, file).split(sep).join('/'), size: size(file) }));
  const rootOf = (path: string) => roots.find((r) => path === r || path.startsWith(`${r}/`));
  const main = files.filter((file) => !rootOf(file.path));
  const total = sum(files.map((file) => file.size));
  const mainSize = sum(main.map((file) => file.size));
  const maps = files.filter((file) => file.path.endsWith('.map'));

  section('weapp (dist/weapp)');
  add('weapp main package', bytes(mainSize), `${percent(mainSize, MB2)} of 2 MB limit; ${main.length} files`);
  for (const r of roots) {
    const inPkg = files.filter((file) => rootOf(file.path) === r);
    const pkgSize = sum(inPkg.map((file) => file.size));
    add(`weapp subpackage ${r}`, bytes(pkgSize), `${percent(pkgSize, MB2)} of 2 MB limit; ${inPkg.length} files`);
  }
  add(
    'weapp total',
    bytes(total),
    `${percent(total, MB2)} of 2 MB, ${percent(total, MB20)} of 20 MB all-packages limit` +
      (maps.length ? `; includes ${maps.length} .map files (${kib(sum(maps.map((f) => f.size)))})` : ''),
  );
}

function h5Sizes(): void {
  const dir = join(root, 'dist', 'h5');
  if (!existsSync(join(dir, 'index.html'))) build('dist/h5', 'npx', ['taro', 'build', '--type', 'h5']);
  const js = filesUnder(dir).filter((file) => file.endsWith('.js'));
  const raw = sum(js.map(size));
  const gzipped = sum(js.map((file) => gzipSync(readFileSync(file), { level: 9 }).length));
  section('h5 (dist/h5)');
  add('h5 JS total', bytes(raw), `${kib(raw)} in ${js.length} .js files`);
  add('h5 JS gzipped', bytes(gzipped), `${kib(gzipped)}; gzip -9 per file, summed`);
}

function cloudFunctionSizes(): void {
  const dir = join(root, 'dist', 'cloudfunctions');
  if (!existsSync(dir) || !existsSync(join(root, 'dist', 'local', 'gateway.cjs'))) {
    build('dist/cloudfunctions or dist/local/gateway.cjs', 'npx', ['tsx', 'scripts/build-functions.ts']);
  }
  section('cloud functions (dist/cloudfunctions)');
  for (const name of readdirSync(dir).sort()) {
    const file = join(dir, name, 'index.js');
    if (existsSync(file)) add(`cloud function ${name}`, bytes(size(file)), `${kib(size(file))} bundled index.js`);
  }
}

// ---------------------------------------------------------------------------------------------
// The gateway under load.

interface Gateway {
  base: string;
  child: ChildProcess;
  stop: () => Promise<void>;
}

async function startGateway(): Promise<Gateway> {
  const dataDir = mkdtempSync(join(tmpdir(), 'zibo-bench-'));
  const child = spawn(process.execPath, [join(root, 'dist', 'local', 'gateway.cjs')], {
    cwd: root,
    env: {
      ...process.env,
      HOST: '127.0.0.1',
      PORT: '0',
      DATA_FILE: join(dataDir, 'bench.sqlite'),
      STATIC_DIR: join(root, 'dist', 'h5'),
      DEMO_ITEMS_PER_CATEGORY: String(DEMO_PER_CATEGORY),
      // autocannon is one client at thousands of requests a second: measure the gateway, not its limiter.
      GATEWAY_RATE_LIMIT: 'off',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const killNow = () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  };
  const onSignal = () => {
    killNow();
    process.exit(130);
  };
  process.once('exit', killNow);
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((done) => child.once('exit', done));
      child.kill('SIGTERM');
      const timer = setTimeout(killNow, 3000);
      await exited;
      clearTimeout(timer);
    }
    process.removeListener('exit', killNow);
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
    rmSync(dataDir, { recursive: true, force: true });
  };
  let output = '';
  try {
    const base = await new Promise<string>((ready, reject) => {
      const timer = setTimeout(() => reject(new Error(`gateway not ready after ${GATEWAY_READY_MS} ms:\n${output}`)), GATEWAY_READY_MS);
      const onData = (chunk: Buffer) => {
        output = (output + chunk.toString()).slice(-8000);
        const match = /已启动[:：]\s*(http:\/\/127\.0\.0\.1:\d+)/.exec(output);
        if (match?.[1]) {
          clearTimeout(timer);
          ready(match[1]);
        }
      };
      child.stdout?.on('data', onData);
      child.stderr?.on('data', onData);
      child.once('exit', (code, signal) => {
        clearTimeout(timer);
        reject(new Error(`gateway exited (code ${code}, signal ${signal}):\n${output}`));
      });
    });
    child.stdout?.resume();
    child.stderr?.resume();
    return { base, child, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

async function call<T>(base: string, fn: string, action: string, input?: unknown): Promise<T> {
  const response = await fetch(`${base}/api/${fn}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ action, input }),
  });
  const body = (await response.json()) as { ok: true; data: T } | { ok: false; error: { code: string; message: string } };
  if (!body.ok) throw new Error(`${fn}.${action}: HTTP ${response.status} ${body.error.code} ${body.error.message}`);
  return body.data;
}

interface Page {
  items: Array<{ id: string }>;
  nextCursor: string | null;
}

async function benchOne(base: string, label: string, fn: string, event: { action: string; input?: unknown }): Promise<void> {
  // The exact request must succeed before it is measured.
  await call(base, fn, event.action, event.input);
  console.error(`bench: ${label} (${DURATION_S} s, ${CONNECTIONS} connections)…`);
  const result = await autocannon({
    url: `${base}/api/${fn}`,
    connections: CONNECTIONS,
    duration: DURATION_S,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(event),
  });
  const bad = result.errors + result.timeouts + result.non2xx;
  const note = `${result['2xx'].toLocaleString('en-US')} ok in ${result.duration} s` + (bad ? `; ${result.errors} errors, ${result.timeouts} timeouts, ${result.non2xx} non-2xx` : '');
  add(`${label} p50`, ms(result.latency.p50), '');
  add(`${label} p99`, ms(result.latency.p99), `max ${ms(result.latency.max)}`);
  add(`${label} req/s`, Math.round(result.requests.average).toLocaleString('en-US'), note);
}

async function gatewayBench(): Promise<void> {
  console.error(`bench: starting the gateway with DEMO_ITEMS_PER_CATEGORY=${DEMO_PER_CATEGORY} (seeding takes a few seconds)…`);
  const started = Date.now();
  const gateway = await startGateway();
  let watchdog: NodeJS.Timeout | undefined;
  try {
    const timeout = new Promise<never>((_, reject) => {
      watchdog = setTimeout(() => reject(new Error(`gateway bench exceeded ${GATEWAY_PHASE_MS / 1000} s`)), GATEWAY_PHASE_MS);
    });
    await Promise.race([timeout, runGatewayBench(gateway.base, Date.now() - started)]);
  } finally {
    if (watchdog) clearTimeout(watchdog);
    await gateway.stop();
  }
}

async function runGatewayBench(base: string, startupMs: number): Promise<void> {
  const categories = await call<Array<{ id: string; itemCount: number }>>(base, 'catalogue', 'listCategories', {});
  const seeded = sum(categories.map((category) => category.itemCount));
  section(`gateway (127.0.0.1, autocannon ${CONNECTIONS} connections × ${DURATION_S} s each)`);
  add('catalogue items seeded', seeded.toLocaleString('en-US'), `${categories.length} categories; DEMO_ITEMS_PER_CATEGORY=${DEMO_PER_CATEGORY}; ready in ${(startupMs / 1000).toFixed(1)} s`);

  // Follow the cursor ~50 pages deep (keyset pagination), then bench that page.
  let cursor: string | null = null;
  let first: Page | undefined;
  let deep: Page | undefined;
  for (let page = 1; page <= DEEP_PAGES; page += 1) {
    const current: Page = await call<Page>(base, 'catalogue', 'listItems', { categoryId: 'gzzd', cursor });
    first ??= current;
    if (!current.nextCursor) throw new Error(`gzzd ran out of pages at page ${page}`);
    cursor = current.nextCursor;
    deep = current;
  }
  const itemId = deep?.items[0]?.id ?? first?.items[0]?.id;
  if (!itemId || !cursor) throw new Error('catalogue.listItems returned no items');

  await benchOne(base, 'listItems gzzd page 1', 'catalogue', { action: 'listItems', input: { categoryId: 'gzzd' } });
  await benchOne(base, `listItems gzzd page ${DEEP_PAGES + 1}`, 'catalogue', { action: 'listItems', input: { categoryId: 'gzzd', cursor } });
  await benchOne(base, 'getItem', 'catalogue', { action: 'getItem', input: { id: itemId } });
  await benchOne(base, 'getReport 2023', 'report', { action: 'getReport', input: { year: 2023 } });
}

// ---------------------------------------------------------------------------------------------

/** In-process figures of the domain and handlers: the annual report over 100,000 cases, 10,000 deadlines. */
async function domainBench(): Promise<void> {
  const { createSqliteStore } = await import('../cloudfunctions/_lib/adapters/sqlite-store');
  const { createLocalSender } = await import('../cloudfunctions/_lib/adapters/local-sender');
  const { createLocalContentChecker } = await import('../cloudfunctions/_lib/adapters/local-content-check');
  const { createLocalProvincialSystem } = await import('../cloudfunctions/_lib/adapters/provincial-ratings');
  const { createLocalFileStore } = await import('../cloudfunctions/_lib/adapters/local-files');
  const { seedStore } = await import('../cloudfunctions/_lib/seed');
  const { ensureLocalStaff } = await import('../cloudfunctions/_local/personas');
  const { handlers } = await import('../cloudfunctions/_lib/handlers');
  const { dispatch } = await import('../cloudfunctions/_lib/router');
  const { compileTable3 } = await import('../src/domain/report/compile');
  const { OUTCOME_KEYS } = await import('../src/domain/report/tables');
  const { WorkingCalendar } = await import('../src/domain/calendar/working-days');
  const { OFFICIAL_CALENDAR } = await import('../src/domain/calendar/official');
  const { computeDeadline } = await import('../src/domain/requests/deadlines');
  section('domain (in process)');

  // 10,000 reply deadlines (20 working days) from receipt dates spread over 2024–2026.
  const calendar = new WorkingCalendar(OFFICIAL_CALENDAR);
  const dates = Array.from({ length: 10_000 }, (_, i) => new Date(Date.UTC(2024, 0, 1) + (i % 1000) * 86_400_000).toISOString().slice(0, 10));
  let started = performance.now();
  for (const date of dates) computeDeadline(calendar, { start: date, workingDays: 20 });
  add('10,000 reply deadlines', ms(performance.now() - started), 'computeDeadline, 20 working days each, official calendar');

  // 100,000 case records: the pure compiler, then the staff `report.compile` action over SQLite.
  const types = ['natural', 'commercial', 'research', 'publicInterest', 'legalService', 'otherOrg'] as const;
  const cases = Array.from({ length: 100_000 }, (_, i) => {
    const receiptDate = new Date(Date.UTC(2025, 0, 1) + (i % 365) * 86_400_000).toISOString().slice(0, 10);
    const ended = i % 10 !== 0;
    return { applicantType: types[i % 6]!, receiptDate, ...(ended ? { outcome: OUTCOME_KEYS[i % OUTCOME_KEYS.length]!, endedOn: receiptDate } : {}) };
  });
  started = performance.now();
  compileTable3(cases, 2025);
  add('Table 3 from 100,000 cases (pure)', ms(performance.now() - started), 'compileTable3');

  const dir = mkdtempSync(join(tmpdir(), 'zibo-bench-report-'));
  const store = createSqliteStore(join(dir, 'report.sqlite'));
  try {
    await seedStore(store, { reportText: readFileSync(join(root, 'cloudfunctions/_lib/seed/zibo-2023-annual-report.txt'), 'utf8') });
    await ensureLocalStaff(store);
    started = performance.now();
    for (let i = 0; i < cases.length; i += 1000) {
      await store.transaction(async (tx) => {
        for (const [offset, kase] of cases.slice(i, i + 1000).entries()) {
          await tx.insert('infoRequests', {
            _id: `bench-${String(i + offset).padStart(6, '0')}`,
            queryCode: 'BENCH00000',
            ownerOpenid: null,
            channel: 'online',
            clockStart: kase.receiptDate,
            state: kase.outcome ? 'archived' : 'handling',
            consultations: [],
            applicant: { name: '测试', idType: 'residentId', idNumber: '' },
            details: { description: 'bench', deliveryForm: 'electronic', deliveryChannel: 'online' },
            createdAt: `${kase.receiptDate}T00:00:00Z`,
            updatedAt: `${kase.receiptDate}T00:00:00Z`,
            ...kase,
          });
        }
      });
    }
    add('seed 100,000 cases into SQLite', ms(performance.now() - started), '1,000 per transaction');
    const deps = { store, clock: { now: () => new Date('2026-01-10T02:00:00Z') }, log: { info: () => undefined, error: () => undefined }, sender: createLocalSender(), contentCheck: createLocalContentChecker(), provincial: createLocalProvincialSystem(), files: createLocalFileStore(mkdtempSync(join(tmpdir(), 'bench-files-'))) };
    started = performance.now();
    const answer = await dispatch(handlers, deps, { functionName: 'report', event: { action: 'compile', input: { year: 2025 } }, identity: { openid: 'local-staff-admin' } });
    const elapsed = performance.now() - started;
    if (!answer.ok) throw new Error(`report.compile failed: ${answer.error.message}`);
    add('report.compile 2025, 100,000 cases', ms(elapsed), 'staff action through the router, SQLite store (reads every case of the year)');
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

function machine(): void {
  const cores = cpus();
  section('machine');
  add('cpu', `${cores.length} × ${(cores[0]?.model ?? 'unknown').replace(/\s+/g, ' ').trim()}`, `${platform()} ${release()}`);
  add('memory', `${(totalmem() / 1024 ** 3).toFixed(1)} GiB`, '');
  add('node', process.version, 'load generator and gateway share these cores');
}

async function main(): Promise<void> {
  const started = Date.now();
  let failure: unknown;
  try {
    weappSizes();
    h5Sizes();
    cloudFunctionSizes();
    await domainBench();
    await gatewayBench();
  } catch (error) {
    failure = error;
  }
  machine();
  printTable();
  console.log(`\nbench finished in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  if (failure) {
    console.error(`bench failed: ${failure instanceof Error ? failure.message : String(failure)}`);
    // Anything still running (an interrupted load run) must not keep the process alive.
    process.exit(1);
  }
}

void main();
