/** @jest-environment jsdom */
// 搜索 rendered against the real `search` handlers over the seeded store, and its entry on the home page.
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import Home from '@/pages/index/index';
import SearchPage from '@/packages/search/index/index';
import { setTransport } from '@/services/api';
import { navigations, resetTaroStandIn, setRouterParams } from '../support/taro/taro';
import { inProcessTransport } from '../support/in-process-transport';
import { testDeps } from '../support/seeded-store';
import { keepDocumentsAndNoticesOnly } from '../support/search-corpus';

beforeEach(async () => {
  resetTaroStandIn();
  const deps = await testDeps();
  await keepDocumentsAndNoticesOnly(deps.store);
  setTransport(inProcessTransport(deps));
});

afterEach(() => setTransport(undefined));

const results = (container: HTMLElement) => [...container.querySelectorAll('[data-testid=search-result]')];

function searchFor(container: HTMLElement, text: string) {
  fireEvent.change(container.querySelector('#search-input')!, { target: { value: text } });
  fireEvent.click(container.querySelector('#search-submit')!);
}

describe('home search entry', () => {
  it('sits at the top of the home page and opens the search page', async () => {
    const { container } = render(<Home />);
    await screen.findByText('淄博市公共资源交易中心');
    const entry = container.querySelector('#home-search')!;
    expect(entry.textContent).toContain('搜索');
    // Before the columns.
    expect(entry.compareDocumentPosition(container.querySelector('#column-catalogue')!) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    fireEvent.click(entry);
    expect(navigations).toEqual(['/packages/search/index/index']);
  });
});

describe('search page', () => {
  it('has a labelled search box, shows counts and results with bold underlined hits, and opens a result', async () => {
    const { container } = render(<SearchPage />);
    const input = container.querySelector('#search-input')!;
    expect(input.getAttribute('aria-label')).toBe('搜索关键词');
    searchFor(container, '现场管理');
    await waitFor(() => expect(results(container).length).toBeGreaterThan(0));
    expect(container.querySelector('#search-count')!.textContent).toMatch(/^找到 \d+ 条与“现场管理”相关的结果/);
    const first = results(container)[0]!;
    const hits = [...first.querySelectorAll('[data-testid=title-hit]')];
    expect(hits.map((hit) => hit.textContent)).toEqual(['现场管理']);
    expect(hits[0]!.className).toBe('sr-hit'); // bold + underline in search.css, not colour only
    expect(first.querySelector('[data-testid=demo-badge]')).not.toBeNull();
    expect(first.textContent).toMatch(/公开文件 · 公开目录 · \d{4}-\d{2}-\d{2}/);
    fireEvent.click(first);
    expect(navigations[0]).toMatch(/^\/packages\/catalogue\/detail\/index\?id=demo-gzzd-/);
  });

  it('narrows by column and by date range, and loads more', async () => {
    const { container } = render(<SearchPage />);
    searchFor(container, '公告');
    await waitFor(() => expect(results(container)).toHaveLength(10));
    expect(container.querySelectorAll('[data-testid=facet]').length).toBe(2);
    fireEvent.change(container.querySelector('#filter-column [data-picker-control]')!, { target: { value: '2' } }); // 交易公告
    await waitFor(() => expect(container.querySelector('#filter-column-value')!.textContent).toBe('交易公告'));
    await waitFor(() => expect(results(container).length).toBeGreaterThan(0));
    await waitFor(() => expect(results(container).every((row) => row.getAttribute('data-kind') === 'notice')).toBe(true));

    fireEvent.change(container.querySelector('#filter-column [data-picker-control]')!, { target: { value: '0' } });
    fireEvent.change(container.querySelector('#filter-from [data-picker-control]')!, { target: { value: '2024-01-01' } });
    fireEvent.change(container.querySelector('#filter-to [data-picker-control]')!, { target: { value: '2024-12-31' } });
    await waitFor(() => expect(container.querySelector('#filter-to-value')!.textContent).toBe('至 2024-12-31'));
    await waitFor(() => expect(results(container).length).toBeGreaterThan(0));
    await waitFor(() => expect(results(container).every((row) => /· 2024-/.test(row.textContent ?? ''))).toBe(true));

    const total = Number(/找到 (\d+) 条/.exec(container.querySelector('#search-count')!.textContent ?? '')![1]);
    if (total > 10) {
      fireEvent.click(container.querySelector('#load-more')!);
      await waitFor(() => expect(results(container).length).toBe(Math.min(total, 20)));
    }
    fireEvent.click(container.querySelector('#filter-clear-dates')!);
    await waitFor(() => expect(container.querySelector('#filter-from-value')!.textContent).toBe('开始日期'));
  });

  it('explains what to do when nothing is found, and asks for a keyword when the box is empty', async () => {
    const { container } = render(<SearchPage />);
    fireEvent.click(container.querySelector('#search-submit')!);
    expect((await screen.findByRole('alert')).textContent).toBe('请输入搜索关键词');
    searchFor(container, '完全无关的词语');
    await waitFor(() => expect(container.querySelector('#search-empty')).not.toBeNull());
    expect(container.querySelector('#search-empty')!.textContent).toContain('无结果');
    expect(container.querySelector('#search-empty')!.textContent).toContain('依申请公开');
    expect(container.querySelector('#search-count')!.textContent).toBe('未找到与“完全无关的词语”相关的内容');
    fireEvent.click(container.querySelector('#search-apply')!);
    expect(navigations).toEqual(['/packages/apply/index/index']);
  });

  it('shows the server\'s Chinese message for a query it refuses', async () => {
    const { container } = render(<SearchPage />);
    searchFor(container, '，。');
    expect((await screen.findByRole('alert')).textContent).toContain('请输入有效的搜索关键词');
  });

  it('searches at once when opened with ?q=, highlighting hits in the snippet too', async () => {
    setRouterParams({ q: encodeURIComponent('开标地点') });
    const { container } = render(<SearchPage />);
    await waitFor(() => expect(results(container).length).toBeGreaterThan(0));
    expect((container.querySelector('#search-input') as HTMLInputElement).value).toBe('开标地点');
    const snippetHits = [...results(container)[0]!.querySelectorAll('[data-testid=snippet-hit]')].map((hit) => hit.textContent);
    expect(snippetHits).toContain('开标地点');
  });
});
