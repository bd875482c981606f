/** @jest-environment jsdom */
// 政策解读 and 会议公开 pages rendered against the real `policies` handlers and the seeded demo records.
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import InterpretationList from '@/packages/policy/list/index';
import InterpretationDetail from '@/packages/policy/interpretation/index';
import MeetingList from '@/packages/policy/meetings/index';
import MeetingDetail from '@/packages/policy/meeting/index';
import PolicyStatsPage from '@/packages/policy/stats/index';
import CatalogueDetail from '@/packages/catalogue/detail/index';
import { setTransport } from '@/services/api';
import { navigations, resetTaroStandIn, setRouterParams } from '../support/taro/taro';
import { inProcessTransport } from '../support/in-process-transport';
import { testDeps } from '../support/seeded-store';

let transport: ReturnType<typeof inProcessTransport>;

async function ask<T>(action: string, input: unknown): Promise<T> {
  const answer = (await transport.send('policies', { action, input })) as { ok: boolean; data: T };
  expect(answer.ok).toBe(true);
  return answer.data;
}

beforeEach(async () => {
  resetTaroStandIn();
  transport = inProcessTransport(await testDeps());
  setTransport(transport);
});

afterEach(() => setTransport(undefined));

describe('政策解读 list', () => {
  it('lists interpretations with form, role and document, filters by form and by role, and opens one', async () => {
    const all = await ask<{ items: Array<{ id: string; form: string }> }>('listInterpretations', { limit: 50 });
    const { container } = render(<InterpretationList />);
    const rows = () => [...container.querySelectorAll('[data-testid=interpretation]')];
    await waitFor(() => expect(rows()).toHaveLength(all.items.length));
    expect(rows()[0]!.textContent).toContain('解读文件：');
    expect(rows()[0]!.querySelector('[data-testid=demo-badge]')).not.toBeNull();
    expect(screen.getByText('已显示全部')).toBeTruthy();

    fireEvent.click(container.querySelector('#form-image')!);
    await waitFor(() => expect(rows().length).toBe(all.items.filter((i) => i.form === 'image').length));
    expect(rows().every((row) => row.getAttribute('data-form') === 'image')).toBe(true);
    expect(container.querySelector('#form-image')!.getAttribute('aria-selected')).toBe('true');
    expect(container.querySelector('#form-image')!.textContent).toBe('✓ 图片');

    fireEvent.click(container.querySelector('#role-media')!);
    await waitFor(() => expect(container.querySelector('#list-end')!.textContent).toBe('暂无符合条件的解读'));
    fireEvent.click(container.querySelector('#form-all')!);
    await waitFor(() => expect(rows().length).toBeGreaterThan(0));
    expect(rows().every((row) => row.querySelector('[data-testid=interpretation-role]')!.textContent === '媒体')).toBe(true);

    fireEvent.click(rows()[0]!);
    expect(navigations[0]).toMatch(/^\/packages\/policy\/interpretation\/index\?id=demo-itp-\d{2}$/);
  });
});

describe('政策解读 detail', () => {
  it('shows the four aspects, each picture with its text alternative, the policy document and the meeting', async () => {
    const images = await ask<{ items: Array<{ id: string }> }>('listInterpretations', { form: 'image' });
    const id = images.items[0]!.id;
    const detail = await ask<{ title: string; document: { id: string; title: string }; media: Array<{ alt: string }>; meetings: Array<{ id: string }> }>('getInterpretation', { id });
    setRouterParams({ id });
    const { container } = render(<InterpretationDetail />);
    await waitFor(() => expect(container.querySelector('#interpretation-title')).not.toBeNull());
    expect(container.querySelector('#interpretation-title')!.textContent).toContain(detail.title);
    expect([...container.querySelectorAll('[data-testid=interpretation-section] .pl-section-title')].map((el) => el.textContent)).toEqual(['政策背景', '决策依据', '出台目的', '重要举措']);
    const media = container.querySelector('[data-testid=interpretation-media]')!;
    expect(media.querySelector('[role=img]')!.getAttribute('aria-label')).toBe(detail.media[0]!.alt);
    expect(media.querySelector('img')!.getAttribute('src')).toMatch(/^data:image\/svg\+xml;base64,/);
    expect(media.querySelector('[data-testid=media-alt]')!.textContent).toBe(`图片说明：${detail.media[0]!.alt}`);
    const link = container.querySelector('#policy-document')!;
    expect(link.textContent).toContain(detail.document.title);
    expect(link.textContent).toMatch(/淄公管字〔\d{4}〕\d+号/);
    fireEvent.click(link);
    expect(navigations[0]).toBe(`/packages/catalogue/detail/index?id=${detail.document.id}`);
    fireEvent.click(container.querySelector(`#meeting-${detail.meetings[0]!.id}`)!);
    expect(navigations[1]).toBe(`/packages/policy/meeting/index?id=${detail.meetings[0]!.id}`);
  });

  it('says so when the interpretation does not exist', async () => {
    setRouterParams({ id: 'no-such' });
    render(<InterpretationDetail />);
    expect(await screen.findByText('该解读不存在或已撤回')).toBeTruthy();
  });

  it('is linked from its policy document’s catalogue page', async () => {
    const detail = await ask<{ id: string; document: { id: string } }>('getInterpretation', { id: 'demo-itp-01' });
    setRouterParams({ id: detail.document.id });
    const { container } = render(<CatalogueDetail />);
    await waitFor(() => expect(container.querySelector(`#item-interpretation-${detail.id}`)).not.toBeNull());
    fireEvent.click(container.querySelector(`#item-interpretation-${detail.id}`)!);
    expect(navigations[0]).toBe('/packages/policy/interpretation/index?id=demo-itp-01');
  });
});

describe('会议公开', () => {
  it('lists meetings by kind and shows a meeting’s topics with their interpretations', async () => {
    const { container } = render(<MeetingList />);
    const rows = () => [...container.querySelectorAll('[data-testid=meeting]')];
    await waitFor(() => expect(rows()).toHaveLength(10));
    fireEvent.click(container.querySelector('#load-more')!);
    await waitFor(() => expect(rows()).toHaveLength(13));
    fireEvent.click(container.querySelector('#kind-sanTiSanZheng')!);
    await waitFor(() => expect(rows()).toHaveLength(5));
    expect(rows().every((row) => row.getAttribute('data-kind') === 'sanTiSanZheng')).toBe(true);
    fireEvent.click(container.querySelector('#kind-directorOffice')!);
    await waitFor(() => expect(rows()).toHaveLength(8));
    expect(rows().filter((row) => row.textContent!.includes('邀请第三方机构列席'))).toHaveLength(1);
  });

  it('opens a topic’s interpretation from the meeting', async () => {
    const detail = await ask<{ meetings: Array<{ id: string }> }>('getInterpretation', { id: 'demo-itp-01' });
    setRouterParams({ id: detail.meetings[0]!.id });
    const { container } = render(<MeetingDetail />);
    await waitFor(() => expect(container.querySelectorAll('[data-testid=meeting-topic]')).toHaveLength(4));
    expect(container.querySelector('#meeting-kind')!.textContent).toBe('主任办公会');
    fireEvent.click(container.querySelector('#topic-interpretation-demo-itp-01')!);
    expect(navigations[0]).toBe('/packages/policy/interpretation/index?id=demo-itp-01');
  });
});

describe('解读与会议统计', () => {
  it('shows the report’s 2023 figures with their source sentences beside the records', async () => {
    const { container } = render(<PolicyStatsPage />);
    await waitFor(() => expect(container.querySelector('#stats-computed')).not.toBeNull());
    fireEvent.click(container.querySelector('#year-2023')!);
    await waitFor(() => expect(container.querySelector('#reported-interpretations')?.textContent).toBe('27 次'));
    expect(container.querySelector('#reported-office')!.textContent).toBe('8 次');
    expect(container.querySelector('#reported-topics')!.textContent).toBe('32 个');
    expect(container.querySelector('#reported-santi')!.textContent).toBe('5 次');
    expect(container.querySelectorAll('[data-testid=stats-source]')[0]!.textContent).toContain('全年共发布解读类信息27次。');
    expect(container.querySelector('#computed-directorOffice')!.textContent).toBe('8 次，议题 32 个，第三方列席 1 次');
    expect(container.querySelector('#stats-demo-note')).not.toBeNull();
  });
});
