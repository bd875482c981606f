// The `subscriptions` and `articles` functions through the real router on a seeded SQLite store:
// follows are the caller's own, system actions refuse people, the fan-out queues exactly one message
// per follower and event (also when re-run after a crash), and a published document reaches a
// follower through notify.deliverOutbox.
import { handlers } from '../../cloudfunctions/_lib/handlers';
import { dispatch, type Deps } from '../../cloudfunctions/_lib/router';
import { OUTBOX_COLLECTION, type OutboxDoc } from '../../cloudfunctions/_lib/notifications/deliver';
import { PUBLICATION_COLLECTIONS, recordPublication, type PublishedItem } from '../../cloudfunctions/_lib/publication';
import { SUBSCRIPTION_COLLECTION } from '../../cloudfunctions/_lib/handlers/subscriptions';
import { ARTICLES_COLLECTION } from '../../cloudfunctions/_lib/handlers/articles';
import { createLocalPublicAccountFeed } from '../../cloudfunctions/_lib/adapters/public-account-feed';
import { DEMO_ARTICLES } from '../../cloudfunctions/_lib/seed/articles-demo';
import type { DocumentStore } from '../../cloudfunctions/_lib/ports/store';
import type { OutgoingMessage } from '../../cloudfunctions/_lib/ports/messages';
import { caller, expectOk } from '../support/call';
import { testDeps } from '../support/seeded-store';

type TestDeps = Awaited<ReturnType<typeof testDeps>>;

function system(deps: Deps, functionName: string, action: string, input?: unknown) {
  return dispatch(handlers, deps, { functionName, event: { action, input }, identity: { openid: null, trigger: 'timer' } });
}

async function publishEvent(deps: Deps, item: Partial<PublishedItem> & { id: string }) {
  await deps.store.transaction((tx) =>
    recordPublication(tx, { kind: 'notice', column: 'announcements', type: 'procurement', title: '某政府采购项目招标公告', text: '正文', date: '2026-11-29', route: `/packages/trading/chain/index?id=${item.id}`, ...item }, deps.clock.now()),
  );
}

async function outboxFor(store: DocumentStore, eventId: string) {
  return store.find<OutboxDoc>(OUTBOX_COLLECTION, { where: { caseId: eventId }, limit: 100 });
}

let deps: TestDeps;
let call: ReturnType<typeof caller>;
beforeEach(async () => {
  deps = await testDeps();
  call = caller(deps);
});

describe('follows', () => {
  it('lists what can be followed with the home page’s labels and the transaction types', async () => {
    const { topics } = expectOk(await call('anonymous', 'subscriptions', 'topics', {}));
    expect(topics.map((t: { column: string }) => t.column)).toEqual(['catalogue', 'interpretation', 'meetings', 'announcements', 'guides', 'land', 'openDays', 'articles']);
    expect(topics[0].label).toBe('公开目录');
    const announcements = topics.find((t: { column: string }) => t.column === 'announcements');
    expect(announcements.types.map((t: { label: string }) => t.label)).toEqual(['工程建设', '政府采购', '土地矿业', '国有产权', '农村产权']);
  });

  it('follows and unfollows for the caller only; following twice is one follow', async () => {
    expectOk(await call('owner', 'subscriptions', 'follow', { topic: { column: 'catalogue' } }));
    const twice = expectOk(await call('owner', 'subscriptions', 'follow', { topic: { column: 'catalogue' } }));
    expect(twice.follows).toHaveLength(1);
    const typed = expectOk(await call('owner', 'subscriptions', 'follow', { topic: { column: 'announcements', type: 'procurement' } }));
    expect(typed.follows.map((f: { label: string }) => f.label).sort()).toEqual(['交易公告·政府采购', '公开目录']);
    expect(expectOk(await call('other', 'subscriptions', 'mine', {})).follows).toEqual([]);

    // Another user's "unfollow" cannot touch the owner's follows: identity comes from the caller.
    expectOk(await call('other', 'subscriptions', 'unfollow', { topic: { column: 'catalogue' } }));
    expect(expectOk(await call('owner', 'subscriptions', 'mine', {})).follows).toHaveLength(2);
    const after = expectOk(await call('owner', 'subscriptions', 'unfollow', { topic: { column: 'catalogue' } }));
    expect(after.follows.map((f: { column: string }) => f.column)).toEqual(['announcements']);
  });

  it('ignores an openid in the body', async () => {
    const answer = await call('other', 'subscriptions', 'follow', { topic: { column: 'catalogue' }, openid: 'local-citizen-a' });
    expect(answer.ok).toBe(true);
    expect(expectOk(await call('owner', 'subscriptions', 'mine', {})).follows).toEqual([]);
    expect(expectOk(await call('other', 'subscriptions', 'mine', {})).follows).toHaveLength(1);
  });

  it('asks anonymous callers to log in', async () => {
    for (const action of ['mine', 'follow', 'unfollow', 'messages']) {
      const answer = await call('anonymous', 'subscriptions', action, { topic: { column: 'catalogue' } });
      expect(answer.ok ? 'ok' : answer.error.code).toBe('UNAUTHENTICATED');
    }
  });

  it('refuses bad topics with Chinese messages', async () => {
    const cases: Array<[unknown, string]> = [
      [{ topic: { column: 'contact' } }, '该栏目不支持订阅'],
      [{ topic: { column: 'catalogue', type: 'procurement' } }, '该栏目不支持按类型订阅'],
      [{ topic: { column: 'announcements', type: 'lottery' } }, '订阅类型不正确'],
      [{ topic: { column: 'announcements', type: '../x' } }, '订阅类型不正确'],
      [{}, ''],
    ];
    for (const [input, message] of cases) {
      const answer = await call('owner', 'subscriptions', 'follow', input);
      expect(answer.ok).toBe(false);
      if (!answer.ok) {
        expect(answer.error.code).toBe('VALIDATION_FAILED');
        expect(answer.error.message).toContain(message);
      }
    }
    expect(await deps.store.count(SUBSCRIPTION_COLLECTION)).toBe(0);
  });
});

describe('system actions', () => {
  it('refuse people, staff included', async () => {
    for (const persona of ['anonymous', 'owner', 'clerk', 'admin'] as const) {
      for (const [fn, action] of [['subscriptions', 'fanOut'], ['articles', 'syncArticles']]) {
        const answer = await call(persona, fn!, action!, {});
        expect(answer.ok ? 'ok' : answer.error.code).toBe('FORBIDDEN');
      }
    }
  });
});

describe('fan-out', () => {
  it('queues one message per follower the event reaches, fitted to the template fields, then marks the event', async () => {
    expectOk(await call('owner', 'subscriptions', 'follow', { topic: { column: 'announcements' } }));
    // Both the column and the type: still one message.
    expectOk(await call('owner', 'subscriptions', 'follow', { topic: { column: 'announcements', type: 'procurement' } }));
    expectOk(await call('other', 'subscriptions', 'follow', { topic: { column: 'announcements', type: 'construction' } }));
    expectOk(await call('clerk', 'subscriptions', 'follow', { topic: { column: 'announcements', type: 'procurement' } }));
    await publishEvent(deps, { id: 'prj-1', title: '淄博市某区政府采购项目（第二包）公开招标公告及采购文件' });

    const result = expectOk(await system(deps, 'subscriptions', 'fanOut'));
    expect(result).toEqual({ events: 1, messages: 2 });
    const queued = await outboxFor(deps.store, 'notice:prj-1');
    expect(queued.map((m) => m._id).sort()).toEqual(['notice:prj-1|local-citizen-a', 'notice:prj-1|local-staff-clerk']);
    const mine = queued.find((m) => m.recipient === 'local-citizen-a')!;
    expect(mine).toMatchObject({ kind: 'publication', audience: 'applicant', title: '交易公告有新内容', reference: '2026-11-29', page: '/packages/trading/chain/index?id=prj-1', status: 'pending' });
    expect([...mine.body]).toHaveLength(20);
    expect((await deps.store.get<{ status: string }>(PUBLICATION_COLLECTIONS.events, 'notice:prj-1'))!.status).toBe('fannedOut');

    // A second run finds nothing to do.
    expect(expectOk(await system(deps, 'subscriptions', 'fanOut'))).toEqual({ events: 0, messages: 0 });
  });

  it('queues each message exactly once when a run crashes midway and is run again', async () => {
    // 120 followers: three transactions of 50.
    await deps.store.transaction(async (tx) => {
      for (let i = 0; i < 120; i++) {
        const openid = `fan-${String(i).padStart(3, '0')}`;
        await tx.insert(SUBSCRIPTION_COLLECTION, { _id: `${openid}|catalogue`, openid, column: 'catalogue', type: '', since: '2026-01-01T00:00:00.000Z' });
      }
    });
    await publishEvent(deps, { kind: 'document', id: 'doc-1', column: 'catalogue', type: 'gzzd', title: '新制度', route: '/packages/catalogue/detail/index?id=doc-1' });

    // The second transaction fails (the function is killed there).
    let transactions = 0;
    const crashing: DocumentStore = Object.create(deps.store);
    crashing.transaction = (work) => {
      transactions += 1;
      if (transactions === 2) return Promise.reject(new Error('function timed out'));
      return deps.store.transaction(work);
    };
    const crashed = await system({ ...deps, store: crashing }, 'subscriptions', 'fanOut');
    expect(crashed.ok).toBe(false);
    expect(await outboxFor(deps.store, 'document:doc-1')).toHaveLength(50);
    expect((await deps.store.get<{ status: string }>(PUBLICATION_COLLECTIONS.events, 'document:doc-1'))!.status).toBe('pending');

    // Crash after every message is queued but before the event is marked.
    const crashingMark: DocumentStore = Object.create(deps.store);
    crashingMark.update = () => Promise.reject(new Error('connection reset'));
    expect((await system({ ...deps, store: crashingMark }, 'subscriptions', 'fanOut')).ok).toBe(false);
    expect(await deps.store.count(OUTBOX_COLLECTION, { caseId: 'document:doc-1' })).toBe(120);

    const rerun = expectOk(await system(deps, 'subscriptions', 'fanOut'));
    expect(rerun).toEqual({ events: 1, messages: 0 });
    const all = await deps.store.find<OutboxDoc>(OUTBOX_COLLECTION, { where: { caseId: 'document:doc-1' }, limit: 100 });
    const rest = await deps.store.find<OutboxDoc>(OUTBOX_COLLECTION, { where: { caseId: 'document:doc-1' }, skip: 100, limit: 100 });
    const recipients = [...all, ...rest].map((m) => m.recipient);
    expect(recipients).toHaveLength(120);
    expect(new Set(recipients).size).toBe(120);
  });

  it('does not send older news to someone who follows after it was published', async () => {
    await publishEvent(deps, { id: 'prj-old' });
    const later = { ...deps, clock: { now: () => new Date(deps.clock.now().getTime() + 60_000) } };
    expectOk(await caller(later)('owner', 'subscriptions', 'follow', { topic: { column: 'announcements' } }));
    expect(expectOk(await system(deps, 'subscriptions', 'fanOut'))).toEqual({ events: 1, messages: 0 });
  });
});

describe('a published document reaches a follower', () => {
  it('catalogue: clerk drafts, reviewer approves; fanOut queues, notify.deliverOutbox sends; the citizen reads it in 我的消息', async () => {
    const sent: OutgoingMessage[] = [];
    const sending: TestDeps = { ...deps, sender: { send: async (message) => (sent.push(message), { status: 'sent' }) } };
    const as = caller(sending);
    expectOk(await as('owner', 'subscriptions', 'follow', { topic: { column: 'catalogue' } }));

    let doc = expectOk(await as('clerk', 'catalogue', 'saveDocument', { categoryId: 'gzzd', title: '开评标现场管理办法', subject: '公共资源交易', attribute: '主动公开', timeLimit: 'general', formedOn: '2026-11-20', paragraphs: ['第一条 为规范开评标现场秩序，制定本办法。'] }));
    doc = expectOk(await as('clerk', 'catalogue', 'publishing', { id: doc.id, expectedVersion: doc.version, command: { type: 'submit' } }));
    // Nothing is announced before it is published.
    expect(expectOk(await system(sending, 'subscriptions', 'fanOut'))).toEqual({ events: 0, messages: 0 });
    doc = expectOk(await as('reviewer', 'catalogue', 'publishing', { id: doc.id, expectedVersion: doc.version, command: { type: 'approve', confirmNoSecrets: true } }));
    expect(doc.state).toBe('published');

    expect(expectOk(await system(sending, 'subscriptions', 'fanOut'))).toEqual({ events: 1, messages: 1 });
    const delivered = expectOk(await system(sending, 'notify', 'deliverOutbox')) as { sent: number };
    expect(delivered.sent).toBe(1);
    expect(sent).toEqual([expect.objectContaining({ to: 'local-citizen-a', kind: 'publication', title: '公开目录有新内容', body: '开评标现场管理办法', page: `/packages/catalogue/detail/index?id=${doc.id}` })]);

    const { items } = expectOk(await as('owner', 'subscriptions', 'messages', {}));
    expect(items).toEqual([expect.objectContaining({ title: '公开目录有新内容', body: '开评标现场管理办法', status: 'sent', statusLabel: '已发送' })]);
    // Own messages only.
    expect(expectOk(await as('other', 'subscriptions', 'messages', {})).items).toEqual([]);
  });
});

describe('公众号文章', () => {
  it('lists the seeded demo articles newest first with the 2023 figures and reads one', async () => {
    const list = expectOk(await call('anonymous', 'articles', 'list', { limit: 3 }));
    expect(list.items).toHaveLength(3);
    expect(list.items[0].id).toBe('demo-art-004');
    expect(list.items.every((a: { demo: boolean }) => a.demo)).toBe(true);
    expect(list.figures.year).toBe(2023);
    expect(list.figures.posts).toEqual({ value: 313, source: expect.stringContaining('在中心微信公众号发布信息313条') });
    expect(list.figures.followers).toEqual({ value: 6723, source: expect.stringContaining('微信公众号关注人数6723人') });
    const next = expectOk(await call('anonymous', 'articles', 'list', { cursor: list.nextCursor, limit: 3 }));
    expect(next.items.map((a: { id: string }) => a.id)).toEqual(['demo-art-001']);
    expect(next.nextCursor).toBeNull();

    const one = expectOk(await call('anonymous', 'articles', 'get', { id: 'demo-art-004' }));
    expect(one.paragraphs).toHaveLength(3);
    expect(one.url).toBeUndefined();
    const missing = await call('anonymous', 'articles', 'get', { id: 'nope' });
    expect(missing.ok ? 'ok' : missing.error.code).toBe('NOT_FOUND');
    const bad = await call('anonymous', 'articles', 'get', { id: '../x' });
    expect(bad.ok ? 'ok' : bad.error.code).toBe('VALIDATION_FAILED');
  });

  it('syncArticles imports only new articles and announces them to followers of 公众号文章', async () => {
    expect(expectOk(await system(deps, 'articles', 'syncArticles'))).toEqual({ imported: 0, announced: 0 });
    const fresh = { id: 'AbC_123=', title: '交易中心发布2026年第一季度交易数据', author: '交易中心', digest: '一季度交易数据', html: '<p>一季度共完成交易项目。</p>', url: 'https://mp.weixin.qq.com/s/AbC_123', updatedAt: '2026-11-29T03:00:00.000Z', demo: false };
    const withNew = { ...deps, feed: createLocalPublicAccountFeed([...DEMO_ARTICLES, fresh]) };
    expectOk(await call('owner', 'subscriptions', 'follow', { topic: { column: 'articles' } }));
    expect(expectOk(await system(withNew, 'articles', 'syncArticles'))).toEqual({ imported: 1, announced: 1 });
    expect(expectOk(await system(withNew, 'articles', 'syncArticles'))).toEqual({ imported: 0, announced: 0 });
    const article = expectOk(await call('anonymous', 'articles', 'get', { id: 'wx-AbC_123_' }));
    expect(article).toMatchObject({ title: fresh.title, date: '2026-11-29', paragraphs: ['一季度共完成交易项目。'], url: fresh.url, demo: false });
    expect(expectOk(await system(deps, 'subscriptions', 'fanOut'))).toEqual({ events: 1, messages: 1 });
    const [message] = await outboxFor(deps.store, 'article:wx-AbC_123_');
    expect(message).toMatchObject({ recipient: 'local-citizen-a', title: '公众号文章有新内容', page: '/packages/articles/detail/index?id=wx-AbC_123_' });
  });

  it('imports the back catalogue on the first run without announcing it, and says when the feed fails', async () => {
    await deps.store.transaction(async (tx) => {
      for (const a of DEMO_ARTICLES) await tx.remove(ARTICLES_COLLECTION, a.id);
    });
    expect(expectOk(await system(deps, 'articles', 'syncArticles'))).toEqual({ imported: 4, announced: 0 });
    expect(await deps.store.count(PUBLICATION_COLLECTIONS.events)).toBe(0);

    const failing = { ...deps, feed: { latest: () => Promise.reject(new Error('errcode 48001')) } };
    expect(expectOk(await system(failing, 'articles', 'syncArticles'))).toEqual({ imported: 0, announced: 0, error: '公众号接口暂时不可用' });
    const { feed: _none, ...unconfigured } = deps;
    expect(expectOk(await system(unconfigured, 'articles', 'syncArticles'))).toEqual({ imported: 0, announced: 0, error: '未配置公众号接口' });
  });
});
