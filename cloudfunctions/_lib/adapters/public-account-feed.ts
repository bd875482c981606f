// Adapters of the public-account feed port. Production: WeChat's `freepublish/batchget` with the
// account's own access token from `cgi-bin/stable_token` (AppID and AppSecret of the public account,
// not the mini-program; the API has no cloud call, so the function's outbound IP must be on the
// account's IP allow-list). It returns posts published with 发布; 群发 posts with a notification are
// not listed by WeChat. Local: demo articles, marked demo. Both pass tests/subscriptions/feed-contract.test.ts.
// https://developers.weixin.qq.com/doc/service/api/public/api_freepublish_batchget.html
import { FEED_PAGE_SIZE, FeedError, type FeedArticle, type FeedPage, type PublicAccountFeed } from '../ports/public-account';
import { DEMO_ARTICLES } from '../seed/articles-demo';

function checkPaging(offset: number, count: number): void {
  if (!Number.isInteger(offset) || offset < 0) throw new FeedError('offset must be a whole number ≥ 0');
  if (!Number.isInteger(count) || count < 1 || count > FEED_PAGE_SIZE) throw new FeedError(`count must be 1…${FEED_PAGE_SIZE}`);
}

export function createLocalPublicAccountFeed(articles: readonly FeedArticle[] = DEMO_ARTICLES): PublicAccountFeed {
  const sorted = [...articles].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt) || a.id.localeCompare(b.id));
  return {
    async latest(offset, count): Promise<FeedPage> {
      checkPaging(offset, count);
      return { total: sorted.length, items: sorted.slice(offset, offset + count) };
    },
  };
}

export interface WechatFeedOptions {
  appId: string;
  appSecret: string;
  /** https://api.weixin.qq.com by default; tests point it at a local stand-in. */
  baseUrl?: string;
  timeoutMs?: number;
}

interface NewsItem {
  title?: string;
  author?: string;
  digest?: string;
  content?: string;
  url?: string;
  is_deleted?: boolean;
}
interface BatchgetAnswer {
  errcode?: number;
  errmsg?: string;
  total_count?: number;
  item?: Array<{ article_id?: string; update_time?: number; content?: { news_item?: NewsItem[] } }>;
}

/** errcodes meaning the access token is no longer valid: fetch a new one once. */
const TOKEN_ERRCODES = new Set([40001, 40014, 42001]);

export function createWechatPublicAccountFeed(options: WechatFeedOptions): PublicAccountFeed {
  const base = (options.baseUrl ?? 'https://api.weixin.qq.com').replace(/\/$/, '');
  let token: { value: string; until: number } | undefined;

  async function post<T>(path: string, body: unknown): Promise<T> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), options.timeoutMs ?? 5000);
    try {
      const response = await fetch(`${base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body), signal: controller.signal });
      if (!response.ok) throw new FeedError(`HTTP ${response.status}`);
      return (await response.json()) as T;
    } catch (error) {
      if (error instanceof FeedError) throw error;
      throw new FeedError(error instanceof Error ? error.message : 'network error');
    } finally {
      clearTimeout(timer);
    }
  }

  async function accessToken(refresh: boolean): Promise<string> {
    if (!refresh && token && token.until > Date.now()) return token.value;
    const answer = await post<{ access_token?: string; expires_in?: number; errcode?: number; errmsg?: string }>('/cgi-bin/stable_token', {
      grant_type: 'client_credential',
      appid: options.appId,
      secret: options.appSecret,
      force_refresh: false,
    });
    if (!answer.access_token) throw new FeedError(`stable_token errcode ${answer.errcode ?? -1}: ${answer.errmsg ?? 'no token'}`);
    // Renew five minutes before WeChat says it expires.
    token = { value: answer.access_token, until: Date.now() + Math.max(0, (answer.expires_in ?? 7200) - 300) * 1000 };
    return token.value;
  }

  return {
    async latest(offset, count): Promise<FeedPage> {
      checkPaging(offset, count);
      let answer: BatchgetAnswer = {};
      for (const refresh of [false, true]) {
        const value = await accessToken(refresh);
        answer = await post<BatchgetAnswer>(`/cgi-bin/freepublish/batchget?access_token=${encodeURIComponent(value)}`, { offset, count, no_content: 0 });
        if (!TOKEN_ERRCODES.has(answer.errcode ?? 0)) break;
      }
      if (answer.errcode) throw new FeedError(`batchget errcode ${answer.errcode}: ${answer.errmsg ?? ''}`);
      const items: FeedArticle[] = [];
      for (const post of answer.item ?? []) {
        if (!post.article_id) continue;
        const updatedAt = new Date((post.update_time ?? 0) * 1000).toISOString();
        (post.content?.news_item ?? []).forEach((news, index) => {
          if (news.is_deleted) return;
          items.push({
            id: `${post.article_id}#${index}`,
            title: news.title ?? '',
            author: news.author ?? '',
            digest: news.digest ?? '',
            html: news.content ?? '',
            url: news.url ?? '',
            updatedAt,
            demo: false,
          });
        });
      }
      return { total: answer.total_count ?? 0, items };
    },
  };
}
