// Contract of the `search` cloud function: one search box over everything public (公开文件, 交易公告,
// 办事指南, …), read from the search index that publishing keeps (cloudfunctions/_lib/publication.ts).
import * as z from 'zod/mini';
import { defineAction, defineFunction, isoDateSchema } from './core';

/** Labels of the kinds of public content. */
export const SEARCH_KIND_LABELS: Record<string, string> = {
  document: '公开文件',
  notice: '交易公告',
  guide: '办事指南',
  interpretation: '政策解读',
  meeting: '会议公开',
  parcel: '土地推介',
  article: '公众号文章',
  openDay: '平台开放日',
  question: '咨询留言',
};

/** The columns a search can be narrowed to (keys of the home page's columns), in picker order. */
export const SEARCH_COLUMNS = [
  { key: 'catalogue', label: '公开目录' },
  { key: 'announcements', label: '交易公告' },
  { key: 'guides', label: '办事指南' },
  { key: 'interpretation', label: '政策解读' },
  { key: 'meetings', label: '会议公开' },
  { key: 'land', label: '土地推介' },
  { key: 'openDays', label: '平台开放日' },
  { key: 'articles', label: '公众号文章' },
  { key: 'questions', label: '咨询留言' },
] as const;

/** Results per page. */
export const SEARCH_PAGE_SIZE = 10;
/** Longest query (characters). */
export const SEARCH_QUERY_MAX = 40;

const rangeSchema = z.object({ start: z.int(), end: z.int() });

export const searchResultSchema = z.object({
  kind: z.string(),
  kindLabel: z.string(),
  column: z.string(),
  columnLabel: z.string(),
  type: z.string(),
  title: z.string(),
  titleHighlights: z.array(rangeSchema),
  snippet: z.string(),
  snippetHighlights: z.array(rangeSchema),
  date: z.string(),
  /** The detail page to open (mini-program route with its query). */
  route: z.string(),
  demo: z.boolean(),
});

export const searchQuerySchema = z
  .object({
    q: z.string({ error: '请输入搜索关键词' }).check(z.trim(), z.minLength(1, '请输入搜索关键词'), z.maxLength(SEARCH_QUERY_MAX, `搜索关键词不能超过 ${SEARCH_QUERY_MAX} 个字`)),
    column: z.optional(z.string().check(z.regex(/^[A-Za-z]{1,32}$/, '栏目不正确'))),
    type: z.optional(z.string().check(z.regex(/^[A-Za-z0-9_-]{1,64}$/, '类型不正确'))),
    from: z.optional(isoDateSchema),
    to: z.optional(isoDateSchema),
    page: z.optional(z.int().check(z.gte(1, '页码至少为 1'), z.lte(50, '页码最多为 50'))),
  })
  .check(
    z.refine((input) => !input.from || !input.to || input.from <= input.to, { message: '开始日期不能晚于结束日期', path: ['to'] }),
  );

export const searchContract = defineFunction({
  name: 'search',
  summary: '全站搜索：公开文件、交易公告、办事指南等',
  actions: {
    query: defineAction({
      summary:
        'Searches published content: terms split on spaces and punctuation, title hits first; a Chinese query no document holds exactly falls back to shared bigrams (matchMode "bigram"). Filters: column, type, date range. 10 results a page.',
      access: { kind: 'public' },
      input: searchQuerySchema,
      output: z.object({
        total: z.int(),
        page: z.int(),
        pageSize: z.int(),
        /** exact: every result holds a term; bigram: the fallback for Chinese queries; none: nothing found. */
        matchMode: z.enum(['exact', 'bigram', 'none']),
        /** The terms searched for, as understood. */
        terms: z.array(z.string()),
        results: z.array(searchResultSchema),
        /** Results per column (over all pages). */
        facets: z.array(z.object({ column: z.string(), columnLabel: z.string(), count: z.int() })),
        /** True when more candidates matched than are ranked (narrow the search). */
        truncated: z.boolean(),
      }),
    }),
  },
});
