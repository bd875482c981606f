// Bundles each cloud function into a deployable folder (index.js + package.json + config.json, no
// node_modules needed) under the project's cloudfunctionRoot, and the local gateway into dist/local.
import { build } from 'esbuild';
import { copyFileSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(__dirname, '..');
const projectConfig = JSON.parse(readFileSync(join(root, 'project.config.json'), 'utf8')) as { cloudfunctionRoot: string };
const outRoot = join(root, projectConfig.cloudfunctionRoot);
const sourceRoot = join(root, 'cloudfunctions');

/** Function folders are the ones with an index.ts; `_lib` and `_local` are not deployed. */
const functionNames = readdirSync(sourceRoot).filter(
  (name) => !name.startsWith('_') && statSync(join(sourceRoot, name)).isDirectory() && readdirSync(join(sourceRoot, name)).includes('index.ts'),
);

async function main(): Promise<void> {
  rmSync(outRoot, { recursive: true, force: true });
  for (const name of functionNames) {
    const outDir = join(outRoot, name);
    mkdirSync(outDir, { recursive: true });
    await build({
      entryPoints: [join(sourceRoot, name, 'index.ts')],
      outfile: join(outDir, 'index.js'),
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node16',
      minify: true,
      legalComments: 'external',
      logLevel: 'warning',
    });
    const config = JSON.parse(readFileSync(join(sourceRoot, name, 'config.json'), 'utf8')) as { runtime?: string; timeout?: number; memorySize?: number };
    if (!config.runtime || !config.timeout || !config.memorySize) throw new Error(`${name}/config.json must set runtime, timeout and memorySize explicitly`);
    copyFileSync(join(sourceRoot, name, 'config.json'), join(outDir, 'config.json'));
    writeFileSync(
      join(outDir, 'package.json'),
      `${JSON.stringify({ name, version: '1.0.0', private: true, main: 'index.js', description: `cloud function ${name} (bundled; no dependencies to install)` }, null, 2)}\n`,
    );
    console.log(`cloud function ${name}: ${statSync(join(outDir, 'index.js')).size} bytes`);
  }

  await build({
    entryPoints: [join(sourceRoot, '_local', 'main.ts')],
    outfile: join(root, 'dist', 'local', 'gateway.cjs'),
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    // A native addon: loaded from node_modules at run time.
    external: ['better-sqlite3'],
    sourcemap: true,
    logLevel: 'warning',
  });
  console.log('local gateway: dist/local/gateway.cjs');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
