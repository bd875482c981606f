/** @jest-environment jsdom */
// 平台开放日 pages rendered against the real `openDays` handlers over a store seeded on a fixed day:
// the list with places and states in words and the 2023 total, the sign-up form with inline errors,
// the receipt and 取消报名, 我的报名, and the staff page.
import { act, fireEvent, render, waitFor } from '@testing-library/react';
import OpenDaysList from '@/packages/opendays/list/index';
import OpenDayDetail from '@/packages/opendays/detail/index';
import MyOpenDays from '@/packages/opendays/mine/index';
import StaffOpenDays from '@/packages/staff/opendays/index';
import { setTransport } from '@/services/api';
import { createSqliteStore } from '../../cloudfunctions/_lib/adapters/sqlite-store';
import { seedStore } from '../../cloudfunctions/_lib/seed';
import { ensureLocalStaff } from '../../cloudfunctions/_local/personas';
import { modalAnswers, modals, navigations, resetTaroStandIn, setRouterParams } from '../support/taro/taro';
import { inProcessTransport } from '../support/in-process-transport';
import { SEED_REPORT_TEXT, testDeps } from '../support/seeded-store';
import { caller, expectOk, PERSONA_OPENIDS, type PersonaName } from '../support/call';

async function setup() {
  const deps = await testDeps();
  deps.store = createSqliteStore(':memory:');
  await seedStore(deps.store, { reportText: SEED_REPORT_TEXT, today: '2026-03-02' });
  await ensureLocalStaff(deps.store);
  deps.clock = { now: () => new Date('2026-03-02T02:00:00Z') };
  const as = (persona: PersonaName) => setTransport(inProcessTransport(deps, PERSONA_OPENIDS[persona]));
  as('owner');
  return { deps, call: caller(deps), as };
}

const el = <T extends Element = HTMLElement>(container: HTMLElement, selector: string): T => {
  const found = container.querySelector<T & Element>(selector);
  if (!found) throw new Error(`nothing matches ${selector}`);
  return found;
};
const type = (container: HTMLElement, selector: string, value: string) => fireEvent.change(el(container, selector), { target: { value } });
async function click(container: HTMLElement, selector: string) {
  await act(async () => {
    fireEvent.click(el(container, selector));
  });
}

beforeEach(() => resetTaroStandIn());
afterEach(() => setTransport(undefined));

describe('平台开放日 list', () => {
  it('shows upcoming events with places and state in words, the 2023 total with its source, and past events page by page', async () => {
    await setup();
    const { container } = render(<OpenDaysList />);
    await waitFor(() => expect(container.querySelector('#opendays-figure-2023')).not.toBeNull());
    const upcoming = [...container.querySelectorAll('[data-testid=openday][data-state=open]')];
    expect(upcoming).toHaveLength(3);
    expect(upcoming[0]!.querySelector('[data-testid=openday-state]')!.textContent).toBe('报名中');
    expect(upcoming[0]!.querySelector('[data-testid=openday-places]')!.textContent).toBe('剩余 30 个名额（共 30 个）');
    expect(upcoming[0]!.querySelector('[data-testid=demo-badge]')).not.toBeNull();
    const figure = el(container, '#opendays-figure-2023');
    expect(figure.getAttribute('data-count')).toBe('15');
    expect(figure.querySelector('[data-testid=figure-count]')!.textContent).toBe('15');
    expect(figure.querySelector('[data-testid=figure-source]')!.textContent).toContain('开展“平台开放日”活动15次');

    const past = () => container.querySelectorAll('[data-testid=openday][data-state=ended]');
    expect(past()).toHaveLength(10);
    expect(past()[0]!.textContent).toContain('已结束');
    await click(container, '#past-more');
    await waitFor(() => expect(past()).toHaveLength(15));
    expect(container.querySelector('#past-end')!.textContent).toBe('已显示全部往期活动');

    await click(container, '#openday-od-demo-01');
    expect(navigations).toEqual(['/packages/opendays/detail/index?id=od-demo-01']);
  });
});

describe('平台开放日 detail', () => {
  it('signs up with inline Chinese errors first, shows the receipt, and cancels after a confirmation', async () => {
    const { call } = await setup();
    setRouterParams({ id: 'od-demo-01' });
    const { container } = render(<OpenDayDetail />);
    await waitFor(() => expect(container.querySelector('#signup-form')).not.toBeNull());
    expect(el(container, '#event-state').textContent).toBe('报名中');
    expect(el(container, '#event-cancel-rule').textContent).toContain('24 小时前');

    await click(container, '#signup-submit');
    expect(el(container, '#error-name').textContent).toContain('请填写姓名');
    expect(el(container, '#error-phone').textContent).toContain('请填写手机号码');
    expect(el(container, '#error-role').textContent).toContain('请选择身份');
    type(container, '#field-name', '张三');
    type(container, '#field-phone', '1380013800');
    await click(container, '#role-enterprise');
    expect(el(container, '#role-enterprise').getAttribute('aria-checked')).toBe('true');
    await click(container, '#signup-submit');
    expect(el(container, '#error-phone').textContent).toContain('手机号码应为 11 位数字');
    expect(container.querySelector('#error-name')).toBeNull();
    type(container, '#field-phone', '13800138000');
    type(container, '#field-organisation', '某建设集团');
    await click(container, '#signup-submit');

    await waitFor(() => expect(container.querySelector('#signup-receipt')).not.toBeNull());
    expect(el(container, '#signup-receipt-title').textContent).toBe('报名成功');
    expect(el(container, '#receipt-no').textContent).toMatch(/^KFR\d{8}-001$/);
    expect(el(container, '#receipt-phone').textContent).toBe('138****8000');
    await waitFor(() => expect(el(container, '#event-places').textContent).toBe('剩余 29 个名额（共 30 个）'));

    modalAnswers.push(false);
    await click(container, '#signup-cancel');
    expect(modals[0]!.title).toBe('取消报名');
    expect(container.querySelector('#signup-receipt')).not.toBeNull();
    await click(container, '#signup-cancel');
    await waitFor(() => expect(container.querySelector('#signup-form')).not.toBeNull());
    expect(el(container, '#signup-message').textContent).toContain('已取消报名');
    expect(el(container, '#event-places').textContent).toBe('剩余 30 个名额（共 30 个）');
    const mine = expectOk(await call('owner', 'openDays', 'mine', {}));
    expect(mine[0]).toMatchObject({ status: 'cancelled' });
  });

  it('says 已满 in words and shows no form when every place is taken', async () => {
    const { call } = await setup();
    const event = expectOk(await call('clerk', 'openDays', 'createEvent', { idempotencyKey: 'evt-0001-abcdefghijkl', event: { title: '小型平台开放日活动', date: '2026-03-20', startTime: '09:30', endTime: '11:00', place: '开标一室', capacity: 1, signUpCloseDate: '2026-03-18', signUpCloseTime: '17:00', description: '观摩开标。' } })).event;
    expectOk(await call('other', 'openDays', 'signUp', { eventId: event.id, name: '李四', phone: '13900139000', role: 'media', idempotencyKey: 'su-0001-abcdefghijkl' }));
    setRouterParams({ id: event.id });
    const { container } = render(<OpenDayDetail />);
    await waitFor(() => expect(container.querySelector('#signup-closed')).not.toBeNull());
    expect(el(container, '#event-state').textContent).toBe('已满');
    expect(el(container, '#signup-closed').textContent).toContain('已满，暂不能报名');
    expect(container.querySelector('#signup-form')).toBeNull();
  });
});

describe('我的报名', () => {
  it('lists my sign-ups with their state, and says so when there are none', async () => {
    const { call, as } = await setup();
    expectOk(await call('owner', 'openDays', 'signUp', { eventId: 'od-demo-02', name: '张三', phone: '13800138000', role: 'citizen', idempotencyKey: 'su-0002-abcdefghijkl' }));
    const { container, unmount } = render(<MyOpenDays />);
    await waitFor(() => expect(container.querySelector('[data-testid=my-signup]')).not.toBeNull());
    expect(el(container, '[data-testid=my-signup-status]').textContent).toBe('已报名');
    unmount();
    as('other');
    const other = render(<MyOpenDays />);
    await waitFor(() => expect(other.container.querySelector('#mine-empty')).not.toBeNull());
  });
});

describe('平台开放日管理 (staff)', () => {
  it('is for staff only, publishes an event, lists its sign-ups with masked phones and cancels it with a reason', async () => {
    const { call, as } = await setup();
    const citizen = render(<StaffOpenDays />);
    await waitFor(() => expect(citizen.container.querySelector('#staff-only')).not.toBeNull());
    citizen.unmount();

    as('clerk');
    const { container } = render(<StaffOpenDays />);
    await waitFor(() => expect(container.querySelector('#od-form')).not.toBeNull());
    // Defaults from the server's today (2026-03-02): two weeks ahead, sign-up closing two days before.
    expect(el(container, '#od-date-value').textContent).toBe('2026-03-16');
    expect(el(container, '#od-close-date-value').textContent).toBe('2026-03-14');
    await click(container, '#od-create');
    expect(el(container, '#error-title').textContent).toContain('请填写活动名称');
    expect(el(container, '#error-description').textContent).toContain('请填写活动介绍');
    type(container, '#od-title', '“阳光交易”媒体开放日');
    type(container, '#od-capacity', '2');
    type(container, '#od-description', '观摩不见面开标。');
    await click(container, '#od-create');
    await waitFor(() => expect(container.querySelector('#od-created')).not.toBeNull());
    const id = el(container, '#od-created').getAttribute('data-id')!;
    expect(el(container, '#od-created').textContent).toContain('名额 2 个');

    expectOk(await call('owner', 'openDays', 'signUp', { eventId: id, name: '张三', phone: '13800138000', role: 'citizen', idempotencyKey: 'su-0003-abcdefghijkl' }));
    await waitFor(() => expect(container.querySelector(`#staff-openday-${id}`)).not.toBeNull());
    await click(container, `#signups-${id}`);
    await waitFor(() => expect(container.querySelector('[data-testid=staff-signup]')).not.toBeNull());
    expect(el(container, '[data-testid=staff-signup]').textContent).toContain('138****8000');
    expect(container.textContent).not.toContain('13800138000');

    await click(container, `#cancel-event-${id}`);
    await click(container, `#cancel-confirm-${id}`);
    expect(container.textContent).toContain('请填写取消原因');
    type(container, `#cancel-reason-${id}`, '场地临时检修');
    await click(container, `#cancel-confirm-${id}`);
    await waitFor(() => expect(container.querySelector(`#staff-openday-${id}[data-state=cancelled]`)).not.toBeNull());
    expect(modals.at(-1)!.content).toContain('所有已报名者将收到取消通知');
    expect(el(container, '#od-cancelled').textContent).toContain('已通知报名者 1 人');
    expect(expectOk(await call('owner', 'openDays', 'mine', {}))[0]).toMatchObject({ status: 'eventCancelled' });
  });
});
