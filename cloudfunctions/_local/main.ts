// `npm start`: opens (and on first start seeds) the local SQLite store, then serves the H5 app and
// the cloud functions on 127.0.0.1. `--reset-only` deletes the local data and exits.
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { createLocalContentChecker } from '../_lib/adapters/local-content-check';
import { createLocalFileStore } from '../_lib/adapters/local-files';
import { createLocalProvincialSystem } from '../_lib/adapters/provincial-ratings';
import { createLocalSender } from '../_lib/adapters/local-sender';
import { createLocalPublicAccountFeed } from '../_lib/adapters/public-account-feed';
import { createSqliteStore } from '../_lib/adapters/sqlite-store';
import { handlers } from '../_lib/handlers';
import { dispatch, type Deps } from '../_lib/router';
import { consoleLogger } from '../_lib/ports/logger';
import { seedStore } from '../_lib/seed';
import { installDemoGuideFiles } from '../_lib/seed/guides-demo';
import { createGateway } from './gateway';
import { adjustableClock } from './clock';
import { shanghaiDate } from '../../src/domain/calendar/dates';
import { benchCitizens, ensureLocalStaff } from './personas';
import { localPiiCipher, piiCipherFromEnv } from '../_lib/pii';

const root = process.cwd();
const dataFile = resolve(root, process.env.DATA_FILE ?? '.data/local.sqlite');
// Uploaded files (local stand-in for CloudBase storage) live beside the data file.
const filesDir = join(dirname(dataFile), 'files');
// The key that seals personal data at rest: PII_KEY if given, else a key file beside (never inside)
// the data file, created on first start with mode 0600. Losing it makes sealed values unreadable.
const piiKeyFile = resolve(root, process.env.PII_KEY_FILE ?? join(dirname(dataFile), 'pii.key'));
const staticDir = resolve(root, process.env.STATIC_DIR ?? 'dist/h5');
const seedFile = resolve(root, process.env.SEED_REPORT_FILE ?? 'cloudfunctions/_lib/seed/zibo-2023-annual-report.txt');
const host = process.env.HOST ?? '127.0.0.1';
const port = Number(process.env.PORT ?? 8787);

function resetData(): void {
  for (const suffix of ['', '-wal', '-shm']) rmSync(dataFile + suffix, { force: true });
  rmSync(filesDir, { recursive: true, force: true });
  console.log(`已清除本地数据：${dataFile}`);
}

async function main(): Promise<void> {
  if (process.argv.includes('--reset-only')) {
    resetData();
    return;
  }
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, got ${process.env.PORT}`);
  mkdirSync(dirname(dataFile), { recursive: true });
  const store = createSqliteStore(dataFile);
  // LOCAL_CLOCK_START (an ISO instant) starts the local clock there; POST /local/clock moves it.
  const clock = adjustableClock(process.env.LOCAL_CLOCK_START);
  if (process.env.LOCAL_CLOCK_START) console.log(`本地时钟从 ${clock.now().toISOString()} 开始计时（LOCAL_CLOCK_START）`);
  const seeded = await seedStore(store, {
    today: shanghaiDate(clock.now()),
    reportText: readFileSync(seedFile, 'utf8'),
    demoPerCategory: process.env.DEMO_ITEMS_PER_CATEGORY ? Number(process.env.DEMO_ITEMS_PER_CATEGORY) : undefined,
  });
  await ensureLocalStaff(store);

  const files = createLocalFileStore(filesDir);
  const pii = process.env.PII_KEY ? piiCipherFromEnv(process.env.PII_KEY) : localPiiCipher(piiKeyFile);
  const deps: Deps = { store, clock, log: consoleLogger, sender: createLocalSender(), contentCheck: createLocalContentChecker(), provincial: createLocalProvincialSystem(), files, feed: createLocalPublicAccountFeed(), pii };
  // The demo guides' attachments (交易操作一点通) live in file storage, not in the store.
  await installDemoGuideFiles(files);
  // `npm run bench` sets LOCAL_BENCH_CITIZENS so its submits come from many distinct people, and
  // GATEWAY_RATE_LIMIT=off to measure the gateway, not its limiter; LOCAL_TEST_IDENTITIES=1 (tests
  // only): a request may name its caller in `x-test-openid` (test-…).
  const extra = Number(process.env.LOCAL_BENCH_CITIZENS ?? 0);
  const server = createGateway({
    deps,
    staticDir,
    clock,
    files,
    testIdentities: process.env.LOCAL_TEST_IDENTITIES === '1',
    ...(extra > 0 ? { extraPersonas: benchCitizens(extra) } : {}),
    ...(process.env.GATEWAY_RATE_LIMIT === 'off' ? { rateLimit: false as const } : {}),
  });
  // The local stand-in for CloudBase's timer triggers (config.json names each after its action).
  const delivery = setInterval(() => {
    void dispatch(handlers, deps, { functionName: 'notify', event: { action: 'deliverOutbox' }, identity: { openid: null, trigger: 'timer' } });
    void dispatch(handlers, deps, { functionName: 'ratings', event: { action: 'forwardPending' }, identity: { openid: null, trigger: 'timer' } });
    // Publication events become followers' messages; the next tick delivers them.
    void dispatch(handlers, deps, { functionName: 'subscriptions', event: { action: 'fanOut' }, identity: { openid: null, trigger: 'timer' } });
    void dispatch(handlers, deps, { functionName: 'articles', event: { action: 'syncArticles' }, identity: { openid: null, trigger: 'timer' } });
    // Daily in production; the moving local clock makes a question 60 days old within a session.
    void dispatch(handlers, deps, { functionName: 'questions', event: { action: 'escalate' }, identity: { openid: null, trigger: 'timer' } });
  }, 3000);
  delivery.unref();
  server.listen(port, host, () => {
    const address = server.address();
    const actualPort = typeof address === 'object' && address ? address.port : port;
    console.log(seeded ? `已从种子报告初始化本地数据：${dataFile}` : `使用已有本地数据：${dataFile}`);
    console.log(`本地网关已启动：http://${host}:${actualPort}/`);
  });

  const shutdown = () => {
    server.close(() => {
      void store.close().finally(() => process.exit(0));
    });
    setTimeout(() => process.exit(0), 2000).unref();
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
