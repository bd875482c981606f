// The harness's own machinery, on a tiny hand-written mini-program (no Taro): data paths, the
// view rebuilt from templates, component properties and a CustomWrapper-style component that
// updates itself through its own setData, event bubbling, lifecycle order, and every kind of
// failure the harness must turn into a failing test.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { CloudBackend, launchWeapp, WeappProblemError, type LaunchOptions, type WeappHarness } from './harness';
import { applyDataPath, auditSetDataValue, parseDataPath, type SetDataIssue } from './lib/data-path';

const FILES: Record<string, string> = {
  'app.json': JSON.stringify({ pages: ['pages/main/index', 'pages/other/index'], subPackages: [{ root: 'sub', pages: ['deep/index'] }] }),
  'app.js': `
    App({
      log: [],
      onLaunch(options) { this.log.push('App.onLaunch ' + options.path); },
      onShow() { this.log.push('App.onShow'); },
    });`,
  'pages/main/index.json': JSON.stringify({ usingComponents: { wrapper: '../../components/wrapper/index', badge: '/components/badge/index' } }),
  'pages/main/index.wxml': `
    <wxs module="fmt">module.exports = { upper: function (s) { return s.toUpperCase(); } };</wxs>
    <import src="../../common/items.wxml" />
    <view id="root" class="page {{mode}}" data-testid="root" bindtap="onTap">
      <text id="title">{{fmt.upper(title)}}</text>
      <template is="items" data="{{list: list}}" />
      <view id="stopper" catchtap="onStop"><text id="inner">stop</text></view>
      <wrapper id="w" i="{{box}}" />
      <badge label="{{badge}}" />
      <input id="field" value="{{field}}" bindinput="onInput" />
      <text wx:if="{{mode === 'x'}}" id="x">X</text>
      <text wx:elif="{{mode === 'y'}}" id="y">Y</text>
      <text wx:else id="z">Z</text>
      <view wx:for="{{actions}}" wx:key="*this" wx:for-item="name" id="do-{{name}}" bindtap="{{name}}">{{name}}</view>
    </view>`,
  'common/items.wxml': `
    <template name="items">
      <view wx:for="{{list}}" wx:key="id" id="item-{{item.id}}" class="item" data-item-id="{{item.id}}">{{index}}:{{item.name}}</view>
    </template>`,
  'pages/main/index.js': `
    const app = getApp();
    Page({
      data: { title: 'start', list: [], mode: 'z', box: { label: 'box0' }, badge: 'b0', field: '',
        actions: ['badFunction', 'badNaN', 'badDate', 'badHole', 'big', 'reject', 'consoleError', 'throwing', 'request', 'touchWindow', 'goOther', 'goDeep', 'timers'] },
      onLoad(query) { app.log.push('onLoad ' + JSON.stringify(query) + ' args=' + arguments.length); this.setData({ title: 'hello ' + (query.name || ''), list: [{ id: 1, name: 'a' }, { id: 2, name: 'b' }] }); },
      onShow() { app.log.push('onShow'); },
      onReady() { app.log.push('onReady'); },
      onHide() { app.log.push('onHide'); },
      onTap(e) { app.log.push('root tap current=' + e.currentTarget.id + ' target=' + e.target.id + ' sid=' + e.target.dataset.sid); },
      onStop(e) { app.log.push('stopper tap target=' + e.target.id); },
      onInput(e) { this.setData({ field: e.detail.value }); },
      badFunction() { this.setData({ f: function () {} }); },
      badNaN() { this.setData({ n: 0 / 0 }); },
      badDate() { this.setData({ d: new Date(0) }); },
      badHole() { this.setData({ arr: [1, undefined, 3] }); },
      big() { this.setData({ blob: 'x'.repeat(300 * 1024) }); },
      reject() { Promise.reject(new Error('nobody catches me')); },
      consoleError() { console.error('something broke', { code: 42 }); },
      throwing() { throw new TypeError('handler bug'); },
      request() { wx.request({ url: 'https://example.invalid/api' }); },
      touchWindow() { setTimeout(() => { window.scrollTo(0, 0); }, 10); },
      goOther() { wx.navigateTo({ url: '../other/index?from=main&title=%E4%BD%A0' }); },
      goDeep() { wx.navigateTo({ url: '/sub/deep/index' }); },
      timers() { let n = 0; const id = setInterval(() => { n++; if (n === 3) { clearInterval(id); this.setData({ title: 'ticked ' + n }); } }, 1000); },
    });`,
  'components/wrapper/index.json': JSON.stringify({ component: true }),
  'components/wrapper/index.wxml': `<text id="wrapped">{{i.label}}</text>`,
  'components/wrapper/index.js': `
    Component({
      properties: { i: { type: Object, value: {} } },
      lifetimes: { attached() { getApp().wrapper = this; getApp().log.push('wrapper attached ' + this.data.i.label); } },
    });`,
  'components/badge/index.json': JSON.stringify({ component: true }),
  'components/badge/index.wxml': `<view id="badge" class="badge" bindtap="onBadge">{{label}}</view>`,
  'components/badge/index.js': `
    Component({
      options: { virtualHost: true },
      properties: { label: String },
      methods: { onBadge(e) { getApp().log.push('badge tap ' + this.data.label + ' current=' + e.currentTarget.id); } },
    });`,
  'pages/other/index.json': '{}',
  'pages/other/index.wxml': `<view id="other">{{from}} {{title}}</view><view id="back" bindtap="back">back</view>`,
  'pages/other/index.js': `
    Page({
      data: { from: '', title: '' },
      onLoad(query) { this.setData({ from: query.from, title: query.title || '' }); },
      onUnload() { getApp().log.push('other onUnload'); },
      back() { wx.navigateBack(); },
    });`,
  'sub/deep/index.json': '{}',
  'sub/deep/index.wxml': `<view id="deep">deep</view>`,
  'sub/deep/index.js': `Page({});`,
};

let buildDir: string;
let cloud: CloudBackend;
beforeAll(async () => {
  buildDir = mkdtempSync(join(tmpdir(), 'weapp-fixture-'));
  for (const [path, content] of Object.entries(FILES)) {
    mkdirSync(dirname(join(buildDir, path)), { recursive: true });
    writeFileSync(join(buildDir, path), content);
  }
  cloud = await CloudBackend.create();
});
afterAll(async () => {
  await cloud.close();
  rmSync(buildDir, { recursive: true, force: true });
});

const open: WeappHarness[] = [];
async function launch(options: LaunchOptions = {}): Promise<WeappHarness> {
  const harness = await launchWeapp({ buildDir, cloud, query: { name: 'ann' }, ...options });
  open.push(harness);
  return harness;
}
afterEach(async () => {
  await Promise.all(open.splice(0).map((harness) => harness.close()));
});

const log = (harness: WeappHarness) => harness.app?.log as string[];

async function failure(harness: WeappHarness, action: string): Promise<string> {
  const outcome = await harness.tap(`do-${action}`).then(
    () => undefined,
    (error: unknown) => error,
  );
  expect(outcome).toBeInstanceOf(WeappProblemError);
  return (outcome as WeappProblemError).message;
}

describe('data paths', () => {
  test('parses WeChat and Taro path forms', () => {
    expect(parseDataPath('root.cn.[0].cn.[2].v')).toEqual(['root', 'cn', 0, 'cn', 2, 'v']);
    expect(parseDataPath('list[1][2].title')).toEqual(['list', 1, 2, 'title']);
    expect(parseDataPath('i.cn.[3]')).toEqual(['i', 'cn', 3]);
    expect(() => parseDataPath('a[x]')).toThrow(/not an array index/);
  });

  test('applies paths, creating arrays and objects on the way', () => {
    const data: Record<string, unknown> = {};
    applyDataPath(data, parseDataPath('root.cn.[1].v'), 'x');
    applyDataPath(data, parseDataPath('a.b'), 1);
    expect(data).toEqual({ root: { cn: [undefined, { v: 'x' }] }, a: { b: 1 } });
  });

  test('the audit names what the bridge would drop', () => {
    const issues: SetDataIssue[] = [];
    class Model {}
    auditSetDataValue({ f: () => 1, n: NaN, list: [1, undefined], d: new Date(0), m: new Model(), ok: { deep: [null, 'x'] } }, 'v', issues);
    expect(issues.map((i) => i.path)).toEqual(['v.f', 'v.n', 'v.list[1]', 'v.d', 'v.m']);
  });
});

describe('launch, render, events', () => {
  test('lifecycle order, one onLoad argument, raw query', async () => {
    const harness = await launch();
    expect(log(harness)).toEqual(['App.onLaunch pages/main/index', 'App.onShow', 'onLoad {"name":"ann"} args=1', 'onShow', 'wrapper attached box0', 'onReady']);
    expect(harness.page.get('title').text).toBe('HELLO ANN');
    expect(harness.page.all({ className: 'item' }).map((n) => [n.text, n.dataset.itemId])).toEqual([
      ['0:a', 1],
      ['1:b', 2],
    ]);
    expect(harness.page.get('z').text).toBe('Z');
    expect(harness.page.byId('x')).toBeUndefined();
    expect(harness.page.find({ dataset: { testid: 'root' } })?.className).toBe('page z');
  });

  test('taps bubble to every binding element; catch stops; components handle their own', async () => {
    const harness = await launch();
    await harness.tap('item-2');
    await harness.tap('inner');
    await harness.tap('badge');
    // WeChat's tap bubbles out of components too: the badge's tap reaches the page's root.
    expect(log(harness).slice(-4)).toEqual([
      'root tap current=root target=item-2 sid=undefined',
      'stopper tap target=inner',
      'badge tap b0 current=badge',
      'root tap current=root target=badge sid=undefined',
    ]);
    await expect(harness.change('title', 'x')).rejects.toThrow(/does not handle "change"/);
    await expect(harness.tap('missing')).rejects.toThrow(/no element with id "missing"/);
  });

  test('input events update data and the view', async () => {
    const harness = await launch();
    await harness.input('field', 'typed');
    expect(harness.page.data.field).toBe('typed');
    expect(harness.page.get('field').props.value).toBe('typed');
  });

  test('a CustomWrapper-style component keeps its own updates until its parent rebinds it', async () => {
    const harness = await launch();
    const wrapper = harness.app?.wrapper as { setData(data: Record<string, unknown>): void };
    expect(harness.page.get('wrapped').text).toBe('box0');
    wrapper.setData({ 'i.label': 'own update' });
    await harness.settle();
    expect(harness.page.get('wrapped').text).toBe('own update');
    // The page changes something else: the wrapper keeps its own data.
    (harness.page.instance.setData as (d: unknown) => void)({ title: 'other' });
    await harness.settle();
    expect(harness.page.get('wrapped').text).toBe('own update');
    // The page rebinds the property: the wrapper gets the new value.
    (harness.page.instance.setData as (d: unknown) => void)({ 'box.label': 'from page' });
    await harness.settle();
    expect(harness.page.get('wrapped').text).toBe('from page');
    expect(harness.checkTemplates().skipped ?? 'checked').toBeTruthy();
  });

  test('navigation keeps a page stack and runs the lifecycle', async () => {
    const harness = await launch();
    await harness.tap('do-goOther');
    expect(harness.page.route).toBe('pages/other/index');
    expect(harness.page.get('other').text).toBe('main %E4%BD%A0');
    expect(log(harness)).toContain('onHide');
    await harness.tap('back');
    expect(harness.stack.map((p) => p.route)).toEqual(['pages/main/index']);
    expect(log(harness).slice(-2)).toEqual(['other onUnload', 'onShow']);
    await harness.tap('do-goDeep');
    expect(harness.page.get('deep').text).toBe('deep');
    await harness.reLaunch('/pages/other/index?from=x');
    expect(harness.stack.map((p) => p.route)).toEqual(['pages/other/index']);
    await expect(harness.navigateTo('/pages/nowhere/index')).rejects.toThrow(/page "pages\/nowhere\/index" is not found/);
  });

  test('timers run on the virtual clock', async () => {
    const harness = await launch();
    const started = Date.now();
    await harness.tap('do-timers');
    expect(harness.page.get('title').text).toBe('TICKED 3');
    expect(harness.clock.elapsed).toBeGreaterThanOrEqual(3000);
    expect(Date.now() - started).toBeLessThan(1000);
  });
});

describe('failures the harness reports', () => {
  test.each([
    ['badFunction', /setData sends what the bridge drops or changes: f is a function/],
    ['badNaN', /n is NaN \(becomes null\)/],
    ['badDate', /d is a Date object/],
    ['badHole', /arr\[1\] is undefined inside an array/],
    ['big', /one setData of \d+ bytes exceeds the 256 KB audit limit/],
    ['reject', /\[unhandled-rejection\].*nobody catches me/],
    ['consoleError', /\[console.error\].*something broke \{ code: 42 \}/],
    ['throwing', /the tap handler of <view#do-throwing> threw: TypeError: handler bug/],
    ['request', /\[request\].*wx.request\(GET https:\/\/example.invalid\/api\)/],
    ['touchWindow', /uncaught error in a timer callback: TypeError: Cannot read properties of undefined \(reading 'scrollTo'\)/],
  ])('%s', async (action, pattern) => {
    const harness = await launch();
    expect(await failure(harness, action)).toMatch(pattern);
  });

  test('console.error can be allowed', async () => {
    const harness = await launch({ allowConsoleError: (message) => message.startsWith('something broke') });
    await harness.tap('do-consoleError');
    expect(harness.consoleLines).toContain('error: something broke { code: 42 }');
  });

  test('wx.request answers when a test provides it', async () => {
    const seen: unknown[] = [];
    const harness = await launch({ request: (options) => (seen.push(options.url), { data: { ok: true } }) });
    await harness.tap('do-request');
    expect(seen).toEqual(['https://example.invalid/api']);
  });
});
