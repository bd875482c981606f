// End-to-end journeys in headless Chromium against the real local gateway and the built H5 app.
//
//   npm run test:e2e            every journey
//   npm run test:e2e -- 2 4     only journeys 2 and 4
//
// Needs Debian's Chromium (/usr/bin/chromium) and the builds (dist/h5, dist/local/gateway.cjs).
// Starts the gateway on a free port with a fresh temporary database, runs each journey in its own
// browser context (fresh storage), saves a screenshot to tests/.tmp/ when a journey fails, and ends
// with the line "N passed, M failed" (exit code 1 if anything failed).
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { blockingViolations, ELDER_MIN_FONT_PX, ELDER_MIN_TARGET_PX, elderShortfalls, SCANNED_PAGES } from './accessibility.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const CHROMIUM = '/usr/bin/chromium';
const SHOT_DIR = join(ROOT, 'tests', '.tmp');
const SEED_FILE = join(ROOT, 'cloudfunctions', '_lib', 'seed', 'zibo-2023-annual-report.txt');
const GATEWAY_READY_MS = 60_000;
const JOURNEY_MS = 90_000;
const STEP_MS = 15_000;

const AGENCY = '淄博市公共资源交易中心';
const CLOCK_START = '2026-02-10T09:00:00+08:00';
const CHINESE = /[\u4e00-\u9fa5]/;
/** "at " followed by a file path, with or without a function name: a leaked stack trace. */
const STACK_TRACE = /\bat\s+(?:[^\s()]+\s+\()?(?:file:\/\/)?(?:\/|[A-Za-z]:\\)[^\s)]*/;

// ---------------------------------------------------------------------------------------------
// Preflight: say exactly what is missing, never skip silently.

function preflight() {
  const problems = [];
  if (!existsSync(CHROMIUM)) {
    problems.push(
      `Chromium was not found at ${CHROMIUM}. Install it (and the CJK fonts for readable screenshots) with:\n` +
        '  apt-get install -y chromium fonts-noto-cjk',
    );
  }
  const missing = ['dist/h5/index.html', 'dist/local/gateway.cjs'].filter((file) => !existsSync(join(ROOT, file)));
  if (missing.length > 0) {
    problems.push(`Missing build output: ${missing.join(', ')}. Build first with:\n  npm run build:h5 && npm run build:functions`);
  }
  if (problems.length > 0) {
    for (const problem of problems) console.error(`e2e: ${problem}`);
    console.error('e2e: no journeys were run.');
    process.exit(1);
  }
}

// ---------------------------------------------------------------------------------------------
// Small helpers (no test framework: a sequential runner is all this needs).

class Failure extends Error {}

function assert(condition, message) {
  if (!condition) throw new Failure(message);
}

function equal(actual, expected, what) {
  assert(Object.is(actual, expected), `${what}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
}

const sleep = (ms) => new Promise((done) => setTimeout(done, ms));

/** Polls `read` until `accept(value)` holds; fails with the last value seen. */
async function until(what, read, accept, timeout = STEP_MS) {
  const deadline = Date.now() + timeout;
  let last;
  let lastError;
  for (;;) {
    try {
      last = await read();
      lastError = undefined;
      if (accept(last)) return last;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) {
      const seen = lastError ? `error: ${lastError.message.split('\n')[0]}` : `last value ${JSON.stringify(last)}`;
      throw new Failure(`${what} (waited ${timeout} ms; ${seen})`);
    }
    await sleep(100);
  }
}

const norm = (text) => (text ?? '').replace(/\s+/g, ' ').trim();

/** The one visible element matching `selector` (Taro keeps earlier pages of the stack hidden in the DOM). */
async function visible(page, selector, what = selector, timeout = STEP_MS) {
  const locator = page.locator(`${selector} >> visible=true`).first();
  try {
    await locator.waitFor({ state: 'visible', timeout });
  } catch {
    const present = await page.locator(selector).count();
    throw new Failure(
      present > 0
        ? `${what}: ${selector} is in the page ${present} time(s) but never became visible within ${timeout} ms`
        : `${what}: no element matches ${selector} (waited ${timeout} ms) — missing id/test id?`,
    );
  }
  return locator;
}

/** What most journeys need: the visible match of a selector, a persona switch, a field fill. */
function journeyHelpers(page, base) {
  return {
    v: (selector) => page.locator(`${selector} >> visible=true`).first(),
    as: async (persona) => {
      const reply = await page.request.post(`${base}/local/session`, { data: { persona } });
      assert(reply.ok(), `switching persona to ${persona}: HTTP ${reply.status()}`);
    },
    fill: async (selector, value) => (await visible(page, selector, selector)).locator('input, textarea').first().fill(value),
  };
}

async function textOf(page, selector, what) {
  const locator = await visible(page, selector, what);
  return norm(await locator.textContent());
}

// ---------------------------------------------------------------------------------------------
// Expectations from the seed, computed with the project's own parser (TypeScript, through tsx).

async function loadSeedExpectations() {
  const { tsImport } = await import('tsx/esm/api');
  const parser = await tsImport(join(ROOT, 'cloudfunctions/_lib/seed/parse-report.ts'), import.meta.url);
  const tables = await tsImport(join(ROOT, 'src/domain/report/tables.ts'), import.meta.url);
  const parse = parser.parseAnnualReport ?? parser.default?.parseAnnualReport;
  const report = parse(readFileSync(SEED_FILE, 'utf8'));
  const rowKeys = [...(tables.TABLE3_ROW_KEYS ?? tables.default.TABLE3_ROW_KEYS)];
  const columnKeys = (tables.TABLE3_COLUMNS ?? tables.default.TABLE3_COLUMNS).map((column) => column.key);
  return { report, rowKeys, columnKeys };
}

// ---------------------------------------------------------------------------------------------
// The gateway as a child process.

/** ID numbers and phones typed in the journeys: none may appear in the gateway's output. */
const PERSONAL_DATA_USED = ['11010519491231002X', '13812345678', '13800138000', '13900139000', '13700137000'];

async function startGateway() {
  const dataDir = mkdtempSync(join(tmpdir(), 'zibo-e2e-'));
  const child = spawn(process.execPath, [join(ROOT, 'dist/local/gateway.cjs')], {
    cwd: ROOT,
    // The local clock starts on 2026-02-10 (Beijing time), so journey 7's deadlines cross Spring Festival.
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_FILE: join(dataDir, 'e2e.sqlite'), STATIC_DIR: join(ROOT, 'dist/h5'), LOCAL_CLOCK_START: CLOCK_START },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise((resolveUrl, reject) => {
    const timer = setTimeout(() => reject(new Error(`gateway did not start within ${GATEWAY_READY_MS} ms:\n${output}`)), GATEWAY_READY_MS);
    const onData = (chunk) => {
      output += chunk.toString();
      const match = /已启动[:：]\s*(http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolveUrl(match[1]);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`gateway exited before it was ready (code ${code}, signal ${signal}):\n${output}`));
    });
  });
  // Keep draining its output so it never blocks on a full pipe; keep the tail for diagnostics.
  const log = { tail: output, all: output };
  const keep = (chunk) => {
    log.tail = (log.tail + chunk.toString()).slice(-4000);
    // All output (bounded), so the run can prove no personal data was logged.
    if (log.all.length < 50_000_000) log.all += chunk.toString();
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((done) => child.once('exit', done));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(dataDir, { recursive: true, force: true });
  };
  return { url, stop, log, pid: child.pid };
}

/** POST /api/<fn> the way the app does; returns {status, text, body}. */
async function api(base, fn, event, init = {}) {
  const response = await fetch(`${base}/api/${fn}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: typeof event === 'string' ? event : JSON.stringify(event),
    ...init,
  });
  const text = await response.text();
  let body;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  return { status: response.status, text, body };
}

async function apiData(base, fn, action, input) {
  const reply = await api(base, fn, { action, input });
  assert(reply.body?.ok === true, `${fn}.${action} failed: HTTP ${reply.status} ${reply.text.slice(0, 300)}`);
  return reply.body.data;
}

// ---------------------------------------------------------------------------------------------
// Journeys. Each gets { page, base, seed } with a fresh browser context.

async function openHome(page, base) {
  await page.goto(`${base}/`);
  await visible(page, '[data-testid=home]', 'home page');
  equal(await textOf(page, '#agency-name', 'agency name'), AGENCY, '#agency-name');
}

const journeys = [
  {
    name: 'home → catalogue → item detail',
    async run({ page, base }) {
      // The truth the screens must show: the API's own first two pages of 工作制度.
      const first = await apiData(base, 'catalogue', 'listItems', { categoryId: 'gzzd' });
      const firstTitle = first.items[0]?.title;
      assert(firstTitle, 'catalogue.listItems(gzzd) returned no items');

      await openHome(page, base);
      await (await visible(page, '#column-catalogue', 'home column 公开目录')).click();
      await visible(page, '[data-testid=catalogue]', 'catalogue page');
      await (await visible(page, '[data-testid=catalogue] #category-gzzd', 'category 工作制度')).click();

      const items = page.locator('[data-testid=catalogue] [data-testid=catalogue-item] >> visible=true');
      await until('20 catalogue items after choosing 工作制度', () => items.count(), (n) => n === 20);
      await (await visible(page, '[data-testid=catalogue] #load-more', '加载更多 button')).click();
      await until('40 catalogue items after 加载更多', () => items.count(), (n) => n === 40);
      // Still exactly 40 a moment later: no duplicate append (e.g. a double-fired load).
      await sleep(500);
      equal(await items.count(), 40, 'catalogue items after load-more settled');

      const listText = norm(await items.first().textContent());
      assert(listText.includes(firstTitle), `first list item should show "${firstTitle}", shows "${listText}"`);
      await items.first().click();

      await visible(page, '[data-testid=catalogue-detail]', 'item detail page');
      const detailTitle = await until(
        '#item-title on the detail page',
        () => page.locator('[data-testid=catalogue-detail] #item-title >> visible=true').first().textContent({ timeout: 1000 }),
        (text) => norm(text).length > 0,
      );
      equal(norm(detailTitle), firstTitle, 'detail #item-title (the title shown in the list)');
      const badge = await visible(page, '[data-testid=catalogue-detail] [data-testid=demo-badge]', '演示 badge on a demo item');
      const badgeText = norm(await badge.textContent());
      assert(badgeText.includes('演示'), `demo badge should say 演示, says "${badgeText}"`);
    },
  },
  {
    name: 'home → 2023 annual report (every Table 3 cell vs the seed)',
    async run({ page, base, seed }) {
      const { report, rowKeys, columnKeys } = seed;
      // Independent sanity check of the parser itself against figures read off the published report.
      const at = (row, column) => report.table3[row]?.[columnKeys.indexOf(column)];
      equal(at('newReceived', 'natural'), 5, 'seed 一、本年新收 自然人');
      equal(at('newReceived', 'total'), 5, 'seed 一、本年新收 总计');
      equal(at('granted', 'total'), 5, 'seed （一）予以公开 总计');
      equal(at('carriedOver', 'total'), 0, 'seed 四、结转下年度继续办理 总计');
      // And the API serves what the seed says.
      const served = await apiData(base, 'report', 'getReport', { year: 2023 });
      for (const row of rowKeys) {
        equal(JSON.stringify(served.table3[row]), JSON.stringify(report.table3[row]), `report.getReport(2023).table3.${row}`);
      }

      await openHome(page, base);
      await (await visible(page, '#column-annualReport', 'home column 年度报告')).click();
      await (await visible(page, '#report-2023', '2023 report in the list')).click();
      const detail = '[data-testid=report-detail]';
      await visible(page, detail, 'report detail page');
      const expectedCells = rowKeys.length * columnKeys.length;
      const cells = await until(
        `${expectedCells} Table 3 cells ([data-cell^="table3:"]) on the report page`,
        () =>
          page.evaluate((selector) => {
            const roots = [...document.querySelectorAll(selector)].filter((el) => el.getClientRects().length > 0);
            const found = {};
            for (const root of roots) {
              for (const el of root.querySelectorAll('[data-cell^="table3:"]')) {
                const key = el.getAttribute('data-cell');
                (found[key] ??= []).push((el.textContent ?? '').replace(/\s+/g, ''));
              }
            }
            return found;
          }, detail),
        (found) => Object.keys(found).length >= expectedCells,
      ).catch((error) => {
        throw new Failure(error.message.length > 600 ? `${error.message.slice(0, 600)}…` : error.message);
      });

      const problems = [];
      for (const row of rowKeys) {
        for (const [index, column] of columnKeys.entries()) {
          const key = `table3:${row}:${column}`;
          const want = String(report.table3[row][index]);
          const got = cells[key];
          if (!got) problems.push(`${key} missing`);
          else if (got.length > 1) problems.push(`${key} appears ${got.length} times`);
          else if (got[0] !== want) problems.push(`${key} shows "${got[0]}", seed says ${want}`);
        }
      }
      const known = new Set(rowKeys.flatMap((row) => columnKeys.map((column) => `table3:${row}:${column}`)));
      const unknown = Object.keys(cells).filter((key) => !known.has(key));
      if (unknown.length > 0) problems.push(`unexpected cell keys: ${unknown.slice(0, 5).join(', ')}`);
      assert(problems.length === 0, `Table 3 differs from the seed (${problems.length} problem(s)):\n      ${problems.slice(0, 15).join('\n      ')}`);

      // The literal figures once more, straight from the page.
      for (const [key, want] of [
        ['table3:newReceived:natural', '5'],
        ['table3:newReceived:total', '5'],
        ['table3:granted:total', '5'],
        ['table3:carriedOver:total', '0'],
      ]) {
        equal(cells[key]?.[0], want, `page cell ${key}`);
      }

      const missingSections = [];
      for (const id of ['overview', 'proactive', 'requests', 'appeals', 'problems', 'other']) {
        if ((await page.locator(`${detail} #section-${id}`).count()) === 0) missingSections.push(`#section-${id}`);
      }
      assert(missingSections.length === 0, `report section headings missing: ${missingSections.join(', ')}`);
    },
  },
  {
    name: '联系我们',
    async run({ page, base, seed }) {
      await openHome(page, base);
      await (await visible(page, '#column-contact', 'home column 联系我们')).click();
      await visible(page, '[data-testid=contact]', 'contact page');
      const scope = '[data-testid=contact]';
      const address = await textOf(page, `${scope} #contact-address`, 'address');
      assert(
        address.replace(/\s/g, '').includes(seed.report.contact.address.replace(/\s/g, '')),
        `#contact-address should show "${seed.report.contact.address}", shows "${address}"`,
      );
      for (const [id, want] of [
        ['contact-postcode', '255000'],
        ['contact-phone', '0533-2270076'],
        ['contact-email', 'sggzyjyzxzhk@zb.shandong.cn'],
      ]) {
        const text = await textOf(page, `${scope} #${id}`, id);
        assert(text.includes(want), `#${id} should show ${want}, shows "${text}"`);
      }
    },
  },
  {
    name: '长辈版 switch: larger text, persisted, on every page',
    async run({ page, base }) {
      await openHome(page, base);
      const home = page.locator('[data-testid=home] >> visible=true').first();
      const fontSize = async (locator) => parseFloat(await locator.evaluate((el) => getComputedStyle(el).fontSize));
      equal(await home.getAttribute('data-elder'), 'off', 'home data-elder before switching');
      const before = await fontSize(home);

      const host = await visible(page, '#elder-switch', '长辈版 switch');
      const inner = host.locator('input');
      if ((await inner.count()) > 0) await inner.first().click({ force: true });
      else await host.click();

      await until('home data-elder="on" after the switch', () => home.getAttribute('data-elder'), (value) => value === 'on');
      const after = await until(
        `home font-size ≥ 1.25 × ${before}px in 长辈版`,
        () => fontSize(home),
        (size) => size >= before * 1.25,
      );

      await page.reload();
      const reloaded = await visible(page, '[data-testid=home]', 'home page after reload');
      await until('data-elder="on" after reload (persisted)', () => reloaded.getAttribute('data-elder'), (value) => value === 'on');
      const afterReload = await fontSize(reloaded);
      assert(afterReload >= before * 1.25, `font-size after reload ${afterReload}px < 1.25 × ${before}px`);
      await visible(page, '#agency-name', 'home content after reload');

      await (await visible(page, '#column-catalogue', 'home column 公开目录')).click();
      const catalogue = await visible(page, '[data-testid=catalogue]', 'catalogue page');
      await until('catalogue data-elder="on"', () => catalogue.getAttribute('data-elder'), (value) => value === 'on');
      return `font-size ${before}px → ${after}px`;
    },
  },
  {
    name: 'accessibility: axe-core finds no serious or critical WCAG 2.1 AA violation on the main pages, in normal and 长辈版',
    async run({ page, base }) {
      const scan = async (mode) => {
        const problems = [];
        for (const { path, testId } of SCANNED_PAGES) {
          await page.goto(`${base}/#${path}`);
          const root = await visible(page, `[data-testid=${testId}]`, `${path} (${mode})`);
          await until(`${path} loaded (${mode})`, async () => norm(await root.textContent()), (text) => text.length > 0 && !text.includes('正在加载'));
          if (mode === '长辈版') {
            equal(await root.getAttribute('data-elder'), 'on', `${path} data-elder`);
            for (const line of await elderShortfalls(page, testId)) problems.push(`${mode} ${path}: ${line}`);
          }
          for (const line of await blockingViolations(page)) problems.push(`${mode} ${path}: ${line}`);
        }
        return problems;
      };
      const problems = await scan('普通版');
      await openHome(page, base);
      const host = await visible(page, '#elder-switch', '长辈版 switch');
      const inner = host.locator('input');
      if ((await inner.count()) > 0) await inner.first().click({ force: true });
      else await host.click();
      problems.push(...(await scan('长辈版')));
      assert(problems.length === 0, `${problems.length} accessibility problem(s):\n      ${problems.join('\n      ')}`);

      // The web build works from the keyboard: Tab reaches a column, Enter opens it.
      await openHome(page, base);
      const column = await visible(page, '#column-catalogue', 'home column 公开目录');
      await column.focus();
      equal(await column.evaluate((el) => el === document.activeElement), true, '#column-catalogue takes the keyboard focus');
      await page.keyboard.press('Enter');
      await visible(page, '[data-testid=catalogue]', 'catalogue opened with Enter');
      return `${SCANNED_PAGES.length} pages × 2 modes: no serious/critical axe violation; 长辈版 text ≥ ${ELDER_MIN_FONT_PX} px, targets ≥ ${ELDER_MIN_TARGET_PX} px; keyboard opens a column`;
    },
  },
  {
    name: 'gateway answers bad requests with clear Chinese errors',
    async run({ base }) {
      const big = JSON.stringify({ action: 'listItems', input: { categoryId: 'gzzd', pad: 'x'.repeat(300 * 1024) } });
      const cases = [
        { what: 'malformed JSON', send: () => api(base, 'catalogue', '{"action": "listItems", '), status: 400, code: 'BAD_REQUEST' },
        { what: 'unknown function', send: () => api(base, 'no-such-function', { action: 'x' }), status: 404, code: 'UNKNOWN_FUNCTION' },
        { what: 'unknown action', send: () => api(base, 'catalogue', { action: 'noSuchAction' }), status: 404, code: 'UNKNOWN_ACTION' },
        {
          what: 'invalid input (limit 500)',
          send: () => api(base, 'catalogue', { action: 'listItems', input: { categoryId: 'gzzd', limit: 500 } }),
          status: 400,
          code: 'VALIDATION_FAILED',
          check: (error) => {
            equal(error.issues?.[0]?.path, 'limit', 'issues[0].path');
            assert(CHINESE.test(error.issues[0].message ?? ''), `issues[0].message is not Chinese: ${JSON.stringify(error.issues[0].message)}`);
          },
        },
        { what: 'body over 256 KB (Content-Length)', send: () => api(base, 'catalogue', big), status: 413, code: 'PAYLOAD_TOO_LARGE' },
        {
          what: 'body over 256 KB (chunked, no Content-Length)',
          send: () =>
            api(base, 'catalogue', undefined, {
              body: new Blob([big]).stream(),
              duplex: 'half',
            }),
          status: 413,
          code: 'PAYLOAD_TOO_LARGE',
        },
      ];
      const problems = [];
      for (const item of cases) {
        try {
          const reply = await item.send();
          assert(!STACK_TRACE.test(reply.text), `body contains a stack trace: ${reply.text.slice(0, 200)}`);
          assert(reply.body !== undefined, `body is not JSON (HTTP ${reply.status}): ${reply.text.slice(0, 200)}`);
          equal(reply.status, item.status, 'HTTP status');
          equal(reply.body.ok, false, 'ok');
          equal(reply.body.error?.code, item.code, 'error.code');
          const message = reply.body.error?.message;
          assert(typeof message === 'string' && message.trim() && CHINESE.test(message), `error.message is not Chinese text: ${JSON.stringify(message)}`);
          item.check?.(reply.body.error);
        } catch (error) {
          problems.push(`${item.what}: ${error.message}`);
        }
      }
      assert(problems.length === 0, problems.join('\n      '));
    },
  },
  {
    name: 'missing item shows a Chinese error with 重试',
    async run({ page, base }) {
      const id = 'demo-gzzd-99999';
      const reply = await api(base, 'catalogue', { action: 'getItem', input: { id } });
      equal(reply.body?.error?.code, 'NOT_FOUND', `catalogue.getItem(${id}) error code`);

      await page.goto(`${base}/#/packages/catalogue/detail/index?id=${id}`);
      const scope = '[data-testid=catalogue-detail]';
      await visible(page, scope, 'item detail page for a missing id');
      const retry = await visible(page, `${scope} #retry`, '重试 button');
      equal(norm(await retry.textContent()), '重试', '#retry text');
      const message = async () => {
        const alert = norm(await page.locator(`${scope} [role=alert] >> visible=true`).first().textContent({ timeout: 1000 }).catch(() => ''));
        const text = alert || norm(await page.locator(`${scope} >> visible=true`).first().textContent());
        return norm(text.replace(/重试$/, ''));
      };
      const shown = await message();
      assert(CHINESE.test(shown), `the error shown is not Chinese text: "${shown}"`);

      // Retrying fails the same way and still shows the error, not a blank page.
      await retry.click();
      await sleep(300);
      await visible(page, `${scope} #retry`, '重试 button after retrying');
      assert(CHINESE.test(await message()), 'after 重试 the error message is gone');
      return `shows "${shown}" + 重试`;
    },
  },
  {
    name: '依申请公开: apply → 补正 → correct → extend → reply; the citizen reads the reply and the dated timeline',
    async run({ page, base }) {
      const { v, as } = journeyHelpers(page, base);
      const inner = async (selector, value) => (await visible(page, selector, selector)).locator('input, textarea').first().fill(value);
      const expectState = async (selector, state) => until(`state "${state}"`, async () => norm(await v(selector).textContent()), (text) => text.includes(state));

      // The citizen applies through the form (day zero: 2026-02-10, Beijing time).
      await page.goto(`${base}/`);
      await visible(page, '[data-testid=home]', 'home page');
      await (await visible(page, '#column-application', 'home column 依申请公开')).click();
      await (await visible(page, '[data-testid=apply-home] #apply-new', '在线申请')).click();
      await visible(page, '[data-testid=apply-form]', 'application form');
      await inner('[data-testid=apply-form] #field-name', '张三');
      await inner('[data-testid=apply-form] #field-idNumber', '110105194912310021');
      await v('#submit').click();
      const idError = await textOf(page, '[data-testid=apply-form] #error-idNumber', 'ID number error');
      assert(/居民身份证号码不正确/.test(idError), `a wrong check digit should be named, got "${idError}"`);
      await inner('[data-testid=apply-form] #field-idNumber', '11010519491231002X');
      await inner('[data-testid=apply-form] #field-mobile', '13812345678');
      await inner('[data-testid=apply-form] #field-description', '2023年度政府采购项目的开标记录');
      await v('#field-deliveryForm-electronic').click();
      await v('#field-deliveryChannel-online').click();
      await v('#agree').click();
      await v('#submit').click();
      await visible(page, '[data-testid=apply-receipt]', 'receipt page');
      const queryCode = await textOf(page, '[data-testid=apply-receipt] #receipt-query-code', 'query code');
      assert(/^[2-9A-Z]{10}$/.test(queryCode), `query code should be 10 characters, got "${queryCode}"`);
      equal(await (await visible(page, '[data-testid=apply-receipt] #receipt-due')).getAttribute('data-due'), '2026-03-16', 'reply deadline (20 working days across Spring Festival)');
      const id = new URL(page.url().replace('/#/', '/')).searchParams.get('id');
      assert(id, `receipt URL should carry the case id: ${page.url()}`);

      const staffCase = async (persona) => {
        await as(persona);
        await page.goto(`${base}/#/packages/staff/case/index?id=${id}`);
        await visible(page, '[data-testid=staff-case] #case-state', `staff case page as ${persona}`);
      };

      // 审核: the clerk asks for a correction, listing all items at once.
      await staffCase('clerk');
      await v('#cmd-requestCorrection').click();
      await inner('#correction-items', '请写明所需开标记录的项目名称\n请写明开标日期');
      await v('#action-submit').click();
      await expectState('[data-testid=staff-case] #case-state', '待申请人补正');

      // The citizen answers the correction on the case page.
      await as('citizenA');
      await page.goto(`${base}/#/packages/apply/case/index?id=${id}`);
      await inner('[data-testid=apply-case] #correction-answer', '项目：某学校教学设备采购项目，开标日期2023年5月');
      await v('#correction-submit').click();
      await expectState('[data-testid=apply-case] #case-state', '已登记');

      // 办理: accept, ask for an extension; a reviewer approves it.
      await staffCase('clerk');
      await v('#cmd-accept').click();
      await v('#action-submit').click();
      await expectState('[data-testid=staff-case] #case-state', '办理中');
      await v('#cmd-requestExtension').click();
      await inner('#extension-reason', '需调取归档的开标记录');
      await v('#action-submit').click();
      await expectState('[data-testid=staff-case] #case-state', '延期待批准');
      await staffCase('reviewer');
      await v('#cmd-decideExtension').click();
      await v('#extension-approve').click();
      // 40 working days from the correction (2026-02-10), 清明 (04-04…06) skipped.
      await until('reply deadline 2026-04-14 after the extension', async () => v('[data-testid=staff-case] [data-testid=deadline]').getAttribute('data-due'), (due) => due === '2026-04-14');
      equal(norm(await v('[data-testid=staff-case] #case-state').textContent()), '办理中', 'state after the extension is approved');

      // 答复: the clerk drafts from the 予以公开 template; the reviewer signs it off.
      await staffCase('clerk');
      await v('#cmd-draftReply').click();
      await v('#outcome-group').click();
      await v('.weui-picker__action:has-text("确定")').click();
      await until('reply template loaded', async () => (await v('#reply-text').locator('textarea').inputValue()).slice(0, 11), (text) => text === '政府信息公开申请答复书');
      await v('#action-submit').click();
      await expectState('[data-testid=staff-case] #case-state', '答复待审核');
      await staffCase('reviewer');
      await v('#cmd-decideReply').click();
      await v('#reply-approve').click();
      await v('.taro-model__confirm').click();
      await expectState('[data-testid=staff-case] #case-state', '已答复');

      // The citizen reads the reply and the timeline, every step dated.
      await as('citizenA');
      await page.goto(`${base}/#/packages/apply/case/index?id=${id}`);
      const letter = await textOf(page, '[data-testid=apply-case] #reply-letter', 'reply letter');
      assert(letter.includes('张三：') && letter.includes('本机关于2026年2月10日收到您提出的政府信息公开申请') && letter.includes('予以公开'), `reply letter: "${letter.slice(0, 200)}"`);
      const entries = page.locator('[data-testid=apply-case] [data-testid=timeline-entry] >> visible=true');
      const steps = await until('timeline with 登记 … 答复', async () => Promise.all((await entries.all()).map(async (e) => norm(await e.textContent()))), (texts) => texts.length >= 6);
      for (const step of ['登记', '审核', '办理', '答复']) assert(steps.some((t) => t.includes(step)), `timeline should show ${step}: ${JSON.stringify(steps)}`);
      assert(steps.every((t) => t.includes('2026年2月10日')), `every step happened on 2026-02-10: ${JSON.stringify(steps)}`);
      assert(steps.some((t) => t.includes('请写明所需开标记录的项目名称')), 'the 补正 items appear in the timeline');
      assert(steps.some((t) => t.includes('需调取归档的开标记录')), 'the extension reason appears in the timeline');

      // What WeChat would have sent the applicant: receipt, 补正, extension, reply.
      await as('clerk');
      const outbox = await page.request.post(`${base}/api/requests`, { data: { action: 'outbox', input: { caseId: id } } });
      const kinds = (await outbox.json()).data.filter((n) => n.audience === 'applicant').map((n) => n.kind).sort();
      equal(JSON.stringify(kinds), JSON.stringify(['correctionNeeded', 'extended', 'received', 'replied']), 'notices to the applicant');
      return `query code ${queryCode}, due 2026-03-16 → 2026-04-14 after extension, reply signed`;
    },
  },
  {
    name: 'annual report: staff publish 2025’s report with a case carried over from 2024; a reader opens and exports it',
    async run({ page, base }) {
      const { v, as } = journeyHelpers(page, base);
      const register = async (key, receiptDate, application) => {
        const reply = await page.request.post(`${base}/api/requests`, { data: { action: 'register', input: { idempotencyKey: key, channel: 'letter', receiptDate, application } } });
        const body = await reply.json();
        assert(body.ok, `register ${receiptDate}: ${JSON.stringify(body.error)}`);
      };
      const person = { applicantType: 'natural', name: '孙七', idType: 'residentId', idNumber: '11010519491231002X', mobile: '13812345678', description: '2024年12月开标的某项目评标报告', deliveryForm: 'paper', deliveryChannel: 'pickup' };
      const company = { ...person, applicantType: 'commercial', organisationName: '淄博某建设有限公司', idType: 'socialCreditCode', idNumber: '91350100M000100Y43', description: '2025年某工程中标候选人公示期间的投诉处理情况' };

      // Paper applications the clerk registers with their real receipt dates (none answered by the end of 2025).
      await page.goto(`${base}/`);
      await visible(page, '[data-testid=home]', 'home page');
      await as('clerk');
      await register('e2e-report-carried-2024', '2024-12-16', person);
      await register('e2e-report-new-2025-01', '2025-06-02', company);

      // The admin compiles 2025 (overdue since 2026-01-31: the reminder leads there), writes 一、总体情况 and publishes.
      await as('admin');
      await page.goto(`${base}/#/packages/staff/report/index`);
      await visible(page, '[data-testid=staff-report]', 'staff report console');
      await v('#report-reminder-open').click();
      await until('year 2025 selected', async () => norm(await v('#report-year-value').textContent()), (text) => text.includes('2025'));
      await (await visible(page, '#draft-overview', 'draft 一、总体情况')).locator('textarea').fill('2025年，中心依法做好政府信息公开工作。\n（一）依申请公开方面\n全年收到政府信息公开申请1件，上年结转1件。');
      await v('#draft-save').click();
      await visible(page, '#draft-saved', 'draft saved');
      await visible(page, '#checks-ok', '校验通过');
      await v('#report-publish').click();
      await v('.taro-model__confirm').click();
      const done = await textOf(page, '#publish-done', 'published');
      assert(done.includes('第 1 版') || done.includes('第1版'), `publish result: "${done}"`);

      // A reader opens the 2025 report: the carried-over case is in 二 and 四.
      await as('citizenA');
      await page.goto(`${base}/#/packages/report/list/index`);
      await (await visible(page, '[data-testid=report-list] #report-2025', '2025 report in the list')).click();
      await visible(page, '[data-testid=report-detail]', 'report page');
      const cell = async (key) => norm(await v(`[data-testid=report-detail] [data-cell="table3:${key}"]`).textContent());
      await until('Table 3 of 2025 rendered', () => cell('newReceived:total'), (text) => text === '1');
      equal(await cell('carriedIn:natural'), '1', '二、上年结转 自然人');
      equal(await cell('newReceived:commercial'), '1', '一、本年新收 商业企业');
      equal(await cell('resultsTotal:total'), '0', '三（七）总计');
      equal(await cell('carriedOver:total'), '2', '四、结转下年度 总计');

      // ...and exports the tables as CSV.
      const [download] = await Promise.all([page.waitForEvent('download', { timeout: STEP_MS }), v('#export-csv').click()]);
      const path = await download.path();
      const csv = readFileSync(path, 'utf8');
      assert(download.suggestedFilename().endsWith('.csv'), `download name: ${download.suggestedFilename()}`);
      assert(csv.startsWith('\uFEFF'), 'the CSV starts with a BOM for Excel');
      for (const line of ['二、上年结转政府信息公开申请数量,1,0,0,0,0,0,1', '一、本年新收政府信息公开申请数量,0,1,0,0,0,0,1', '四、结转下年度继续办理,1,1,0,0,0,0,2']) {
        assert(csv.includes(line), `CSV should contain "${line}"`);
      }
      return `published 2025 v1; CSV ${csv.length} chars`;
    },
  },
  {
    name: '好差评: a citizen gives 非常不满意 with a reason; staff rectify and reply; the citizen sees the answer; statistics update',
    async run({ page, base }) {
      const { v, as, fill } = journeyHelpers(page, base);

      await page.goto(`${base}/`);
      await visible(page, '[data-testid=home]', 'home page');
      await (await visible(page, '#rate-float', 'floating 评价 entry')).click();
      await visible(page, '[data-testid=rate-home]', 'rating sheet');
      await v('#rate-item-bidOpening').click();
      await v('#rate-level-1').click();
      await v('#indicator-4').click();
      // Without a reason the bad rating is refused, next to the field.
      await v('#display-anonymous').click();
      await v('#rate-submit').click();
      const reasonError = await textOf(page, '[data-testid=rate-home] #error-comment', 'reason error');
      assert(/原因/.test(reasonError), `a bad rating must ask for a reason: "${reasonError}"`);
      await fill('[data-testid=rate-home] #field-comment', '开标推迟半小时，现场没有任何说明');
      await v('#rate-submit').click();
      const due = await (await visible(page, '#rate-done-rectification', 'rectification notice')).getAttribute('data-due');
      equal(due, '2026-02-24', 'rectification due in 5 working days (02-11…14 with make-up 02-14, Spring Festival skipped, 02-24)');

      // The clerk answers it in the console.
      await as('clerk');
      await page.goto(`${base}/#/packages/staff/ratings/index`);
      const kase = await visible(page, '[data-testid=staff-ratings] [data-testid=rating-case]', 'the bad rating in the console');
      const caseId = (await kase.getAttribute('id')).replace('rating-case-', '');
      await v(`#cmd-answer-${caseId}`).click();
      await fill('#rating-answer-text', '已核实：开标系统故障导致延迟，已增加现场广播说明机制');
      await v('#rating-answer-submit').click();
      await until('case answered', async () => v(`#rating-case-${caseId}`).getAttribute('data-state'), (state) => state === 'answered');

      // The citizen sees the answer, and the public statistics count it.
      await as('citizenA');
      await page.goto(`${base}/#/packages/rate/mine/index`);
      const reply = await textOf(page, '[data-testid=rate-mine] [data-testid=rating-reply]', 'the answer');
      assert(reply.includes('已增加现场广播说明机制'), `the citizen should read the answer: "${reply}"`);
      await page.goto(`${base}/#/packages/rate/stats/index`);
      const rectification = await textOf(page, '[data-testid=rate-stats] #stats-rectification', 'rectification rate');
      assert(rectification.includes('100'), `rectification rate should be 100%: "${rectification}"`);
      const imported = await textOf(page, '[data-testid=rate-stats] #stats-imported', 'imported total');
      assert(imported.includes('673'), `the seed's 673 ratings: "${imported}"`);
      return `due ${due}, answered, 100% rectified`;
    },
  },
  {
    name: '交易公告: a citizen follows a project’s chain from tender to result; the 开标大厅 lists today’s openings',
    async run({ page, base }) {
      await openHome(page, base);
      await (await visible(page, '#column-announcements', 'home column 交易公告')).click();
      await visible(page, '[data-testid=trading-list]', 'trading list');
      const projects = page.locator('[data-testid=trading-list] [data-testid=project] >> visible=true');
      await until('projects listed', () => projects.count(), (n) => n > 0);
      const withResult = page.locator('[data-testid=trading-list] [data-testid=project]:has-text("结果公告") >> visible=true').first();
      await withResult.click();
      await visible(page, '[data-testid=trading-chain]', 'chain page');
      const stages = await until('chain notices', async () => page.locator('[data-testid=trading-chain] [data-testid=chain-notice] >> visible=true').evaluateAll((els) => els.map((e) => e.getAttribute('data-stage'))), (list) => list.length >= 4);
      equal(JSON.stringify(stages.slice(0, 4)), JSON.stringify(['tender', 'change', 'candidates', 'result']), 'chain order tender → change → candidates → result');
      const badge = await visible(page, '[data-testid=trading-chain] [data-testid=demo-badge]', '演示 badge');
      assert(norm(await badge.textContent()).includes('演示'), 'demo trading data is marked');

      await openHome(page, base);
      await (await visible(page, '#column-bidOpening', 'home column 开标大厅')).click();
      equal(await (await visible(page, '[data-testid=trading-hall] #hall-date')).getAttribute('data-date'), '2026-02-10', 'the hall shows the server’s today');
      const openings = page.locator('[data-testid=trading-hall] [data-testid=opening] >> visible=true');
      await until('today’s openings', () => openings.count(), (n) => n >= 3);
      const statuses = await openings.evaluateAll((els) => els.map((e) => e.textContent ?? ''));
      assert(statuses.every((text) => /待开标|开标中|已开标/.test(text)), `each opening says its status in text: ${JSON.stringify(statuses)}`);
      return `${stages.length} notices in the chain; ${statuses.length} openings today`;
    },
  },
  {
    name: '订阅: a citizen follows 公开目录; staff draft and approve a document; the scheduler messages the citizen; 公众号文章',
    async run({ page, base }) {
      const { v, as, fill } = journeyHelpers(page, base);
      // The browser's calendar (today) is months after the gateway's: the form must take the server's date.

      await as('citizenA');
      await openHome(page, base);
      await (await visible(page, '#home-follow', 'home 订阅更新 entry')).click();
      await visible(page, '[data-testid=follow] #follow-catalogue', '我的订阅 switches');
      equal(await v('#follow-catalogue').getAttribute('aria-checked'), 'false', '公开目录 not followed yet');
      await v('#follow-catalogue').click();
      await until('公开目录 followed', () => v('#follow-catalogue').getAttribute('aria-checked'), (state) => state === 'true');
      assert((await v('#follow-catalogue').textContent()).includes('已订阅'), 'the switch says 已订阅 in words');

      // The clerk drafts and submits a document in 主动公开发布; the reviewer approves it.
      const title = `开评标现场管理办法（订阅测试${Date.now() % 10000}）`;
      await as('clerk');
      await page.goto(`${base}/#/packages/staff/publishing/index`);
      await visible(page, '#pub-new', 'new draft form');
      await v('#pub-category').click();
      await v('.weui-picker__action:has-text("确定")').click();
      await fill('#pub-title', title);
      await fill('#pub-subject', '公共资源交易');
      await v('#pub-attribute-主动公开').click();
      await fill('#pub-body', '第一条 为规范开评标现场秩序，制定本办法。');
      await v('#pub-save').click();
      const draft = await visible(page, `[data-testid=pub-document]:has-text("${title}")`, 'the saved draft');
      const id = (await draft.getAttribute('id')).replace(/^pub-/, '');
      await v(`#pub-submit-${id}`).click();
      await until('submitted for review', () => v(`#pub-${id}`).getAttribute('data-state'), (state) => state === 'inReview');
      await as('reviewer');
      await page.reload();
      await v(`#pub-confirm-${id}`).click();
      await v(`#pub-approve-${id}`).click();
      await v('.taro-model__confirm').click();
      await until('published', () => v(`#pub-${id}`).getAttribute('data-state'), (state) => state === 'published');

      // The local scheduler (every 3 s) fans the event out, then delivers the message.
      await as('citizenA');
      await page.goto(`${base}/#/packages/follow/messages/index`);
      const shortTitle = [...title].length > 20 ? `${[...title].slice(0, 19).join('')}…` : title;
      const message = await until(
        'the message about the new document in 我的消息, delivered',
        async () => {
          await page.reload();
          await visible(page, '[data-testid=messages]', '我的消息');
          await page.waitForTimeout(300);
          const items = await page.locator('[data-testid=messages] [data-testid=message] >> visible=true').evaluateAll((els) => els.map((e) => e.textContent ?? ''));
          return items.find((text) => text.includes(shortTitle)) ?? '';
        },
        (text) => text.includes('已发送'),
        20_000,
      );
      assert(message.includes('公开目录有新内容'), `message title: "${message}"`);
      await v('[data-testid=messages] [data-testid=message]').click();
      await visible(page, '[data-testid=catalogue-detail]', 'the document opened from the message');

      // 公众号文章, with the 2023 figures from the annual report.
      await openHome(page, base);
      await (await visible(page, '#column-articles', 'home column 公众号文章')).click();
      await visible(page, '[data-testid=articles-list]', 'articles list');
      equal(await v('#figure-posts').getAttribute('data-value'), '313', '2023 posts');
      equal(await v('#figure-followers').getAttribute('data-value'), '6723', 'followers');
      assert((await textOf(page, '#figure-posts', 'posts figure')).includes('在中心微信公众号发布信息313条'), 'the posts figure quotes its sentence');
      await v('[data-testid=articles-list] [data-testid=article]').click();
      await visible(page, '[data-testid=article-detail] [data-testid=article-paragraph]', 'article paragraphs');
      return `followed, document ${id} published, message delivered; 313 posts / 6723 followers`;
    },
  },
  {
    name: '政策解读 and 会议公开: a citizen filters interpretations by form, opens one, follows it to its policy document and back; opens a meeting and its topic’s interpretation',
    async run({ page, base }) {
      const { v } = journeyHelpers(page, base);
      await openHome(page, base);
      await (await visible(page, '#column-interpretation', 'home column 政策解读')).click();
      await visible(page, '[data-testid=policy-list]', 'interpretation list');
      const rows = page.locator('[data-testid=policy-list] [data-testid=interpretation] >> visible=true');
      await until('interpretations listed', () => rows.count(), (n) => n > 0);
      await v('#form-image').click();
      const forms = await until('only 图片 interpretations', () => rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-form'))), (list) => list.length > 0 && list.every((f) => f === 'image'));
      equal(await v('#form-image').getAttribute('aria-selected'), 'true', '图片 filter selected');
      await rows.first().click();
      await visible(page, '[data-testid=policy-interpretation]', 'interpretation detail');
      const title = await textOf(page, '[data-testid=policy-interpretation] #interpretation-title', 'interpretation title');
      const sections = await until('four aspects', () => page.locator('[data-testid=policy-interpretation] [data-testid=interpretation-section] >> visible=true').count(), (n) => n === 4);
      const alt = await (await visible(page, '[data-testid=policy-interpretation] [data-testid=interpretation-media] [role=img]', 'picture')).getAttribute('aria-label');
      assert(alt && alt.length >= 4 && CHINESE.test(alt), `the picture has a text alternative: "${alt}"`);
      const loaded = await v('[data-testid=policy-interpretation] [data-testid=interpretation-media] img').evaluate((img) => img.complete && img.naturalWidth > 0);
      assert(loaded, 'the demo picture is displayed');
      const documentLink = await textOf(page, '[data-testid=policy-interpretation] #policy-document', 'policy document link');
      await v('[data-testid=policy-interpretation] #policy-document').click();
      await visible(page, '[data-testid=catalogue-detail]', 'the policy document');
      const docTitle = await textOf(page, '[data-testid=catalogue-detail] #item-title', 'document title');
      assert(documentLink.includes(docTitle.replace('演示', '').trim()), `the link names the document: "${documentLink}" vs "${docTitle}"`);
      await visible(page, '[data-testid=catalogue-detail] #item-interpretations', 'the document lists its interpretations');
      // At once, as a thumb would: the browser's back must bring the interpretation back (app.config.ts).
      await page.goBack();
      equal(await textOf(page, '[data-testid=policy-interpretation] #interpretation-title', 'back on the interpretation'), title, 'back to the same interpretation');

      // 会议公开: a 主任办公会 whose topic was interpreted.
      const interpretationId = new URL(page.url().replace('#/', ''), base).searchParams.get('id');
      const detail = await apiData(base, 'policies', 'getInterpretation', { id: interpretationId });
      assert(detail.meetings.length > 0, 'the interpretation explains a meeting topic');
      await openHome(page, base);
      await (await visible(page, '#column-meetings', 'home column 会议公开')).click();
      await visible(page, '[data-testid=policy-meetings]', 'meeting list');
      await v('#kind-directorOffice').click();
      const meetings = page.locator('[data-testid=policy-meetings] [data-testid=meeting] >> visible=true');
      await until('8 主任办公会 in 2023', () => meetings.evaluateAll((els) => els.filter((e) => e.getAttribute('data-kind') === 'directorOffice').length), (n) => n === 8);
      await v(`#meeting-${detail.meetings[0].id}`).click();
      await visible(page, '[data-testid=policy-meeting]', 'meeting detail');
      const topics = await until('topics', () => page.locator('[data-testid=policy-meeting] [data-testid=meeting-topic] >> visible=true').count(), (n) => n > 0);
      await v(`[data-testid=policy-meeting] #topic-interpretation-${interpretationId}`).click();
      equal(await textOf(page, '[data-testid=policy-interpretation] #interpretation-title', 'the topic’s interpretation'), title, 'the topic opens its interpretation');
      return `${forms.length} 图片 interpretation(s), ${sections} aspects, document “${docTitle}”, meeting with ${topics} topics`;
    },
  },
  {
    name: '平台开放日: staff publish an event with 2 places; two citizens fill it; a third sees 已满; a cancellation frees a place',
    async run({ page, base }) {
      const { v, as, fill } = journeyHelpers(page, base);

      // The clerk publishes an event with two places from the staff console.
      await page.goto(`${base}/`);
      await visible(page, '[data-testid=home]', 'home page');
      await as('clerk');
      await page.goto(`${base}/#/packages/staff/index/index`);
      await (await visible(page, '#staff-opendays', 'console link 平台开放日管理')).click();
      await visible(page, '[data-testid=staff-opendays] #od-form', 'event form');
      await fill('[data-testid=staff-opendays] #od-title', '“阳光交易”开放日（端到端测试）');
      await fill('[data-testid=staff-opendays] #od-capacity', '2');
      await fill('[data-testid=staff-opendays] #od-description', '观摩开标全流程。');
      await v('#od-create').click();
      const id = await (await visible(page, '[data-testid=staff-opendays] #od-created', 'published notice')).getAttribute('data-id');

      // Citizen A finds it from the home column and signs up.
      const signUp = async (persona, name, phone) => {
        await as(persona);
        await page.goto(`${base}/#/packages/opendays/detail/index?id=${id}`);
        await visible(page, '[data-testid=openday-detail] #signup-form', `sign-up form for ${persona}`);
        await fill('[data-testid=openday-detail] #field-name', name);
        await fill('[data-testid=openday-detail] #field-phone', phone);
        await v('#role-citizen').click();
        await v('#signup-submit').click();
        const receipt = await textOf(page, '[data-testid=openday-detail] #signup-receipt', `receipt for ${persona}`);
        assert(receipt.includes('报名成功') && /KFR\d{8}-\d{3}/.test(receipt), `receipt: "${receipt}"`);
        return receipt;
      };
      await as('citizenA');
      await openHome(page, base);
      await (await visible(page, '#column-openDays', 'home column 平台开放日')).click();
      await visible(page, '[data-testid=opendays-list]', 'open days list');
      const figure = await textOf(page, '[data-testid=opendays-list] #opendays-figure-2023', 'the 2023 total');
      assert(figure.includes('15') && figure.includes('开展“平台开放日”活动15次'), `2023 total with its source: "${figure}"`);
      const row = await textOf(page, `[data-testid=opendays-list] #openday-${id}`, 'the new event in the list');
      assert(row.includes('报名中') && row.includes('剩余 2 个名额'), `list row: "${row}"`);
      await signUp('citizenA', '张三', '13800138000');
      await signUp('citizenB', '李四', '13900139000');

      // A third person sees 已满 in words and no form.
      await as('reviewer');
      await page.goto(`${base}/#/packages/opendays/detail/index?id=${id}`);
      equal(await textOf(page, '[data-testid=openday-detail] #event-state', 'state'), '已满', 'state when full');
      const closed = await textOf(page, '[data-testid=openday-detail] #signup-closed', 'why sign-up is closed');
      assert(closed.includes('名额已满'), `full notice: "${closed}"`);
      equal(await page.locator('[data-testid=openday-detail] #signup-form').count(), 0, 'no form when full');

      // Citizen A cancels (after confirming); the place is free again and the third person takes it.
      await as('citizenA');
      await page.goto(`${base}/#/packages/opendays/detail/index?id=${id}`);
      await (await visible(page, '[data-testid=openday-detail] #signup-cancel', '取消报名')).click();
      await v('.taro-model__confirm').click();
      await visible(page, '[data-testid=openday-detail] #signup-form', 'form again after cancelling');
      await until('a place is free', () => textOf(page, '[data-testid=openday-detail] #event-places', 'places'), (text) => text.includes('剩余 1 个名额'));
      await signUp('reviewer', '王五', '13700137000');
      const list = await apiData(base, 'openDays', 'get', { id });
      equal(list.event.remaining, 0, 'full again after the third sign-up');
      return `event ${id}: filled, 已满 shown, cancelled one, refilled`;
    },
  },
  {
    name: '办事指南 and 土地推介: a market player filters guides, downloads an attachment, follows a parcel to its chain; the home 飘窗 closes and is absent in 长辈版',
    async run({ page, base }) {
      const { v } = journeyHelpers(page, base);
      await openHome(page, base);
      // The 飘窗 shows the showcase, clear of the 评价 button.
      const float = await visible(page, '#showcase-float', 'the showcase 飘窗');
      assert(norm(await float.textContent()).includes('首宗广告位使用权交易'), 'the 飘窗 names the first advertising-space trade');
      equal(await float.getAttribute('aria-label'), '交易创新展示（飘窗）', '飘窗 accessible name');
      const floatBox = await float.boundingBox();
      const rateBox = await (await visible(page, '#rate-float', '评价 button')).boundingBox();
      assert(floatBox.x + floatBox.width <= rateBox.x || floatBox.y + floatBox.height <= rateBox.y, `the 飘窗 ${JSON.stringify(floatBox)} must not cover the 评价 button ${JSON.stringify(rateBox)}`);

      // 办事指南: filter by type, open a guide, download its attachment.
      await (await visible(page, '#column-guides', 'home column 办事指南')).click();
      await visible(page, '[data-testid=guides-list]', 'guides list');
      await v('#type-procurement').click();
      const guides = page.locator('[data-testid=guides-list] [data-testid=guide] >> visible=true');
      const types = await until('procurement guides only', () => guides.evaluateAll((els) => els.map((e) => e.getAttribute('data-type'))), (list) => list.length === 3 && list.every((t) => t === 'procurement'));
      await v('#kind-manual').click();
      await until('one 操作手册', () => guides.count(), (n) => n === 1);
      await guides.first().click();
      await visible(page, '[data-testid=guide-detail]', 'guide detail');
      const steps = await until('numbered steps', () => page.locator('[data-testid=guide-detail] [data-testid=guide-step] >> visible=true').count(), (n) => n >= 3);
      const download = await new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Failure('no download after tapping the attachment')), STEP_MS);
        const onPage = (popup) => popup.once('download', (d) => (clearTimeout(timer), resolve(d)));
        page.context().once('page', onPage);
        page.once('download', (d) => (clearTimeout(timer), resolve(d)));
        v('#attachment-0').click().catch(reject);
      });
      const text = readFileSync(await download.path(), 'utf8');
      assert(download.suggestedFilename().endsWith('.txt'), `attachment name: ${download.suggestedFilename()}`);
      assert(text.includes('办理步骤') && text.includes('演示'), 'the downloaded sheet has the steps and says it is demo content');

      // 土地推介: the list (the web has no native map), a parcel, its announcement chain.
      await openHome(page, base);
      await (await visible(page, '#column-land', 'home column 土地推介')).click();
      await visible(page, '[data-testid=parcels]', 'parcels page');
      const parcels = page.locator('[data-testid=parcels] [data-testid=parcel] >> visible=true');
      const count = await until('parcels listed', () => parcels.count(), (n) => n >= 5);
      const coordinates = await page.locator('[data-testid=parcels] [data-testid=parcel-coordinates] >> visible=true').allTextContents();
      assert(coordinates.length === count && coordinates.every((c) => /^北纬 3\d\.\d{4}°，东经 11\d\.\d{4}°$/.test(norm(c))), `every parcel says its coordinates: ${JSON.stringify(coordinates)}`);
      equal(await page.locator('[data-testid=parcels] #parcel-map').count(), 0, 'no map element on the web');
      await v('[data-testid=parcels] [data-testid=parcel][data-status=listed] [id^=open-parcel-]').click();
      await visible(page, '[data-testid=parcel-detail]', 'parcel detail');
      const area = await textOf(page, '[data-testid=parcel-detail] #parcel-area', 'parcel area');
      assert(/平方米（[\d.]+ 亩）/.test(area), `area in m² and 亩: "${area}"`);
      await v('[data-testid=parcel-detail] #parcel-chain').click();
      await visible(page, '[data-testid=trading-chain]', 'the parcel’s announcement chain');
      equal(await textOf(page, '[data-testid=trading-chain] #chain-type', 'chain type'), '土地矿业', 'the chain is a land project');

      // The 飘窗 closes (keyboard: focus the × and press Enter) and stays closed after a reload.
      await openHome(page, base);
      await visible(page, '#showcase-float', 'the 飘窗 again');
      await v('#showcase-close').focus();
      await page.keyboard.press('Enter');
      await until('飘窗 closed', () => page.locator('#showcase-float >> visible=true').count(), (n) => n === 0);
      await page.reload();
      await visible(page, '#agency-name', 'home after reload');
      await sleep(800);
      equal(await page.locator('#showcase-float >> visible=true').count(), 0, 'the 飘窗 stays closed today');

      // In 长辈版 there is no 飘窗, even when it was not closed.
      await page.evaluate(() => window.localStorage.removeItem('showcaseFloatDismissedOn'));
      await page.reload();
      await visible(page, '#showcase-float', 'the 飘窗 after forgetting the dismissal');
      const host = await visible(page, '#elder-switch', '长辈版 switch');
      const inner = host.locator('input');
      if ((await inner.count()) > 0) await inner.first().click({ force: true });
      else await host.click();
      await until('no 飘窗 in 长辈版', () => page.locator('#showcase-float >> visible=true').count(), (n) => n === 0);
      await page.reload();
      await visible(page, '#agency-name', 'home in 长辈版 after reload');
      await sleep(800);
      equal(await page.locator('#showcase-float >> visible=true').count(), 0, 'no 飘窗 in 长辈版 after reload');
      return `${types.length} procurement guides, ${steps} steps, ${download.suggestedFilename()}; ${count} parcels`;
    },
  },
  {
    name: '搜索: a clerk drafts a document in 主动公开发布, a reviewer approves it in the 保密审查; a citizen finds it by search (highlighted) and in its catalogue column',
    async run({ page, base }) {
      const { v, as, fill } = journeyHelpers(page, base);
      // The browser's calendar is months after the gateway's: the draft's 形成日期 defaults to the server's today.
      const TITLE = '淄博市公共资源交易中心远程异地评标工作规程';

      // The clerk drafts it (源头认定: 主动公开) and submits it for 保密审查.
      await as('clerk');
      await page.goto(`${base}/#/packages/staff/publishing/index`);
      await visible(page, '[data-testid=staff-publishing] #pub-new', 'new draft form');
      await v('#pub-category').click();
      await v('.weui-picker__action:has-text("确定")').click();
      await fill('#pub-title', TITLE);
      await fill('#pub-docno', '淄公管字〔2026〕9号');
      await fill('#pub-subject', '公共资源交易');
      await v('#pub-attribute-主动公开').click();
      await fill('#pub-body', '第一条 为规范远程异地评标活动，制定本规程。\n第二条 本规程自发布之日起施行。');
      await v('#pub-save').click();
      await visible(page, '#pub-new-done', 'draft saved');
      const card = await visible(page, `[data-testid=pub-document]:has-text("${TITLE}")`, 'the draft in the list');
      const id = (await card.getAttribute('id')).replace(/^pub-/, '');
      const state = () => v(`#pub-${id}`).getAttribute('data-state');
      await v(`#pub-submit-${id}`).click();
      await until('draft in review', state, (s) => s === 'inReview');

      // Not searchable before publication.
      const before = await apiData(base, 'search', 'query', { q: '远程异地评标' });
      equal(before.results.filter((r) => r.title === TITLE).length, 0, 'the draft among the search results before publication');

      // Another person (the reviewer) does the 保密审查 and publishes it.
      await as('reviewer');
      await page.goto(`${base}/#/packages/staff/publishing/index`);
      await visible(page, `#pub-${id}`, 'the document for the reviewer');
      await v(`#pub-confirm-${id}`).click();
      await v(`#pub-approve-${id}`).click();
      await v('.taro-model__confirm').click();
      await until('document published', state, (s) => s === 'published');

      // A citizen finds it from the home page's search box, the hit bold and underlined.
      await as('citizenA');
      await openHome(page, base);
      await (await visible(page, '#home-search', 'home search entry')).click();
      await visible(page, '[data-testid=search]', 'search page');
      await fill('[data-testid=search] #search-input', '远程异地评标');
      await v('#search-submit').click();
      const first = await visible(page, '[data-testid=search] [data-testid=search-result]', 'a search result');
      const count = await textOf(page, '[data-testid=search] #search-count', 'result count');
      // The demo 公众号 article mentions 远程异地评标 in its body; the document's title hit ranks first.
      assert(/^找到 [12] 条/.test(count), `the document (and the article) found: "${count}"`);
      equal(norm(await first.locator('[data-testid=result-title]').textContent()), TITLE, 'result title');
      const hit = first.locator('[data-testid=title-hit]').first();
      equal(norm(await hit.textContent()), '远程异地评标', 'highlighted part of the title');
      const style = await hit.evaluate((el) => ({ weight: getComputedStyle(el).fontWeight, line: getComputedStyle(el).textDecorationLine }));
      assert(Number(style.weight) >= 600 && style.line.includes('underline'), `a hit is bold and underlined, not colour only: ${JSON.stringify(style)}`);
      await first.click();
      await visible(page, '[data-testid=catalogue-detail]', 'the document opened from the result');
      await until('detail title', () => page.locator('[data-testid=catalogue-detail] #item-title >> visible=true').first().textContent({ timeout: 1000 }), (text) => norm(text) === TITLE);

      // … and in its catalogue column, newest first.
      await openHome(page, base);
      await (await visible(page, '#column-catalogue', 'home column 公开目录')).click();
      await visible(page, '[data-testid=catalogue]', 'catalogue page');
      await (await visible(page, '[data-testid=catalogue] #category-jggk', 'category 机构概况')).click();
      await visible(page, `[data-testid=catalogue] #item-${id}`, 'the published document in 机构概况');
      const top = norm(await page.locator('[data-testid=catalogue] [data-testid=catalogue-item] >> visible=true').first().textContent());
      assert(top.includes(TITLE), `the new document heads its column: "${top}"`);
      return `published ${id}; found by search (${count})`;
    },
  },
  {
    name: '交易公告 for market players: a citizen finds a project by its code, follows it on its chain page; the clerk publishes its result; the scheduler messages the citizen; 交易统计 counts it',
    async run({ page, base }) {
      const { v, as } = journeyHelpers(page, base);
      // demo-prj-003 is a 工程建设 project whose 中标候选人公示 ended weeks before the seeding day.
      const code = 'ZBGGZY-2026-01003';
      await as('citizenA');
      await openHome(page, base);
      await (await visible(page, '#column-announcements', 'home column 交易公告')).click();
      await visible(page, '[data-testid=trading-list]', 'trading list');
      await (await visible(page, '#trading-keyword', 'keyword box')).locator('input').first().fill(code);
      await v('#trading-search').click();
      const rows = page.locator('[data-testid=trading-list] [data-testid=project] >> visible=true');
      await until('one project found by its code', () => rows.count(), (n) => n === 1);
      const badge = norm(await rows.first().locator('[data-testid=project-badge]').textContent());
      equal(badge, '公示期满', 'the badge of a project whose candidate publicity is over');
      await rows.first().click();
      await visible(page, '[data-testid=trading-chain]', 'chain page');
      equal(await textOf(page, '#chain-code', 'project code'), code, 'the chain of the project found');
      const publicity = await textOf(page, '[data-testid=trading-chain] [data-testid=publicity]', 'publicity of the candidates');
      assert(/^公示期已结束（异议截止 \d{4}-\d{2}-\d{2}）$/.test(publicity), `publicity: "${publicity}"`);
      await until('follow switch loaded', () => v('#follow-project').getAttribute('aria-checked'), (state) => state === 'false');
      await v('#follow-project').click();
      await until('project followed', () => v('#follow-project').getAttribute('aria-checked'), (state) => state === 'true');
      assert(norm(await v('#follow-project').textContent()).includes('已关注此项目'), 'the switch says 已关注 in words');

      // The clerk publishes the result notice (the staff API; there is no staff page for it yet).
      await as('clerk');
      const title = `教学楼改扩建中标结果${Date.now() % 10000}`;
      const reply = await page.request.post(`${base}/api/trading`, {
        data: { action: 'publishNotice', input: { idempotencyKey: `e2e-trade-result-${Date.now()}`, project: { projectId: 'demo-prj-003' }, stage: 'result', title, paragraphs: ['中标人：淄博某建设有限公司。'] } },
      });
      const published = await reply.json();
      assert(published.ok === true, `publishNotice: ${JSON.stringify(published).slice(0, 300)}`);
      equal(published.data.chain.badge.label, '已结束', 'the project has ended');

      // The local scheduler (every 3 s) fans the event out to the project's follower, then delivers it.
      await as('citizenA');
      await page.goto(`${base}/#/packages/follow/messages/index`);
      const message = await until(
        'the message about the result in 我的消息, delivered',
        async () => {
          await page.reload();
          await visible(page, '[data-testid=messages]', '我的消息');
          await page.waitForTimeout(300);
          const items = await page.locator('[data-testid=messages] [data-testid=message] >> visible=true').evaluateAll((els) => els.map((e) => e.textContent ?? ''));
          return items.find((text) => text.includes(title)) ?? '';
        },
        (text) => text.includes('已发送'),
        20_000,
      );
      assert(message.includes('交易公告有新内容'), `message: "${message}"`);

      // 交易统计: today's notices include the result just published; 12 monthly bars with their numbers.
      await page.goto(`${base}/#/packages/trading/stats/index`);
      const today = Number(await (await visible(page, '[data-testid=trading-stats] #stats-today', '今日公告')).getAttribute('data-value'));
      assert(today >= 1, `today's notices: ${today}`);
      const months = await page.locator('[data-testid=trading-stats] [data-testid=stats-monthly-row] >> visible=true').evaluateAll((els) => els.map((e) => e.textContent ?? ''));
      equal(months.length, 12, '12 months in the trend');
      assert(months.every((text) => /\d+ 条$/.test(text)), `each month says its number: ${JSON.stringify(months)}`);
      const districts = await page.locator('[data-testid=trading-stats] [data-testid=stats-district-row] >> visible=true').count();
      equal(districts, 9, '市本级 and the 8 district sub-centers');
      return `followed ${code}; result published and delivered; ${today} notice(s) today`;
    },
  },
  {
    name: '咨询留言: citizenA asks a public question; a clerk answers it in the staff radar; the answer is public with the asker masked and the month’s statistics count it',
    async run({ page, base }) {
      const { v, as, fill } = journeyHelpers(page, base);
      const TITLE = '开标室预约需要提前几天';
      const statsOf = async () => {
        const card = await visible(page, '[data-testid=questions-list] #question-stats', 'monthly statistics card');
        return { received: Number(await card.getAttribute('data-received')), answered: Number(await card.getAttribute('data-answered')) };
      };

      // The public list before: the month's statistics.
      await as('citizenA');
      await openHome(page, base);
      await (await visible(page, '#column-questions', 'home column 咨询留言')).click();
      await visible(page, '[data-testid=questions-list] [data-testid=question]', 'answered public questions');
      const before = await statsOf();

      // citizenA asks a public question, with a name that is shown masked.
      await v('#questions-ask').click();
      await visible(page, '[data-testid=questions-ask] #ask-submit', 'ask form');
      await v('#ask-submit').click();
      await visible(page, '#error-category', 'inline error for the category');
      await v('#ask-category-trading').click();
      await fill('#field-title', TITLE);
      await fill('#field-body', '我公司下周参加开标，请问开标室预约需要提前几个工作日？在哪里预约？');
      await fill('#field-name', '赵四海');
      await v('#ask-submit').click();
      const due = await textOf(page, '[data-testid=questions-ask] #ask-done-due', 'receipt due date');
      // Asked on 2026-02-10: four working days (incl. the 调休 Saturday 14th), Spring Festival, then the 24th.
      equal(due, '本中心将在 2026年2月24日 前答复您', 'receipt due date');

      // A clerk answers it in the staff radar (reached from the staff console).
      await as('clerk');
      await page.goto(`${base}/#/packages/staff/index/index`);
      await (await visible(page, '#staff-questions', 'staff console link 咨询留言答复')).click();
      const card = await visible(page, `[data-testid=staff-questions] [data-testid=staff-question]:has-text("${TITLE}")`, 'the question on the radar');
      const id = (await card.getAttribute('id')).replace(/^staff-question-/, '');
      assert(norm(await card.textContent()).includes('赵**'), 'the asker masked on the radar');
      await v(`#open-answer-${id}`).click();
      await fill(`#answer-text-${id}`, '开标室可通过交易平台提前 3 个工作日预约，预约成功后系统发送短信确认。');
      await v(`#submit-answer-${id}`).click();
      await until('answer recorded', () => v('#question-action-done').textContent({ timeout: 1000 }), (text) => norm(text).includes('已答复'));

      // The answer appears publicly, the asker masked, and the month's statistics count it.
      await as('citizenB');
      await page.goto(`${base}/#/packages/questions/list/index`);
      const row = await visible(page, `[data-testid=questions-list] #question-${id}`, 'the answered question in the public list');
      const rowText = norm(await row.textContent());
      assert(rowText.includes('留言人 赵**') && !rowText.includes('赵四海'), `asker masked in the public list: "${rowText}"`);
      const after = await statsOf();
      equal(after.received, before.received + 1, 'received this month');
      equal(after.answered, before.answered + 1, 'answered this month');
      await row.click();
      await until('public answer', () => page.locator('[data-testid=question-detail] #question-answer >> visible=true').first().textContent({ timeout: 1000 }), (text) => norm(text).includes('提前 3 个工作日'));
      return `question ${id} answered; received ${before.received}→${after.received}, answered ${before.answered}→${after.answered}`;
    },
  },
  {
    name: '找错: a citizen reports an error from a catalogue page; the clerk corrects it within 3 working days; the citizen reads the outcome in 我的找错',
    async run({ page, base }) {
      const { v, as, fill } = journeyHelpers(page, base);
      const PROBLEM = '第二段的施行日期与文件落款日期不一致';
      const REPLY = '经核实，施行日期有误，已更正为落款日期';

      await as('citizenA');
      await page.goto(`${base}/#/packages/catalogue/detail/index?id=demo-gzzd-00001`);
      const title = await textOf(page, '[data-testid=catalogue-detail] #item-title', 'document title');
      await (await visible(page, '[data-testid=catalogue-detail] #report-error', '找错 entry at the bottom')).click();
      await visible(page, '[data-testid=feedback-form]', '找错 form');
      equal(await textOf(page, '[data-testid=feedback-form] #feedback-page-title', 'page in error'), title, 'the page the report is about');
      await fill('[data-testid=feedback-form] #field-quote', '本办法自发布之日起施行');
      await fill('[data-testid=feedback-form] #field-problem', PROBLEM);
      await v('#feedback-submit').click();
      const due = await (await visible(page, '#feedback-done-due', 'receipt with the due date')).getAttribute('data-due');
      assert(/^\d{4}-\d{2}-\d{2}$/.test(due), `due date: ${due}`);

      // The clerk finds it from the staff console and answers it.
      await as('clerk');
      await page.goto(`${base}/#/packages/staff/index/index`);
      await (await visible(page, '[data-testid=staff-queue] #staff-corrections', '找错处理 link')).click();
      const card = await visible(page, `[data-testid=staff-corrections] [data-testid=staff-correction]:has-text("${PROBLEM}")`, 'the report for the clerk');
      const id = (await card.getAttribute('id')).replace(/^correction-/, '');
      assert(norm(await card.textContent()).includes(`处理期限 ${due}`), 'the clerk sees the due date');
      await fill(`#correction-reply-${id}`, REPLY);
      await v(`#correction-corrected-${id}`).click();
      await visible(page, '[data-testid=staff-corrections] #corrections-empty', 'no report left pending');

      // The citizen reads the outcome.
      await as('citizenA');
      await page.goto(`${base}/#/packages/feedback/mine/index`);
      const mine = await visible(page, `[data-testid=feedback-mine] #my-correction-${id}`, 'the report in 我的找错');
      equal(await mine.getAttribute('data-state'), 'corrected', 'state of the report');
      const words = norm(await mine.textContent());
      assert(words.includes('已更正') && words.includes(REPLY), `我的找错: "${words}"`);
      return `report ${id} due ${due}, corrected`;
    },
  },
  {
    name: '更新雷达: a 2-week column is fresh today and flagged 已超期 once the gateway clock moves past its limit',
    async run({ page, base }) {
      const { as } = journeyHelpers(page, base);
      const now = new Date((await (await page.request.get(`${base}/local/clock`)).json()).now);
      await as('clerk');
      await page.goto(`${base}/#/packages/staff/index/index`);
      await (await visible(page, '[data-testid=staff-queue] #staff-freshness', '更新雷达 link')).click();
      const row = await visible(page, '[data-testid=staff-freshness] #freshness-announcements', '交易公告 on the radar');
      const before = await row.getAttribute('data-state');
      assert(before === 'fresh' || before === 'dueSoon', `交易公告 (demo notices around today) is not stale yet: ${before}`);
      try {
        const moved = await page.request.post(`${base}/local/clock`, { data: { now: new Date(now.getTime() + 90 * 86400e3).toISOString() } });
        assert(moved.ok(), 'moving the local clock 90 days on');
        await page.goto(`${base}/#/packages/staff/index/index`);
        await page.goto(`${base}/#/packages/staff/freshness/index`);
        await until('交易公告 stale', () => page.locator('[data-testid=staff-freshness] #freshness-announcements >> visible=true').first().getAttribute('data-state', { timeout: 1000 }), (s) => s === 'stale');
        const words = await textOf(page, '[data-testid=staff-freshness] #freshness-announcements', 'the stale row');
        assert(words.includes('已超期') && words.includes('2周'), `stale row says so in words: "${words}"`);
        const site = await textOf(page, '[data-testid=staff-freshness] #freshness-site', 'whole-app verdict');
        assert(site.includes('全站') && site.includes('已超期'), `whole app: "${site}"`);
        return `交易公告 ${before} → stale; ${site}`;
      } finally {
        // Put the shared gateway's clock back for the journeys after this one.
        await page.request.post(`${base}/local/clock`, { data: { now: now.toISOString() } });
      }
    },
  },
  {
    name: '意见征集: a citizen comments on a section; staff moderate, close, decide and publish feedback; the citizen reads it',
    async run({ page, base }) {
      const { v, as, fill } = journeyHelpers(page, base);
      const today = async () => (await (await page.request.get(`${base}/local/clock`)).json()).now;

      // Staff publish a consultation open for three days (kind 其他: no legal minimum).
      await page.goto(`${base}/`);
      await visible(page, '[data-testid=home]', 'home page');
      const now = new Date(await today());
      const shanghai = (offsetDays) => new Date(now.getTime() + 8 * 3600e3 + offsetDays * 86400e3).toISOString().slice(0, 10);
      await as('clerk');
      const created = await (await page.request.post(`${base}/api/consultations`, {
        data: { action: 'create', input: { title: '关于优化开标大厅预约服务的意见征集', kind: 'other', marketRelated: false, summary: '为方便市场主体，拟调整开标大厅预约办法。', sections: [{ heading: '一、预约方式', text: '通过小程序预约开标室。' }, { heading: '二、预约时限', text: '提前三个工作日预约。' }], startDate: shanghai(0), endDate: shanghai(2) } },
      })).json();
      assert(created.ok, `create: ${JSON.stringify(created.error)}`);
      const id = created.data.id;

      // The citizen comments on section 二 from the list.
      await as('citizenA');
      await page.goto(`${base}/#/packages/consult/list/index`);
      await (await visible(page, `[data-testid=consult-list] #consultation-${id}`, 'the consultation in the list')).click();
      await visible(page, '[data-testid=consult-detail]', 'consultation page');
      await v('#comment-on-s2').click();
      await fill('[data-testid=consult-detail] #comment-text', '建议预约时限缩短为提前一个工作日');
      await v('#display-anonymous').click();
      await v('#comment-submit').click();
      const mine = await visible(page, '[data-testid=consult-detail] [data-testid=comment][data-status=pending]', 'own pending comment');
      assert(norm(await mine.textContent()).includes('审核中'), 'the pending comment says 审核中');

      // Staff moderate it, the period ends, staff decide and the admin publishes the feedback.
      await as('clerk');
      const staffView = await (await page.request.post(`${base}/api/consultations`, { data: { action: 'staffView', input: { id } } })).json();
      const commentId = staffView.data.comments[0].id;
      await page.goto(`${base}/#/packages/staff/consultations/detail/index?id=${id}`);
      await v(`#moderate-show-${commentId}`).click();
      await until('comment shown', async () => (await (await page.request.post(`${base}/api/consultations`, { data: { action: 'get', input: { id } } })).json()).data.comments.length, (n) => n === 1);
      const moved = await page.request.post(`${base}/local/clock`, { data: { now: `${shanghai(3)}T09:00:00+08:00` } });
      assert(moved.ok(), 'moving the local clock past the end date');
      await page.goto(`${base}/#/packages/staff/consultations/detail/index?id=${id}`);
      await v(`#select-${commentId}`).click();
      await v('#decision-adopted').click();
      await fill('#decision-reason', '已将预约时限调整为提前一个工作日');
      await v('#decision-save').click();
      await visible(page, '#decision-done', 'decision saved');
      await as('admin');
      await page.goto(`${base}/#/packages/staff/consultations/detail/index?id=${id}`);
      await fill('#feedback-statement', '本次征集共收到意见1条，采纳1条，感谢参与。');
      await v('#feedback-publish').click();
      await v('.taro-model__confirm').click();
      await visible(page, '#feedback-statement-published', 'feedback published');

      // The citizen reads the feedback and the decision on their comment.
      await as('citizenA');
      await page.goto(`${base}/#/packages/consult/detail/index?id=${id}`);
      const feedback = await textOf(page, '[data-testid=consult-detail] #feedback', 'feedback');
      assert(feedback.includes('本次征集共收到意见1条'), `feedback: "${feedback}"`);
      const decision = await textOf(page, '[data-testid=consult-detail] [data-testid=comment-decision]', 'decision on the comment');
      assert(decision.includes('采纳') && decision.includes('已将预约时限调整为提前一个工作日'), `decision: "${decision}"`);
      // Put the shared gateway's clock back for any journey after this one.
      await page.request.post(`${base}/local/clock`, { data: { now: now.toISOString() } });
      return 'commented, moderated, decided, feedback published';
    },
  },
];

// ---------------------------------------------------------------------------------------------

async function main() {
  preflight();
  const only = process.argv.slice(2).map(Number).filter((n) => Number.isInteger(n) && n > 0);
  const selected = journeys.map((journey, index) => ({ ...journey, number: index + 1 })).filter((j) => only.length === 0 || only.includes(j.number));

  const { chromium } = await import('playwright-core');
  const seed = await loadSeedExpectations();
  const gateway = await startGateway();
  const stopOnSignal = () => {
    void gateway.stop().finally(() => process.exit(130));
  };
  process.once('SIGINT', stopOnSignal);
  process.once('SIGTERM', stopOnSignal);
  console.log(`e2e: gateway ${gateway.url} (pid ${gateway.pid}), Chromium ${CHROMIUM}`);

  let browser;
  let passed = 0;
  let failed = 0;
  try {
    // Playwright creates (and removes) a fresh temporary --user-data-dir for this browser.
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    console.log(`e2e: Chromium ${browser.version()}`);
    for (const journey of selected) {
      const label = `${journey.number}. ${journey.name}`;
      const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'zh-CN', isMobile: false });
      const page = await context.newPage();
      page.setDefaultTimeout(STEP_MS);
      const browserErrors = [];
      page.on('pageerror', (error) => browserErrors.push(`pageerror: ${error.message.split('\n')[0]}`));
      page.on('console', (message) => {
        // The app ships no favicon; the browser's automatic request for it is not an app error.
        if (message.type() === 'error' && !/favicon\.ico/.test(message.location().url ?? '')) {
          browserErrors.push(`console.error: ${message.text().slice(0, 200)}`);
        }
      });
      const started = Date.now();
      try {
        let timer;
        const note = await Promise.race([
          journey.run({ page, base: gateway.url, seed }),
          new Promise((_, reject) => {
            timer = setTimeout(() => reject(new Failure(`journey timed out after ${JOURNEY_MS} ms`)), JOURNEY_MS);
          }),
        ]).finally(() => clearTimeout(timer));
        passed += 1;
        console.log(`ok     ${label} (${Date.now() - started} ms)${note ? ` — ${note}` : ''}`);
      } catch (error) {
        failed += 1;
        console.log(`FAILED ${label} (${Date.now() - started} ms)`);
        console.log(`      ${error instanceof Failure ? error.message : error.stack ?? error}`);
        if (page.url() !== 'about:blank') {
          console.log(`      at URL ${page.url()}`);
          mkdirSync(SHOT_DIR, { recursive: true });
          const shot = join(SHOT_DIR, `e2e-${journey.number}-${new Date().toISOString().replace(/[:.]/g, '-')}.png`);
          try {
            await page.screenshot({ path: shot, timeout: 10_000 });
            console.log(`      screenshot: ${relative(process.cwd(), shot)}`);
          } catch (shotError) {
            console.log(`      (screenshot failed: ${shotError.message.split('\n')[0]})`);
          }
        }
        for (const line of browserErrors.slice(0, 5)) console.log(`      browser ${line}`);
      } finally {
        await context.close().catch(() => {});
      }
    }
  } catch (error) {
    failed += 1;
    console.log(`FAILED harness: ${error.stack ?? error}`);
    if (gateway.log.tail) console.log(`gateway output (tail):\n${gateway.log.tail}`);
  } finally {
    await browser?.close().catch(() => {});
    // Personal data never reaches the logs: the ID number and phones the journeys typed.
    const logged = PERSONAL_DATA_USED.filter((value) => gateway.log.all.includes(value));
    if (logged.length > 0) {
      failed += 1;
      console.log(`FAILED personal data in the gateway's output: ${logged.map((v) => `${v.slice(0, 3)}…`).join(', ')}`);
    } else {
      console.log(`ok     gateway output (${gateway.log.all.length} chars) carries none of the ${PERSONAL_DATA_USED.length} ID/phone numbers the journeys used`);
    }
    await gateway.stop();
  }
  console.log(`${passed} passed, ${failed} failed`);
  process.exitCode = failed > 0 || passed === 0 ? 1 : 0;
}

main().catch((error) => {
  console.error(error.stack ?? error);
  console.log('0 passed, 1 failed');
  process.exit(1);
});
