/** @jest-environment jsdom */
// 意见征集 pages rendered against the real `consultations` handlers and a seeded store, as the local
// personas: staff publish a consultation (the short-period rule on the way), a citizen comments on a
// section and sees it 审核中, staff moderate, the clock passes the end date, staff answer the comments
// and the admin publishes the 采纳情况, which the citizen then reads with each decision.
import { act, cleanup, fireEvent, render, waitFor } from '@testing-library/react';
import ConsultList from '@/packages/consult/list/index';
import ConsultDetail from '@/packages/consult/detail/index';
import StaffConsultations from '@/packages/staff/consultations/index';
import StaffConsultation from '@/packages/staff/consultations/detail/index';
import StaffConsultationNew from '@/packages/staff/consultations/new/index';
import StaffQueue from '@/packages/staff/index/index';
import { setTransport } from '@/services/api';
import type { Transport } from '@/services/transport';
import { handlers } from '../../cloudfunctions/_lib/handlers';
import { dispatch } from '../../cloudfunctions/_lib/router';
import { modals, navigations, redirects, resetTaroStandIn, setRouterParams, toasts } from '../support/taro/taro';
import { inProcessTransport } from '../support/in-process-transport';
import { testDeps } from '../support/seeded-store';
import { caller, expectOk, PERSONA_OPENIDS, type PersonaName } from '../support/call';

type Deps = Awaited<ReturnType<typeof testDeps>>;

/** Monday 2 March 2026, 10:00 in Shanghai. */
const START = '2026-03-02T02:00:00Z';

async function setup() {
  const deps = await testDeps();
  let now = new Date(START);
  deps.clock = { now: () => now };
  let transport = inProcessTransport(deps);
  const as = (persona: PersonaName) => {
    transport = inProcessTransport(deps, PERSONA_OPENIDS[persona]);
    setTransport(transport);
    return transport;
  };
  return { deps, call: caller(deps), as, setNow: (iso: string) => (now = new Date(iso)), calls: () => transport.calls };
}

/** A transport whose next answer is lost after the server has acted on it (a dropped connection). */
function droppingTransport(deps: Deps, openid: string): Transport & { dropNext: () => void; calls: string[] } {
  let drop = false;
  const calls: string[] = [];
  return {
    calls,
    dropNext: () => {
      drop = true;
    },
    async send(functionName, event) {
      calls.push(`${functionName}.${event.action}`);
      const answer = await dispatch(handlers, deps, { functionName, event, identity: { openid } });
      if (drop) {
        drop = false;
        const { TransportError } = await import('@/services/transport');
        throw new TransportError('connection dropped after sending');
      }
      return answer;
    },
  };
}

const draft = {
  title: '淄博市公共资源交易中心进场交易服务规范（征求意见稿）',
  kind: 'normativeDocument',
  marketRelated: true,
  summary: '为规范进场交易服务，起草本规范，现公开征求意见。',
  sections: [
    { heading: '第一条 适用范围', text: '本规范适用于进入本中心交易的工程建设、政府采购等项目。' },
    { heading: '第二条 开标', text: '开标应当在招标文件确定的时间公开进行。' },
  ],
  startDate: '2026-03-02',
  endDate: '2026-03-31',
};

const text = (container: HTMLElement, selector: string) => container.querySelector(selector)?.textContent ?? null;
function el<T extends Element = HTMLElement>(container: HTMLElement, selector: string): T {
  const found = container.querySelector<T & Element>(selector);
  if (!found) throw new Error(`nothing matches ${selector}`);
  return found;
}
const type = (container: HTMLElement, selector: string, value: string) => fireEvent.change(el(container, selector), { target: { value } });
const pick = (container: HTMLElement, selector: string, value: string) => fireEvent.change(el(container, `${selector} [data-picker-control]`), { target: { value } });
async function click(container: HTMLElement, selector: string) {
  await act(async () => {
    fireEvent.click(el(container, selector));
  });
}

/** Captures what the h5 export helper downloads (jsdom has no object URLs and does not navigate). */
function captureDownloads() {
  const files: Array<{ name: string; type: string; blob: Blob }> = [];
  const blobs = new Map<string, Blob>();
  const urls = URL as unknown as { createObjectURL?: (blob: Blob) => string; revokeObjectURL?: (url: string) => void };
  const saved = { create: urls.createObjectURL, revoke: urls.revokeObjectURL };
  urls.createObjectURL = (blob: Blob) => {
    const url = `blob:test/${blobs.size + 1}`;
    blobs.set(url, blob);
    return url;
  };
  urls.revokeObjectURL = () => undefined;
  const spy = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    const blob = blobs.get(this.getAttribute('href') ?? '');
    if (blob) files.push({ name: this.download, type: blob.type, blob });
  });
  return {
    files,
    restore() {
      spy.mockRestore();
      urls.createObjectURL = saved.create;
      urls.revokeObjectURL = saved.revoke;
    },
  };
}

function blobText(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(Buffer.from(reader.result as ArrayBuffer).toString('utf8'));
    reader.onerror = () => reject(reader.error);
    reader.readAsArrayBuffer(blob);
  });
}

beforeEach(() => resetTaroStandIn());
afterEach(() => {
  cleanup();
  setTransport(undefined);
});

describe('a consultation from publication to feedback', () => {
  it('staff publish, a citizen comments, staff moderate and answer, the admin publishes, the citizen reads the decision', async () => {
    const { call, as, setNow, deps } = await setup();

    // Nothing is open yet: the list says so.
    as('owner');
    let view = render(<ConsultList />);
    await waitFor(() => expect(view.container.querySelector('#consult-empty')).toBeTruthy());
    expect(text(view.container, '#consult-empty')).toContain('目前没有正在征集意见的事项');
    expect(el(view.container, '#phase-open').getAttribute('aria-selected')).toBe('true');
    view.unmount();

    // The staff queue links to the consultations console.
    as('clerk');
    view = render(<StaffQueue />);
    await click(view.container, '#staff-consultations');
    expect(navigations).toContain('/packages/staff/consultations/index');
    view.unmount();

    // ── Staff publish: a market-related normative document needs 30 days.
    view = render(<StaffConsultationNew />);
    let c = view.container;
    await waitFor(() => expect(c.querySelector('#consult-create')).toBeTruthy());
    await click(c, '#consult-create');
    // Checked on the page with the contract's schema: messages under their fields.
    expect(text(c, '#error-title')).toBe('请填写标题（至少 4 个字）');
    expect(text(c, '#error-kind')).toBe('请选择征集事项类型');
    expect(text(c, '#error-summary')).toBe('请填写起草说明');
    expect(text(c, '#error-section-heading-0')).toBe('请填写条款标题');
    expect(text(c, '#error-section-text-0')).toBe('请填写条款内容');
    expect(c.querySelector('#field-shortPeriodReason')).toBeNull();

    type(c, '#field-title', draft.title);
    expect(c.querySelector('#error-title')).toBeNull();
    expect(c.querySelector('#field-marketRelated')).toBeNull();
    pick(c, '#field-kind', '1');
    expect(text(c, '#field-kind-value')).toBe('规范性文件');
    expect(text(c, '#period-rule')).toContain('不少于 7 个工作日');
    fireEvent.click(el(c, '#field-marketRelated'));
    expect(el(c, '#field-marketRelated').getAttribute('aria-checked')).toBe('true');
    type(c, '#field-summary', draft.summary);
    type(c, '#section-heading-0', draft.sections[0]!.heading);
    type(c, '#section-text-0', draft.sections[0]!.text);
    fireEvent.click(el(c, '#section-add'));
    fireEvent.click(el(c, '#section-add'));
    expect(c.querySelectorAll('[data-testid=section-edit]')).toHaveLength(3);
    type(c, '#section-heading-1', '第二条 临时');
    fireEvent.click(el(c, '#section-remove-1'));
    expect(c.querySelectorAll('[data-testid=section-edit]')).toHaveLength(2);
    expect((el<HTMLInputElement>(c, '#section-heading-1')).value).toBe('');
    type(c, '#section-heading-1', draft.sections[1]!.heading);
    type(c, '#section-text-1', draft.sections[1]!.text);
    pick(c, '#field-startDate', '2026-03-02');
    pick(c, '#field-endDate', '2026-03-20');
    await click(c, '#consult-create');
    // The server's rule: too short, so the reason field appears with its message.
    await waitFor(() => expect(c.querySelector('#field-shortPeriodReason')).toBeTruthy());
    expect(text(c, '#error-shortPeriodReason')).toBe('与市场主体生产经营活动密切相关的规范性文件，征求意见期限不少于 30 日（最早截止 2026-03-31）；确需缩短的，请写明理由');
    expect(redirects).toEqual([]);
    // Rather than give a reason, the clerk extends the period to the legal minimum.
    pick(c, '#field-endDate', '2026-03-31');
    expect(c.querySelector('#error-shortPeriodReason')).toBeNull();
    await click(c, '#consult-create');
    await waitFor(() => expect(redirects).toHaveLength(1));
    const id = redirects[0]!.match(/detail\/index\?id=([A-Za-z0-9_-]+)$/)![1]!;
    view.unmount();
    const stored = expectOk(await call('clerk', 'consultations', 'staffView', { id }));
    expect(stored).toMatchObject({ title: draft.title, kind: 'normativeDocument', marketRelated: true, startDate: '2026-03-02', endDate: '2026-03-31', phase: 'open' });
    expect(stored.shortPeriodReason).toBeUndefined();
    expect(stored.sections).toEqual([
      { id: 's1', ...draft.sections[0] },
      { id: 's2', ...draft.sections[1] },
    ]);

    // ── A citizen finds it in the list, with the days left.
    as('owner');
    view = render(<ConsultList />);
    c = view.container;
    await waitFor(() => expect(c.querySelectorAll('[data-testid=consultation]')).toHaveLength(1));
    const row = el(c, `#consultation-${id}`);
    expect(row.textContent).toContain(draft.title);
    expect(row.textContent).toContain('规范性文件');
    expect(row.textContent).toContain('征集中');
    expect(row.textContent).toContain('2026年3月2日 至 2026年3月31日');
    expect(row.textContent).toContain('已公开意见 0 条');
    expect(text(row, '[data-testid=consultation-left]')).toBe('还剩 29 天');
    fireEvent.click(row);
    expect(navigations).toContain(`/packages/consult/detail/index?id=${id}`);
    view.unmount();

    // ── The citizen comments on 第二条; the answer is lost once, and the retry does not post twice.
    const owner = droppingTransport(deps, PERSONA_OPENIDS.owner);
    setTransport(owner);
    setRouterParams({ id });
    view = render(<ConsultDetail />);
    c = view.container;
    await waitFor(() => expect(c.querySelectorAll('[data-testid=section]')).toHaveLength(2));
    expect(text(c, '#consult-title')).toBe(draft.title);
    expect(text(c, '#consult-kind')).toBe('规范性文件');
    expect(text(c, '#consult-left')).toContain('还剩 29 天');
    expect(text(c, '#consult-summary')).toContain(draft.summary);
    expect(text(c, '#section-s2')).toContain(draft.sections[1]!.text);
    expect(c.querySelector('#comment-form')).toBeNull();
    fireEvent.click(el(c, '#comment-on-s2'));
    expect(el(c, '#section-s2').querySelector('#comment-form')).toBeTruthy();
    expect(text(c, '#comment-form-title')).toBe('对“第二条 开标”提意见');
    type(c, '#comment-text', '太短');
    expect(text(c, '#comment-count')).toBe('2/2000 字');
    await click(c, '#comment-submit');
    expect(text(c, '#error-text')).toBe('！意见至少 5 个字');
    fireEvent.click(el(c, '#display-realName'));
    const comment = '建议开标延迟时通过小程序通知投标人';
    type(c, '#comment-text', comment);
    expect(c.querySelector('#error-text')).toBeNull();
    await click(c, '#comment-submit');
    expect(text(c, '#error-realName')).toBe('！实名发表请填写姓名');
    type(c, '#field-realName', '赵六');
    owner.dropNext();
    await click(c, '#comment-submit');
    await waitFor(() => expect(c.querySelector('#comment-network-error')).toBeTruthy());
    expect(text(c, '#comment-submit')).toBe('重新提交');
    await click(c, '#comment-submit');
    await waitFor(() => expect(c.querySelector('#comment-done')).toBeTruthy());
    expect(owner.calls.filter((name) => name === 'consultations.comment')).toHaveLength(2);
    expect(expectOk(await call('clerk', 'consultations', 'staffView', { id })).comments).toHaveLength(1);
    // Shown to its author only, marked 审核中, under 第二条.
    await waitFor(() => expect(el(c, '#section-s2').querySelectorAll('[data-testid=comment]')).toHaveLength(1));
    const mine = el(c, '#section-s2').querySelector<HTMLElement>('[data-testid=comment]')!;
    expect(mine.getAttribute('data-status')).toBe('pending');
    expect(text(mine, '[data-testid=comment-status]')).toBe('审核中');
    expect(mine.textContent).toContain('赵*');
    expect(mine.textContent).not.toContain('赵六');
    expect(mine.textContent).toContain(comment);
    expect(c.querySelector('#comment-form')).toBeNull();
    expect(toasts).toContain('意见已提交');

    // A second comment, anonymous, on the whole draft (it will be refused).
    fireEvent.click(el(c, '#comment-whole'));
    expect(el(c, '#whole-draft').querySelector('#comment-form')).toBeTruthy();
    // The name typed before is kept for the next comment; anonymous is a tap away.
    fireEvent.click(el(c, '#display-anonymous'));
    expect(c.querySelector('#field-realName')).toBeNull();
    type(c, '#comment-text', '与本文件无关的广告内容，加微信了解');
    await click(c, '#comment-submit');
    await waitFor(() => expect(el(c, '#whole-draft').querySelectorAll('[data-testid=comment]')).toHaveLength(1));
    view.unmount();
    const [first, second] = expectOk(await call('clerk', 'consultations', 'staffView', { id })).comments as Array<{ id: string; text: string; author: string }>;
    expect(first).toMatchObject({ text: comment, author: '赵*' });
    expect(second).toMatchObject({ author: '匿名网友' });
    // Another citizen sees neither while they wait for moderation.
    expect(expectOk(await call('other', 'consultations', 'get', { id })).comments).toEqual([]);

    // ── Staff: the list shows two comments waiting.
    as('clerk');
    view = render(<StaffConsultations />);
    c = view.container;
    await waitFor(() => expect(c.querySelectorAll('[data-testid=staff-consultation]')).toHaveLength(1));
    const staffRow = el(c, `#staff-consultation-${id}`);
    expect([staffRow.getAttribute('data-pending'), staffRow.getAttribute('data-shown'), staffRow.getAttribute('data-decided')]).toEqual(['2', '0', '0']);
    expect(text(staffRow, '[data-testid=count-pending]')).toBe('待审核 2');
    fireEvent.click(el(c, '#staff-consult-new'));
    expect(navigations).toContain('/packages/staff/consultations/new/index');
    fireEvent.click(staffRow);
    expect(navigations).toContain(`/packages/staff/consultations/detail/index?id=${id}`);
    view.unmount();

    // ── Staff moderate: show the first, refuse the second with a reason.
    view = render(<StaffConsultation />);
    c = view.container;
    await waitFor(() => expect(c.querySelectorAll('[data-testid=staff-comment]')).toHaveLength(2));
    expect(text(c, `#comment-${first!.id}`)).toContain('第二条 开标');
    expect(text(c, `#comment-${second!.id}`)).toContain('全文');
    expect(c.querySelector('#decision-panel')).toBeNull();
    expect(c.querySelector(`#select-${first!.id}`)).toBeNull();
    await click(c, `#moderate-show-${first!.id}`);
    await waitFor(() => expect(el(c, `#comment-${first!.id}`).getAttribute('data-status')).toBe('shown'));
    await click(c, `#moderate-reject-${second!.id}`);
    expect(text(c, `#moderate-error-${second!.id}`)).toContain('请写明理由');
    type(c, `#moderate-reason-${second!.id}`, '与征集事项无关');
    await click(c, `#moderate-reject-${second!.id}`);
    await waitFor(() => expect(el(c, `#comment-${second!.id}`).getAttribute('data-status')).toBe('rejected'));
    expect(text(c, `#comment-${second!.id}`)).toContain('不予展示的理由：与征集事项无关');
    expect(el(c, '#count-pending').getAttribute('data-count')).toBe('0');
    view.unmount();

    // ── 1 April: the period has ended. Comments are no longer taken; staff answer the shown one.
    setNow('2026-04-01T02:00:00Z');
    as('clerk');
    view = render(<StaffConsultation />);
    c = view.container;
    await waitFor(() => expect(c.querySelector('#decision-panel')).toBeTruthy());
    expect(text(c, '#consult-phase')).toBe('已截止，待反馈');
    expect(text(c, '#feedback-undecided')).toBe('还有 1 条已展示的意见未答复采纳情况');
    // Publishing is for an admin.
    expect(c.querySelector('#feedback-publish')).toBeNull();
    expect(c.querySelector('#feedback-admin-only')).toBeTruthy();
    expect(c.querySelector(`#select-${second!.id}`)).toBeNull();
    await click(c, '#decision-save');
    expect(text(c, '#decision-error')).toBe('请先勾选要答复的意见');
    fireEvent.click(el(c, `#select-${first!.id}`));
    expect(el(c, `#select-${first!.id}`).getAttribute('aria-checked')).toBe('true');
    expect(text(c, '#decision-selected')).toBe('已选 1 条意见');
    fireEvent.click(el(c, '#decision-adopted'));
    type(c, '#decision-reason', '已在第二条增加开标延迟通知的规定');
    await click(c, '#decision-save');
    await waitFor(() => expect(c.querySelector('#decision-done')).toBeTruthy());
    expect(text(c, '#decision-done')).toBe('已将 1 条意见答复为“采纳”。');
    expect(text(c, `#comment-${first!.id} [data-testid=comment-decision]`)).toBe('采纳情况：采纳理由：已在第二条增加开标延迟通知的规定');
    expect(c.querySelector('#feedback-undecided')).toBeNull();
    expect(c.querySelector('#feedback-ready')).toBeTruthy();

    // The CSV export goes through the report page's download helper.
    const downloads = captureDownloads();
    try {
      await click(c, '#export-comments');
      await waitFor(() => expect(text(c, '#export-status')).toBe(`已下载 ${draft.title}-意见汇总.csv`));
      expect(downloads.files).toHaveLength(1);
      expect(downloads.files[0]).toMatchObject({ name: `${draft.title}-意见汇总.csv`, type: 'text/csv;charset=utf-8' });
      const csv = await blobText(downloads.files[0]!.blob);
      expect(csv).toContain(`第二条 开标,${comment},赵*`);
      expect(csv).toContain('采纳,已在第二条增加开标延迟通知的规定');
    } finally {
      downloads.restore();
    }
    view.unmount();

    // ── The admin publishes the 采纳情况.
    as('admin');
    view = render(<StaffConsultation />);
    c = view.container;
    await waitFor(() => expect(c.querySelector('#feedback-publish')).toBeTruthy());
    await click(c, '#feedback-publish');
    expect(text(c, '#feedback-error')).toBe('请填写采纳情况说明（至少 10 个字）');
    fireEvent.click(el(c, '#feedback-fill'));
    const statement = (el<HTMLTextAreaElement>(c, '#feedback-statement')).value;
    expect(statement).toContain('本次征集共收到意见 2 条，其中公开展示 1 条，因与征集事项无关等原因不予展示 1 条。经研究，采纳 1 条，部分采纳 0 条，未采纳 0 条');
    await click(c, '#feedback-publish');
    expect(modals.at(-1)?.title).toBe('发布采纳情况');
    await waitFor(() => expect(text(c, '#consult-phase')).toBe('已反馈'));
    expect(text(c, '#feedback')).toContain(statement);
    expect(c.querySelector('#feedback-panel')).toBeNull();
    view.unmount();

    // ── The citizen reads the statement and the decision on their comment; the refused one shows why.
    as('owner');
    view = render(<ConsultDetail />);
    c = view.container;
    await waitFor(() => expect(c.querySelector('#feedback')).toBeTruthy());
    expect(text(c, '#feedback-statement')).toBe(statement);
    expect(text(c, '#feedback-date')).toBe('2026年4月1日 公布');
    expect(el(c, '#feedback-count-adopted').getAttribute('data-count')).toBe('1');
    const decisions = [...c.querySelectorAll('[data-testid=comment-decision]')];
    expect(decisions).toHaveLength(1);
    expect(decisions[0]!.closest('[data-testid=section]')?.id).toBe('section-s2');
    expect(decisions[0]!.getAttribute('data-decision')).toBe('adopted');
    expect(decisions[0]!.textContent).toContain('采纳情况：采纳');
    expect(decisions[0]!.textContent).toContain('理由：已在第二条增加开标延迟通知的规定');
    expect(text(c, `#comment-${second!.id} [data-testid=comment-rejection]`)).toContain('与征集事项无关');
    expect(c.querySelector('#comment-on-s1')).toBeNull();
    expect(c.querySelector('#comment-whole')).toBeNull();
    expect(c.querySelector('#comment-form')).toBeNull();
    view.unmount();

    // Another citizen sees the shown comment with its decision, and not the refused one.
    as('other');
    view = render(<ConsultDetail />);
    c = view.container;
    await waitFor(() => expect(c.querySelector('#feedback')).toBeTruthy());
    expect(c.querySelectorAll('[data-testid=comment]')).toHaveLength(1);
    expect(c.querySelectorAll('[data-testid=comment-decision]')).toHaveLength(1);
    view.unmount();

    // The list: no longer open, found under 已反馈.
    view = render(<ConsultList />);
    c = view.container;
    await waitFor(() => expect(c.querySelector('#consult-empty')).toBeTruthy());
    fireEvent.click(el(c, '#phase-answered'));
    await waitFor(() => expect(c.querySelectorAll('[data-testid=consultation]')).toHaveLength(1));
    expect(text(c, `#consultation-${id}`)).toContain('已反馈');
    expect(text(c, `#consultation-${id}`)).toContain('已公开意见 1 条');
    expect(c.querySelector('[data-testid=consultation-left]')).toBeNull();
  });
});

describe('citizen pages', () => {
  it('says 今天截止 on the last day, and turns a comment refused for closing into a notice and a reload', async () => {
    const { call, as, setNow } = await setup();
    const created = expectOk(await call('clerk', 'consultations', 'create', draft));
    setNow('2026-03-31T15:00:00Z'); // 23:00 on the last day in Shanghai
    as('owner');
    let view = render(<ConsultList />);
    await waitFor(() => expect(text(view.container, '[data-testid=consultation-left]')).toBe('今天截止'));
    view.unmount();

    setRouterParams({ id: created.id });
    view = render(<ConsultDetail />);
    const c = view.container;
    await waitFor(() => expect(c.querySelector('#comment-whole')).toBeTruthy());
    fireEvent.click(el(c, '#comment-whole'));
    type(c, '#comment-text', '建议明确适用范围包括分散采购');
    // Midnight passes while the person is typing.
    setNow('2026-03-31T16:30:00Z');
    await click(c, '#comment-submit');
    await waitFor(() => expect(text(c, '#comment-done')).toBe('该事项已于 2026-03-31 截止征集，不能再提交意见'));
    await waitFor(() => expect(c.querySelector('#comment-whole')).toBeNull());
    expect(text(c, '#consult-closed')).toContain('2026年3月31日 截止');
  });

  it('keeps the comment being written, with its key, across a reopened page', async () => {
    const { call, as } = await setup();
    const created = expectOk(await call('clerk', 'consultations', 'create', draft));
    as('owner');
    setRouterParams({ id: created.id });
    let view = render(<ConsultDetail />);
    await waitFor(() => expect(view.container.querySelector('#comment-on-s1')).toBeTruthy());
    fireEvent.click(el(view.container, '#comment-on-s1'));
    type(view.container, '#comment-text', '建议写明适用于分散采购项目');
    view.unmount();

    view = render(<ConsultDetail />);
    const c = view.container;
    await waitFor(() => expect(c.querySelector('#comment-form')).toBeTruthy());
    expect(el(c, '#section-s1').querySelector('#comment-form')).toBeTruthy();
    expect(c.querySelector('#comment-restored')).toBeTruthy();
    expect((el<HTMLTextAreaElement>(c, '#comment-text')).value).toBe('建议写明适用于分散采购项目');
    await click(c, '#comment-submit');
    await waitFor(() => expect(el(c, '#section-s1').querySelectorAll('[data-testid=comment]')).toHaveLength(1));
  });
});

describe('staff pages', () => {
  it('reload the consultation when someone else moderated the comment first', async () => {
    const { call, as } = await setup();
    const created = expectOk(await call('clerk', 'consultations', 'create', draft));
    const comment = expectOk(await call('owner', 'consultations', 'comment', { idempotencyKey: 'consult-ui-key-000000001', consultationId: created.id, sectionId: 's1', text: '建议写明适用于分散采购项目', display: 'anonymous' }));
    as('clerk');
    setRouterParams({ id: created.id });
    const { container: c } = render(<StaffConsultation />);
    await waitFor(() => expect(c.querySelector(`#moderate-show-${comment.id}`)).toBeTruthy());
    expectOk(await call('admin', 'consultations', 'moderate', { consultationId: created.id, commentId: comment.id, show: true }));
    await click(c, `#moderate-show-${comment.id}`);
    await waitFor(() => expect(el(c, `#comment-${comment.id}`).getAttribute('data-status')).toBe('shown'));
    expect(c.querySelector(`#moderate-show-${comment.id}`)).toBeNull();
    expect(text(c, '#consult-conflict')).toBe('该意见已审核。页面已刷新为最新情况，请查看后再操作。');
  });

  it('tell a citizen the console is for staff, and a reviewer that publishing is for clerks and admins', async () => {
    const { as } = await setup();
    as('owner');
    let view = render(<StaffConsultations />);
    await waitFor(() => expect(view.container.querySelector('#staff-only')).toBeTruthy());
    view.unmount();
    view = render(<StaffConsultationNew />);
    await waitFor(() => expect(view.container.querySelector('#staff-only')).toBeTruthy());
    view.unmount();
    as('reviewer');
    view = render(<StaffConsultationNew />);
    await waitFor(() => expect(view.container.querySelector('#consult-new-forbidden')).toBeTruthy());
    expect(view.container.querySelector('#consult-create')).toBeNull();
    view.unmount();
    view = render(<StaffConsultations />);
    await waitFor(() => expect(view.container.querySelector('#staff-consults-empty')).toBeTruthy());
    expect(view.container.querySelector('#staff-consult-new')).toBeNull();
  });
});
