// The public-account feed port: the articles the center's WeChat public account (公众号) has
// published, newest first. Production reads WeChat's freepublish/batchget; local mode serves demo
// articles. Both adapters pass tests/subscriptions/feed-contract.test.ts.

export interface FeedArticle {
  /** Stable id of one article (a multi-article post yields one per article). */
  id: string;
  title: string;
  author: string;
  digest: string;
  /** The article body as WeChat stores it (HTML). */
  html: string;
  /** The article on mp.weixin.qq.com; '' when none. */
  url: string;
  /** When it was last updated (ISO instant). */
  updatedAt: string;
  demo: boolean;
}

export interface FeedPage {
  /** Published posts on the account in all. */
  total: number;
  items: FeedArticle[];
}

/** Largest page WeChat's batchget answers. */
export const FEED_PAGE_SIZE = 20;

export interface PublicAccountFeed {
  /** The articles of posts `offset`…`offset + count - 1` (a post may hold several), newest first (count ≤ FEED_PAGE_SIZE). Throws FeedError. */
  latest(offset: number, count: number): Promise<FeedPage>;
}

export class FeedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FeedError';
  }
}
