// One contract for both PublicAccountFeed adapters: the local demo feed, and the production
// freepublish/batchget client against a local HTTP stand-in of WeChat's API (stable_token + batchget,
// an expired token, an error code, a dropped connection).
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createLocalPublicAccountFeed, createWechatPublicAccountFeed } from '../../cloudfunctions/_lib/adapters/public-account-feed';
import { FEED_PAGE_SIZE, FeedError, type FeedArticle, type PublicAccountFeed } from '../../cloudfunctions/_lib/ports/public-account';

/** 25 posts, the 3rd with two articles and the 5th with a deleted one: 26 articles in all. */
interface StandInPost {
  article_id: string;
  update_time: number;
  content: { news_item: Array<{ title: string; author: string; digest: string; content: string; url: string; is_deleted: boolean }> };
}
const POSTS: StandInPost[] = Array.from({ length: 25 }, (_, i) => ({
  article_id: `AID${String(25 - i).padStart(2, '0')}_x-y`,
  update_time: 1_767_225_600 + (25 - i) * 86_400,
  content: {
    news_item: [
      { title: `文章${25 - i}`, author: '交易中心', digest: `摘要${25 - i}`, content: `<p>正文${25 - i}</p>`, url: `https://mp.weixin.qq.com/s/${25 - i}`, is_deleted: i === 4 },
      ...(i === 2 ? [{ title: '次条', author: '', digest: '', content: '<p>次条正文</p>', url: '', is_deleted: false }] : []),
    ],
  },
}));

function standIn() {
  const state = { tokens: 0, expireNext: false, errcode: 0, drop: false, requests: [] as string[] };
  let valid = '';
  const server: Server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => {
      const url = new URL(request.url ?? '/', 'http://x');
      state.requests.push(url.pathname);
      const send = (value: unknown) => {
        response.setHeader('content-type', 'application/json');
        response.end(JSON.stringify(value));
      };
      if (state.drop) return request.socket.destroy();
      const json = JSON.parse(body || '{}') as Record<string, unknown>;
      if (url.pathname === '/cgi-bin/stable_token') {
        if (json.appid !== 'wx-mp-appid' || json.secret !== 'mp-secret' || json.grant_type !== 'client_credential') return send({ errcode: 40125, errmsg: 'invalid appsecret' });
        state.tokens += 1;
        valid = `token-${state.tokens}`;
        return send({ access_token: valid, expires_in: 7200 });
      }
      if (url.pathname === '/cgi-bin/freepublish/batchget' && request.method === 'POST') {
        if (state.expireNext) {
          state.expireNext = false;
          valid = '';
        }
        if (url.searchParams.get('access_token') !== valid) return send({ errcode: 42001, errmsg: 'access_token expired' });
        if (state.errcode) return send({ errcode: state.errcode, errmsg: 'api unauthorized' });
        const offset = Number(json.offset);
        const count = Number(json.count);
        if (!(count >= 1 && count <= 20) || !(offset >= 0)) return send({ errcode: 40097, errmsg: 'invalid args' });
        const item = POSTS.slice(offset, offset + count);
        return send({ total_count: POSTS.length, item_count: item.length, item: json.no_content === 1 ? item.map(({ content: _c, ...rest }) => rest) : item });
      }
      response.statusCode = 404;
      response.end('not found');
    });
  });
  return { server, state };
}

const stand = standIn();
let base = '';
beforeAll(async () => {
  await new Promise<void>((done) => stand.server.listen(0, '127.0.0.1', done));
  base = `http://127.0.0.1:${(stand.server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((done) => stand.server.close(() => done())));
afterEach(() => Object.assign(stand.state, { expireNext: false, errcode: 0, drop: false }));

const adapters: Array<[string, () => PublicAccountFeed, boolean]> = [
  ['local demo feed', () => createLocalPublicAccountFeed(), true],
  ['WeChat freepublish/batchget', () => createWechatPublicAccountFeed({ appId: 'wx-mp-appid', appSecret: 'mp-secret', baseUrl: base }), false],
];

describe.each(adapters)('PublicAccountFeed contract: %s', (_name, make, demo) => {
  it('pages newest first, each article complete, ids stable and unique', async () => {
    const feed = make();
    const first = await feed.latest(0, 2);
    expect(first.total).toBeGreaterThanOrEqual(first.items.length);
    expect(first.items.length).toBeGreaterThan(0);
    const all: FeedArticle[] = [];
    for (let offset = 0; offset < first.total; offset += FEED_PAGE_SIZE) all.push(...(await feed.latest(offset, FEED_PAGE_SIZE)).items);
    for (const article of all) {
      expect(article.id).toMatch(/\S/);
      expect(article.title).toMatch(/\S/);
      expect(typeof article.html).toBe('string');
      expect(article.url === '' || article.url.startsWith('https://mp.weixin.qq.com/')).toBe(true);
      expect(Number.isNaN(Date.parse(article.updatedAt))).toBe(false);
      expect(article.demo).toBe(demo);
    }
    expect(new Set(all.map((a) => a.id)).size).toBe(all.length);
    const times = all.map((a) => a.updatedAt);
    expect(times).toEqual([...times].sort().reverse());
    expect((await feed.latest(0, 2)).items.map((a) => a.id)).toEqual(first.items.map((a) => a.id));
  });

  it('answers an empty page past the end and refuses bad paging', async () => {
    const feed = make();
    const { total } = await feed.latest(0, 1);
    expect((await feed.latest(total + 5, 5)).items).toEqual([]);
    await expect(feed.latest(-1, 5)).rejects.toBeInstanceOf(FeedError);
    await expect(feed.latest(0, 0)).rejects.toBeInstanceOf(FeedError);
    await expect(feed.latest(0, FEED_PAGE_SIZE + 1)).rejects.toBeInstanceOf(FeedError);
  });
});

describe('WeChat adapter specifics', () => {
  const make = () => createWechatPublicAccountFeed({ appId: 'wx-mp-appid', appSecret: 'mp-secret', baseUrl: base, timeoutMs: 1000 });

  it('flattens multi-article posts, skips deleted ones and keeps the token between calls', async () => {
    const feed = make();
    const before = stand.state.tokens;
    const page = await feed.latest(0, 5);
    expect(page.total).toBe(25);
    expect(page.items.map((a) => a.title)).toEqual(['文章25', '文章24', '文章23', '次条', '文章22']);
    expect(page.items[3]).toMatchObject({ id: 'AID23_x-y#1', url: '', html: '<p>次条正文</p>' });
    expect(page.items[0]).toMatchObject({ id: 'AID25_x-y#0', author: '交易中心', digest: '摘要25', url: 'https://mp.weixin.qq.com/s/25', updatedAt: new Date((1_767_225_600 + 25 * 86_400) * 1000).toISOString() });
    await feed.latest(5, 5);
    expect(stand.state.tokens - before).toBe(1);
  });

  it('fetches a new token once when WeChat says it expired', async () => {
    const feed = make();
    await feed.latest(0, 1);
    const before = stand.state.tokens;
    stand.state.expireNext = true;
    expect((await feed.latest(0, 1)).items).toHaveLength(1);
    expect(stand.state.tokens - before).toBe(1);
  });

  it('reports WeChat error codes, wrong credentials and dropped connections as FeedError', async () => {
    stand.state.errcode = 48001;
    await expect(make().latest(0, 1)).rejects.toThrow(/errcode 48001/);
    stand.state.errcode = 0;
    await expect(createWechatPublicAccountFeed({ appId: 'wx-mp-appid', appSecret: 'wrong', baseUrl: base }).latest(0, 1)).rejects.toThrow(/40125/);
    stand.state.drop = true;
    await expect(make().latest(0, 1)).rejects.toBeInstanceOf(FeedError);
  });
});
