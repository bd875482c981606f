/** @jest-environment jsdom */
// The staff console (packages/staff) rendered against the real handlers and a seeded store, as the
// local personas: the queue, the case page's action forms, registration, and the home page's entry.
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import Home from '@/pages/index/index';
import StaffQueue from '@/packages/staff/index/index';
import StaffCase from '@/packages/staff/case/index';
import StaffRegister from '@/packages/staff/register/index';
import StaffOutbox from '@/packages/staff/outbox/index';
import StaffCalendar from '@/packages/staff/calendar/index';
import { setTransport } from '@/services/api';
import { modals, navigations, redirects, resetTaroStandIn, setRouterParams } from '../support/taro/taro';
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

/** A seeded store (2026-11-29, a Sunday, in Shanghai) with one online application from 市民甲. */
async function setup() {
  const deps = await testDeps();
  // A clock that moves on a second per reading (same day), so audit entries have a real order.
  let now = Date.parse('2026-11-29T04:00:00Z');
  deps.clock = { now: () => new Date((now += 1000)) };
  const call = caller(deps);
  const receipt = expectOk(await call('owner', 'requests', 'submit', { idempotencyKey: 'staff-ui-test-000000001', application }));
  let transport = inProcessTransport(deps, PERSONA_OPENIDS.clerk);
  const as = (persona: PersonaName) => {
    transport = inProcessTransport(deps, PERSONA_OPENIDS[persona]);
    setTransport(transport);
    return transport;
  };
  return { deps, call, receipt, as, calls: () => transport.calls };
}

const text = (container: HTMLElement, selector: string) => container.querySelector(selector)?.textContent ?? null;
const commandIds = (container: HTMLElement) => [...container.querySelectorAll('[id^=cmd-]')].map((el) => el.id);

beforeEach(() => resetTaroStandIn());
afterEach(() => setTransport(undefined));

describe('queue', () => {
  it('lists open cases in the server’s deadline order, with due dates, urgency in words and the counts', async () => {
    const { call, receipt, as } = await setup();
    // A letter received seven weeks ago: its 20 working days have run out.
    const late = expectOk(await call('clerk', 'requests', 'register', { idempotencyKey: 'staff-ui-test-000000002', channel: 'letter', receiptDate: '2026-10-09', application: { ...application, name: '李小四' } }));
    const server = expectOk(await call('clerk', 'requests', 'queue', {}));
    as('clerk');
    const { container } = render(<StaffQueue />);
    await waitFor(() => expect(container.querySelectorAll('[data-testid=queue-item]')).toHaveLength(2));

    const rows = [...container.querySelectorAll('[data-testid=queue-item]')];
    expect(rows.map((row) => row.id)).toEqual([`queue-${late.id}`, `queue-${receipt.id}`]);
    expect(server.items.map((item: { id: string }) => item.id)).toEqual([late.id, receipt.id]);

    const fresh = container.querySelector(`#queue-${receipt.id}`)!;
    expect(fresh.textContent).toContain(`查询码 ${receipt.queryCode}`);
    expect(fresh.textContent).toContain('张*');
    expect(fresh.textContent).not.toContain('张三');
    expect(fresh.textContent).toContain('网上申请');
    expect(fresh.textContent).toContain(`收到 ${receipt.receiptDate}`);
    expect(fresh.textContent).toContain('已登记，待审核');
    expect(fresh.querySelector('[data-due]')!.getAttribute('data-due')).toBe(receipt.replyDeadline.due);
    expect(fresh.textContent).toContain(`答复期限 ${receipt.replyDeadline.due}`);
    expect(fresh.querySelector('.st-urgency')!.textContent).toBe(`剩余 ${receipt.replyDeadline.workingDaysLeft} 个工作日`);

    const overdue = container.querySelector(`#queue-${late.id}`)!;
    const lateItem = server.items[0];
    expect(lateItem.urgency).toBe('overdue');
    expect(overdue.textContent).toContain('李*四');
    expect(overdue.textContent).toContain('信函');
    expect(overdue.querySelector('.st-urgency')!.textContent).toBe(`已逾期 ${-lateItem.workingDaysLeft} 个工作日`);
    expect(overdue.querySelector('.st-urgency')!.getAttribute('data-urgency')).toBe('overdue');

    const count = (key: string) => container.querySelector(`#count-${key}`)!.getAttribute('data-count');
    expect([count('overdue'), count('dueToday'), count('due2'), count('due5'), count('open')]).toEqual(['1', '0', '0', '0', '2']);
    expect(text(container, '#count-overdue .st-count-label')).toBe('已逾期');

    fireEvent.click(fresh);
    expect(navigations).toEqual([`/packages/staff/case/index?id=${receipt.id}`]);
    fireEvent.click(container.querySelector('#staff-register')!);
    fireEvent.click(container.querySelector('#staff-outbox')!);
    fireEvent.click(container.querySelector('#staff-calendar')!);
    expect(navigations.slice(1)).toEqual(['/packages/staff/register/index', '/packages/staff/outbox/index', '/packages/staff/calendar/index']);
  });

  it('filters by state and can include ended cases', async () => {
    const { call, receipt, as } = await setup();
    const kase = expectOk(await call('clerk', 'requests', 'getCase', { id: receipt.id }));
    expectOk(await call('clerk', 'requests', 'act', { id: receipt.id, expectedVersion: kase.version, command: { type: 'accept' } }));
    // A second application, withdrawn by the applicant: ended, so hidden unless asked for.
    const other = expectOk(await call('owner', 'requests', 'submit', { idempotencyKey: 'staff-ui-test-000000003', application }));
    const mine = expectOk(await call('owner', 'requests', 'getMine', { id: other.id }));
    expectOk(await call('owner', 'requests', 'actMine', { id: other.id, expectedVersion: mine.version, command: { type: 'withdraw' } }));

    as('clerk');
    const { container } = render(<StaffQueue />);
    await waitFor(() => expect(container.querySelectorAll('[data-testid=queue-item]')).toHaveLength(1));
    const select = container.querySelector('#state-filter [data-picker-control]')!;
    const options = [...select.querySelectorAll('option')].map((o) => o.textContent);
    expect(options).toEqual(['全部', '已登记，待审核', '待申请人补正', '办理中', '办理中（征求意见，期限中止）', '办理中（延期待批准）', '办理中（待缴纳信息处理费）', '答复待审核', '已答复', '已终止', '已归档']);
    fireEvent.change(select, { target: { value: String(options.indexOf('已登记，待审核')) } });
    await waitFor(() => expect(container.querySelector('#queue-empty')).toBeTruthy());
    fireEvent.change(select, { target: { value: String(options.indexOf('办理中')) } });
    await waitFor(() => expect(container.querySelectorAll('[data-testid=queue-item]')).toHaveLength(1));
    expect(container.querySelector(`#queue-${receipt.id}`)).toBeTruthy();

    fireEvent.change(select, { target: { value: '0' } });
    fireEvent.click(container.querySelector('#include-ended')!);
    // Ended cases: the withdrawn one, and the five 2023 records derived from the seed report.
    await waitFor(() => expect(container.querySelectorAll('[data-testid=queue-item]')).toHaveLength(7));
    expect(container.querySelectorAll('[data-testid=queue-item][id^=queue-hist-2023-]')).toHaveLength(5);
    const ended = container.querySelector(`#queue-${other.id}`)!;
    expect(ended.textContent).toContain('已终止');
    expect(ended.querySelector('.st-urgency')!.textContent).toBe('已办结');
    // Counts are of open cases only.
    expect(container.querySelector('#count-open')!.getAttribute('data-count')).toBe('1');
  });

  it('tells a citizen, and a visitor with no identity, that the console is for staff only', async () => {
    const { as } = await setup();
    for (const persona of ['owner', 'anonymous'] as const) {
      as(persona);
      const { container, unmount } = render(<StaffQueue />);
      expect(await screen.findByText('仅限工作人员使用')).toBeTruthy();
      expect(container.querySelectorAll('[data-testid=queue-item]')).toHaveLength(0);
      expect(container.querySelector('#count-open')).toBeNull();
      unmount();
    }
  });
});

describe('case page', () => {
  it('shows the full personal data and audit trail to staff and lets the clerk request a correction, one item per line', async () => {
    const { call, receipt, as } = await setup();
    as('clerk');
    setRouterParams({ id: receipt.id });
    const { container } = render(<StaffCase />);
    await waitFor(() => expect(text(container, '#case-state')).toBe('已登记，待审核'));

    expect(text(container, '#applicant-name')).toBe('张三');
    expect(text(container, '#applicant-id-number')).toBe('11010519491231002X');
    expect(text(container, '#case-description')).toBe(application.description);
    expect(container.querySelector('#deadline-reply')!.getAttribute('data-due')).toBe(receipt.replyDeadline.due);
    expect(container.querySelector('#deadline-correctionNotice')).toBeTruthy();
    const audit = [...container.querySelectorAll('[data-testid=audit-entry]')].map((el) => el.textContent ?? '');
    expect(audit.some((entry) => entry.includes('网上提交申请（申请人）'))).toBe(true);
    expect(audit.some((entry) => entry.includes('查看申请人个人信息（受理员）'))).toBe(true);
    expect(commandIds(container)).toEqual(['cmd-accept', 'cmd-requestCorrection']);

    fireEvent.click(container.querySelector('#cmd-requestCorrection')!);
    expect(text(container, '#correction-explain')).toContain('须一次性告知全部补正事项');
    fireEvent.click(container.querySelector('#action-submit')!);
    expect(text(container, '#action-error')).toBe('请列明需要补正的事项，每行一项');

    fireEvent.change(container.querySelector('#correction-items')!, { target: { value: '请写明所需开标记录的项目名称\n\n  请提供身份证明复印件  \n' } });
    await act(async () => {
      fireEvent.click(container.querySelector('#action-submit')!);
    });
    await waitFor(() => expect(text(container, '#case-state')).toBe('待申请人补正'));
    expect([...container.querySelectorAll('[data-testid=correction-item]')].map((el) => el.textContent)).toEqual(['1. 请写明所需开标记录的项目名称', '2. 请提供身份证明复印件']);
    expect(container.querySelector('#action-error')).toBeNull();
    expect(text(container, '#action-done')).toContain('一次性告知补正');
    expect(commandIds(container)).toEqual(['cmd-submitCorrection', 'cmd-abandonForNoCorrection']);

    const stored = expectOk(await call('clerk', 'requests', 'getCase', { id: receipt.id }));
    expect(stored.state).toBe('correctionRequested');
    expect(stored.correction.items).toEqual(['请写明所需开标记录的项目名称', '请提供身份证明复印件']);
  });

  it('shows the server’s message inline and reloads the case when someone else acted first', async () => {
    const { call, receipt, as } = await setup();
    as('clerk');
    setRouterParams({ id: receipt.id });
    const { container } = render(<StaffCase />);
    await waitFor(() => expect(text(container, '#case-state')).toBe('已登记，待审核'));
    // Another clerk accepts the case meanwhile.
    const kase = expectOk(await call('clerk', 'requests', 'getCase', { id: receipt.id }));
    expectOk(await call('clerk', 'requests', 'act', { id: receipt.id, expectedVersion: kase.version, command: { type: 'accept' } }));

    fireEvent.click(container.querySelector('#cmd-requestCorrection')!);
    fireEvent.change(container.querySelector('#correction-items')!, { target: { value: '请写明项目名称' } });
    await act(async () => {
      fireEvent.click(container.querySelector('#action-submit')!);
    });
    await waitFor(() => expect(text(container, '#case-state')).toBe('办理中'));
    expect(text(container, '#action-error')).toBe('该申请已被更新，请刷新后再操作');
    expect(commandIds(container)).toEqual(['cmd-startConsultation', 'cmd-requestExtension', 'cmd-draftReply']);
    // Two reads in a row by 受理员 (the page's and the other clerk's) show as one line with a count.
    const audit = [...container.querySelectorAll('[data-testid=audit-entry]')].map((el) => el.textContent ?? '');
    expect(audit).toHaveLength(4);
    expect(audit[1]).toMatch(/^查看申请人个人信息（受理员）共 2 次/);
    expect(audit[2]).toContain('审核通过，转入办理（受理员）');
  });

  it('lets the reviewer approve an extension, and offers the clerk nothing while it waits', async () => {
    const { call, receipt, as } = await setup();
    let kase = expectOk(await call('clerk', 'requests', 'getCase', { id: receipt.id }));
    kase = expectOk(await call('clerk', 'requests', 'act', { id: receipt.id, expectedVersion: kase.version, command: { type: 'accept' } }));
    kase = expectOk(await call('clerk', 'requests', 'act', { id: receipt.id, expectedVersion: kase.version, command: { type: 'requestExtension', reason: '需调取归档的开标记录' } }));
    const dueBefore = kase.deadlines.find((d: { key: string }) => d.key === 'reply').due;

    as('clerk');
    setRouterParams({ id: receipt.id });
    const clerkView = render(<StaffCase />);
    await waitFor(() => expect(text(clerkView.container, '#case-state')).toBe('办理中（延期待批准）'));
    expect(commandIds(clerkView.container)).toEqual([]);
    expect(text(clerkView.container, '#no-commands')).toBe('当前没有您可以执行的操作。');
    clerkView.unmount();

    as('reviewer');
    const { container } = render(<StaffCase />);
    await waitFor(() => expect(text(container, '#case-state')).toBe('办理中（延期待批准）'));
    expect(text(container, '#extension-status')).toBe('待审核人批准');
    expect(commandIds(container)).toEqual(['cmd-decideExtension']);
    fireEvent.click(container.querySelector('#cmd-decideExtension')!);
    expect(text(container, '#form-decideExtension')).toContain('需调取归档的开标记录');
    fireEvent.change(container.querySelector('#extension-note')!, { target: { value: '同意延期' } });
    await act(async () => {
      fireEvent.click(container.querySelector('#extension-approve')!);
    });
    await waitFor(() => expect(text(container, '#case-state')).toBe('办理中'));
    expect(text(container, '#extension-status')).toBe('已批准');
    const reply = container.querySelector('#deadline-reply')!;
    expect(reply.textContent).toContain('答复期限（已延长 20 个工作日）');
    expect(reply.getAttribute('data-due')! > dueBefore).toBe(true);

    const stored = expectOk(await call('reviewer', 'requests', 'getCase', { id: receipt.id }));
    expect(stored.extension).toMatchObject({ status: 'approved', note: '同意延期' });
    expect(reply.getAttribute('data-due')).toBe(stored.deadlines.find((d: { key: string }) => d.key === 'reply').due);
  });

  it('drafts a reply from the template and has the reviewer return it (with a reason) and sign it off (after confirming)', async () => {
    const { call, receipt, as } = await setup();
    const kase = expectOk(await call('clerk', 'requests', 'getCase', { id: receipt.id }));
    expectOk(await call('clerk', 'requests', 'act', { id: receipt.id, expectedVersion: kase.version, command: { type: 'accept' } }));

    as('clerk');
    setRouterParams({ id: receipt.id });
    const clerkView = render(<StaffCase />);
    await waitFor(() => expect(text(clerkView.container, '#case-state')).toBe('办理中'));
    fireEvent.click(clerkView.container.querySelector('#cmd-draftReply')!);
    const groups = clerkView.container.querySelector('#outcome-group [data-picker-control]')!;
    expect([...groups.querySelectorAll('option')].map((o) => o.textContent)).toEqual(['（一）予以公开', '（二）部分公开', '（三）不予公开', '（四）无法提供', '（五）不予处理', '（六）其他处理']);
    fireEvent.change(groups, { target: { value: '0' } });
    await waitFor(() => expect((clerkView.container.querySelector('#reply-text') as HTMLTextAreaElement).value).toContain('张三：'));
    await act(async () => {
      fireEvent.click(clerkView.container.querySelector('#action-submit')!);
    });
    await waitFor(() => expect(text(clerkView.container, '#case-state')).toBe('答复待审核'));
    clerkView.unmount();

    as('reviewer');
    const { container } = render(<StaffCase />);
    await waitFor(() => expect(text(container, '#case-state')).toBe('答复待审核'));
    expect(text(container, '#draft-text')).toContain('现予以公开');
    fireEvent.click(container.querySelector('#cmd-decideReply')!);
    fireEvent.click(container.querySelector('#reply-return')!);
    expect(text(container, '#action-error')).toBe('退回时请填写退回理由');
    fireEvent.change(container.querySelector('#reply-note')!, { target: { value: '请注明提供方式' } });
    await act(async () => {
      fireEvent.click(container.querySelector('#reply-return')!);
    });
    await waitFor(() => expect(text(container, '#case-state')).toBe('办理中'));
    expect(container.querySelector('#case-draft')!.textContent).toContain('已退回修改：请注明提供方式');

    expect(container.querySelector('#cmd-draftReply')).toBeNull(); // drafting is the clerk's
    cleanup();

    // The clerk reopens the returned draft (outcome and text kept) and resubmits it.
    as('clerk');
    const redraft = render(<StaffCase />);
    await waitFor(() => expect(redraft.container.querySelector('#cmd-draftReply')).toBeTruthy());
    fireEvent.click(redraft.container.querySelector('#cmd-draftReply')!);
    expect(text(redraft.container, '#form-draftReply')).toContain('审核人退回意见：请注明提供方式');
    expect(text(redraft.container, '#outcome-group')).toContain('（一）予以公开');
    const letter = redraft.container.querySelector('#reply-text') as HTMLTextAreaElement;
    expect(letter.value).toContain('张三：');
    fireEvent.change(letter, { target: { value: `${letter.value}\n（以电子文档形式在小程序内提供）` } });
    await act(async () => {
      fireEvent.click(redraft.container.querySelector('#action-submit')!);
    });
    await waitFor(() => expect(text(redraft.container, '#case-state')).toBe('答复待审核'));
    cleanup();

    // The reviewer signs it off after confirming.
    as('reviewer');
    const again = render(<StaffCase />);
    await waitFor(() => expect(again.container.querySelector('#cmd-decideReply')).toBeTruthy());
    fireEvent.click(again.container.querySelector('#cmd-decideReply')!);
    await act(async () => {
      fireEvent.click(again.container.querySelector('#reply-approve')!);
    });
    await waitFor(() => expect(text(again.container, '#case-state')).toBe('已答复'));
    expect(modals.map((m) => m.title)).toEqual(['签发答复书？']);
    expect(commandIds(again.container)).toEqual([]);
    expect(text(again.container, '#case-reply')).toContain('以电子文档形式在小程序内提供');
  });
});

describe('registration, outbox and calendar', () => {
  it('registers a letter with its real receipt date and opens the new case', async () => {
    const { call, as } = await setup();
    as('clerk');
    const { container } = render(<StaffRegister />);
    await waitFor(() => expect(container.querySelector('#register-submit')).toBeTruthy());

    await act(async () => {
      fireEvent.click(container.querySelector('#register-submit')!);
    });
    expect(text(container, '#error-channel')).toBe('请选择收到申请的方式');
    expect(text(container, '#register-error')).toBe('请按提示修改后再提交');

    fireEvent.change(container.querySelector('#register-channel [data-picker-control]')!, { target: { value: '0' } });
    expect(text(container, '#register-rule')).toContain('签收之日');
    const date = container.querySelector('#register-date [data-picker-control]') as HTMLInputElement;
    expect(date.max).toBe('2026-11-29');
    fireEvent.change(date, { target: { value: '2026-11-20' } });
    fireEvent.change(container.querySelector('#field-name')!, { target: { value: '王五' } });
    fireEvent.change(container.querySelector('#field-idNumber')!, { target: { value: '11010519491231002X' } });
    fireEvent.change(container.querySelector('#field-mobile')!, { target: { value: '13812345678' } });
    fireEvent.change(container.querySelector('#field-description')!, { target: { value: '本中心2025年政府采购项目的开标记录' } });
    fireEvent.click(container.querySelector('#field-deliveryForm-paper')!);
    fireEvent.click(container.querySelector('#field-deliveryChannel-pickup')!);
    await act(async () => {
      fireEvent.click(container.querySelector('#register-submit')!);
    });
    await waitFor(() => expect(redirects).toHaveLength(1));
    const id = new URLSearchParams(redirects[0]!.split('?')[1]).get('id')!;
    expect(redirects[0]).toBe(`/packages/staff/case/index?id=${id}`);
    const stored = expectOk(await call('clerk', 'requests', 'getCase', { id }));
    expect(stored).toMatchObject({ channel: '信函', receiptDate: '2026-11-20', state: 'registered', applicant: { name: '王五' } });
  });

  it('shows the outbox with recipient, title, body and status', async () => {
    const { as, receipt } = await setup();
    as('reviewer');
    const { container } = render(<StaffOutbox />);
    await waitFor(() => expect(container.querySelectorAll('[data-testid=outbox-item]')).toHaveLength(2));
    const all = [...container.querySelectorAll('[data-testid=outbox-item]')].map((el) => el.textContent ?? '');
    expect(all.some((t) => t.includes('申请已收到') && t.includes('发给申请人') && t.includes(receipt.queryCode))).toBe(true);
    expect(all.some((t) => t.includes('新的网上申请待审核') && t.includes('发给受理员'))).toBe(true);
    expect(all.every((t) => /待发送|发送中|已发送|发送失败/.test(t))).toBe(true);
  });

  it('lets an admin add a holiday and shows the table read-only to others', async () => {
    const { as } = await setup();
    as('clerk');
    const clerkView = render(<StaffCalendar />);
    await waitFor(() => expect(clerkView.container.querySelector('#calendar-readonly')).toBeTruthy());
    expect(clerkView.container.querySelector('#override-form')).toBeNull();
    expect(text(clerkView.container, '#calendar-explain')).toContain('2027 年起的期限为暂定');
    expect(text(clerkView.container, '#covered-years')).toContain('2026');
    clerkView.unmount();

    as('admin');
    const { container } = render(<StaffCalendar />);
    await waitFor(() => expect(container.querySelector('#override-form')).toBeTruthy());
    fireEvent.change(container.querySelector('#override-date [data-picker-control]')!, { target: { value: '2027-01-01' } });
    fireEvent.change(container.querySelector('#override-name')!, { target: { value: '元旦' } });
    fireEvent.click(container.querySelector('#override-declare-year')!);
    await act(async () => {
      fireEvent.click(container.querySelector('#override-save')!);
    });
    await waitFor(() => expect(container.querySelector('#override-2027-01-01')).toBeTruthy());
    expect(text(container, '#override-2027-01-01')).toContain('放假');
    expect(text(container, '#covered-years')).toMatch(/2027/);
    await act(async () => {
      fireEvent.click(container.querySelector('#override-remove-2027-01-01')!);
    });
    await waitFor(() => expect(container.querySelector('#override-2027-01-01')).toBeNull());
  });
});

describe('home page entry', () => {
  it('shows 工作台 with the staff name and roles to staff, and opens the queue', async () => {
    const { as } = await setup();
    as('reviewer');
    const { container } = render(<Home />);
    await waitFor(() => expect(container.querySelector('#staff-entry')).toBeTruthy());
    expect(text(container, '#staff-entry .card-title')).toBe('工作台');
    expect(text(container, '#staff-entry-who')).toBe('审核人（本地演示） · 审核人');
    fireEvent.click(container.querySelector('#staff-entry')!);
    expect(navigations).toEqual(['/packages/staff/index/index']);
  });

  it('does not show it to a citizen', async () => {
    const { as, calls } = await setup();
    as('owner');
    const { container } = render(<Home />);
    await screen.findByText('淄博市公共资源交易中心');
    await waitFor(() => expect(calls()).toContain('portal.whoami'));
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 20));
    });
    expect(container.querySelector('#staff-entry')).toBeNull();
    expect(container.textContent).not.toContain('工作台');
  });
});
