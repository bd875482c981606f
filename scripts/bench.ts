// `npm run bench`: performance budgets, measured in one run and printed as ONE table
// (figure | measured | budget | verdict). Exit code 1 when any budget fails or a part cannot run, so CI
// could gate on it; it is NOT part of `npm test` (it takes a few minutes of both cores). The reasons
// for each budget are in docs/performance.md.
//
// - weapp: main package, each subpackage and the total of dist/weapp (a production build);
// - h5: gzipped JS that index.html loads, and the home page in Chromium under mobile throttling
//   (CDP: 1.6 Mbps down / 750 kbps up / 150 ms RTT, CPU slowed 4×): FCP, LCP, DOMContentLoaded, load,
//   and when the home columns are visible; the median of 3 cold loads;
// - gateway: a temporary SQLite store with the demo catalogue (3,600 items per category) plus a year's
//   volume (scripts/bench-volume.ts: 26,000 trading announcements, 10,000 applications, 50,000
//   ratings) written through the store port, then the local gateway as a child process on 127.0.0.1
//   driven by autocannon (20 connections × 10 s per endpoint) for list, detail, search and submit;
//   submits rate with a unique idempotency key as a distinct citizen each (LOCAL_BENCH_CITIZENS);
// - domain: the annual report over 100,000 cases, 10,000 reply deadlines.
//
// Builds dist/weapp, dist/h5 and dist/cloudfunctions when they are missing (logs go to stderr); on a
// shared machine build them first under a lock: see docs/performance.md.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, tmpdir, totalmem, platform, release } from 'node:os';
import { join, relative, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';

const root = resolve(__dirname, '..');
const KB = 1000;
const MB = 1000 * KB;
const DEMO_PER_CATEGORY = 3600;
const DURATION_S = 10;
const CONNECTIONS = 20;
const DEEP_PAGES = 50;
const BENCH_CITIZENS = 6000;
const PAGE_LOADS = 3;
const CHROMIUM = '/usr/bin/chromium';
const GATEWAY_READY_MS = 90_000;
/** Hard stop for the whole gateway phase (seeding, browser loads, 10 × 10 s of load, setup). */
const GATEWAY_PHASE_MS = 480_000;

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
interface RawRequest {
  headers: Record<string, string>;
  body?: string;
  [key: string]: unknown;
}
interface AutocannonOptions {
  url: string;
  connections: number;
  duration: number;
  method: 'POST';
  headers: Record<string, string>;
  body?: string;
  requests?: Array<{ setupRequest: (request: RawRequest) => RawRequest }>;
}
type Autocannon = (options: AutocannonOptions) => Promise<AutocannonResult>;
const load = createRequire(__filename);
const autocannon = load('autocannon') as Autocannon;

// ---------------------------------------------------------------------------------------------
// The table: every figure with its budget and verdict.

type Verdict = 'PASS' | 'FAIL' | 'info';
interface Row {
  figure: string;
  measured: string;
  budget: string;
  verdict: string;
}
const rows: Row[] = [];
const mark = (figure: string, measured: string, budgetText: string, verdict: Verdict) => rows.push({ figure, measured, budget: budgetText, verdict });
const notes: string[] = [];
const section = (title: string) => rows.push({ figure: `**${title}**`, measured: '', budget: '', verdict: '' });
const info = (figure: string, measured: string) => mark(figure, measured, '—', 'info');
/** A figure that must stay at or under `max` (or at or over `min`), shown with `format`. */
function budget(figure: string, value: number, limit: { max: number } | { min: number }, format: (n: number) => string): void {
  const pass = 'max' in limit ? value <= limit.max : value >= limit.min;
  const text = 'max' in limit ? `≤ ${format(limit.max)}` : `≥ ${format(limit.min)}`;
  mark(figure, format(value), text, Number.isFinite(value) && pass ? 'PASS' : 'FAIL');
}
const fail = (figure: string, why: string) => mark(figure, why, '', 'FAIL');

/** Terminal columns a string takes (CJK characters are two wide). */
function width(text: string): number {
  let cells = 0;
  for (const char of text) cells += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(char) ? 2 : 1;
  return cells;
}
const pad = (text: string, cells: number) => text + ' '.repeat(Math.max(0, cells - width(text)));

/** A Markdown table, aligned for the terminal, so it can be pasted into docs/performance.md. */
function printTable(): void {
  const header: Row = { figure: 'figure', measured: 'measured', budget: 'budget', verdict: 'verdict' };
  const all = [header, ...rows];
  const cols = (['figure', 'measured', 'budget', 'verdict'] as const).map((key) => Math.max(3, ...all.map((row) => width(row[key]))));
  const line = (row: Row) => `| ${(['figure', 'measured', 'budget', 'verdict'] as const).map((key, i) => pad(row[key], cols[i]!)).join(' | ')} |`;
  console.log(line(header));
  console.log(`|${cols.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const row of rows) console.log(line(row));
  if (notes.length > 0) console.log(`\n${notes.map((note) => `- ${note}`).join('\n')}`);
}

const kb = (n: number) => `${(n / KB).toFixed(1)} KB`;
const mb = (n: number) => `${(n / MB).toFixed(2)} MB`;
const ms = (n: number) => `${n.toFixed(n < 10 ? 2 : n < 1000 ? 1 : 0)} ms`;
const perS = (n: number) => `${Math.round(n).toLocaleString('en-US')} req/s`;
const count = (n: number) => n.toLocaleString('en-US');

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

/** WeChat's limits: 2 MB per package (main or sub), 20 MB all packages. Budgets stay well under them. */
const WEAPP_MAIN_BUDGET = 600 * KB;
const WEAPP_SUBPACKAGE_BUDGET = 300 * KB;
const WEAPP_TOTAL_BUDGET = 4 * MB;

function weappSizes(): void {
  const dir = join(root, 'dist', 'weapp');
  if (!existsSync(join(dir, 'app.json'))) build('dist/weapp', 'npx', ['taro', 'build', '--type', 'weapp']);
  const app = JSON.parse(readFileSync(join(dir, 'app.json'), 'utf8')) as {
    subPackages?: Array<{ root: string }>;
    subpackages?: Array<{ root: string }>;
  };
  const roots = [...(app.subPackages ?? []), ...(app.subpackages ?? [])].map((pkg) => pkg.root.replace(/^\/+|\/+$/g, ''));
  // Source maps are not uploaded to WeChat; they are left out of every figure.
  const files = filesUnder(dir)
    .map((file) => ({ path: relative(dir, file).split(sep).join('/'), size: size(file) }))
    .filter((file) => !file.path.endsWith('.map'));
  const rootOf = (path: string) => roots.find((r) => path === r || path.startsWith(`${r}/`));
  const mainSize = sum(files.filter((file) => !rootOf(file.path)).map((file) => file.size));

  section('weapp (dist/weapp, production build; WeChat limits 2 MB per package, 20 MB in all)');
  budget('main package', mainSize, { max: WEAPP_MAIN_BUDGET }, kb);
  for (const r of roots) budget(`subpackage ${r}`, sum(files.filter((file) => rootOf(file.path) === r).map((file) => file.size)), { max: WEAPP_SUBPACKAGE_BUDGET }, kb);
  budget(`total (${roots.length + 1} packages)`, sum(files.map((file) => file.size)), { max: WEAPP_TOTAL_BUDGET }, mb);
}

/** ~170 KB of gzipped JS is the classic budget for a usable page on a mid-range phone over 3G. */
const H5_FIRST_LOAD_JS_BUDGET = 170 * KB;

/** Scripts index.html loads before the app can render (what a first visit must download). */
function h5Sizes(): void {
  const dir = join(root, 'dist', 'h5');
  if (!existsSync(join(dir, 'index.html'))) build('dist/h5', 'npx', ['taro', 'build', '--type', 'h5']);
  const html = readFileSync(join(dir, 'index.html'), 'utf8');
  const sources = [...html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)].map((match) => match[1]!);
  const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((match) => Buffer.byteLength(match[1] ?? ''));
  const gz = sources.map((src) => gzipSync(readFileSync(join(dir, src.replace(/^\//, ''))), { level: 9 }).length);
  const allJs = filesUnder(dir).filter((file) => file.endsWith('.js'));
  section('h5 (dist/h5)');
  budget(`first-load JS, gzipped (${sources.length} scripts in index.html${inline.length ? ` + ${inline.length} inline` : ''})`, sum(gz), { max: H5_FIRST_LOAD_JS_BUDGET }, kb);
  info(`all JS, gzipped (${allJs.length} files; pages load on demand)`, kb(sum(allJs.map((file) => gzipSync(readFileSync(file), { level: 9 }).length))));
}

function cloudFunctionSizes(): void {
  const dir = join(root, 'dist', 'cloudfunctions');
  if (!existsSync(dir) || !existsSync(join(root, 'dist', 'local', 'gateway.cjs'))) {
    build('dist/cloudfunctions or dist/local/gateway.cjs', 'npx', ['tsx', 'scripts/build-functions.ts']);
  }
  const bundles = readdirSync(dir)
    .map((name) => join(dir, name, 'index.js'))
    .filter((file) => existsSync(file));
  const largest = Math.max(...bundles.map(size));
  const name = relative(dir, bundles.find((file) => size(file) === largest) ?? '').split(sep)[0];
  section('cloud functions (dist/cloudfunctions)');
  info(`largest bundle (${name}; ${bundles.length} functions)`, kb(largest));
}

// ---------------------------------------------------------------------------------------------
// The gateway with a year's volume.

interface Gateway {
  base: string;
  child: ChildProcess;
  stop: () => Promise<void>;
}

/** Seeds `dataFile` through the store port: the demo catalogue at DEMO_PER_CATEGORY, then a year's volume. */
async function seedDatabase(dataFile: string, today: string): Promise<void> {
  const { createSqliteStore } = await import('../cloudfunctions/_lib/adapters/sqlite-store');
  const { seedStore } = await import('../cloudfunctions/_lib/seed');
  const { ensureLocalStaff } = await import('../cloudfunctions/_local/personas');
  const { seedYearVolume } = await import('./bench-volume');
  const store = createSqliteStore(dataFile);
  try {
    let started = performance.now();
    await seedStore(store, { today, reportText: readFileSync(join(root, 'cloudfunctions/_lib/seed/zibo-2023-annual-report.txt'), 'utf8'), demoPerCategory: DEMO_PER_CATEGORY });
    await ensureLocalStaff(store);
    const catalogueMs = performance.now() - started;
    started = performance.now();
    const seeded = await seedYearVolume(store, today);
    const volumeMs = performance.now() - started;
    const items = await store.count('disclosures', {});
    const search = await store.count('searchIndex', {});
    notes.push(
      `Store: ${count(items)} catalogue items (seeded in ${(catalogueMs / 1000).toFixed(1)} s), then in ${(volumeMs / 1000).toFixed(1)} s through the store port, 1,000 per transaction: ` +
        `${count(seeded.projects)} trading projects + ${count(seeded.notices)} notices = ${count(seeded.projects + seeded.notices)} announcements, ` +
        `${count(seeded.requests)} applications, ${count(seeded.ratings)} ratings; the search index holds ${count(search)} entries.`,
    );
  } finally {
    await store.close();
  }
}

async function startGateway(dataFile: string): Promise<Gateway> {
  const child = spawn(process.execPath, [join(root, 'dist', 'local', 'gateway.cjs')], {
    cwd: root,
    env: {
      ...process.env,
      HOST: '127.0.0.1',
      PORT: '0',
      DATA_FILE: dataFile,
      STATIC_DIR: join(root, 'dist', 'h5'),
      LOCAL_BENCH_CITIZENS: String(BENCH_CITIZENS + 1),
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

async function call<T>(base: string, fn: string, action: string, input?: unknown, cookie?: string): Promise<T> {
  const response = await fetch(`${base}/api/${fn}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
    body: JSON.stringify({ action, input }),
  });
  const body = (await response.json()) as { ok: true; data: T } | { ok: false; error: { code: string; message: string } };
  if (!body.ok) throw new Error(`${fn}.${action}: HTTP ${response.status} ${body.error.code} ${body.error.message}`);
  return body.data;
}

/** Opens a session and switches it to bench citizen `n` (POST /local/session); returns its cookie. */
async function benchSession(base: string, n: number): Promise<string> {
  const response = await fetch(`${base}/local/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ persona: `bench-${n}` }) });
  const cookie = /sid=[a-f0-9]{32}/.exec(response.headers.get('set-cookie') ?? '')?.[0];
  await response.arrayBuffer();
  if (!response.ok || !cookie) throw new Error(`could not open a session for bench-${n} (HTTP ${response.status})`);
  return cookie;
}

interface Page {
  items: Array<{ id: string }>;
  nextCursor: string | null;
}

interface Endpoint {
  label: string;
  fn: string;
  action: string;
  input?: unknown;
  p99: number;
  /** Each request's own body and cookie (submits); otherwise the same request every time. */
  vary?: () => { body: string; cookie: string };
}

/** Little's law: if every request finished within the p99 budget, 20 connections would sustain this. */
const throughputFloor = (p99: number) => CONNECTIONS / (p99 / 1000);

async function benchOne(base: string, endpoint: Endpoint, warmCookie?: string): Promise<void> {
  // The exact request must succeed before it is measured.
  await call(base, endpoint.fn, endpoint.action, endpoint.input, warmCookie);
  console.error(`bench: ${endpoint.label} (${DURATION_S} s, ${CONNECTIONS} connections)…`);
  const vary = endpoint.vary;
  const result = await autocannon({
    url: `${base}/api/${endpoint.fn}`,
    connections: CONNECTIONS,
    duration: DURATION_S,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ action: endpoint.action, input: endpoint.input }),
    ...(vary
      ? {
          requests: [
            {
              setupRequest: (request: RawRequest) => {
                const next = vary();
                return { ...request, body: next.body, headers: { ...request.headers, cookie: next.cookie } };
              },
            },
          ],
        }
      : {}),
  });
  const bad = result.errors + result.timeouts + result.non2xx;
  info(`${endpoint.label} p50`, ms(result.latency.p50));
  budget(`${endpoint.label} p99`, result.latency.p99, { max: endpoint.p99 }, ms);
  budget(`${endpoint.label} throughput`, result.requests.average, { min: throughputFloor(endpoint.p99) }, perS);
  budget(`${endpoint.label} failed requests (of ${count(result['2xx'] + result.non2xx)})`, bad, { max: 0 }, count);
}

async function gatewayBench(): Promise<void> {
  const { shanghaiDate } = await import('../src/domain/calendar/dates');
  const today = shanghaiDate(new Date());
  const dataDir = mkdtempSync(join(tmpdir(), 'zibo-bench-'));
  const dataFile = join(dataDir, 'bench.sqlite');
  let gateway: Gateway | undefined;
  let watchdog: NodeJS.Timeout | undefined;
  try {
    console.error('bench: seeding a year of data through the store port…');
    await seedDatabase(dataFile, today);
    gateway = await startGateway(dataFile);
    const timeout = new Promise<never>((_, reject) => {
      watchdog = setTimeout(() => reject(new Error(`gateway bench exceeded ${GATEWAY_PHASE_MS / 1000} s`)), GATEWAY_PHASE_MS);
    });
    const base = gateway.base;
    await Promise.race([timeout, (async () => {
      await browserBench(base);
      await loadBench(base, today);
    })()]);
  } finally {
    if (watchdog) clearTimeout(watchdog);
    await gateway?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function loadBench(base: string, today: string): Promise<void> {
  // Follow the cursor ~50 pages deep (keyset pagination), then bench that page too.
  let cursor: string | null = null;
  let deep: Page | undefined;
  for (let page = 1; page <= DEEP_PAGES; page += 1) {
    const current: Page = await call<Page>(base, 'catalogue', 'listItems', { categoryId: 'gzzd', cursor });
    if (!current.nextCursor) throw new Error(`gzzd ran out of pages at page ${page}`);
    cursor = current.nextCursor;
    deep = current;
  }
  const projects = await call<Page>(base, 'trading', 'listProjects', {});
  const projectId = projects.items.find((item) => item.id.startsWith('bench-prj-'))?.id ?? projects.items[0]?.id;
  if (!cursor || !deep || !projectId) throw new Error('the lists returned no items');

  console.error(`bench: opening ${count(BENCH_CITIZENS)} sessions of distinct bench citizens…`);
  const cookies: string[] = [];
  for (let n = 0; n < BENCH_CITIZENS; n += 50) {
    cookies.push(...(await Promise.all(Array.from({ length: Math.min(50, BENCH_CITIZENS - n) }, (_, i) => benchSession(base, n + i)))));
  }
  let submitted = 0;
  const rating = (ref: string) => ({ serviceItem: 'trading', transactionRef: ref, serviceDate: today, level: 5, indicators: [], comment: '', display: 'anonymous' });
  const runId = Date.now().toString(36);

  section(`gateway (127.0.0.1; autocannon ${CONNECTIONS} connections × ${DURATION_S} s per endpoint, in this process)`);
  const endpoints: Endpoint[] = [
    { label: 'list: catalogue.listItems page 1', fn: 'catalogue', action: 'listItems', input: { categoryId: 'gzzd' }, p99: 100 },
    { label: `list: catalogue.listItems page ${DEEP_PAGES + 1}`, fn: 'catalogue', action: 'listItems', input: { categoryId: 'gzzd', cursor }, p99: 100 },
    { label: 'list: trading.listProjects page 1', fn: 'trading', action: 'listProjects', input: {}, p99: 100 },
    { label: 'detail: trading.getChain', fn: 'trading', action: 'getChain', input: { projectId }, p99: 100 },
    { label: 'search: search.query 污水管网', fn: 'search', action: 'query', input: { q: '污水管网' }, p99: 300 },
    { label: 'search: search.query 开标的时间 (bigram fallback)', fn: 'search', action: 'query', input: { q: '开标的时间' }, p99: 300 },
    {
      label: 'submit: ratings.submit',
      fn: 'ratings',
      action: 'submit',
      input: { idempotencyKey: `bench-${runId}-warmup0000`, rating: rating(`BENCH-${runId}-WARMUP`) },
      p99: 200,
      // Each request: the next distinct citizen, a fresh idempotency key and transaction number.
      vary: () => {
        const n = submitted++;
        const key = `bench-${runId}-${String(n).padStart(8, '0')}`;
        return { body: JSON.stringify({ action: 'submit', input: { idempotencyKey: key, rating: rating(key.toUpperCase()) } }), cookie: cookies[n % cookies.length]! };
      },
    },
  ];
  const warm = await benchSession(base, BENCH_CITIZENS);
  for (const endpoint of endpoints) await benchOne(base, endpoint, endpoint.vary ? warm : undefined);
  notes.push(`Submits: ${count(submitted)} ratings, each by one of ${count(cookies.length)} distinct citizens (a session each) with its own idempotency key; a citizen is reused only after all the others (≤ 5 a day is the rule).`);
  if (submitted > cookies.length * 5) notes.push('More submits than 5 per citizen: some were refused by the daily limit (counted as failed).');
}

// ---------------------------------------------------------------------------------------------
// The H5 home page in Chromium under mobile throttling (Lighthouse's mobile settings, set by CDP).

/** DevTools/Lighthouse mobile: 1.6 Mbps down, 750 kbps up, 150 ms round trip; CPU slowed 4×. */
const THROTTLE = { offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 };
const CPU_SLOWDOWN = 4;
const H5_BUDGETS = { fcp: 2500, lcp: 4000, dcl: 3000, load: 4000, columns: 4000 };

interface PageLoad {
  fcp: number;
  lcp: number;
  dcl: number;
  load: number;
  columns: number;
  jsBytes: number;
}

// Runs in the page before any of its scripts: LCP entries and the moment the first home column shows.
const OBSERVE = `(() => {
  window.__bench = { lcp: 0, columns: 0 };
  new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__bench.lcp = e.startTime; })
    .observe({ type: 'largest-contentful-paint', buffered: true });
  const seen = () => {
    const el = document.querySelector('[id^="column-"]');
    if (!el) return false;
    const box = el.getBoundingClientRect();
    return box.width > 0 && box.height > 0 && box.top < window.innerHeight;
  };
  const watch = new MutationObserver(() => {
    if (window.__bench.columns || !seen()) return;
    window.__bench.columns = performance.now();
    watch.disconnect();
  });
  document.addEventListener('DOMContentLoaded', () => watch.observe(document.body, { childList: true, subtree: true, attributes: true }));
})();`;

async function loadHomeOnce(browser: Browser, base: string): Promise<PageLoad> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN' });
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await cdp.send('Network.emulateNetworkConditions', THROTTLE);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
    let jsBytes = 0;
    const scripts = new Set<string>();
    cdp.on('Network.responseReceived', (event: { requestId: string; type: string }) => {
      if (event.type === 'Script') scripts.add(event.requestId);
    });
    cdp.on('Network.loadingFinished', (event: { requestId: string; encodedDataLength: number }) => {
      if (scripts.has(event.requestId)) jsBytes += event.encodedDataLength;
    });
    await page.addInitScript(OBSERVE);
    await page.goto(`${base}/`, { waitUntil: 'load', timeout: 60_000 });
    await page.waitForSelector('[id^="column-"]', { state: 'visible', timeout: 60_000 });
    await page.waitForFunction('window.__bench.columns > 0', undefined, { timeout: 10_000 });
    const figures = (await page.evaluate(`(() => {
      const nav = performance.getEntriesByType('navigation')[0];
      const fcp = performance.getEntriesByName('first-contentful-paint')[0];
      return { fcp: fcp ? fcp.startTime : NaN, lcp: window.__bench.lcp || NaN, dcl: nav.domContentLoadedEventEnd, load: nav.loadEventEnd, columns: window.__bench.columns };
    })()`)) as Omit<PageLoad, 'jsBytes'>;
    return { ...figures, jsBytes };
  } finally {
    await context.close();
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function browserBench(base: string): Promise<void> {
  section(`h5 home page in Chromium (CDP: 1.6 Mbps down, 150 ms RTT, CPU ${CPU_SLOWDOWN}× slower; median of ${PAGE_LOADS} cold loads)`);
  if (!existsSync(CHROMIUM)) {
    fail('home page load', `no Chromium at ${CHROMIUM} (apt-get install chromium)`);
    return;
  }
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
  try {
    const loads: PageLoad[] = [];
    for (let i = 0; i < PAGE_LOADS; i += 1) {
      console.error(`bench: home page load ${i + 1}/${PAGE_LOADS} (throttled)…`);
      loads.push(await loadHomeOnce(browser, base));
    }
    const pick = (key: keyof PageLoad) => median(loads.map((load) => load[key]));
    budget('First Contentful Paint', pick('fcp'), { max: H5_BUDGETS.fcp }, ms);
    budget('Largest Contentful Paint', pick('lcp'), { max: H5_BUDGETS.lcp }, ms);
    budget('DOMContentLoaded', pick('dcl'), { max: H5_BUDGETS.dcl }, ms);
    budget('load event', pick('load'), { max: H5_BUDGETS.load }, ms);
    budget('home columns visible', pick('columns'), { max: H5_BUDGETS.columns }, ms);
    info('JS transferred until the columns show (gzip, incl. the home page chunk)', kb(pick('jsBytes')));
    notes.push(`Browser: Chromium ${browser.version()} (${CHROMIUM}) via playwright-core, viewport 390×844 @2×; Lighthouse itself needs a newer Node than this machine has.`);
  } finally {
    await browser.close();
  }
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
  // Budgets: a page computes at most 100 deadlines; report.compile runs in a function whose timeout is 10 s.

  // 10,000 reply deadlines (20 working days) from receipt dates spread over 2024–2026.
  const calendar = new WorkingCalendar(OFFICIAL_CALENDAR);
  const dates = Array.from({ length: 10_000 }, (_, i) => new Date(Date.UTC(2024, 0, 1) + (i % 1000) * 86_400_000).toISOString().slice(0, 10));
  let started = performance.now();
  for (const date of dates) computeDeadline(calendar, { start: date, workingDays: 20 });
  budget('10,000 reply deadlines (computeDeadline, 20 working days)', performance.now() - started, { max: 500 }, ms);

  // 100,000 case records: the pure compiler, then the staff `report.compile` action over SQLite.
  const types = ['natural', 'commercial', 'research', 'publicInterest', 'legalService', 'otherOrg'] as const;
  const cases = Array.from({ length: 100_000 }, (_, i) => {
    const receiptDate = new Date(Date.UTC(2025, 0, 1) + (i % 365) * 86_400_000).toISOString().slice(0, 10);
    const ended = i % 10 !== 0;
    return { applicantType: types[i % 6]!, receiptDate, ...(ended ? { outcome: OUTCOME_KEYS[i % OUTCOME_KEYS.length]!, endedOn: receiptDate } : {}) };
  });
  started = performance.now();
  compileTable3(cases, 2025);
  budget('Table 3 from 100,000 cases (compileTable3, pure)', performance.now() - started, { max: 1000 }, ms);

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
    info('seed 100,000 cases into SQLite (1,000 per transaction)', ms(performance.now() - started));
    const deps = { store, clock: { now: () => new Date('2026-01-10T02:00:00Z') }, log: { info: () => undefined, error: () => undefined }, sender: createLocalSender(), contentCheck: createLocalContentChecker(), provincial: createLocalProvincialSystem(), files: createLocalFileStore(mkdtempSync(join(tmpdir(), 'bench-files-'))) };
    started = performance.now();
    const answer = await dispatch(handlers, deps, { functionName: 'report', event: { action: 'compile', input: { year: 2025 } }, identity: { openid: 'local-staff-admin' } });
    const elapsed = performance.now() - started;
    if (!answer.ok) throw new Error(`report.compile failed: ${answer.error.message}`);
    budget('report.compile 2025 over 100,000 cases (router + SQLite)', elapsed, { max: 5000 }, ms);
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

function machine(): void {
  const cores = cpus();
  const model = (cores[0]?.model ?? 'unknown').replace(/\s+/g, ' ').trim();
  notes.push(`Machine: ${cores.length} × ${model}, ${(totalmem() / 1024 ** 3).toFixed(1)} GiB, ${platform()} ${release()}, Node ${process.version}; load generator, gateway and browser share these cores.`);
}

async function main(): Promise<void> {
  const started = Date.now();
  const failures: string[] = [];
  const part = async (name: string, run: () => void | Promise<void>) => {
    try {
      await run();
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      failures.push(`${name}: ${message}`);
      fail(name, 'did not run (see below)');
    }
  };
  await part('weapp sizes', weappSizes);
  await part('h5 sizes', h5Sizes);
  await part('cloud function sizes', cloudFunctionSizes);
  await part('domain', domainBench);
  await part('gateway and browser', gatewayBench);
  machine();
  console.log('');
  printTable();
  const failed = rows.filter((row) => row.verdict === 'FAIL');
  console.log(`\nbench finished in ${((Date.now() - started) / 1000).toFixed(0)} s: ${rows.filter((row) => row.verdict === 'PASS').length} budgets passed, ${failed.length} failed`);
  for (const failure of failures) console.error(`bench: ${failure}`);
  // Anything still running (an interrupted load run) must not keep the process alive.
  process.exit(failed.length > 0 ? 1 : 0);
}

void main();
