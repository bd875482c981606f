// 依申请公开 on the production weapp build (dist/weapp) through the harness: every citizen and staff
// page as its real user, the online form filled through events (inline errors, the draft across a
// relaunch, the receipt), a dropped connection on submit with its retry (exactly one application),
// and one case through the staff console: 补正 → answer → 审核通过 → 延期 → 批准 → 答复书 → 签发.
// Needs `npx taro build --type weapp` first; the tests never build it themselves.
import { appRoutes, CloudBackend, ensureWeappBuild, launchWeapp, readAppJson, SETDATA_AUDIT_LIMIT, staleSources, type LaunchOptions, type WeappHarness } from './harness';

const CITIZEN = 'local-citizen-a';
const OTHER_CITIZEN = 'local-citizen-b';
const CLERK = 'local-staff-clerk';
const REVIEWER = 'local-staff-reviewer';
const VALID_ID = '11010519491231002X';
/** Eighteen digits with a wrong check digit (the valid one ends in X). */
const BAD_ID = '110105194912310021';
const QUERY_CODE = /^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{10}$/;

beforeAll(() => {
  ensureWeappBuild();
  const stale = staleSources();
  if (stale.length > 0) {
    console.warn(`dist/weapp is older than ${stale.length} source file(s) (e.g. ${stale.slice(0, 3).join(', ')}): these tests run the old build. Rebuild with \`npx taro build --type weapp\`.`);
  }
});

/**
 * The cloud functions' clock, moved by hand: 10:00 in Shanghai on Monday 3 March 2025, so receipt
 * dates and deadlines are fixed (2025 is in the official calendar; 清明 and a 调休 day fall in range).
 */
class CloudClock {
  private ms = Date.parse('2025-03-03T02:00:00Z');
  now = (): Date => new Date(this.ms);
  /** Moves to the next calendar day (same time of day). */
  nextDay(days = 1): void {
    this.ms += days * 24 * 3600 * 1000;
  }
}

const clouds: CloudBackend[] = [];
async function newCloud(clock = new CloudClock()): Promise<CloudBackend> {
  const cloud = await CloudBackend.create({ clock });
  clouds.push(cloud);
  return cloud;
}

const open: WeappHarness[] = [];
/**
 * One person opening the app on a shared cloud. Earlier harnesses are closed first: a launch sets
 * the shared backend's OPENID, so a harness left open would call as the latest user.
 */
async function openAs(openid: string, path: string, options: Omit<LaunchOptions, 'openid' | 'path'> = {}): Promise<WeappHarness> {
  await Promise.all(open.splice(0).map((harness) => harness.close()));
  const harness = await launchWeapp({ ...options, path, openid });
  open.push(harness);
  return harness;
}
afterEach(async () => {
  await Promise.all(open.splice(0).map((harness) => harness.close()));
  await Promise.all(clouds.splice(0).map((cloud) => cloud.close()));
});

interface Envelope<T> {
  ok: boolean;
  data: T;
  error?: unknown;
}
/** A direct call to the `requests` function as one user (set-up and store checks, not the UI). */
async function requests<T>(cloud: CloudBackend, openid: string, action: string, input: unknown): Promise<T> {
  const answer = (await cloud.invoke('requests', { action, input }, openid)) as Envelope<T>;
  if (!answer.ok) throw new Error(`requests.${action} failed: ${JSON.stringify(answer.error)}`);
  return answer.data;
}

const APPLICATION = {
  applicantType: 'natural',
  name: '王小明',
  idType: 'residentId',
  idNumber: VALID_ID,
  mobile: '13812345678',
  description: '2024 年淄博市公共资源交易中心某工程项目的开标记录',
  deliveryForm: 'electronic',
  deliveryChannel: 'online',
};

/** A direct call to the `consultations` function as one user (set-up only). */
async function consultations<T>(cloud: CloudBackend, openid: string, action: string, input: unknown): Promise<T> {
  const answer = (await cloud.invoke('consultations', { action, input }, openid)) as Envelope<T>;
  if (!answer.ok) throw new Error(`consultations.${action} failed: ${JSON.stringify(answer.error)}`);
  return answer.data;
}

async function submitDirectly(cloud: CloudBackend, key = 'apply-test-key-0000000001'): Promise<{ id: string; queryCode: string }> {
  return requests(cloud, CITIZEN, 'submit', { idempotencyKey: key, application: APPLICATION });
}

async function listMine(cloud: CloudBackend, openid = CITIZEN): Promise<Array<{ id: string; queryCode: string; state: string }>> {
  return requests(cloud, openid, 'listMine', {});
}

/** Fills the form the way a person does: taps for choices, input events for text. */
async function fillForm(harness: WeappHarness, idNumber = VALID_ID): Promise<void> {
  await harness.tap('field-applicantType-natural');
  await harness.input('field-name', APPLICATION.name);
  await harness.input('field-idNumber', idNumber);
  await harness.input('field-mobile', APPLICATION.mobile);
  await harness.input('field-description', APPLICATION.description);
  await harness.tap('field-deliveryForm-electronic');
  await harness.tap('field-deliveryChannel-online');
}

const text = (harness: WeappHarness, id: string): string => harness.page.get(id).text;

describe('every 依申请公开 page, as its user', () => {
  let cloud: CloudBackend;
  let kase: { id: string; queryCode: string };
  /** 意见征集: open from 3 March 2025 for 30 days, with one comment waiting for moderation. */
  let consultation: { id: string };
  let consultationComment: { id: string };
  beforeAll(async () => {
    cloud = await CloudBackend.create({ clock: new CloudClock() });
    kase = await submitDirectly(cloud);
    consultation = await consultations(cloud, CLERK, 'create', {
      title: '进场交易服务规范（征求意见稿）',
      kind: 'normativeDocument',
      marketRelated: true,
      summary: '为规范进场交易服务，起草本规范。',
      sections: [
        { heading: '第一条 适用范围', text: '本规范适用于进入本中心交易的项目。' },
        { heading: '第二条 开标', text: '开标应当公开进行。' },
      ],
      startDate: '2025-03-03',
      endDate: '2025-04-01',
    });
    consultationComment = await consultations(cloud, CITIZEN, 'comment', { idempotencyKey: 'apply-test-consult-0000001', consultationId: consultation.id, sectionId: 's2', text: '建议开标延迟时通知投标人', display: 'anonymous' });
  });
  afterAll(async () => {
    await cloud.close();
  });

  const PAGES: Array<{ route: string; openid: string; query?: (id: string) => Record<string, string>; expect: (harness: WeappHarness) => void }> = [
    {
      route: 'packages/apply/index/index',
      openid: CITIZEN,
      expect: (h) => {
        expect(h.page.byId('apply-new')).toBeDefined();
        expect(text(h, 'apply-mine-count')).toBe('（1 件办理中）');
      },
    },
    { route: 'packages/apply/form/index', openid: CITIZEN, expect: (h) => expect(h.page.get('submit').text).toBe('提交申请') },
    {
      route: 'packages/apply/receipt/index',
      openid: CITIZEN,
      query: (id) => ({ id }),
      expect: (h) => {
        expect(text(h, 'receipt-query-code')).toBe(kase.queryCode);
        expect(h.page.get('receipt-due').dataset.due).toBe('2025-03-31');
      },
    },
    { route: 'packages/apply/mine/index', openid: CITIZEN, expect: (h) => expect(h.page.all({ dataset: { testid: 'my-case' } }).map((n) => n.id)).toEqual([`case-${kase.id}`]) },
    {
      route: 'packages/apply/case/index',
      openid: CITIZEN,
      query: (id) => ({ id }),
      expect: (h) => {
        expect(text(h, 'case-state')).toBe('已登记，待审核');
        expect(h.page.all({ dataset: { testid: 'deadline' } }).map((n) => n.dataset.key)).toEqual(['correctionNotice', 'reply']);
        expect(h.page.byId('withdraw')).toBeDefined();
      },
    },
    { route: 'packages/apply/calculator/index', openid: CITIZEN, expect: (h) => expect(h.page.all({ dataset: { testid: 'deadline' } })).toHaveLength(4) },
    { route: 'packages/staff/index/index', openid: CLERK, expect: (h) => expect(h.page.all({ dataset: { testid: 'queue-item' } }).map((n) => n.id)).toEqual([`queue-${kase.id}`]) },
    {
      route: 'packages/staff/case/index',
      openid: CLERK,
      query: (id) => ({ id }),
      expect: (h) => {
        expect(text(h, 'applicant-id-number')).toBe(VALID_ID);
        expect(h.page.all({ id: 'action-panel' })).toHaveLength(1);
        expect(h.page.byId('cmd-accept')).toBeDefined();
      },
    },
    { route: 'packages/staff/register/index', openid: CLERK, expect: (h) => expect(h.page.byId('register-submit')).toBeDefined() },
    { route: 'packages/staff/outbox/index', openid: CLERK, expect: (h) => expect(h.page.all({ dataset: { testid: 'outbox-item' } }).length).toBeGreaterThanOrEqual(2) },
    {
      route: 'packages/staff/calendar/index',
      openid: CLERK,
      expect: (h) => {
        expect(text(h, 'covered-years')).toMatch(/^2004–20\d\d$/);
        // A clerk reads the calendar; only an admin edits it.
        expect(h.page.byId('calendar-readonly')).toBeDefined();
      },
    },
    {
      route: 'packages/staff/report/index',
      openid: CLERK,
      expect: (h) => {
        // 3 March 2025: this year so far, live (the submitted case is carried over); 2024's report is overdue.
        expect(text(h, 'report-year-value')).toBe('2025 年度');
        expect(h.page.byId('report-live')).toBeDefined();
        expect(text(h, 'report-reminder')).toContain('2024 年度报告须于 2025-01-31 前发布，已逾期 31 天');
        expect(h.page.byId('checks-ok')).toBeDefined();
        expect(h.page.all({ dataset: { cell: 'table3:newReceived:natural' } }).map((n) => n.text)).toEqual(['1']);
        expect(h.page.byId('draft-save')).toBeDefined();
        // A clerk drafts; only an admin publishes.
        expect(h.page.byId('publish-disabled-reason')).toBeDefined();
      },
    },
    {
      route: 'packages/staff/ratings/index',
      openid: CLERK,
      expect: (h) => {
        // No ratings on this cloud: the 好差评整改 list is empty, with its counts and the 含已办结 switch.
        expect(h.page.byId('rating-cases-empty')).toBeDefined();
        expect(String(h.page.get('rating-count-open').dataset.count)).toBe('0');
        expect(h.page.byId('include-closed')).toBeDefined();
      },
    },
    {
      route: 'packages/staff/consultations/index',
      openid: CLERK,
      expect: (h) => {
        expect(h.page.all({ dataset: { testid: 'staff-consultation' } }).map((n) => n.id)).toEqual([`staff-consultation-${consultation.id}`]);
        expect(String(h.page.get(`staff-consultation-${consultation.id}`).dataset.pending)).toBe('1');
        expect(h.page.byId('staff-consult-new')).toBeDefined();
      },
    },
    {
      route: 'packages/staff/consultations/detail/index',
      openid: CLERK,
      query: () => ({ id: consultation.id }),
      expect: (h) => {
        expect(h.page.all({ dataset: { testid: 'staff-comment' } }).map((n) => n.id)).toEqual([`comment-${consultationComment.id}`]);
        expect(h.page.byId(`moderate-show-${consultationComment.id}`)).toBeDefined();
        expect(h.page.byId('export-comments')).toBeDefined();
      },
    },
    { route: 'packages/staff/consultations/new/index', openid: CLERK, expect: (h) => expect(h.page.byId('consult-create')).toBeDefined() },
    { route: 'packages/staff/publishing/index', openid: CLERK, expect: (h) => expect(h.page.byId('pub-save')).toBeDefined() },
    { route: 'packages/staff/policies/index', openid: CLERK, expect: (h) => expect(h.page.byId('itp-title')).toBeDefined() },
    { route: 'packages/staff/opendays/index', openid: CLERK, expect: (h) => expect(h.page.byId('od-title')).toBeDefined() },
    { route: 'packages/staff/questions/index', openid: CLERK, expect: (h) => expect(h.page.byId('question-count-overdue')).toBeDefined() },
    { route: 'packages/staff/corrections/index', openid: CLERK, expect: (h) => expect(h.page.byId('corrections-empty')).toBeDefined() },
    {
      route: 'packages/staff/freshness/index',
      openid: CLERK,
      expect: (h) => {
        expect(h.page.byId('freshness-site')).toBeDefined();
        expect(h.page.all({ dataset: { testid: 'freshness-column' } })).toHaveLength(8);
      },
    },
    {
      route: 'packages/consult/list/index',
      openid: CITIZEN,
      expect: (h) => {
        expect(h.page.all({ dataset: { testid: 'consultation' } }).map((n) => n.id)).toEqual([`consultation-${consultation.id}`]);
        expect(h.page.all({ dataset: { testid: 'consultation-left' } }).map((n) => n.text)).toEqual(['还剩 29 天']);
      },
    },
    {
      route: 'packages/consult/detail/index',
      openid: CITIZEN,
      query: () => ({ id: consultation.id }),
      expect: (h) => {
        expect(h.page.all({ dataset: { testid: 'section' } }).map((n) => n.id)).toEqual(['section-s1', 'section-s2']);
        // The citizen's own comment, waiting for moderation.
        expect(h.page.get('section-s2').all({ dataset: { testid: 'comment-status' } }).map((n) => n.text)).toEqual(['审核中']);
        expect(h.page.byId('comment-on-s1')).toBeDefined();
        expect(h.page.byId('comment-whole')).toBeDefined();
      },
    },
    {
      route: 'packages/trading/list/index',
      openid: CITIZEN,
      expect: (h) => {
        expect(h.page.all({ dataset: { testid: 'project' } })).toHaveLength(10);
        expect(h.page.get('type-all').classList).toContain('td-tab-active');
        expect(h.page.byId('load-more')).toBeDefined();
      },
    },
    {
      route: 'packages/trading/chain/index',
      openid: CITIZEN,
      query: () => ({ id: 'demo-prj-001' }),
      expect: (h) => {
        expect(text(h, 'chain-name')).toMatch(/^淄博市某中学教学楼改扩建工程施工/);
        expect(h.page.all({ dataset: { testid: 'chain-notice' } }).map((n) => n.dataset.stage)).toEqual(['tender', 'change', 'candidates', 'result']);
        const pending = h.page.all({ dataset: { testid: 'chain-pending' } });
        expect(pending.map((n) => n.dataset.stage)).toEqual(['contract']);
        expect(pending[0]?.text).toContain('尚未发布');
      },
    },
    {
      route: 'packages/trading/hall/index',
      openid: CITIZEN,
      expect: (h) => {
        // The cloud's clock says 3 March 2025; the demo openings are planned around the real seeding day.
        expect(h.page.get('hall-date').dataset.date).toBe('2025-03-03');
        expect(text(h, 'hall-empty')).toBe('今日无开标项目');
        expect(h.page.byId('hall-refresh')).toBeDefined();
      },
    },
    { route: 'packages/trading/stats/index', openid: CITIZEN, expect: (h) => expect(h.page.byId('stats-type')).toBeDefined() },
  ];

  test('covers every page of the apply, staff, consult and trading subpackages', () => {
    const built = appRoutes(readAppJson()).filter((route) => /^packages\/(apply|staff|consult|trading)\//.test(route));
    expect(PAGES.map((page) => page.route).sort()).toEqual(built.sort());
    expect(built).toHaveLength(28);
  });

  test.each(PAGES.map((page) => [page.route, page] as const))('%s launches cleanly within the budgets', async (route, page) => {
    const harness = await openAs(page.openid, route, { cloud, query: page.query?.(kase.id) ?? {} });
    expect(harness.page.route).toBe(route);
    expect(harness.page.text()).not.toMatch(/正在加载|加载失败|重试|仅限工作人员/);
    page.expect(harness);
    expect(harness.checkTemplates().skipped).toBeUndefined();
    expect(harness.page.stats.maxNodes).toBeLessThan(1000);
    expect(harness.page.stats.maxSetDataBytes).toBeLessThan(SETDATA_AUDIT_LIMIT);
  });
});

describe('the online form', () => {
  test('filled through events: inline ID error, draft kept across a relaunch, then the receipt', async () => {
    const cloud = await newCloud();
    const storage = new Map<string, string>();
    let harness = await openAs(CITIZEN, 'packages/apply/form/index', { cloud, storage });
    await fillForm(harness, BAD_ID);

    // The ID number is checked when the field loses focus.
    expect(harness.page.byId('error-idNumber')).toBeUndefined();
    await harness.trigger('field-idNumber', 'blur', { value: BAD_ID });
    expect(text(harness, 'error-idNumber')).toBe('！居民身份证号码不正确，请核对（18 位，末位校验码）');
    expect(harness.page.get('wrap-idNumber').classList).toContain('af-field-invalid');
    // Correcting it clears the error at once.
    await harness.input('field-idNumber', VALID_ID);
    expect(harness.page.byId('error-idNumber')).toBeUndefined();

    // Closing the app and opening it again on the same phone restores every field.
    await harness.close();
    harness = await openAs(CITIZEN, 'packages/apply/form/index', { cloud, storage });
    expect(harness.page.byId('draft-restored')).toBeDefined();
    expect(harness.page.get('field-name').props.value).toBe(APPLICATION.name);
    expect(harness.page.get('field-idNumber').props.value).toBe(VALID_ID);
    expect(harness.page.get('field-mobile').props.value).toBe(APPLICATION.mobile);
    expect(harness.page.get('field-description').props.value).toBe(APPLICATION.description);
    expect(harness.page.get('field-applicantType-natural').classList).toContain('af-choice-selected');
    expect(harness.page.get('field-deliveryForm-electronic').classList).toContain('af-choice-selected');
    expect(harness.page.get('field-deliveryChannel-online').classList).toContain('af-choice-selected');

    // Submitting without the promise is refused on the page, without a call.
    const callsBefore = cloud.calls.length;
    await harness.tap('submit');
    expect(harness.page.byId('error-agree')).toBeDefined();
    expect(text(harness, 'error-count')).toBe('有 1 处需要修改');
    expect(cloud.calls.length).toBe(callsBefore);

    await harness.tap('agree');
    expect(harness.page.get('agree').find({ className: 'apply-checkbox-on' })).toBeDefined();
    await harness.tap('submit');

    expect(harness.page.route).toBe('packages/apply/receipt/index');
    expect(harness.stack).toHaveLength(1);
    const code = text(harness, 'receipt-query-code');
    expect(code).toMatch(QUERY_CODE);
    expect(harness.page.byId('receipt-replayed')).toBeUndefined();
    // Received on Monday 3 March 2025: 20 working days from the next day.
    expect(harness.page.get('receipt-date').dataset.date).toBe('2025-03-03');
    expect(harness.page.get('receipt-due').dataset.due).toBe('2025-03-31');
    expect(text(harness, 'receipt-due')).toBe('2025年3月31日（星期一）前');
    expect(text(harness, 'receipt-due-left')).toBe('剩余 20 个工作日');
    // The draft is gone once the receipt has arrived.
    expect(storage.has('apply:draft')).toBe(false);

    const mine = await listMine(cloud);
    expect(mine.map((item) => item.queryCode)).toEqual([code]);
    expect(harness.page.stats.maxNodes).toBeLessThan(1000);
    expect(harness.history.every((page) => page.stats.maxNodes < 1000 && page.stats.maxSetDataBytes < SETDATA_AUDIT_LIMIT)).toBe(true);
  });

  test('a dropped connection on submit shows the retry, and retrying creates exactly one application', async () => {
    const cloud = await newCloud();
    const harness = await openAs(OTHER_CITIZEN, 'packages/apply/form/index', { cloud });
    await fillForm(harness);
    await harness.tap('agree');
    const key = () => (JSON.parse(harness.storage.get('apply:draft') ?? '{}') as { v?: { idempotencyKey?: string } }).v?.idempotencyKey;
    const firstKey = key();
    expect(firstKey).toMatch(/^[A-Za-z0-9_-]{16,64}$/);

    // 1. The request never reaches the function.
    harness.failCloudCalls({ name: 'requests', action: 'submit' });
    await harness.tap('submit');
    expect(harness.page.route).toBe('packages/apply/form/index');
    expect(text(harness, 'submit-network-error')).toContain('网络连接失败');
    expect(harness.page.byId('submit-retry')).toBeDefined();
    expect(harness.page.get('submit').text).toBe('提交申请');
    expect(await listMine(cloud, OTHER_CITIZEN)).toHaveLength(0);

    // 2. The retry arrives and is stored, but its answer is lost on the way back.
    harness.failCloudCalls({ name: 'requests', action: 'submit', when: 'after' });
    await harness.tap('submit-retry');
    expect(harness.page.byId('submit-network-error')).toBeDefined();
    expect(await listMine(cloud, OTHER_CITIZEN)).toHaveLength(1);
    expect(key()).toBe(firstKey);

    // 3. The next retry gets the receipt of that same application.
    await harness.tap('submit-retry');
    expect(harness.page.route).toBe('packages/apply/receipt/index');
    expect(harness.page.byId('receipt-replayed')).toBeDefined();
    const mine = await listMine(cloud, OTHER_CITIZEN);
    expect(mine).toHaveLength(1);
    expect(text(harness, 'receipt-query-code')).toBe(mine[0]?.queryCode);
    const submits = cloud.calls.filter((call) => call.name === 'requests' && (call.data as { action?: string }).action === 'submit');
    expect(submits.map((call) => (call.data as { input: { idempotencyKey: string } }).input.idempotencyKey)).toEqual([firstKey, firstKey]);
  });
});

describe('one case through the staff console', () => {
  test('补正, answer, 审核通过, 延期 and its approval, 答复书 and its sign-off; the citizen sees the letter and every step', async () => {
    const clock = new CloudClock();
    const cloud = await newCloud(clock);
    const kase = await submitDirectly(cloud);
    const query = { id: kase.id };
    const staffState = (harness: WeappHarness) => text(harness, 'case-state');

    // Tuesday 4 March: the clerk asks for a correction (one notice listing every item).
    clock.nextDay();
    let harness = await openAs(CLERK, 'packages/staff/case/index', { cloud, query });
    expect(staffState(harness)).toBe('已登记，待审核');
    await harness.tap('cmd-requestCorrection');
    await harness.input('correction-items', '请写明工程项目的名称或项目编号\n请写明开标日期的大致范围');
    await harness.tap('action-submit');
    expect(staffState(harness)).toBe('待申请人补正');
    expect(harness.page.all({ dataset: { testid: 'correction-item' } }).map((node) => node.text)).toEqual(['1. 请写明工程项目的名称或项目编号', '2. 请写明开标日期的大致范围']);

    // Wednesday 5 March: the citizen answers on the case page.
    clock.nextDay();
    harness = await openAs(CITIZEN, 'packages/apply/case/index', { cloud, query });
    expect(text(harness, 'case-state')).toBe('待申请人补正');
    expect(harness.page.get('correction-items').all({ className: 'correction-item' })).toHaveLength(2);
    expect(harness.page.all({ dataset: { testid: 'deadline' } }).map((node) => [node.dataset.key, node.dataset.due])).toEqual([['correctionDue', '2025-03-25']]);
    await harness.input('correction-answer', '项目编号 ZBGG-2024-001，开标日期 2024 年 5 月');
    await harness.tap('correction-submit');
    expect(text(harness, 'case-state')).toBe('已登记，待审核');
    expect(text(harness, 'correction-answer-text')).toBe('项目编号 ZBGG-2024-001，开标日期 2024 年 5 月');
    expect(harness.page.byId('correction-form')).toBeUndefined();
    // Art. 30: the 20 working days restart from the day the correction arrived.
    expect(harness.page.get('deadline-reply').dataset.due).toBe('2025-04-02');

    // Thursday 6 March: the clerk accepts, then asks to extend the reply period.
    clock.nextDay();
    harness = await openAs(CLERK, 'packages/staff/case/index', { cloud, query });
    await harness.tap('cmd-accept');
    await harness.tap('action-submit');
    expect(staffState(harness)).toBe('办理中');
    await harness.tap('cmd-requestExtension');
    await harness.input('extension-reason', '所需信息涉及多个项目，需要调取归档材料');
    await harness.tap('action-submit');
    expect(staffState(harness)).toBe('办理中（延期待批准）');
    expect(text(harness, 'extension-status')).toBe('待审核人批准');
    expect(harness.page.byId('cmd-decideExtension')).toBeUndefined();

    // Friday 7 March: the reviewer approves; the reply period grows by 20 working days (清明 skipped,
    // the 调休 Sunday 27 April counted).
    clock.nextDay();
    harness = await openAs(REVIEWER, 'packages/staff/case/index', { cloud, query });
    await harness.tap('cmd-decideExtension');
    await harness.tap('extension-approve');
    expect(staffState(harness)).toBe('办理中');
    expect(text(harness, 'extension-status')).toBe('已批准');
    expect(harness.page.get('deadline-reply').dataset.due).toBe('2025-04-30');

    // Monday 10 March: the clerk drafts the reply, 予以公开, from the template.
    clock.nextDay(3);
    harness = await openAs(CLERK, 'packages/staff/case/index', { cloud, query });
    await harness.tap('cmd-draftReply');
    await harness.change('outcome-group', 0);
    const template = String(harness.page.get('reply-text').props.value);
    expect(template).toContain('政府信息公开申请答复书');
    expect(template).toContain('王小明：');
    expect(template).toContain('现予以公开');
    expect(harness.page.byId('outcome-row')).toBeUndefined();
    const letter = `${template}\n附件：开标记录（电子文档，可在小程序内查阅）`;
    await harness.input('reply-text', letter);
    await harness.tap('action-submit');
    expect(staffState(harness)).toBe('答复待审核');
    expect(text(harness, 'draft-text')).toBe(letter);

    // Tuesday 11 March: the reviewer signs it off, confirming the modal.
    clock.nextDay();
    const modals: string[] = [];
    harness = await openAs(REVIEWER, 'packages/staff/case/index', {
      cloud,
      query,
      modal: (options) => {
        modals.push(String(options.title));
        return { confirm: true };
      },
    });
    await harness.tap('cmd-decideReply');
    await harness.tap('reply-approve');
    expect(modals).toEqual(['签发答复书？']);
    expect(staffState(harness)).toBe('已答复');
    // Archiving is the clerk's: the reviewer has nothing left to do.
    expect(text(harness, 'no-commands')).toBe('当前没有您可以执行的操作。');
    expect(harness.page.stats.maxNodes).toBeLessThan(1000);
    expect(harness.page.stats.maxSetDataBytes).toBeLessThan(SETDATA_AUDIT_LIMIT);

    // The citizen opens the case: the letter in full and every public step.
    harness = await openAs(CITIZEN, 'packages/apply/case/index', { cloud, query });
    expect(text(harness, 'case-state')).toBe('已答复');
    expect(harness.page.byId('reply-letter')).toBeDefined();
    expect(text(harness, 'reply-outcome')).toBe('予以公开');
    expect(text(harness, 'reply-sent')).toBe('2025年3月11日');
    expect(text(harness, 'reply-text')).toBe(letter);
    expect(harness.page.byId('withdraw')).toBeUndefined();
    const timeline = harness.page.all({ dataset: { testid: 'timeline-entry' } });
    expect(timeline.map((entry) => [entry.dataset.step, entry.find({ className: 'timeline-date' })?.text, entry.find({ className: 'timeline-label' })?.text])).toEqual([
      ['登记', '2025年3月3日', '网上提交申请（收到申请之日）'],
      ['审核', '2025年3月4日', '一次性告知补正'],
      ['审核', '2025年3月5日', '收到补正材料，答复期限自此重新计算'],
      ['审核', '2025年3月6日', '审核通过，转入办理'],
      ['办理', '2025年3月7日', '延长答复期限 20 个工作日'],
      ['答复', '2025年3月11日', '出具政府信息公开申请答复书'],
    ]);
    expect(new Set(timeline.map((entry) => entry.dataset.step))).toEqual(new Set(['登记', '审核', '办理', '答复']));
    expect(harness.page.stats.maxNodes).toBeLessThan(1000);
    expect(harness.page.stats.maxSetDataBytes).toBeLessThan(SETDATA_AUDIT_LIMIT);

    // What the applicant was told along the way (the outbox the notify function sends from).
    const outbox = await requests<Array<{ audience: string; kind: string }>>(cloud, CLERK, 'outbox', { caseId: kase.id });
    expect(outbox.filter((item) => item.audience === 'applicant').map((item) => item.kind).reverse()).toEqual(['received', 'correctionNeeded', 'extended', 'replied']);
  });
});
