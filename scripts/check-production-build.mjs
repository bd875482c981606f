// Builds the H5 app and the mini-program as production (APP_MODE=production) into
// dist/h5-production and dist/weapp-production, and proves that no local-only code reached either:
// the persona switcher, any local gateway route (/local/session, /local/clock, /local/upload,
// /local/files), the local personas' OPENIDs or keys. A production build must not be able to pretend
// to be someone else, nor talk to a local gateway.
// Builds one after the other; run it under the shared build lock (flock /tmp/build.lock …).
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const FORBIDDEN = ['本地演示身份', '/local/', 'local-staff-', 'local-citizen-', 'citizenA', 'citizenB', 'x-test-openid'];
// The deployable cloud functions must not carry the gateway's test-identity hook either.
const FORBIDDEN_IN_FUNCTIONS = ['x-test-openid', 'LOCAL_TEST_IDENTITIES', 'local-citizen-'];
const TARGETS = [
  { type: 'h5', out: join(root, 'dist', 'h5-production') },
  { type: 'weapp', out: join(root, 'dist', 'weapp-production') },
];

function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

const hits = [];
const counts = [];
for (const { type, out } of TARGETS) {
  rmSync(out, { recursive: true, force: true });
  const build = spawnSync('npx', ['taro', 'build', '--type', type], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
    // GATEWAY_URL is dropped as well: production weapp builds never point at a local gateway.
    env: { ...process.env, APP_MODE: 'production', OUTPUT_ROOT: relative(root, out), GATEWAY_URL: '' },
  });
  if (build.status !== 0) {
    console.error(`production ${type} build failed`);
    process.exit(1);
  }
  const built = files(out).filter((file) => /\.(js|json|html|wxml|wxs|css|wxss|map|txt)$/.test(file));
  counts.push(`${type}: ${built.length} files`);
  for (const file of built) {
    const text = readFileSync(file, 'utf8');
    for (const marker of FORBIDDEN) if (text.includes(marker)) hits.push(`${relative(root, file)}: ${marker}`);
  }
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
counts.push(`functions: ${functionFiles.length} files`);
if (hits.length > 0) {
  console.error(`local-only code in the production build:\n  ${hits.join('\n  ')}`);
  process.exit(1);
}
console.log(`production builds (${counts.join(', ')}) contain none of: ${FORBIDDEN.join(', ')}`);
