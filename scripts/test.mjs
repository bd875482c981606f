// `npm test`: every check in one command, in the order that fails fastest. Each step's own output is
// shown; the run stops at the first failing step and says which one.
import { spawnSync } from 'node:child_process';

const steps = [
  ['type-check', 'npx', ['tsc', '--noEmit', '-p', 'tsconfig.json']],
  ['lint', 'npx', ['eslint', '--max-warnings=0', '.']],
  ['API reference is current', 'npx', ['tsx', 'scripts/gen-api-docs.ts', '--check']],
  ['build: H5 app', 'npx', ['taro', 'build', '--type', 'h5']],
  // Before jest: tests/weapp runs this build in a WeChat-like runtime.
  ['build: weapp', 'npx', ['taro', 'build', '--type', 'weapp']],
  ['build: cloud functions and gateway', 'npx', ['tsx', 'scripts/build-functions.ts']],
  ['production build carries no local-only code', 'node', ['scripts/check-production-build.mjs']],
  ['unit, contract, component and weapp-runtime tests (jest)', 'npx', ['jest', '--ci']],
  ['end-to-end tests (Chromium)', 'node', ['tests/e2e/run.mjs']],
];

const only = process.argv.slice(2);
const started = Date.now();
for (const [name, command, args] of steps) {
  if (only.length > 0 && !only.some((word) => name.includes(word))) continue;
  const stepStarted = Date.now();
  console.log(`\n▶ ${name}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, FORCE_COLOR: process.env.FORCE_COLOR ?? '0' } });
  const seconds = ((Date.now() - stepStarted) / 1000).toFixed(1);
  if (result.status !== 0) {
    console.error(`\n✖ ${name} failed (exit ${result.status ?? result.signal}) after ${seconds}s`);
    process.exit(result.status || 1);
  }
  console.log(`✔ ${name} (${seconds}s)`);
}
console.log(`\nAll checks passed in ${((Date.now() - started) / 1000).toFixed(0)}s`);
