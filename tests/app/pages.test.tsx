/** @jest-environment jsdom */
// Pages rendered with React Testing Library against the real handlers and a seeded store.
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import Home from '@/pages/index/index';
import Catalogue from '@/pages/catalogue/index';
import CatalogueDetail from '@/packages/catalogue/detail/index';
import Contact from '@/packages/about/contact/index';
import { setTransport } from '@/services/api';
import { navigations, resetTaroStandIn, setRouterParams } from '../support/taro/taro';
import { inProcessTransport } from '../support/in-process-transport';
import { testDeps } from '../support/seeded-store';
import { DEFAULT_COLUMNS } from '../../cloudfunctions/_lib/seed';

let transport: ReturnType<typeof inProcessTransport>;
let deps: Awaited<ReturnType<typeof testDeps>>;

beforeEach(async () => {
  resetTaroStandIn();
  deps = await testDeps();
  transport = inProcessTransport(deps);
  setTransport(transport);
});

afterEach(() => setTransport(undefined));

describe('home', () => {
  it('shows the center and its columns, and says which are not built yet', async () => {
    const { container } = render(<Home />);
    expect(await screen.findByText('淄博市公共资源交易中心')).toBeTruthy();
    const titles = ['公开目录', '政策解读', '会议公开', '交易公告', '开标大厅', '办事指南', '土地推介', '平台开放日', '依申请公开', '好差评', '意见征集', '咨询留言', '公众号文章', '年度报告', '联系我们'];
    const shown = [...container.querySelectorAll('[id^=column-] .list-item-title')].map((el) => el.firstChild?.textContent);
    expect(shown).toEqual(titles);
    // Exactly the columns without a page say 即将上线.
    const planned = DEFAULT_COLUMNS.filter((column) => column.status === 'planned').map((column) => `column-${column.key}`);
    const marked = [...container.querySelectorAll('[id^=column-]')].filter((el) => el.textContent?.includes('即将上线')).map((el) => el.id);
    expect(marked).toEqual(planned);
  });

  it('opens built columns by route and planned ones on the coming-soon page', async () => {
    // Every column of this agency is built; another agency's profile may list one that is not.
    await deps.store.update('agency', 'profile', { columns: [...DEFAULT_COLUMNS, { key: 'pressConferences', title: '新闻发布会', description: '发布会实录', status: 'planned' }] });
    const { container } = render(<Home />);
    await screen.findByText('淄博市公共资源交易中心');
    fireEvent.click(container.querySelector('#column-annualReport')!);
    fireEvent.click(container.querySelector('#column-pressConferences')!);
    expect(navigations).toEqual(['/packages/report/list/index', `/packages/about/coming/index?title=${encodeURIComponent('新闻发布会')}`]);
  });

  it('switches 长辈版 on for the page and remembers it', async () => {
    const { container, unmount } = render(<Home />);
    await screen.findByText('淄博市公共资源交易中心');
    const page = container.querySelector('[data-testid=home]')!;
    expect(page.className).toBe('page');
    fireEvent.click(screen.getByRole('switch'));
    expect(page.className).toBe('page elder');
    unmount();
    const again = render(<Home />);
    await waitFor(() => expect(again.container.querySelector('[data-testid=home]')!.getAttribute('data-elder')).toBe('on'));
  });

  it('shows a Chinese error with a retry that works when the network fails', async () => {
    transport.failNext(1);
    render(<Home />);
    expect(await screen.findByText('网络连接失败，请检查网络后重试')).toBeTruthy();
    await act(async () => {
      fireEvent.click(screen.getByText('重试'));
    });
    expect(await screen.findByText('淄博市公共资源交易中心')).toBeTruthy();
  });
});

describe('catalogue', () => {
  it('lists the first category, switches category, and loads more 20 at a time', async () => {
    const { container } = render(<Catalogue />);
    await waitFor(() => expect(container.querySelectorAll('[data-testid=catalogue-item]')).toHaveLength(4)); // 机构概况
    fireEvent.click(container.querySelector('#category-gzzd')!);
    await waitFor(() => expect(container.querySelectorAll('[data-testid=catalogue-item]')).toHaveLength(20));
    expect(container.querySelector('#category-count')!.textContent).toContain('共 45 条');
    fireEvent.click(container.querySelector('#load-more')!);
    await waitFor(() => expect(container.querySelectorAll('[data-testid=catalogue-item]')).toHaveLength(40));
    fireEvent.click(container.querySelector('#load-more')!);
    await waitFor(() => expect(container.querySelectorAll('[data-testid=catalogue-item]')).toHaveLength(45));
    expect(container.querySelector('#load-more')).toBeNull();
    expect(screen.getByText('已显示全部')).toBeTruthy();
    const ids = [...container.querySelectorAll('[data-testid=catalogue-item]')].map((el) => el.id);
    expect(new Set(ids).size).toBe(45);
  });

  it('marks demo items and opens the detail page', async () => {
    setRouterParams({ category: 'gzzd' });
    const { container } = render(<Catalogue />);
    await waitFor(() => expect(container.querySelectorAll('[data-testid=catalogue-item]').length).toBeGreaterThan(0));
    const first = container.querySelector('[data-testid=catalogue-item]')!;
    expect(first.querySelector('[data-testid=demo-badge]')).toBeTruthy();
    fireEvent.click(first);
    expect(navigations).toEqual([`/packages/catalogue/detail/index?id=${first.id.replace(/^item-/, '')}`]);
  });
});

describe('item detail and contact', () => {
  it('shows an item with its metadata', async () => {
    setRouterParams({ id: 'demo-gzzd-00001' });
    const { container } = render(<CatalogueDetail />);
    await waitFor(() => expect(container.querySelector('#item-title')).toBeTruthy());
    expect(container.querySelector('#item-indexNo')!.textContent).toMatch(/^ZBGGZY-\d{4}-GZZD-00001$/);
    expect(container.querySelector('#item-docNo')!.textContent).toMatch(/^淄公管字〔\d{4}〕1号$/);
    expect(screen.getByText(/【演示内容】/)).toBeTruthy();
  });

  it('says clearly when an item does not exist', async () => {
    setRouterParams({ id: 'missing-item' });
    render(<CatalogueDetail />);
    expect(await screen.findByText('该信息不存在或已撤回')).toBeTruthy();
    expect(screen.getByText('重试')).toBeTruthy();
  });

  it('shows the contact details read from the seed report', async () => {
    const { container } = render(<Contact />);
    await waitFor(() => expect(container.querySelector('#contact-phone')).toBeTruthy());
    expect(container.querySelector('#contact-address')!.textContent).toBe('山东省淄博市高新区柳泉路125号先进陶瓷创新园B座');
    expect(container.querySelector('#contact-postcode')!.textContent).toBe('255000');
    expect(container.querySelector('#contact-phone')!.textContent).toBe('0533-2270076');
    expect(container.querySelector('#contact-email')!.textContent).toBe('sggzyjyzxzhk@zb.shandong.cn');
  });
});
