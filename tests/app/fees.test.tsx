/** @jest-environment jsdom */
// Processing fees (国办函〔2020〕109号) through the pages, against the real handlers in process: the
// admin turns fees on in 工作日历, the clerk sends a per-page notice (the tariff suggests the amount),
// the applicant reads it on the case page, and the clerk records the payment.
import { act, fireEvent, render, waitFor } from '@testing-library/react';
import StaffCase from '@/packages/staff/case/index';
import StaffCalendar from '@/packages/staff/calendar/index';
import ApplyCase from '@/packages/apply/case/index';
import { setTransport } from '@/services/api';
import { modalAnswers, modals, resetTaroStandIn, setRouterParams } from '../support/taro/taro';
import { inProcessTransport } from '../support/in-process-transport';
import { testDeps } from '../support/seeded-store';
import { caller, expectOk, PERSONA_OPENIDS, type PersonaName } from '../support/call';

const application = {
  applicantType: 'natural',
  name: '张三',
  idType: 'residentId',
  idNumber: '11010519491231002X',
  mobile: '13812345678',
  description: '2023年度淄博市公共资源交易中心政府采购项目的开标记录',
  deliveryForm: 'electronic',
  deliveryChannel: 'online',
};

/** An application received on Monday 2026-03-02 and accepted the same day; the clock can be moved. */
async function setup() {
  const deps = await testDeps();
  let now = Date.parse('2026-03-02T02:00:00Z');
  // A second per reading (same day), so audit entries keep their order.
  deps.clock = { now: () => new Date((now += 1000)) };
  const setDate = (iso: string) => {
    now = Date.parse(`${iso}T02:00:00Z`);
  };
  const call = caller(deps);
  const receipt = expectOk(await call('owner', 'requests', 'submit', { idempotencyKey: 'fee-ui-test-0000000001', application }));
  const kase = expectOk(await call('clerk', 'requests', 'getCase', { id: receipt.id }));
  expectOk(await call('clerk', 'requests', 'act', { id: receipt.id, expectedVersion: kase.version, command: { type: 'accept' } }));
  const as = (persona: PersonaName) => setTransport(inProcessTransport(deps, PERSONA_OPENIDS[persona]));
  return { call, receipt, as, setDate };
}

const text = (container: HTMLElement, selector: string) => container.querySelector(selector)?.textContent ?? null;
const value = (container: HTMLElement, selector: string) => (container.querySelector(selector) as HTMLInputElement | null)?.value ?? null;
const commandIds = (container: HTMLElement) => [...container.querySelectorAll('[id^=cmd-]')].map((el) => el.id);

beforeEach(() => resetTaroStandIn());
afterEach(() => setTransport(undefined));

describe('processing fees', () => {
  it('admin turns fees on; the clerk notices 700 元 for 100 pages; the applicant sees the notice; the clerk records the payment', async () => {
    const { call, receipt, as, setDate } = await setup();
    setRouterParams({ id: receipt.id });

    // Off by default: the clerk is offered no fee notice, and reads the setting without a switch.
    as('clerk');
    const before = render(<StaffCase />);
    await waitFor(() => expect(text(before.container, '#case-state')).toBe('办理中'));
    expect(commandIds(before.container)).not.toContain('cmd-noticeFee');
    before.unmount();
    const clerkCalendar = render(<StaffCalendar />);
    await waitFor(() => expect(text(clerkCalendar.container, '#setting-feesEnabled')).toBe('不收取'));
    expect(text(clerkCalendar.container, '#settings-fees-explain')).toBe('按照国办函〔2020〕109号，申请人申请公开政府信息的数量、频次明显超过合理范围的，可以收取信息处理费；本中心默认不收费。');
    expect(text(clerkCalendar.container, '#setting-pauseWhileFeeUnpaid')).toBe('暂停');
    expect(clerkCalendar.container.querySelector('#settings-save')).toBeNull();
    expect(text(clerkCalendar.container, '#settings-readonly')).toContain('仅管理员');
    clerkCalendar.unmount();

    // The admin switches fees on (the clock stays paused while unpaid, the default) and saves.
    as('admin');
    const calendar = render(<StaffCalendar />);
    await waitFor(() => expect(calendar.container.querySelector('#settings-save')).toBeTruthy());
    const enabled = calendar.container.querySelector('#setting-feesEnabled') as HTMLInputElement;
    expect(enabled.checked).toBe(false);
    expect((calendar.container.querySelector('#setting-pauseWhileFeeUnpaid') as HTMLInputElement).checked).toBe(true);
    fireEvent.click(enabled);
    await act(async () => {
      fireEvent.click(calendar.container.querySelector('#settings-save')!);
    });
    await waitFor(() => expect(text(calendar.container, '#settings-message')).toContain('已保存：收取信息处理费'));
    expect((calendar.container.querySelector('#setting-feesEnabled') as HTMLInputElement).checked).toBe(true);
    expect(expectOk(await call('clerk', 'requests', 'getSettings', {}))).toMatchObject({ feesEnabled: true, pauseWhileFeeUnpaid: true });
    calendar.unmount();

    // Two days later the clerk sends a per-page notice: 100 pages → 70 × 10 = 700 元 suggested.
    setDate('2026-03-04');
    as('clerk');
    const clerk = render(<StaffCase />);
    await waitFor(() => expect(clerk.container.querySelector('#cmd-noticeFee')).toBeTruthy());
    fireEvent.click(clerk.container.querySelector('#cmd-noticeFee')!);
    fireEvent.click(clerk.container.querySelector('#fee-basis-perApplication')!);
    expect(text(clerk.container, '#fee-tariff')).toContain('第 1–10 件免费');
    fireEvent.change(clerk.container.querySelector('#fee-count')!, { target: { value: '11' } });
    expect(value(clerk.container, '#fee-amount')).toBe('100');
    fireEvent.click(clerk.container.querySelector('#fee-basis-perPage')!);
    expect(text(clerk.container, '#fee-tariff')).toContain('30 页以内免费');
    expect(value(clerk.container, '#fee-amount')).toBe('0');
    expect(text(clerk.container, '#fee-suggested')).toBe('按标准不收费，无需发出缴费通知。');
    fireEvent.click(clerk.container.querySelector('#action-submit')!);
    expect(text(clerk.container, '#action-error')).toContain('无需发出缴费通知');
    fireEvent.change(clerk.container.querySelector('#fee-count')!, { target: { value: '100' } });
    expect(value(clerk.container, '#fee-amount')).toBe('700');
    expect(text(clerk.container, '#fee-suggested')).toBe('按标准应收 700 元。');
    await act(async () => {
      fireEvent.click(clerk.container.querySelector('#action-submit')!);
    });
    await waitFor(() => expect(text(clerk.container, '#case-state')).toBe('办理中（待缴纳信息处理费）'));
    const stored = expectOk(await call('clerk', 'requests', 'getCase', { id: receipt.id }));
    expect(stored.fee).toEqual({ basis: 'perPage', amount: 700, noticeOn: '2026-03-04', dueBy: '2026-04-01' });
    expect(text(clerk.container, '#fee-status-amount')).toBe('700 元');
    expect(text(clerk.container, '#fee-status-basis')).toBe('按量计收');
    expect(text(clerk.container, '#fee-status-notice')).toBe('2026-03-04');
    expect(text(clerk.container, '#fee-status-due')).toBe('2026-04-01');
    expect(text(clerk.container, '#fee-status-paid')).toBe('尚未缴纳');
    expect(text(clerk.container, '#deadline-reply')).toContain('期限中止（待缴纳信息处理费）');
    expect(commandIds(clerk.container)).toEqual(['cmd-recordPayment', 'cmd-abandonForUnpaidFee']);

    // Ending the case before the payment period is over is refused by the server, after confirming.
    fireEvent.click(clerk.container.querySelector('#cmd-abandonForUnpaidFee')!);
    await act(async () => {
      fireEvent.click(clerk.container.querySelector('#fee-abandon-confirm')!);
    });
    await waitFor(() => expect(text(clerk.container, '#action-error')).toBe('缴费期限至 2026-04-01，尚未届满'));
    expect(modals.map((m) => m.title)).toEqual(['终止办理？']);
    clerk.unmount();

    // The applicant reads the notice: amount, basis, dates, how to pay, and that the clock waits.
    as('owner');
    const citizen = render(<ApplyCase />);
    await waitFor(() => expect(citizen.container.querySelector('#fee-notice')).toBeTruthy());
    expect(text(citizen.container, '#fee-amount')).toBe('700 元');
    expect(text(citizen.container, '#fee-basis')).toMatch(/^按量/);
    expect(text(citizen.container, '#fee-notice-date')).toBe('2026年3月4日');
    expect(text(citizen.container, '#fee-deadline')).toBe('请于 2026-04-01 前缴纳；逾期未缴纳的，视为放弃申请（国办函〔2020〕109号）。');
    expect(text(citizen.container, '#fee-how-to-pay')).toContain('到中心服务窗口或按缴费通知书所列方式缴纳');
    expect(text(citizen.container, '#fee-clock')).toBe('缴费期间答复期限暂停计算，自缴费之日起恢复计算。');
    expect(text(citizen.container, '#deadline-reply-due')).toBe('期限暂停计算（待缴纳信息处理费）');
    expect(citizen.container.querySelector('#fee-paid')).toBeNull();
    citizen.unmount();

    // The applicant pays at the window on 03-09; the clerk confirms (a cancelled modal does nothing).
    setDate('2026-03-09');
    as('clerk');
    const payment = render(<StaffCase />);
    await waitFor(() => expect(payment.container.querySelector('#cmd-recordPayment')).toBeTruthy());
    fireEvent.click(payment.container.querySelector('#cmd-recordPayment')!);
    expect(text(payment.container, '#form-recordPayment')).toContain('700 元');
    modalAnswers.push(false);
    await act(async () => {
      fireEvent.click(payment.container.querySelector('#payment-confirm')!);
    });
    expect(text(payment.container, '#case-state')).toBe('办理中（待缴纳信息处理费）');
    await act(async () => {
      fireEvent.click(payment.container.querySelector('#payment-confirm')!);
    });
    await waitFor(() => expect(text(payment.container, '#case-state')).toBe('办理中'));
    expect(modals.slice(-2).map((m) => m.title)).toEqual(['确认已缴费？', '确认已缴费？']);
    expect(text(payment.container, '#fee-status-paid')).toBe('2026-03-09');
    // 03-05, 06 and 09 were spent waiting: the reply deadline moves from 03-30 to 04-02.
    expect(payment.container.querySelector('#deadline-reply')!.getAttribute('data-due')).toBe('2026-04-02');
    expect(commandIds(payment.container)).toEqual(['cmd-startConsultation', 'cmd-requestExtension', 'cmd-draftReply']);
    payment.unmount();

    as('owner');
    const paid = render(<ApplyCase />);
    await waitFor(() => expect(paid.container.querySelector('#fee-paid')).toBeTruthy());
    expect(text(paid.container, '#fee-paid')).toBe('已缴纳（2026年3月9日），本申请继续办理。');
    expect(text(paid.container, '#fee-clock')).toBe('等待缴费期间的 3 个工作日不计入答复期限。');
    expect(paid.container.querySelector('#fee-deadline')).toBeNull();
    expect(paid.container.querySelector('#fee-how-to-pay')).toBeNull();
    expect(paid.container.querySelector('#deadline-reply')!.getAttribute('data-due')).toBe('2026-04-02');
  });
});
