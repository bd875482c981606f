// Negative controls: copies of the real build, broken on purpose, must make the harness fail.
// If these pass, a green weapp suite means something.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_BUILD_DIR, ensureWeappBuild, launchWeapp, WeappProblemError } from './harness';
import { compileWithWcc, renderTextWithWcc, wccAvailability } from './lib/wcc';

const copies: string[] = [];
function copyOfBuild(): string {
  ensureWeappBuild();
  const dir = mkdtempSync(join(tmpdir(), 'weapp-broken-'));
  cpSync(DEFAULT_BUILD_DIR, dir, { recursive: true });
  copies.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of copies) rmSync(dir, { recursive: true, force: true });
});

function patch(file: string, edit: (source: string) => string): void {
  const before = readFileSync(file, 'utf8');
  const after = edit(before);
  if (after === before) throw new Error(`patch of ${file} changed nothing`);
  writeFileSync(file, after);
}

/** Removes one `<template name="…">…</template>` from base.wxml. */
function removeTemplate(source: string, name: string): string {
  const start = source.indexOf(`<template name="${name}">`);
  if (start < 0) throw new Error(`no template ${name}`);
  const end = source.indexOf('</template>', start) + '</template>'.length;
  return source.slice(0, start) + source.slice(end);
}

async function launchFailure(options: Parameters<typeof launchWeapp>[0]): Promise<WeappProblemError> {
  const outcome = await launchWeapp(options).then(
    async (harness) => {
      await harness.close();
      return undefined;
    },
    (error: unknown) => error,
  );
  expect(outcome).toBeInstanceOf(WeappProblemError);
  return outcome as WeappProblemError;
}

test('control: the unbroken copy launches', async () => {
  const harness = await launchWeapp({ buildDir: copyOfBuild() });
  expect(harness.page.text()).toContain('淄博市公共资源交易中心');
  await harness.close();
});

test('a page file that touches `window` at module load fails the launch, as on a phone', async () => {
  const dir = copyOfBuild();
  patch(join(dir, 'pages/index/index.js'), (source) => `window.__analytics = true;\n${source}`);
  const error = await launchFailure({ buildDir: dir });
  expect(error.problems[0]?.kind).toBe('module');
  expect(error.message).toMatch(/pages\/index\/index\.js failed to load: TypeError: Cannot set properties of undefined \(setting '__analytics'\)/);
});

test('a subpackage page that uses a browser-only global fails when it is opened', async () => {
  const dir = copyOfBuild();
  patch(join(dir, 'packages/about/contact/index.js'), (source) => `new URL('https://example.invalid/');\n${source}`);
  const harness = await launchWeapp({ buildDir: dir });
  const outcome = await harness.tap('column-contact').then(
    () => undefined,
    (error: unknown) => error,
  );
  await harness.close();
  expect(outcome).toBeInstanceOf(WeappProblemError);
  expect(String(outcome)).toMatch(/ReferenceError: URL is not defined/);
});

test('a template missing from base.wxml fails the launch (harness view and wcc both see it)', async () => {
  const dir = copyOfBuild();
  patch(join(dir, 'base.wxml'), (source) => removeTemplate(source, 'tmpl_0_5'));
  const error = await launchFailure({ buildDir: dir });
  expect(error.problems.some((p) => p.kind === 'template' && /Template `tmpl_0_5` not found/.test(p.message))).toBe(true);
  if (wccAvailability().ok) expect(error.message).toMatch(/wcc reported on pages\/index\/index: .*Template `tmpl_0_5` not found/);
});

test('a broken page .wxml fails the launch', async () => {
  const dir = copyOfBuild();
  patch(join(dir, 'pages/index/index.wxml'), (source) => source.replace('<template is="taro_tmpl"', '<view><template is="taro_tmpl"'));
  const error = await launchFailure({ buildDir: dir });
  expect(error.message).toMatch(/pages\/index\/index\.wxml:\d+: <view> is never closed/);
});

const wcc = wccAvailability();
(wcc.ok ? test : test.skip)('wcc on its own rejects a broken template and renders the real one', () => {
  const dir = copyOfBuild();
  patch(join(dir, 'pages/catalogue/index.wxml'), (source) => `${source}\n<view>{{unclosed</view>`);
  expect(() => compileWithWcc(dir)).toThrow(/wcc could not compile the templates/);

  const good = compileWithWcc(DEFAULT_BUILD_DIR);
  const data = { root: { cn: [{ nn: '5', sid: '_n_1', cn: [{ nn: '9', sid: '_n_2', v: '你好' }] }] } };
  expect(renderTextWithWcc(good, 'pages/index/index.wxml', data, { comp: 'comp' }, () => undefined)).toEqual({ text: '你好', messages: [] });
});

test('when wcc cannot run, the template check says so, and fails on CI', async () => {
  const harness = await launchWeapp({ templateCheck: false });
  const saved = { ci: process.env.CI, off: process.env.WEAPP_HARNESS_NO_WCC };
  try {
    process.env.WEAPP_HARNESS_NO_WCC = '1';
    process.env.CI = 'false';
    expect(harness.checkTemplates()).toEqual({ skipped: 'wcc disabled by WEAPP_HARNESS_NO_WCC=1' });
    process.env.CI = 'true';
    expect(() => harness.checkTemplates()).toThrow(/WeChat template check cannot run: wcc disabled/);
  } finally {
    for (const [key, value] of [['CI', saved.ci], ['WEAPP_HARNESS_NO_WCC', saved.off]] as const) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
    await harness.close();
  }
});

