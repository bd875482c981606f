/** @jest-environment jsdom */
// 我的订阅, 我的消息, 公众号文章 and the 订阅更新 button of 交易公告, against the real handlers: the consent
// prompt is asked inside the tap (before any await), states are said in words, a published document
// reaches the follower's 我的消息.
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import FollowPage from '@/packages/follow/index/index';
import MessagesPage from '@/packages/follow/messages/index';
import ArticlesList from '@/packages/articles/list/index';
import ArticleDetail from '@/packages/articles/detail/index';
import TradingList from '@/packages/trading/list/index';
import { setTransport } from '@/services/api';
import { handlers } from '../../cloudfunctions/_lib/handlers';
import { dispatch } from '../../cloudfunctions/_lib/router';
import { clipboard, navigations, resetTaroStandIn, setRouterParams, subscribeRequests } from '../support/taro/taro';
import { inProcessTransport } from '../support/in-process-transport';
import { testDeps } from '../support/seeded-store';
import { caller, expectOk } from '../support/call';

const savedEnv = { ...process.env };
let deps: Awaited<ReturnType<typeof testDeps>>;

beforeEach(async () => {
  resetTaroStandIn();
  subscribeRequests.length = 0;
  deps = await testDeps();
  setTransport(inProcessTransport(deps, 'local-citizen-a'));
});
afterEach(() => {
  setTransport(undefined);
  process.env = { ...savedEnv };
});

describe('我的订阅', () => {
  it('asks for consent inside the tap, then follows; says the state in words; unfollows without asking', async () => {
    process.env.TARO_ENV = 'weapp';
    process.env.SUBSCRIBE_TEMPLATE_IDS = JSON.stringify({ publication: 'tmpl-pub' });
    const { container } = render(<FollowPage />);
    await waitFor(() => expect(container.querySelectorAll('[data-testid=follow-topic]')).toHaveLength(8));
    const catalogue = () => container.querySelector('#follow-catalogue')!;
    expect(catalogue().getAttribute('aria-checked')).toBe('false');
    expect(catalogue().textContent).toContain('公开目录');
    expect(catalogue().textContent).toContain('订阅');
    expect(catalogue().getAttribute('aria-label')).toBe('公开目录：未订阅');
    expect(container.querySelector('#follow-announcements-procurement')!.textContent).toContain('政府采购');

    fireEvent.click(catalogue());
    // Synchronously, before anything was awaited: WeChat only prompts inside the tap.
    expect(subscribeRequests).toEqual([['tmpl-pub']]);
    await waitFor(() => expect(catalogue().getAttribute('aria-checked')).toBe('true'));
    expect(catalogue().textContent).toContain('已订阅');
    expect(catalogue().getAttribute('aria-label')).toBe('公开目录：已订阅');
    expect(expectOk(await caller(deps)('owner', 'subscriptions', 'mine', {})).follows.map((f: { column: string }) => f.column)).toEqual(['catalogue']);

    fireEvent.click(container.querySelector('#follow-announcements-procurement')!);
    await waitFor(() => expect(container.querySelector('#follow-announcements-procurement')!.getAttribute('aria-checked')).toBe('true'));
    expect(container.querySelector('#follow-announcements')!.getAttribute('aria-checked')).toBe('false');

    fireEvent.click(catalogue());
    await waitFor(() => expect(catalogue().getAttribute('aria-checked')).toBe('false'));
    expect(subscribeRequests).toHaveLength(2);

    fireEvent.click(container.querySelector('#follow-messages')!);
    expect(navigations).toEqual(['/packages/follow/messages/index']);
  });

  it('asks anonymous visitors to log in', async () => {
    setTransport(inProcessTransport(deps, null));
    render(<FollowPage />);
    expect(await screen.findByText('请先登录后再操作')).toBeTruthy();
  });
});

describe('我的消息', () => {
  it('shows the message about a newly published document with its state, and opens it', async () => {
    const call = caller(deps);
    expectOk(await call('owner', 'subscriptions', 'follow', { topic: { column: 'catalogue' } }));
    let doc = expectOk(await call('clerk', 'catalogue', 'saveDocument', { categoryId: 'gzzd', title: '开评标现场管理办法', subject: '公共资源交易', attribute: '主动公开', timeLimit: 'general', formedOn: '2026-11-20', paragraphs: ['正文'] }));
    doc = expectOk(await call('clerk', 'catalogue', 'publishing', { id: doc.id, expectedVersion: doc.version, command: { type: 'submit' } }));
    expectOk(await call('reviewer', 'catalogue', 'publishing', { id: doc.id, expectedVersion: doc.version, command: { type: 'approve', confirmNoSecrets: true } }));

    const { container, unmount } = render(<MessagesPage />);
    await waitFor(() => expect(container.querySelector('#messages-empty')).not.toBeNull());
    unmount();

    await dispatch(handlers, deps, { functionName: 'subscriptions', event: { action: 'fanOut' }, identity: { openid: null, trigger: 'timer' } });
    const page = render(<MessagesPage />).container;
    await waitFor(() => expect(page.querySelectorAll('[data-testid=message]')).toHaveLength(1));
    const message = page.querySelector('[data-testid=message]')!;
    expect(message.textContent).toContain('公开目录有新内容');
    expect(message.querySelector('[data-testid=message-body]')!.textContent).toBe('开评标现场管理办法');
    expect(message.textContent).toContain('待发送');
    fireEvent.click(message);
    expect(navigations).toEqual([`/packages/catalogue/detail/index?id=${doc.id}`]);
  });
});

describe('公众号文章', () => {
  it('lists the articles under the 2023 figures with their source sentences', async () => {
    const { container } = render(<ArticlesList />);
    await waitFor(() => expect(container.querySelectorAll('[data-testid=article]')).toHaveLength(4));
    expect(container.querySelector('#figure-posts')!.getAttribute('data-value')).toBe('313');
    expect(container.querySelector('#figure-posts')!.textContent).toContain('在中心微信公众号发布信息313条');
    expect(container.querySelector('#figure-followers')!.getAttribute('data-value')).toBe('6723');
    expect(container.querySelector('#figure-followers')!.textContent).toContain('淄博市公共资源交易中心微信公众号关注人数6723人');
    expect(container.querySelector('#article-figures')!.textContent).toContain('2023年度报告');
    const first = container.querySelector('[data-testid=article]')!;
    expect(first.id).toBe('article-demo-art-004');
    expect(first.querySelector('[data-testid=demo-badge]')).not.toBeNull();
    expect(screen.getByText('已显示全部')).toBeTruthy();
    fireEvent.click(first);
    expect(navigations).toEqual(['/packages/articles/detail/index?id=demo-art-004']);
  });

  it('shows an article with its paragraphs and the 原文链接 when it has one', async () => {
    await deps.store.insert('articles', { _id: 'wx-real', feedId: 'real#0', title: '一季度交易数据发布', author: '交易中心', digest: '一季度交易情况', paragraphs: ['第一段', '第二段'], url: 'https://mp.weixin.qq.com/s/real', date: '2026-04-01', updatedAt: '2026-04-01T02:00:00.000Z', sortKey: '2026-04-01T02:00:00.000Z|wx-real', demo: false });
    setRouterParams({ id: 'wx-real' });
    const { container } = render(<ArticleDetail />);
    await waitFor(() => expect(container.querySelector('#article-title')).not.toBeNull());
    expect(container.querySelector('#article-title')!.textContent).toBe('一季度交易数据发布');
    expect(container.querySelector('#article-date')!.textContent).toContain('2026年4月1日');
    expect(container.querySelector('#article-digest')!.textContent).toContain('一季度交易情况');
    expect([...container.querySelectorAll('[data-testid=article-paragraph]')].map((p) => p.textContent)).toEqual(['第一段', '第二段']);
    expect(container.querySelector('[data-testid=demo-badge]')).toBeNull();
    await act(async () => {
      fireEvent.click(container.querySelector('#article-original')!);
    });
    expect(clipboard).toEqual(['https://mp.weixin.qq.com/s/real']);
  });

  it('shows no 原文链接 for demo articles and says when an article does not exist', async () => {
    setRouterParams({ id: 'demo-art-001' });
    const { container, unmount } = render(<ArticleDetail />);
    await waitFor(() => expect(container.querySelectorAll('[data-testid=article-paragraph]').length).toBeGreaterThan(0));
    expect(container.querySelector('#article-original')).toBeNull();
    unmount();
    setRouterParams({ id: 'missing' });
    render(<ArticleDetail />);
    expect(await screen.findByText('未找到该文章')).toBeTruthy();
  });
});

describe('交易公告 订阅更新', () => {
  it('follows the selected transaction type and says so', async () => {
    const { container } = render(<TradingList />);
    await waitFor(() => expect(container.querySelectorAll('[data-testid=project]').length).toBeGreaterThan(0));
    fireEvent.click(container.querySelector('#type-procurement')!);
    const button = () => container.querySelector('#trading-follow')!;
    expect(button().textContent).toBe('订阅更新：政府采购公告');
    fireEvent.click(button());
    await waitFor(() => expect(button().getAttribute('aria-checked')).toBe('true'));
    expect(button().textContent).toBe('✓ 已订阅政府采购公告');
    const follows = expectOk(await caller(deps)('owner', 'subscriptions', 'mine', {})).follows;
    expect(follows.map((f: { column: string; type: string }) => `${f.column}:${f.type}`)).toEqual(['announcements:procurement']);
    fireEvent.click(container.querySelector('#type-all')!);
    expect(button().getAttribute('aria-checked')).toBe('false');
  });
});
