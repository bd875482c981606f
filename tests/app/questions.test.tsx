/** @jest-environment jsdom */
// 咨询留言 pages against the real `questions` handlers: ask with inline errors and a receipt with the
// due date, a clerk answers in the staff radar, the public list shows it with the asker masked and the
// month's statistics change; 一次性告知 and the one-shot supplement in 我的留言.
import { act, fireEvent, render, waitFor } from '@testing-library/react';
import QuestionsAsk from '@/packages/questions/ask/index';
import QuestionsList from '@/packages/questions/list/index';
import QuestionsMine from '@/packages/questions/mine/index';
import QuestionDetail from '@/packages/questions/detail/index';
import StaffQuestions from '@/packages/staff/questions/index';
import { setTransport } from '@/services/api';
import type { Deps } from '../../cloudfunctions/_lib/router';
import { resetTaroStandIn, setRouterParams } from '../support/taro/taro';
import { inProcessTransport } from '../support/in-process-transport';
import { testDeps } from '../support/seeded-store';

let deps: Deps;
const as = (openid: string | null) => setTransport(inProcessTransport(deps, openid));

beforeEach(async () => {
  resetTaroStandIn();
  deps = await testDeps();
  deps.clock = { now: () => new Date('2026-03-02T02:00:00Z') };
  as('local-citizen-a');
});

afterEach(() => {
  setTransport(undefined);
  jest.restoreAllMocks();
});

function el(container: HTMLElement, selector: string): HTMLElement {
  const found = container.querySelector<HTMLElement>(selector);
  if (!found) throw new Error(`nothing matches ${selector}`);
  return found;
}
const change = (container: HTMLElement, selector: string, value: string) => fireEvent.change(el(container, selector), { target: { value } });
async function tap(container: HTMLElement, selector: string) {
  await act(async () => {
    fireEvent.click(el(container, selector));
  });
}

async function askOne(title = '保证金什么时候退还') {
  const { container, unmount } = render(<QuestionsAsk />);
  await waitFor(() => el(container, '#ask-submit'));
  await tap(container, '#ask-category-trading');
  change(container, '#field-title', title);
  change(container, '#field-body', '项目结束后投标保证金多久可以退还？需要提交申请吗？');
  change(container, '#field-name', '王小二');
  await tap(container, '#ask-submit');
  await waitFor(() => el(container, '#ask-done'));
  const due = el(container, '#ask-done').dataset.due;
  unmount();
  return due;
}

describe('咨询留言 pages', () => {
  it('shows inline Chinese errors on the labelled form, then a receipt with the due date', async () => {
    const { container } = render(<QuestionsAsk />);
    await waitFor(() => el(container, '#ask-submit'));
    change(container, '#field-contact', '12345');
    await tap(container, '#ask-submit');
    expect(el(container, '#error-category').textContent).toContain('请选择留言类别');
    expect(el(container, '#error-title').textContent).toContain('标题至少 4 个字');
    expect(el(container, '#error-body').textContent).toContain('留言内容至少 10 个字');
    expect(el(container, '#error-contact').textContent).toContain('11 位');
    expect(el(container, '#error-summary').textContent).toContain('有 4 处需要修改');
    expect(el(container, '#label-title').textContent).toBe('标题（必填）');
    await tap(container, '#ask-category-platform');
    change(container, '#field-title', 'CA 证书如何续期');
    change(container, '#field-body', '我单位的 CA 证书即将过期，请问如何续期？');
    change(container, '#field-contact', '13912345678');
    await tap(container, '#ask-submit');
    await waitFor(() => el(container, '#ask-done'));
    expect(el(container, '#ask-done-due').textContent).toBe('本中心将在 2026年3月9日 前答复您');
    expect(el(container, '#ask-done').textContent).toContain('139****5678');
    expect(el(container, '#ask-done').textContent).not.toContain('13912345678');
  });

  it('a clerk answers in the radar; the public list shows it masked and the statistics change', async () => {
    as(null);
    const list1 = render(<QuestionsList />);
    await waitFor(() => el(list1.container, '#question-stats'));
    const before = { received: Number(el(list1.container, '#question-stats').dataset.received), answered: Number(el(list1.container, '#question-stats').dataset.answered) };
    await waitFor(() => expect(list1.container.querySelectorAll('[data-testid=question]').length).toBeGreaterThan(0));
    list1.unmount();

    as('local-citizen-a');
    await askOne();

    as('local-staff-clerk');
    const staff = render(<StaffQuestions />);
    await waitFor(() => expect(staff.container.querySelectorAll('[data-testid=staff-question]')).toHaveLength(1));
    const card = staff.container.querySelector<HTMLElement>('[data-testid=staff-question]')!;
    const id = card.id.replace('staff-question-', '');
    expect(card.textContent).toContain('王**');
    expect(card.textContent).toContain('尚未认领');
    await tap(staff.container, `#open-answer-${id}`);
    change(staff.container, `#answer-text-${id}`, '中标通知书发出后 5 日内退还，无需申请。');
    await tap(staff.container, `#submit-answer-${id}`);
    await waitFor(() => expect(el(staff.container, '#question-action-done').textContent).toContain('已答复'));
    staff.unmount();

    as(null);
    const list2 = render(<QuestionsList />);
    await waitFor(() => el(list2.container, `#question-${id}`));
    expect(el(list2.container, `#question-${id}`).textContent).toContain('留言人 王**');
    expect(list2.container.textContent).not.toContain('王小二');
    await waitFor(() => expect(Number(el(list2.container, '#question-stats').dataset.received)).toBe(before.received + 1));
    expect(Number(el(list2.container, '#question-stats').dataset.answered)).toBe(before.answered + 1);
    await tap(list2.container, '#category-platform');
    await waitFor(() => expect(list2.container.querySelector(`#question-${id}`)).toBeNull());
    list2.unmount();

    setRouterParams({ id });
    const detail = render(<QuestionDetail />);
    await waitFor(() => el(detail.container, '#question-answer'));
    expect(el(detail.container, '#question-answer').textContent).toContain('无需申请');
  });

  it('一次性告知: the asker sees every missing item and supplements once', async () => {
    await askOne('项目咨询需要补充');
    as('local-staff-clerk');
    const staff = render(<StaffQuestions />);
    await waitFor(() => expect(staff.container.querySelectorAll('[data-testid=staff-question]')).toHaveLength(1));
    const id = staff.container.querySelector<HTMLElement>('[data-testid=staff-question]')!.id.replace('staff-question-', '');
    await tap(staff.container, `#open-requestDetails-${id}`);
    change(staff.container, `#answer-text-${id}`, '请补充以下内容，以便准确答复');
    change(staff.container, `#missing-0-${id}`, '项目编号');
    change(staff.container, `#missing-1-${id}`, '投标单位名称');
    await tap(staff.container, `#submit-requestDetails-${id}`);
    await waitFor(() => el(staff.container, '#question-action-done'));
    staff.unmount();

    as('local-citizen-a');
    const mine = render(<QuestionsMine />);
    await waitFor(() => el(mine.container, `#my-question-${id}`));
    expect(el(mine.container, `#my-question-${id}`).dataset.state).toBe('needsDetails');
    expect(el(mine.container, '[data-testid=details-request]').textContent).toContain('2. 投标单位名称');
    await tap(mine.container, `#supplement-${id}-submit`);
    expect(el(mine.container, `#supplement-${id}-error`).textContent).toContain('补充内容至少 5 个字');
    change(mine.container, `#supplement-${id}`, '项目编号 ZBGGZY-2026-0301，投标单位为某某建设公司');
    await tap(mine.container, `#supplement-${id}-submit`);
    await waitFor(() => expect(el(mine.container, `#my-question-${id}`).dataset.state).toBe('pending'));
    expect(mine.container.querySelector(`#supplement-${id}`)).toBeNull();
  });
});
