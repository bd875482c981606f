/** @jest-environment jsdom */
// 交易公告 and 开标大厅 rendered against the real `trading` handlers and the seeded demo projects.
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import TradingList from '@/packages/trading/list/index';
import TradingChain from '@/packages/trading/chain/index';
import TradingHall from '@/packages/trading/hall/index';
import TradingStats from '@/packages/trading/stats/index';
import { NOTICE_STAGES } from '@/contracts/trading';
import { setTransport } from '@/services/api';
import type { Transport } from '@/services/transport';
import { navigations, resetTaroStandIn, setRouterParams } from '../support/taro/taro';
import { inProcessTransport } from '../support/in-process-transport';
import { testDeps } from '../support/seeded-store';

let transport: ReturnType<typeof inProcessTransport>;

/** What the handlers answer, read through the same transport as the pages. */
async function ask<T>(action: string, input: unknown): Promise<T> {
  const answer = (await transport.send('trading', { action, input })) as { ok: boolean; data: T };
  expect(answer.ok).toBe(true);
  return answer.data;
}

beforeEach(async () => {
  resetTaroStandIn();
  const deps = await testDeps();
  // The demo openings are seeded around the real current date: read "today" on the same clock.
  transport = inProcessTransport({ ...deps, clock: { now: () => new Date() } });
  setTransport(transport);
});

afterEach(() => {
  setTransport(undefined);
  jest.restoreAllMocks();
});

const stageOrder = (stage: string | null) => NOTICE_STAGES.findIndex((s) => s.key === stage);

describe('交易公告 list', () => {
  it('shows projects newest first with their furthest stage, loads more with the cursor, and filters by type', async () => {
    const all = await ask<{ items: Array<{ id: string }>; nextCursor: string | null }>('listProjects', { limit: 50 });
    const { container } = render(<TradingList />);
    const rows = () => [...container.querySelectorAll('[data-testid=project]')];
    await waitFor(() => expect(rows()).toHaveLength(10));
    const first = rows()[0]!;
    expect(first.id).toBe(`project-${all.items[0]!.id}`);
    expect(first.querySelector('[data-testid=project-stage]')!.textContent).toMatch(/公告|公示/);
    expect(first.querySelector('[data-testid=project-code]')!.textContent).toMatch(/^项目编号 ZBGGZY-/);
    expect(first.textContent).toMatch(/公告 \d+ 条/);
    expect(first.querySelector('[data-testid=demo-badge]')).not.toBeNull();

    fireEvent.click(container.querySelector('#load-more')!);
    await waitFor(() => expect(rows()).toHaveLength(all.items.length));
    expect(rows().map((row) => row.id)).toEqual(all.items.map((item) => `project-${item.id}`));
    expect(container.querySelector('#load-more')).toBeNull();
    expect(screen.getByText('已显示全部')).toBeTruthy();

    fireEvent.click(container.querySelector('#type-procurement')!);
    await waitFor(() => expect(rows().length).toBeGreaterThan(0));
    await waitFor(() => expect(rows().every((row) => row.textContent!.includes('政府采购'))).toBe(true));
    expect(container.querySelector('#type-procurement')!.getAttribute('aria-selected')).toBe('true');

    fireEvent.click(rows()[0]!);
    expect(navigations[0]).toMatch(/^\/packages\/trading\/chain\/index\?id=demo-prj-\d{3}$/);
  });
});

describe('一链式 chain', () => {
  it('shows the project header, its notices in stage order and the stages not reached yet', async () => {
    const chain = await ask<{ name: string; notices: Array<{ stage: string }>; pendingStages: Array<{ stage: string }> }>('getChain', { projectId: 'demo-prj-001' });
    setRouterParams({ id: 'demo-prj-001' });
    const { container } = render(<TradingChain />);
    await waitFor(() => expect(container.querySelector('#chain-name')).not.toBeNull());
    expect(container.querySelector('#chain-name')!.textContent).toContain(chain.name);
    expect(container.querySelector('#chain-code')!.textContent).toMatch(/^ZBGGZY-/);
    expect(container.querySelector('#chain-owner')).not.toBeNull();
    expect(container.querySelector('#chain-room')!.textContent).toMatch(/开标.室/);

    const stages = [...container.querySelectorAll('[data-testid=chain-notice]')].map((el) => el.getAttribute('data-stage'));
    expect(stages).toEqual(chain.notices.map((n) => n.stage));
    expect(stages.map(stageOrder)).toEqual([...stages.map(stageOrder)].sort((a, b) => a - b));
    expect(stages[0]).toBe('tender');

    const pending = [...container.querySelectorAll('[data-testid=chain-pending]')];
    expect(pending.map((el) => el.getAttribute('data-stage'))).toEqual(chain.pendingStages.map((s) => s.stage));
    expect(pending.length).toBeGreaterThan(0);
    pending.forEach((el) => expect(el.textContent).toContain('尚未发布'));

    // Only the latest notice is open at first; the tender notice opens on demand.
    const tender = container.querySelector('[data-testid=chain-notice][data-stage=tender]')!;
    expect(tender.textContent).not.toContain('【演示内容】');
    fireEvent.click(tender.querySelector('[role=button]')!);
    expect(tender.textContent).toContain('开标时间');
  });

  it('says so when the project does not exist', async () => {
    setRouterParams({ id: 'no-such-project' });
    render(<TradingChain />);
    expect(await screen.findByText('未找到该交易项目')).toBeTruthy();
  });
});

describe('开标大厅', () => {
  it("lists today's openings with their status in words, refreshes every minute and on 刷新", async () => {
    const setIntervalSpy = jest.spyOn(global, 'setInterval');
    const clearIntervalSpy = jest.spyOn(global, 'clearInterval');
    const today = await ask<{ date: string; openings: Array<{ projectId: string; time: string; status: string; statusLabel: string }> }>('todayOpenings', {});
    expect(today.openings.length).toBeGreaterThan(0);

    const { container, unmount } = render(<TradingHall />);
    const rows = () => [...container.querySelectorAll('[data-testid=opening]')];
    await waitFor(() => expect(rows()).toHaveLength(today.openings.length));
    expect(container.querySelector('#hall-date')!.getAttribute('data-date')).toBe(today.date);
    const [year, month, day] = today.date.split('-');
    expect(container.querySelector('#hall-date')!.textContent).toContain(`${year}年${Number(month)}月${Number(day)}日`);
    expect(rows().map((row) => row.id)).toEqual(today.openings.map((o) => `opening-${o.projectId}`));
    expect(rows().map((row) => row.getAttribute('data-status'))).toEqual(today.openings.map((o) => o.status));
    const labels = rows().map((row) => row.querySelector('[data-testid=opening-status]')!.textContent);
    expect(labels).toEqual(today.openings.map((o) => o.statusLabel));
    labels.forEach((label) => expect(['待开标', '开标中', '已开标']).toContain(label));
    expect(rows()[0]!.querySelector('[data-testid=opening-time]')!.textContent).toBe(today.openings[0]!.time);
    expect(rows()[0]!.querySelector('[data-testid=opening-room]')!.textContent).toMatch(/开标.室/);

    expect(setIntervalSpy).toHaveBeenCalledWith(expect.any(Function), 60_000);
    const before = transport.calls.filter((c) => c === 'trading.todayOpenings').length;
    await act(async () => {
      fireEvent.click(container.querySelector('#hall-refresh')!);
    });
    await waitFor(() => expect(transport.calls.filter((c) => c === 'trading.todayOpenings').length).toBe(before + 1));

    fireEvent.click(rows()[0]!);
    expect(navigations).toEqual([`/packages/trading/chain/index?id=${today.openings[0]!.projectId}`]);

    unmount();
    expect(clearIntervalSpy).toHaveBeenCalled();
  });

  it('says 今日无开标项目 on a day without openings', async () => {
    const empty: Transport = {
      async send(functionName, event) {
        if (functionName === 'trading' && event.action === 'todayOpenings') return { ok: true, data: { date: '2026-11-29', now: '2026-11-29T04:00:00.000Z', openings: [] } };
        return transport.send(functionName, event);
      },
    };
    setTransport(empty);
    render(<TradingHall />);
    expect(await screen.findByText('今日无开标项目')).toBeTruthy();
    expect(screen.getByText('2026年11月29日 开标安排')).toBeTruthy();
  });
});

describe('market players', () => {
  type Summary = { id: string; name: string; code: string; district: string; districtLabel: string; badge: { label: string } };
  it('filters the list by keyword, stage, district and date, shows each project’s badge and district, and clears', async () => {
    const all = await ask<{ items: Summary[] }>('listProjects', { limit: 50 });
    const { container } = render(<TradingList />);
    const rows = () => [...container.querySelectorAll('[data-testid=project]')];
    await waitFor(() => expect(rows()).toHaveLength(10));
    expect(rows()[0]!.querySelector('[data-testid=project-badge]')!.textContent).toBe(all.items[0]!.badge.label);
    expect(rows()[0]!.querySelector('[data-testid=project-district]')!.textContent).toBe(all.items[0]!.districtLabel);

    fireEvent.change(container.querySelector('#trading-keyword')!, { target: { value: '采购' } });
    fireEvent.click(container.querySelector('#trading-search')!);
    const procurement = all.items.filter((p) => p.name.includes('采购'));
    await waitFor(() => expect(rows().map((r) => r.id)).toEqual(procurement.slice(0, 10).map((p) => `project-${p.id}`)));

    fireEvent.change(container.querySelector('#filter-district [data-picker-control]')!, { target: { value: '6' } }); // 临淄 (after 全部地区, 市本级, 张店, 淄川, 博山, 周村)
    await waitFor(() => expect(container.querySelector('#filter-district-value')!.textContent).toBe('临淄'));
    const both = procurement.filter((p) => p.district === 'linzi');
    await waitFor(() => expect(rows().map((r) => r.id)).toEqual(both.map((p) => `project-${p.id}`)));
    if (both.length === 0) expect(screen.getByText('没有符合筛选条件的交易项目')).toBeTruthy();

    fireEvent.click(container.querySelector('#filter-clear')!);
    await waitFor(() => expect(rows()).toHaveLength(10));
    expect((container.querySelector('#trading-keyword') as HTMLInputElement).value).toBe('');

    fireEvent.change(container.querySelector('#filter-stage [data-picker-control]')!, { target: { value: '4' } }); // 中标（成交）结果公告
    await waitFor(() => expect(rows().length).toBeGreaterThan(0));
    await waitFor(() => expect(rows().every((r) => r.getAttribute('data-stage') === 'result')).toBe(true));
    fireEvent.change(container.querySelector('#filter-to [data-picker-control]')!, { target: { value: '2000-01-01' } });
    expect(await screen.findByText('没有符合筛选条件的交易项目')).toBeTruthy();

    fireEvent.click(container.querySelector('#trading-stats')!);
    expect(navigations).toContain('/packages/trading/stats/index');
  });

  it('shows the badge and the masked bidder on the chain, and follows the project with a switch', async () => {
    const chain = await ask<{ id: string; badge: { label: string }; notices: Array<{ stage: string; bidders?: string[] }> }>('getChain', { projectId: 'demo-prj-004' });
    expect(chain.notices.map((n) => n.stage)).toEqual(['tender', 'change']);
    setRouterParams({ id: 'demo-prj-004' });
    const { container } = render(<TradingChain />);
    await waitFor(() => expect(container.querySelector('#chain-badge')).not.toBeNull());
    expect(container.querySelector('#chain-badge')!.textContent).toBe(chain.badge.label);
    expect(container.querySelector('#chain-district')!.textContent).toMatch(/^(市本级|张店|淄川|博山|周村|临淄|桓台|高青|沂源)$/);
    expect(container.querySelector('[data-testid=notice-bidders]')!.textContent).toMatch(/^涉及投标人：淄博\*{4}有限公司/);
    expect(container.querySelector('#chain-masked-note')).not.toBeNull();

    const toggle = () => container.querySelector('#follow-project')!;
    await waitFor(() => expect(toggle().getAttribute('aria-checked')).toBe('false'));
    expect(toggle().textContent).toBe('关注此项目');
    fireEvent.click(toggle());
    await waitFor(() => expect(toggle().getAttribute('aria-checked')).toBe('true'));
    expect(toggle().textContent).toContain('已关注此项目');
    const mine = (await transport.send('subscriptions', { action: 'mine', input: {} })) as { data: { follows: Array<{ projectId?: string }> } };
    expect(mine.data.follows.map((f) => f.projectId)).toContain('demo-prj-004');
    fireEvent.click(toggle());
    await waitFor(() => expect(toggle().getAttribute('aria-checked')).toBe('false'));
  });

  it('shows the candidate publicity countdown with its objection deadline', async () => {
    const fixed: Transport = {
      async send(functionName, event) {
        const answer = (await transport.send(functionName, event)) as { ok: boolean; data: { notices: Array<Record<string, unknown>> } };
        if (functionName === 'trading' && event.action === 'getChain' && answer.ok) {
          answer.data.notices = answer.data.notices.map((n) => (n.stage === 'candidates' ? { ...n, publicity: { endsOn: '2026-03-23', objectionDeadline: '2026-03-23', daysLeft: 2, text: '公示期剩余 2 天，异议截止 2026-03-23' } } : n));
        }
        return answer;
      },
    };
    setTransport(fixed);
    setRouterParams({ id: 'demo-prj-005' });
    const { container } = render(<TradingChain />);
    await waitFor(() => expect(container.querySelector('[data-testid=publicity]')).not.toBeNull());
    expect(container.querySelector('[data-testid=publicity]')!.textContent).toBe('公示期剩余 2 天，异议截止 2026-03-23');
  });
});

describe('交易统计', () => {
  it('shows today’s notices and bars for type, district and 12 months, each with its number in text', async () => {
    const stats = await ask<{ todayNotices: number; totalProjects: number; byType: Array<{ count: number }>; byDistrict: Array<{ label: string; count: number }>; monthly: Array<{ count: number }> }>('stats', {});
    const { container } = render(<TradingStats />);
    await waitFor(() => expect(container.querySelector('#stats-today')).not.toBeNull());
    expect(container.querySelector('#stats-today')!.textContent).toBe(`${stats.todayNotices} 条`);
    expect(container.querySelector('#stats-total')!.textContent).toBe(`${stats.totalProjects} 个`);
    const typeRows = [...container.querySelectorAll('[data-testid=stats-type-row]')];
    expect(typeRows.map((r) => Number(r.getAttribute('data-value')))).toEqual(stats.byType.map((t) => t.count));
    const districtRows = [...container.querySelectorAll('[data-testid=stats-district-row]')];
    expect(districtRows.map((r) => r.textContent)).toEqual(stats.byDistrict.map((d) => `${d.label}${d.count} 个`));
    const months = [...container.querySelectorAll('[data-testid=stats-monthly-row]')];
    expect(months).toHaveLength(12);
    expect(months.map((r) => r.textContent!.endsWith(' 条'))).toEqual(Array(12).fill(true));
    // The bars are decoration: hidden from screen readers, their numbers are in text.
    expect(container.querySelectorAll('.td-bar-track[aria-hidden=true]')).toHaveLength(typeRows.length + districtRows.length + 12);
  });
});
