// Handlers of the `articles` function: the public account's articles (公众号文章), imported through the
// PublicAccountFeed port on a timer and published like any other content (followers are notified).
import { htmlToParagraphs, isWechatArticleUrl, publicAccountFigures } from '../../../src/domain/articles/text';
import { shanghaiDate } from '../../../src/domain/calendar/dates';
import { COLLECTIONS, type ReportDoc } from '../collections';
import { articleItem, recordPublication } from '../publication';
import { FEED_PAGE_SIZE, type FeedArticle } from '../ports/public-account';
import type { StoredDoc } from '../ports/store';
import { AppError, defineHandlers } from '../router';

export const ARTICLES_COLLECTION = 'articles';
/** The report whose figures on the account the list shows (the seed's). */
const FIGURES_REPORT_ID = 'report-2023-v1';
/** At most this many feed pages per run; the account posts a few articles a week. */
const MAX_PAGES = 5;

export interface ArticleDoc {
  /** The article's id in the feed. */
  feedId: string;
  title: string;
  author: string;
  digest: string;
  paragraphs: string[];
  /** mp.weixin.qq.com address; '' when none. */
  url: string;
  date: string;
  updatedAt: string;
  /** `${updatedAt}|${_id}`: unique, newest last. */
  sortKey: string;
  demo: boolean;
}

/** Our id of a feed article: ids that fit the id schema stay, others are made to fit. */
export function articleDocId(feedId: string): string {
  return /^[A-Za-z0-9_-]{1,60}$/.test(feedId) ? feedId : `wx-${feedId.replace(/[^A-Za-z0-9_-]/g, '_')}`.slice(0, 64);
}

export function articleDoc(article: FeedArticle): ArticleDoc & { _id: string } {
  const _id = articleDocId(article.id);
  const paragraphs = htmlToParagraphs(article.html);
  return {
    _id,
    feedId: article.id,
    title: article.title.trim() || '（无标题）',
    author: article.author,
    digest: article.digest.trim() || (paragraphs[0] ?? '').slice(0, 54),
    paragraphs,
    url: isWechatArticleUrl(article.url) ? article.url : '',
    date: shanghaiDate(new Date(article.updatedAt)),
    updatedAt: article.updatedAt,
    sortKey: `${article.updatedAt}|${_id}`,
    demo: article.demo,
  };
}

function summary(doc: StoredDoc<ArticleDoc>) {
  return { id: doc._id, title: doc.title, date: doc.date, digest: doc.digest, demo: doc.demo };
}

export const articlesHandlers = defineHandlers('articles', {
  async list(input, { deps }) {
    const limit = input?.limit ?? 20;
    const docs = await deps.store.find<ArticleDoc>(ARTICLES_COLLECTION, {
      where: input?.cursor ? { sortKey: { $lt: input.cursor } } : {},
      orderBy: [['sortKey', 'desc'], ['_id', 'desc']],
      limit: limit + 1,
    });
    const page = docs.slice(0, limit);
    const report = await deps.store.get<ReportDoc>(COLLECTIONS.reports, FIGURES_REPORT_ID);
    const figures = publicAccountFigures(report ? report.sections.flatMap((section) => section.blocks.flatMap((block) => block.paragraphs)) : []);
    return {
      items: page.map(summary),
      nextCursor: docs.length > limit ? (page[page.length - 1]?.sortKey ?? null) : null,
      figures: { year: report?.year ?? null, ...figures },
    };
  },

  async get(input, { deps }) {
    const doc = await deps.store.get<ArticleDoc>(ARTICLES_COLLECTION, input.id);
    if (!doc) throw new AppError('NOT_FOUND', '未找到该文章');
    return { ...summary(doc), author: doc.author, paragraphs: doc.paragraphs, ...(doc.url ? { url: doc.url } : {}) };
  },

  async syncArticles(_input, { deps }) {
    if (!deps.feed) return { imported: 0, announced: 0, error: '未配置公众号接口' };
    // The very first import is the account's back catalogue: stored and searchable, announced to nobody.
    const announce = (await deps.store.count(ARTICLES_COLLECTION)) > 0;
    let imported = 0;
    let announced = 0;
    try {
      for (let page = 0; page < MAX_PAGES; page++) {
        const { items } = await deps.feed.latest(page * FEED_PAGE_SIZE, FEED_PAGE_SIZE);
        let known = 0;
        for (const article of items) {
          const doc = articleDoc(article);
          const added = await deps.store.transaction(async (tx) => {
            if (await tx.get(ARTICLES_COLLECTION, doc._id)) return false;
            await tx.insert(ARTICLES_COLLECTION, doc);
            await recordPublication(tx, articleItem(doc), deps.clock.now(), { announce });
            return true;
          });
          if (added) {
            imported += 1;
            if (announce) announced += 1;
          } else known += 1;
        }
        // Newest first: a page that holds known articles reaches what earlier runs imported.
        if (known > 0 || items.length < FEED_PAGE_SIZE) break;
      }
    } catch (error) {
      deps.log.error('public account feed failed', { reason: error instanceof Error ? error.message.slice(0, 200) : 'unknown' });
      return { imported, announced, error: '公众号接口暂时不可用' };
    }
    return { imported, announced };
  },
});
