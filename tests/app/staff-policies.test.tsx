/** @jest-environment jsdom */
// 政策解读与会议发布 (packages/staff/policies) against the real handlers: a clerk records a 文稿
// interpretation; the clerk cannot publish it; a reviewer confirms the 保密审查 and publishes it.
import { fireEvent, render, waitFor } from '@testing-library/react';
import StaffPolicies from '@/packages/staff/policies/index';
import { setTransport } from '@/services/api';
import { modals, resetTaroStandIn } from '../support/taro/taro';
import { inProcessTransport } from '../support/in-process-transport';
import { caller, expectOk, PERSONA_OPENIDS, type PersonaName } from '../support/call';
import { testDeps } from '../support/seeded-store';

afterEach(() => setTransport(undefined));

it('a clerk records an interpretation and a reviewer publishes it', async () => {
  resetTaroStandIn();
  const deps = await testDeps();
  const as = (persona: PersonaName) => setTransport(inProcessTransport(deps, PERSONA_OPENIDS[persona]));

  as('owner');
  const citizen = render(<StaffPolicies />);
  await waitFor(() => expect(citizen.container.querySelector('#staff-only')).not.toBeNull());
  citizen.unmount();

  as('clerk');
  const { container, unmount } = render(<StaffPolicies />);
  const select = () => container.querySelector('#itp-document [data-picker-control]') as HTMLSelectElement;
  await waitFor(() => expect(select().options.length).toBeGreaterThan(0));
  const type = (id: string, value: string) => fireEvent.change(container.querySelector(`#${id} input, #${id} textarea, input#${id}, textarea#${id}`)!, { target: { value } });
  fireEvent.click(container.querySelector('#itp-submit')!);
  await waitFor(() => expect(container.querySelector('#itp-error')!.textContent).toBe('请选择所解读的政策文件'));
  fireEvent.change(select(), { target: { value: '0' } });
  fireEvent.change(container.querySelector('#itp-role [data-picker-control]')!, { target: { value: '1' } });
  type('itp-title', '专家解读：交易服务规程');
  type('itp-interpreter', '某大学教授');
  type('itp-background', '背景一\n背景二');
  type('itp-basis', '依据');
  type('itp-purpose', '目的');
  fireEvent.click(container.querySelector('#itp-submit')!);
  await waitFor(() => expect(container.querySelector('#itp-error')!.textContent).toBe('请填写“重要举措”'));
  type('itp-measures', '举措');
  fireEvent.click(container.querySelector('#itp-submit')!);
  await waitFor(() => expect(container.querySelectorAll('[data-testid=policy-item]')).toHaveLength(1));
  const card = container.querySelector('[data-testid=policy-item]')!;
  expect(card.getAttribute('data-state')).toBe('inReview');
  expect(card.querySelector('[id^=cmd-approve]')).toBeNull();
  unmount();

  as('reviewer');
  const review = render(<StaffPolicies />);
  await waitFor(() => expect(review.container.querySelector('[id^=cmd-approve]')).not.toBeNull());
  fireEvent.click(review.container.querySelector('[id^=cmd-approve]')!);
  await waitFor(() => expect(review.container.querySelector('[data-testid=policy-item]')!.getAttribute('data-state')).toBe('published'));
  expect(modals[0]!.content).toContain('保密审查');

  const call = caller(deps);
  const list = expectOk(await call('anonymous', 'policies', 'listInterpretations', { role: 'expert' }));
  const mine = list.items.find((i: { title: string }) => i.title === '专家解读：交易服务规程');
  expect(mine).toMatchObject({ formLabel: '文稿', roleLabel: '专家', interpreter: '某大学教授', demo: false });
  const detail = expectOk(await call('anonymous', 'policies', 'getInterpretation', { id: mine.id }));
  expect(detail.sections[0]).toMatchObject({ label: '政策背景', paragraphs: ['背景一', '背景二'] });
});
