/** @jest-environment jsdom */
// 主动公开发布 (packages/staff/publishing) against the real handlers: a clerk drafts and submits a
// document, a reviewer approves it after ticking the 保密审查 confirmation, citizens are turned away.
import { cleanup, fireEvent, render, waitFor } from '@testing-library/react';
import StaffPublishing from '@/packages/staff/publishing/index';
import { setTransport } from '@/services/api';
import { modals, resetTaroStandIn } from '../support/taro/taro';
import { inProcessTransport } from '../support/in-process-transport';
import { testDeps } from '../support/seeded-store';
import { caller, expectOk, PERSONA_OPENIDS, type PersonaName } from '../support/call';

async function setup() {
  const deps = await testDeps();
  let now = Date.parse('2026-03-02T02:00:00Z');
  deps.clock = { now: () => new Date((now += 1000)) };
  const as = (persona: PersonaName) => setTransport(inProcessTransport(deps, PERSONA_OPENIDS[persona]));
  return { deps, call: caller(deps), as };
}

const documents = (container: HTMLElement) => [...container.querySelectorAll('[data-testid=pub-document]')];
const type = (container: HTMLElement, selector: string, value: string) => fireEvent.input(container.querySelector(selector)!, { target: { value } });

beforeEach(() => resetTaroStandIn());
afterEach(() => setTransport(undefined));

describe('主动公开发布', () => {
  it('lets a clerk draft and submit a document and a reviewer approve it into 已发布', async () => {
    const { call, as } = await setup();
    as('clerk');
    const { container } = render(<StaffPublishing />);
    await waitFor(() => expect(container.querySelector('#pub-new')).toBeTruthy());
    expect(documents(container)).toHaveLength(0);
    expect(container.textContent).toContain('源头认定：不予公开的信息不会上网');

    // Saving without the required fields shows the messages under their fields.
    fireEvent.click(container.querySelector('#pub-save')!);
    await waitFor(() => expect(container.querySelector('#pub-error-title')?.textContent).toBe('请填写标题（至少 4 个字）'));
    expect(container.querySelector('#pub-error-attribute')?.textContent).toBe('请认定公开属性');

    const select = container.querySelector('#pub-category [data-picker-control]') as HTMLSelectElement;
    const categories = expectOk(await call('anonymous', 'catalogue', 'listCategories', {}));
    const index = categories.findIndex((c: { id: string }) => c.id === 'gzzd');
    fireEvent.change(select, { target: { value: String(index) } });
    type(container, '#pub-title', '淄博市公共资源交易中心开评标现场管理办法');
    type(container, '#pub-docno', '淄公管字〔2026〕3号');
    type(container, '#pub-subject', '公共资源交易');
    fireEvent.click(container.querySelector('#pub-attribute-主动公开')!);
    fireEvent.click(container.querySelector('#pub-timelimit-general')!);
    fireEvent.change(container.querySelector('#pub-formedOn [data-picker-control]')!, { target: { value: '2026-02-10' } });
    type(container, '#pub-body', '第一条 为规范开评标现场秩序，制定本办法。\n第二条 本办法自发布之日起施行。');
    fireEvent.click(container.querySelector('#pub-save')!);
    await waitFor(() => expect(documents(container)).toHaveLength(1));

    let doc = documents(container)[0]!;
    const id = doc.id.replace(/^pub-/, '');
    expect(doc.getAttribute('data-state')).toBe('draft');
    expect(doc.textContent).toContain('草稿');
    expect(doc.textContent).toContain(categories[index].name);
    expect(doc.textContent).toContain('主动公开');
    expect(doc.textContent).toContain('公开时限 2026-03-16');
    expect(doc.textContent).toContain('10 个工作日内到期');
    expect(container.querySelector(`#pub-approve-${id}`)).toBeNull();
    fireEvent.click(container.querySelector(`#pub-submit-${id}`)!);
    await waitFor(() => expect(container.querySelector(`#pub-${id}`)?.getAttribute('data-state')).toBe('inReview'));
    expect(container.querySelector(`#pub-${id}`)!.textContent).toContain('待保密审查');
    cleanup();

    as('reviewer');
    const review = render(<StaffPublishing />).container;
    await waitFor(() => expect(review.querySelector(`#pub-approve-${id}`)).toBeTruthy());
    expect(review.querySelector('#pub-new')).toBeNull();
    expect(review.querySelector(`#pub-reason-${id}`)).toBeTruthy();
    // Not confirmed yet: the approve button does nothing.
    fireEvent.click(review.querySelector(`#pub-approve-${id}`)!);
    expect(modals).toHaveLength(0);
    const confirm = review.querySelector(`#pub-confirm-${id}`)!;
    expect(confirm.textContent).toContain('已完成保密审查，信息不涉及国家秘密、商业秘密和个人隐私');
    fireEvent.click(confirm);
    expect(confirm.getAttribute('aria-checked')).toBe('true');
    fireEvent.click(review.querySelector(`#pub-approve-${id}`)!);
    await waitFor(() => expect(review.querySelector(`#pub-${id}`)?.getAttribute('data-state')).toBe('published'));
    expect(modals[0]?.title).toBe('审查通过并发布？');
    doc = review.querySelector(`#pub-${id}`)!;
    expect(doc.textContent).toContain('已发布');
    expect(doc.textContent).toContain('按时发布');
    expect([...doc.querySelectorAll('[data-testid=pub-history]')].map((h) => h.textContent)).toEqual([
      expect.stringContaining('保存草稿'),
      expect.stringContaining('提交保密审查'),
      expect.stringContaining('保密审查通过，发布'),
    ]);
    expect(review.querySelector(`#pub-withdraw-${id}`)).toBeTruthy();
  });

  it('shows a reviewer’s rejection error inline when no reason is given', async () => {
    const { call, as } = await setup();
    let doc = expectOk(await call('clerk', 'catalogue', 'saveDocument', { categoryId: 'gzzd', title: '开评标现场管理办法', subject: '公共资源交易', attribute: '主动公开', timeLimit: 'general', formedOn: '2026-02-02', paragraphs: ['正文'] }));
    doc = expectOk(await call('clerk', 'catalogue', 'publishing', { id: doc.id, expectedVersion: doc.version, command: { type: 'submit' } }));
    as('reviewer');
    const { container } = render(<StaffPublishing />);
    await waitFor(() => expect(container.querySelector(`#pub-reject-${doc.id}`)).toBeTruthy());
    fireEvent.click(container.querySelector(`#pub-reject-${doc.id}`)!);
    await waitFor(() => expect(container.querySelector(`#pub-error-${doc.id}`)?.textContent).toBe('请写明审查不通过的理由'));
    type(container, `#pub-reason-${doc.id}`, '附件含投标人联系人手机号');
    fireEvent.click(container.querySelector(`#pub-reject-${doc.id}`)!);
    await waitFor(() => expect(container.querySelector(`#pub-${doc.id}`)?.getAttribute('data-state')).toBe('rejected'));
    expect(container.querySelector(`#pub-${doc.id}`)!.textContent).toContain('审查意见：附件含投标人联系人手机号');
  });

  it('tells a citizen the page is for staff only', async () => {
    const { as } = await setup();
    as('owner');
    const { container } = render(<StaffPublishing />);
    await waitFor(() => expect(container.querySelector('#staff-only')).toBeTruthy());
    expect(container.textContent).toContain('仅限工作人员使用');
    expect(container.querySelector('#pub-new')).toBeNull();
  });
});
