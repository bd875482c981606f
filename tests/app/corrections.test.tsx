/** @jest-environment jsdom */
// 找错 pages (the entry on a content page, packages/feedback, packages/staff/corrections), the
// 更新雷达 and the catalogue detail's 有效性 link, rendered against the real handlers and a seeded store.
import { act, fireEvent, render, waitFor } from '@testing-library/react';
import CatalogueDetail from '@/packages/catalogue/detail/index';
import FeedbackForm from '@/packages/feedback/form/index';
import FeedbackMine from '@/packages/feedback/mine/index';
import StaffCorrections from '@/packages/staff/corrections/index';
import StaffFreshness from '@/packages/staff/freshness/index';
import StaffQueue from '@/packages/staff/index/index';
import { currentRoute } from '@/components/ReportError';
import { setTransport } from '@/services/api';
import { navigations, resetTaroStandIn, setRouterParams } from '../support/taro/taro';
import { inProcessTransport } from '../support/in-process-transport';
import { testDeps } from '../support/seeded-store';
import { caller, expectOk, PERSONA_OPENIDS, type PersonaName } from '../support/call';

type Deps = Awaited<ReturnType<typeof testDeps>>;
let deps: Deps;

beforeEach(async () => {
  resetTaroStandIn();
  deps = await testDeps();
  deps.clock = { now: () => new Date('2026-03-02T02:00:00Z') };
});
afterEach(() => setTransport(undefined));

function as(persona: PersonaName) {
  setTransport(inProcessTransport(deps, PERSONA_OPENIDS[persona]));
}
function el(container: HTMLElement, selector: string): HTMLElement {
  const found = container.querySelector<HTMLElement>(selector);
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

it('builds the page route from the router, without its private parameters', () => {
  expect(currentRoute('packages/catalogue/detail/index', { id: 'demo-gzzd-00001', $taroTimestamp: '1' })).toBe('/packages/catalogue/detail/index?id=demo-gzzd-00001');
  expect(currentRoute('/packages/report/detail/index?year=2023', { year: '2023', stamp: '9' })).toBe('/packages/report/detail/index?year=2023');
});

describe('a 找错 report from a catalogue page', () => {
  it('is filed from the page, handled by the clerk and read by the reporter', async () => {
    as('owner');
    setRouterParams({ id: 'demo-gzzd-00001' });
    const page = render(<CatalogueDetail />);
    await waitFor(() => expect(page.container.querySelector('#report-error')).toBeTruthy());
    const title = text(page.container, '#item-title')!;
    await tap(page.container, '#report-error');
    expect(navigations[0]).toMatch(/^\/packages\/feedback\/form\/index\?route=.*&title=/);
    expect(decodeURIComponent(navigations[0]!.split('&title=')[1]!)).toBe(title);
    page.unmount();

    setRouterParams({ route: encodeURIComponent('/packages/catalogue/detail/index?id=demo-gzzd-00001'), title: encodeURIComponent(title) });
    const form = render(<FeedbackForm />);
    const c = form.container;
    expect(text(c, '#feedback-page-title')).toBe(title);
    await tap(c, '#feedback-submit');
    expect(text(c, '#error-quote')).toContain('请摘录有错误的原文');
    change(c, '#field-quote', '自发布之日起施行');
    change(c, '#field-problem', '与第十条的施行日期不一致');
    change(c, '#field-contact', '13800138000');
    await tap(c, '#feedback-submit');
    await waitFor(() => expect(c.querySelector('#feedback-done')).toBeTruthy());
    expect(el(c, '#feedback-done-due').getAttribute('data-due')).toBe('2026-03-05');
    form.unmount();

    as('clerk');
    const staff = render(<StaffCorrections />);
    await waitFor(() => expect(staff.container.querySelectorAll('[data-testid=staff-correction]')).toHaveLength(1));
    const card = staff.container.querySelector<HTMLElement>('[data-testid=staff-correction]')!;
    expect(card.textContent).toContain('138****8000');
    expect(card.textContent).not.toContain('13800138000');
    const id = card.id.replace(/^correction-/, '');
    change(staff.container, `#correction-reply-${id}`, '已核实并更正施行日期');
    await tap(staff.container, `#correction-corrected-${id}`);
    await waitFor(() => expect(staff.container.querySelector('#corrections-empty')).toBeTruthy());
    staff.unmount();

    as('owner');
    const mine = render(<FeedbackMine />);
    await waitFor(() => expect(mine.container.querySelector('[data-testid=my-correction]')).toBeTruthy());
    expect(el(mine.container, '[data-testid=my-correction]').getAttribute('data-state')).toBe('corrected');
    expect(text(mine.container, '[data-testid=correction-reply]')).toBe('本中心的答复：已核实并更正施行日期');
    expect(mine.container.textContent).toContain('已更正');
  });
});

describe('staff console', () => {
  it('links 找错处理 and 更新雷达, and the radar says each column’s state in words', async () => {
    as('clerk');
    const queue = render(<StaffQueue />);
    await tap(queue.container, '#staff-freshness');
    await tap(queue.container, '#staff-corrections');
    expect(navigations).toEqual(['/packages/staff/freshness/index', '/packages/staff/corrections/index']);
    queue.unmount();
    const radar = render(<StaffFreshness />);
    await waitFor(() => expect(radar.container.querySelector('#freshness-site')).toBeTruthy());
    const rows = [...radar.container.querySelectorAll<HTMLElement>('[data-testid=freshness-column]')];
    expect(rows.map((row) => row.id).sort()).toEqual(['announcements', 'articles', 'catalogue', 'guides', 'interpretation', 'land', 'meetings', 'openDays'].map((k) => `freshness-${k}`).sort());
    // The demo catalogue ends in 2024: six months have long passed.
    expect(el(radar.container, '#freshness-catalogue').getAttribute('data-state')).toBe('stale');
    expect(text(radar.container, '#freshness-catalogue')).toMatch(/公开目录：已超期.*政策，6个月内须更新/);
  });

  it('shows the radar as staff only', async () => {
    as('owner');
    const radar = render(<StaffFreshness />);
    await waitFor(() => expect(radar.container.textContent).toMatch(/工作人员/));
  });
});

describe('有效性', () => {
  it('links a repealed document to the one that replaces it', async () => {
    expectOk(await caller(deps)('clerk', 'catalogue', 'setValidity', { id: 'demo-gzzd-00001', validity: '已废止', replacedBy: 'demo-gzzd-00002' }));
    as('anonymous');
    setRouterParams({ id: 'demo-gzzd-00001' });
    const page = render(<CatalogueDetail />);
    await waitFor(() => expect(page.container.querySelector('#item-replaced-by')).toBeTruthy());
    expect(text(page.container, '#item-validity')).toBe('已废止');
    expect(text(page.container, '#item-replaced-by')).toMatch(/^废止后请见：/);
    await tap(page.container, '#item-replaced-by');
    expect(navigations).toEqual(['/packages/catalogue/detail/index?id=demo-gzzd-00002']);
  });
});
