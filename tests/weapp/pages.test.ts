// The production weapp build (dist/weapp) running in Node through the harness: every page, the main
// journeys, the annual report's Table 3 and the 长辈版 switch, plus the audit budgets.
// Needs `npx taro build --type weapp` first; the tests never build it themselves.
import { readFileSync } from 'node:fs';
import { parseAnnualReport } from '../../cloudfunctions/_lib/seed/parse-report';
import { TABLE3_COLUMNS, TABLE3_ROW_KEYS } from '../../src/domain/report/tables';
import { DEFAULT_COLUMNS } from '../../cloudfunctions/_lib/seed';
import { CloudBackend, SEED_REPORT_PATH } from './lib/cloud';
import { appRoutes, ensureWeappBuild, launchWeapp, readAppJson, SETDATA_AUDIT_LIMIT, staleSources, type WeappHarness } from './harness';

beforeAll(() => {
  ensureWeappBuild();
  const stale = staleSources();
  if (stale.length > 0) {
    console.warn(`dist/weapp is older than ${stale.length} source file(s) (e.g. ${stale.slice(0, 3).join(', ')}): these tests run the old build. Rebuild with \`npx taro build --type weapp\`.`);
  }
});

const open: WeappHarness[] = [];
async function launch(...args: Parameters<typeof launchWeapp>): Promise<WeappHarness> {
  const harness = await launchWeapp(...args);
  open.push(harness);
  return harness;
}
afterEach(async () => {
  await Promise.all(open.splice(0).map((harness) => harness.close()));
});

/** Query parameters a page needs to show real content. */
const QUERIES: Record<string, Record<string, string>> = {
  'packages/catalogue/detail/index': { id: 'demo-gzzd-00001' },
  'packages/report/detail/index': { year: '2023' },
  'packages/about/coming/index': { title: encodeURIComponent('政策解读') },
  'packages/articles/detail/index': { id: 'demo-art-001' },
  'packages/policy/interpretation/index': { id: 'demo-itp-01' },
  'packages/policy/meeting/index': { id: 'demo-mtg-2023-zr1' },
  'packages/opendays/detail/index': { id: 'od-demo-01' },
  'packages/guides/detail/index': { id: 'demo-guide-001' },
  'packages/guides/parcel/index': { id: 'demo-parcel-001' },
  'packages/search/index/index': { q: encodeURIComponent('开标') },
  'packages/trading/chain/index': { id: 'demo-prj-004' },
  'packages/questions/detail/index': { id: 'demo-question-1' },
  'packages/feedback/form/index': { route: encodeURIComponent('/packages/catalogue/detail/index?id=demo-gzzd-00001'), title: encodeURIComponent('公共资源交易服务规程') },
};

const routes = appRoutes(readAppJson());
/** Pages known to show public content to a citizen; pages added later must at least launch cleanly. */
const CONTENT_ROUTES = ['pages/index/index', 'pages/catalogue/index', ...Object.keys(QUERIES), 'packages/report/list/index', 'packages/about/contact/index'];

describe('every page of app.json', () => {
  test('lists main-package and subpackage pages', () => {
    expect(routes).toEqual(expect.arrayContaining(['pages/index/index', 'pages/catalogue/index', 'packages/catalogue/detail/index', 'packages/report/detail/index']));
  });

  test.each(routes)('%s launches, renders and passes the template check', async (route) => {
    const harness = await launch({ path: route, query: QUERIES[route] ?? {} });
    const page = harness.page;
    expect(page.route).toBe(route);
    if (CONTENT_ROUTES.includes(route)) expect(page.text()).not.toMatch(/正在加载|加载失败|重试/);
    expect(page.text().length).toBeGreaterThan(0);
    const root = page.tree.children[0];
    expect(root?.classList).toContain('page');
    expect(harness.checkTemplates(page).skipped).toBeUndefined();
    expect(page.stats.current.nodes).toBeGreaterThan(3);
  });
});

test('home shows the center and its columns', async () => {
  const harness = await launch();
  const page = harness.page;
  expect(page.route).toBe('pages/index/index');
  expect(page.get('agency-name').text).toBe('淄博市公共资源交易中心');
  const columns = page.all({ className: 'list-item' }).filter((node) => node.id?.startsWith('column-'));
  const titles = columns.map((node) => node.find({ className: 'list-item-title' })?.text.replace('即将上线', ''));
  expect(titles).toEqual(['公开目录', '政策解读', '会议公开', '交易公告', '开标大厅', '办事指南', '土地推介', '平台开放日', '依申请公开', '好差评', '意见征集', '咨询留言', '公众号文章', '年度报告', '联系我们']);
  expect(harness.callsOf('cloud.init')).toHaveLength(1);
});

test('catalogue: 工作制度 pages 20 at a time, and an item opens its detail', async () => {
  const harness = await launch({ path: 'pages/catalogue/index' });
  const items = () => harness.page.all({ dataset: { testid: 'catalogue-item' } });

  await harness.tap('category-gzzd');
  expect(harness.page.get('category-gzzd').classList).toContain('active');
  expect(items()).toHaveLength(20);
  await harness.tap('load-more');
  expect(items()).toHaveLength(40);

  const first = items()[0];
  const title = first?.find({ className: 'list-item-title' })?.text.replace(/演示$/, '');
  expect(first?.id).toMatch(/^item-demo-gzzd-\d{5}$/);
  await harness.tap(first?.id ?? '');

  expect(harness.page.route).toBe('packages/catalogue/detail/index');
  expect(harness.page.query.id).toBe(first?.id?.replace(/^item-/, ''));
  expect(harness.page.get('item-title').text).toBe(title);
  expect(harness.stack.map((page) => page.route)).toEqual(['pages/catalogue/index', 'packages/catalogue/detail/index']);
});

test('the 2023 annual report shows every Table 3 cell with the seed report’s value', async () => {
  const expected = parseAnnualReport(readFileSync(SEED_REPORT_PATH, 'utf8')).table3;
  const harness = await launch({ path: 'packages/report/detail/index', query: { year: '2023' } });
  const page = harness.page;
  expect(page.get('report-title').text).toContain('2023');
  let checked = 0;
  for (const rowKey of TABLE3_ROW_KEYS) {
    TABLE3_COLUMNS.forEach((column, index) => {
      const cellId = `table3:${rowKey}:${column.key}`;
      const cells = page.all({ dataset: { cell: cellId } });
      expect({ cellId, count: cells.length }).toEqual({ cellId, count: 1 });
      expect({ cellId, text: cells[0]?.text }).toEqual({ cellId, text: String(expected[rowKey][index]) });
      checked++;
    });
  }
  expect(checked).toBe(25 * 7);
});

test('长辈版: the switch enlarges the page and the choice carries to the next page', async () => {
  const harness = await launch();
  const root = () => harness.page.find({ dataset: { testid: 'home' } });
  expect(root()?.className).toBe('page');
  expect(harness.page.get('elder-switch').tag).toBe('switch');
  expect(harness.page.get('elder-switch').props.checked).toBe(false);

  await harness.change('elder-switch', true);
  expect(root()?.className).toBe('page elder');
  expect(harness.page.get('elder-switch').props.checked).toBe(true);
  expect(harness.callsOf('setStorageSync')).toHaveLength(1);

  await harness.tap('column-annualReport');
  expect(harness.page.route).toBe('packages/report/list/index');
  expect(harness.page.find({ dataset: { testid: 'report-list' } })?.className).toBe('page elder');

  // The same phone, launched again: storage keeps the choice.
  const again = await launch({ storage: harness.storage });
  expect(again.page.find({ dataset: { testid: 'home' } })?.className).toBe('page elder');
});

test('the longest list stays within the audit budgets (nodes, setData size)', async () => {
  const harness = await launch({ path: 'pages/catalogue/index' });
  await harness.tap('category-gzzd');
  await harness.tap('load-more');
  await harness.tap('load-more');
  const page = harness.page;
  expect(page.all({ dataset: { testid: 'catalogue-item' } })).toHaveLength(45);
  expect(page.text()).toContain('已显示全部');
  expect(page.stats.maxNodes).toBeLessThan(1000);
  expect(page.stats.maxDepth).toBeLessThan(30);
  expect(Math.max(...page.setDataSizes)).toBeLessThan(SETDATA_AUDIT_LIMIT);
  expect(page.stats.maxSetDataBytes).toBe(Math.max(...page.setDataSizes));
});

test('columns that are not built open the 即将上线 page, whose 返回 goes back', async () => {
  // Every column of this agency is built; another agency's profile may list one that is not.
  const cloud = await CloudBackend.create();
  await cloud.store.update('agency', 'profile', { columns: [...DEFAULT_COLUMNS, { key: 'pressConferences', title: '新闻发布会', description: '发布会实录', status: 'planned' }] });
  try {
    const harness = await launch({ cloud });
    await harness.tap('column-pressConferences');
    expect(harness.page.route).toBe('packages/about/coming/index');
    expect(harness.page.get('coming-title').text).toBe('新闻发布会');
    const back = harness.page.find({ text: '返回', className: 'button' });
    await harness.tap(back?.id ?? '');
    expect(harness.page.route).toBe('pages/index/index');
    expect(harness.stack).toHaveLength(1);
  } finally {
    await Promise.all(open.splice(0).map((harness) => harness.close()));
    await cloud.close();
  }
});

test('土地推介: the map shows one marker per parcel, the list stays beside it, and 在地图中查看 opens WeChat’s map', async () => {
  const harness = await launch({ path: 'packages/guides/parcels/index' });
  const rows = harness.page.all({ dataset: { testid: 'parcel' } });
  expect(rows.length).toBeGreaterThanOrEqual(5);
  const map = harness.page.get('parcel-map');
  const markers = map.props.markers as Array<{ id: number; latitude: number; longitude: number; iconPath: string }>;
  expect(markers).toHaveLength(rows.length);
  expect(markers.map((m) => m.id)).toEqual(rows.map((_, i) => i));
  expect(markers.every((m) => m.iconPath === '/packages/guides/marker.png' && m.latitude > 35 && m.longitude > 117)).toBe(true);
  // The list is the map's text alternative: every row has its coordinates in words.
  expect(rows.every((row) => /北纬 3\d\.\d{4}°，东经 11\d\.\d{4}°/.test(row.text))).toBe(true);
  await harness.tap(`locate-${rows[0]!.id!.replace('parcel-', '')}`);
  expect(harness.callsOf('openLocation').map((call) => (call.options as { latitude: number }).latitude)).toEqual([markers[0]!.latitude]);
});

test('联系我们: tapping the phone number and e-mail calls and copies', async () => {
  const harness = await launch({ path: 'packages/about/contact/index' });
  await harness.tap('contact-phone');
  await harness.tap('contact-email');
  expect(harness.callsOf('makePhoneCall').map((call) => (call.options as { phoneNumber: string }).phoneNumber)).toEqual([harness.page.get('contact-phone').text]);
  expect(harness.callsOf('setClipboardData').map((call) => (call.options as { data: string }).data)).toEqual([harness.page.get('contact-email').text]);
});

test('a tree deeper than 15 levels renders through Taro\'s recursive `comp` component', async () => {
  const harness = await launch({ path: 'packages/about/coming/index', query: { title: 'x' } });
  // 18 nested static views (Taro alias 3) around a text node (alias 9), as Taro would send them.
  let node: Record<string, unknown> = { nn: '9', sid: 'deep-text', v: '最深处' };
  for (let level = 0; level < 18; level++) node = { nn: '3', sid: `deep-${level}`, cn: [node] };
  (harness.page.instance.setData as (data: unknown) => void)({ 'root.cn.[0].cn.[0].cn.[0]': node });
  await harness.settle();
  const page = harness.page;
  expect(page.text()).toContain('最深处');
  expect([...page.components.values()].map((record) => record.name)).toContain('comp');
  expect(page.get('deep-0').owner?.kind).toBe('component');
  expect(page.stats.current.depth).toBeGreaterThan(18);
  expect(harness.checkTemplates().skipped ?? harness.checkTemplates().wccText).toContain('最深处');
});
