// Builds the H5 app as production (APP_MODE=production) into dist/h5-production and proves that no
// local-only code reached it: the persona switcher, the local session/clock/upload routes, the local
// personas' OPENIDs. A production build must not be able to pretend to be someone else.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const out = join(root, 'dist', 'h5-production');
const FORBIDDEN = ['本地演示身份', '/local/session', '/local/clock', '/local/upload', 'local-staff-', 'local-citizen-', 'x-test-openid'];
// The deployable cloud functions must not carry the gateway's test-identity hook either.
const FORBIDDEN_IN_FUNCTIONS = ['x-test-openid', 'LOCAL_TEST_IDENTITIES', 'local-citizen-'];

rmSync(out, { recursive: true, force: true });
const build = spawnSync('npx', ['taro', 'build', '--type', 'h5'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, APP_MODE: 'production', OUTPUT_ROOT: 'dist/h5-production' } });
if (build.status !== 0) {
  console.error('production H5 build failed');
  process.exit(1);
}

function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

const hits = [];
for (const file of files(out)) {
  const text = readFileSync(file, 'utf8');
  for (const marker of FORBIDDEN) if (text.includes(marker)) hits.push(`${relative(root, file)}: ${marker}`);
}
const functionsRoot = join(root, JSON.parse(readFileSync(join(root, 'project.config.json'), 'utf8')).cloudfunctionRoot);
let functionFiles = [];
try {
  functionFiles = files(functionsRoot).filter((file) => file.endsWith('.js'));
} catch {
  // Not built yet (scripts/build-functions.ts): nothing to check.
}
for (const file of functionFiles) {
  const text = readFileSync(file, 'utf8');
  for (const marker of FORBIDDEN_IN_FUNCTIONS) if (text.includes(marker)) hits.push(`${relative(root, file)}: ${marker}`);
}
if (hits.length > 0) {
  console.error(`local-only code in the production build:\n  ${hits.join('\n  ')}`);
  process.exit(1);
}
console.log(`production H5 build (${files(out).length} files) contains none of: ${FORBIDDEN.join(', ')}`);
