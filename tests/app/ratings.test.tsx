/** @jest-environment jsdom */
// 好差评 pages (packages/rate, packages/staff/ratings and the home page's floating entry) rendered
// against the real `ratings` handlers and a seeded store: a citizen's 非常不满意 with its reason, the
// clerk's answer on the staff page, the reply in 我的评价 and the rectification rate in the statistics.
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import Home from '@/pages/index/index';
import RateHome from '@/packages/rate/index/index';
import RateMine from '@/packages/rate/mine/index';
import RateStats from '@/packages/rate/stats/index';
import StaffRatings from '@/packages/staff/ratings/index';
import StaffQueue from '@/packages/staff/index/index';
import { setTransport } from '@/services/api';
import { TransportError, type Transport } from '@/services/transport';
import Taro from '@tarojs/taro';
import { navigations, resetTaroStandIn } from '../support/taro/taro';
import { inProcessTransport } from '../support/in-process-transport';
import { testDeps } from '../support/seeded-store';
import { caller, expectOk, PERSONA_OPENIDS, type PersonaName } from '../support/call';

type Deps = Awaited<ReturnType<typeof testDeps>>;

let deps: Deps;
let now: number;

/** The cloud's clock: Monday 23 November 2026, 10:00 in Shanghai (the client keeps the real date). */
beforeEach(async () => {
  resetTaroStandIn();
  deps = await testDeps();
  now = Date.parse('2026-11-23T02:00:00Z');
  deps.clock = { now: () => new Date(now) };
});
afterEach(() => setTransport(undefined));

function at(iso: string) {
  now = Date.parse(iso);
}

/** The app calls as this persona; `loseNextResponse` delivers a call but drops its answer. */
function as(persona: PersonaName): Transport & { calls: string[]; loseNextResponse: () => void } {
  const inner = inProcessTransport(deps, PERSONA_OPENIDS[persona]);
  let lose = 0;
  const transport = {
    calls: inner.calls,
    loseNextResponse: () => void (lose += 1),
    async send(functionName: string, event: Parameters<Transport['send']>[1]) {
      const answer = await inner.send(functionName, event);
      if (lose > 0) {
        lose -= 1;
        throw new TransportError('connection dropped after the request was sent');
      }
      return answer;
    },
  };
  setTransport(transport);
  return transport;
}

function el<T extends Element = HTMLElement>(container: HTMLElement, selector: string): T {
  const found = container.querySelector<T & Element>(selector);
  if (!found) throw new Error(`nothing matches ${selector}`);
  return found;
}
const text = (container: HTMLElement, selector: string) => container.querySelector(selector)?.textContent ?? null;
const change = (container: HTMLElement, selector: string, value: string) => fireEvent.change(el(container, selector), { target: { value } });
async function tap(container: HTMLElement, selector: string) {
  await act(async () => {
    fireEvent.click(el(container, selector));
  });
}

const REASON = '开标推迟四十分钟，现场没有任何说明';
const REPLY = '经核实，因系统故障导致开标推迟；已增加现场告知流程，并向您致歉。';

describe('a bad rating from the sheet to the rectification', () => {
  it('needs a reason, survives a dropped answer, is answered by the clerk and counts as rectified', async () => {
    // 市民乙 has rated the website the same morning, with a comment held for moderation.
    const call = caller(deps);
    expectOk(
      await call('other', 'ratings', 'submit', {
        idempotencyKey: 'rating-ui-test-00000001',
        rating: { serviceItem: 'website', serviceDate: '2026-11-23', level: 5, indicators: ['平台好用'], comment: '好用，有需要的加微信联系', display: 'anonymous' },
      }),
    );

    // The citizen fills the sheet.
    const citizen = as('owner');
    const sheet = render(<RateHome />);
    const c = sheet.container;
    await waitFor(() => expect(c.querySelector('#rate-level-1')).toBeTruthy());
    expect(c.querySelector('[data-testid=rate-home]')).toBeTruthy();
    expect([...c.querySelectorAll('[id^=rate-level-]')].map((node) => `${node.id}:${node.textContent}`)).toEqual([
      'rate-level-5:非常满意★★★★★',
      'rate-level-4:满意★★★★',
      'rate-level-3:基本满意★★★',
      'rate-level-2:不满意★★',
      'rate-level-1:非常不满意★',
    ]);
    expect(text(c, '#hint-serviceDate')).toContain('办事后 5 个工作日内可以补充评价');
    fireEvent.click(el(c, '#rate-item-bidOpening'));
    change(c, '#field-transactionRef', 'ZBGGZY-2026-1123');
    change(c, '#field-serviceDate [data-picker-control]', '2026-11-23');
    expect(text(c, '#field-serviceDate-value')).toBe('2026年11月23日（今天）'); // the server's date
    fireEvent.click(el(c, '#rate-level-5'));
    expect(text(c, '#indicator-0')).toBe('办事效率高');
    fireEvent.click(el(c, '#indicator-0'));
    // Switching to a bad level offers the bad indicators and drops the good one.
    fireEvent.click(el(c, '#rate-level-1'));
    expect(el(c, '#rate-level-1').getAttribute('aria-checked')).toBe('true');
    expect(text(c, '#indicator-4')).toBe('服务态度差');
    expect(c.querySelectorAll('[id^=indicator-][aria-checked=true]')).toHaveLength(0);
    fireEvent.click(el(c, '#indicator-0'));
    fireEvent.click(el(c, '#indicator-4'));
    expect(text(c, '#label-comment')).toContain('（必填）');

    // Without a reason: an inline error, nothing sent.
    await tap(c, '#rate-submit');
    expect(text(c, '#error-comment')).toContain('差评请写明原因（至少 5 个字）');
    expect(c.querySelector('#rate-done')).toBeNull();
    expect(citizen.calls.filter((name) => name === 'ratings.submit')).toHaveLength(0);

    change(c, '#field-comment', REASON);
    expect(c.querySelector('#error-comment')).toBeNull();
    fireEvent.click(el(c, '#display-realName'));
    await tap(c, '#rate-submit');
    expect(text(c, '#error-realName')).toBe('！实名展示请填写姓名');
    change(c, '#field-realName', '李小明');
    expect(c.querySelector('#error-realName')).toBeNull();

    // The rating arrives but the answer is lost: the key is kept, and the retry shows that rating.
    citizen.loseNextResponse();
    await tap(c, '#rate-submit');
    await waitFor(() => expect(c.querySelector('#submit-network-error')).toBeTruthy());
    const stored = Taro.getStorageSync('rate:draft') as { key: string; draft: { comment: string } };
    expect(stored.draft.comment).toBe(REASON);
    await tap(c, '#rate-submit');
    await waitFor(() => expect(c.querySelector('#rate-done')).toBeTruthy());
    expect(citizen.calls.filter((name) => name === 'ratings.submit')).toHaveLength(2);
    expect(text(c, '#rate-done')).toContain('您的评价此前已提交成功');
    expect(text(c, '#rate-done-level')).toBe('开标：非常不满意');
    expect(el(c, '#rate-done-rectification').getAttribute('data-due')).toBe('2026-11-30');
    expect(text(c, '#rate-done-rectification')).toContain('2026年11月30日 前核实整改并答复您');
    expect(text(c, '#rate-done-moderation')).toContain('评价内容已公开');
    expect(Taro.getStorageSync('rate:draft')).toBe('');
    const mine = expectOk(await call('owner', 'ratings', 'listMine', {}));
    expect(mine).toHaveLength(1);
    const id: string = mine[0].id;
    sheet.unmount();

    // Wednesday 2 December: two working days past the deadline, the clerk opens the staff page.
    at('2026-12-02T02:00:00Z');
    as('clerk');
    const staff = render(<StaffRatings />);
    const s = staff.container;
    await waitFor(() => expect(s.querySelectorAll('[data-testid=rating-case]')).toHaveLength(2));
    expect(s.querySelector('[data-testid=staff-ratings]')).toBeTruthy();
    const kase = () => el(s, `#rating-case-${id}`);
    // Bad ratings first, by deadline; then the comment held for moderation.
    expect(s.querySelectorAll('[data-testid=rating-case]')[0]!.id).toBe(`rating-case-${id}`);
    expect(kase().textContent).toContain('非常不满意 · 开标');
    expect(kase().textContent).toContain(REASON);
    expect(kase().textContent).toContain('李*明');
    expect(kase().textContent).not.toContain('李小明');
    expect(kase().textContent).toContain('整改答复期限 2026-11-30');
    expect(text(s, `#rating-case-${id} [data-testid=rating-overdue]`)).toBe('已超期 2 个工作日');
    expect(text(s, `#rating-case-${id} [data-testid=rating-provincial]`)).toBe('省好差评系统：待报送省平台');
    expect([...kase().querySelectorAll('[data-testid=rating-history]')].map((node) => node.textContent)).toEqual(['2026-11-23 10:00 · 评价人 · 提交差评，进入整改']);
    expect([...kase().querySelectorAll('[data-command]')].map((node) => node.getAttribute('data-command'))).toEqual(['answer', 'appeal']);
    const held = s.querySelectorAll('[data-testid=rating-case]')[1]!;
    expect(held.textContent).toContain('评价内容待审核');
    expect([...held.querySelectorAll('[data-command]')].map((node) => node.getAttribute('data-command'))).toEqual(['moderate']);
    expect(el(s, '#rating-count-overdue').getAttribute('data-count')).toBe('1');
    expect(el(s, '#rating-count-moderation').getAttribute('data-count')).toBe('1');

    // The answer: too short first (the contract's message inline), then sent.
    await tap(s, `#cmd-answer-${id}`);
    await tap(s, '#rating-answer-submit');
    expect(text(s, `#rating-case-${id} #rating-action-error`)).toBe('请写明核实整改情况（至少 5 个字）');
    change(s, '#rating-answer-text', REPLY);
    await tap(s, '#rating-answer-submit');
    await waitFor(() => expect(text(s, '#rating-action-done')).toContain('已完成：答复整改情况'));
    expect(s.querySelector('#rating-action-error')).toBeNull();
    expect(kase().getAttribute('data-state')).toBe('answered');
    expect(kase().textContent).toContain('已整改答复，待回访');
    expect(kase().textContent).toContain(REPLY);
    expect(kase().querySelector('[data-testid=rating-overdue]')).toBeNull();
    expect([...kase().querySelectorAll('[data-command]')].map((node) => node.getAttribute('data-command'))).toEqual(['visit']);
    staff.unmount();

    // The citizen's 我的评价 shows the reply.
    as('owner');
    const minePage = render(<RateMine />);
    const m = minePage.container;
    await waitFor(() => expect(m.querySelectorAll('[data-testid=my-rating]')).toHaveLength(1));
    const mineRow = el(m, '[data-testid=my-rating]');
    expect(mineRow.textContent).toContain('非常不满意 · 开标');
    expect(mineRow.textContent).toContain('办事日期 2026年11月23日');
    expect(mineRow.textContent).toContain('整改情况：已整改答复，待回访');
    expect(mineRow.textContent).toContain('答复期限 2026年11月30日，已于 2026年12月2日 答复');
    expect(text(m, '[data-testid=rating-reply]')).toBe(REPLY);
    minePage.unmount();

    // The statistics: both ratings, one bad and rectified (100%), the 673 from the 2023 report.
    as('anonymous');
    const statsPage = render(<RateStats />);
    const st = statsPage.container;
    await waitFor(() => expect(st.querySelector('#stats-total')).toBeTruthy());
    expect(text(st, '#stats-total')).toContain('2 条');
    expect(text(st, '#stats-satisfaction')).toContain('50%');
    expect(text(st, '#stats-rectification')).toContain('100%');
    expect(text(st, '#stats-rectification')).toContain('平均 9 天答复');
    expect(text(st, '#stats-imported')).toContain('673');
    expect(text(st, '#stats-imported')).toContain('2023年政府信息公开工作年度报告');
    const bars = (chart: string) => [...st.querySelectorAll(`#chart-${chart} [data-testid=chart-bar]`)].map((bar) => `${bar.getAttribute('data-key')}=${bar.getAttribute('data-value')}`);
    expect(bars('level')).toEqual(['非常满意=1', '满意=0', '基本满意=0', '不满意=0', '非常不满意=1']);
    expect(bars('item')).toEqual(['交易服务=0', '开标=1', '网站与小程序=1', '办事指南=0', '依申请公开=0', '咨询服务=0']);
    expect(bars('month')).toEqual(['2026-11=2']);
    expect(el(st, '#chart-level [data-key=非常满意] .rate-bar-fill').getAttribute('style')).toContain('width: 100%');
    expect(el(st, '#chart-level [data-key=满意] .rate-bar-fill').getAttribute('style')).toContain('width: 0%');
    await waitFor(() => expect(st.querySelectorAll('[data-testid=public-rating]')).toHaveLength(2));
    const publicText = [...st.querySelectorAll('[data-testid=public-rating]')].map((node) => node.textContent ?? '');
    expect(publicText.some((t) => t.includes('李*明') && t.includes(REASON) && t.includes(REPLY))).toBe(true);
    expect(publicText.some((t) => t.includes('匿名用户') && t.includes('评价内容审核中') && !t.includes('加微信'))).toBe(true);
    expect(publicText.join('')).not.toContain('李小明');
  });

  it('shows the server’s refusal of a late rating under the date, and links to 我的评价 and 评价统计', async () => {
    as('owner');
    const { container: c } = render(<RateHome />);
    await waitFor(() => expect(c.querySelector('#rate-level-4')).toBeTruthy());
    fireEvent.click(el(c, '#rate-item-trading'));
    change(c, '#field-serviceDate [data-picker-control]', '2026-11-02');
    fireEvent.click(el(c, '#rate-level-4'));
    await tap(c, '#rate-submit');
    await waitFor(() => expect(text(c, '#error-serviceDate')).toContain('已超过补充评价期限'));
    expect(c.querySelector('#rate-done')).toBeNull();
    fireEvent.click(el(c, '#rate-mine'));
    fireEvent.click(el(c, '#rate-stats'));
    expect(navigations).toEqual(['/packages/rate/mine/index', '/packages/rate/stats/index']);
  });
});

describe('staff page', () => {
  it('shows the server’s message and reloads when another clerk acted first', async () => {
    const call = caller(deps);
    const { rating } = expectOk(
      await call('owner', 'ratings', 'submit', {
        idempotencyKey: 'rating-ui-test-00000002',
        rating: { serviceItem: 'trading', serviceDate: '2026-11-23', level: 2, indicators: ['办事效率低'], comment: '保证金退还太慢了', display: 'anonymous' },
      }),
    );
    as('clerk');
    const { container: s } = render(<StaffRatings />);
    await waitFor(() => expect(s.querySelector(`#rating-case-${rating.id}`)).toBeTruthy());
    const [kase] = expectOk(await call('clerk', 'ratings', 'cases', {}));
    expectOk(await call('clerk', 'ratings', 'act', { id: rating.id, expectedVersion: kase.version, command: { type: 'answer', reply: '已核实并加快退还流程，现已退还。' } }));

    await tap(s, `#cmd-answer-${rating.id}`);
    change(s, '#rating-answer-text', '另一位受理员写的答复内容');
    await tap(s, '#rating-answer-submit');
    await waitFor(() => expect(el(s, `#rating-case-${rating.id}`).getAttribute('data-state')).toBe('answered'));
    expect(text(s, '#rating-action-error')).toBe('该评价已被更新，请刷新后再操作');
    expect([...el(s, `#rating-case-${rating.id}`).querySelectorAll('[data-command]')].map((node) => node.getAttribute('data-command'))).toEqual(['visit']);
  });

  it('is for staff only, and the staff queue links to it', async () => {
    as('owner');
    const citizen = render(<StaffRatings />);
    expect(await screen.findByText('仅限工作人员使用')).toBeTruthy();
    expect(citizen.container.querySelectorAll('[data-testid=rating-case]')).toHaveLength(0);
    citizen.unmount();

    as('clerk');
    const { container } = render(<StaffQueue />);
    await waitFor(() => expect(container.querySelector('#count-open')).toBeTruthy());
    fireEvent.click(el(container, '#staff-ratings'));
    expect(navigations).toEqual(['/packages/staff/ratings/index']);
  });

  it('shows closed cases only with 含已办结', async () => {
    const call = caller(deps);
    const { rating } = expectOk(
      await call('owner', 'ratings', 'submit', {
        idempotencyKey: 'rating-ui-test-00000003',
        rating: { serviceItem: 'guides', serviceDate: '2026-11-23', level: 1, indicators: ['办事指南不准确'], comment: '办事指南的材料清单过时', display: 'anonymous' },
      }),
    );
    let [kase] = expectOk(await call('clerk', 'ratings', 'cases', {}));
    expectOk(await call('clerk', 'ratings', 'act', { id: rating.id, expectedVersion: kase.version, command: { type: 'answer', reply: '已更新办事指南的材料清单。' } }));
    [kase] = expectOk(await call('clerk', 'ratings', 'cases', {}));
    expectOk(await call('clerk', 'ratings', 'act', { id: rating.id, expectedVersion: kase.version, command: { type: 'visit', note: '电话回访，评价人表示认可' } }));

    as('clerk');
    const { container: s } = render(<StaffRatings />);
    await waitFor(() => expect(s.querySelector('#rating-cases-empty')).toBeTruthy());
    fireEvent.click(el(s, '#include-closed'));
    await waitFor(() => expect(s.querySelector(`#rating-case-${rating.id}`)).toBeTruthy());
    expect(el(s, `#rating-case-${rating.id}`).textContent).toContain('已回访办结');
    expect(el(s, `#rating-case-${rating.id}`).querySelectorAll('[data-testid=rating-history]')).toHaveLength(3);
  });
});

describe('the floating 好差评 entry on the home page', () => {
  it('opens the rating sheet, and is hidden in 长辈版', async () => {
    as('owner');
    const { container, unmount } = render(<Home />);
    await screen.findByText('淄博市公共资源交易中心');
    const float = el(container, '#rate-float');
    expect(float.getAttribute('aria-label')).toBe('好差评：评价我们的服务');
    expect(float.textContent).toBe('评价');
    fireEvent.click(float);
    expect(navigations).toEqual(['/packages/rate/index/index']);

    fireEvent.click(screen.getByRole('switch'));
    expect(el(container, '[data-testid=home]').className).toBe('page elder');
    expect(container.querySelector('#rate-float')).toBeNull();
    unmount();

    // Opened again in 长辈版: no floating entry at all.
    const again = render(<Home />);
    await screen.findByText('淄博市公共资源交易中心');
    expect(el(again.container, '[data-testid=home]').className).toBe('page elder');
    expect(again.container.querySelector('#rate-float')).toBeNull();
  });
});

describe('the rectification deadline setting', () => {
  it('the admin changes it on the staff page and new bad ratings follow it', async () => {
    const deps = await testDeps();
    deps.clock = { now: () => new Date('2026-03-02T02:00:00Z') };
    setTransport(inProcessTransport(deps, 'local-staff-admin'));
    const { container } = render(<StaffRatings />);
    await waitFor(() => expect((container.querySelector('#rating-settings-days input, #rating-settings-days') as HTMLInputElement | null)?.value).toBe('5'));
    const input = (container.querySelector('#rating-settings-days input') ?? container.querySelector('#rating-settings-days')) as HTMLInputElement;
    fireEvent.input(input, { target: { value: '15' } });
    await act(async () => {
      fireEvent.click(container.querySelector('#rating-settings-save')!);
    });
    await waitFor(() => expect(container.querySelector('#rating-settings-message')?.textContent).toContain('15 个工作日'));
    const answer = await inProcessTransport(deps, 'local-citizen-a').send('ratings', {
      action: 'submit',
      input: { idempotencyKey: 'setting-ui-0000000001', rating: { serviceItem: 'website', serviceDate: '2026-03-02', level: 2, indicators: ['平台不好用'], comment: '页面加载很慢很慢', display: 'anonymous' } },
    });
    expect(answer).toMatchObject({ ok: true, data: { rating: { rectification: { due: '2026-03-23' } } } });
  });
});
