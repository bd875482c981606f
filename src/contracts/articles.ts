// Contract of the `articles` cloud function: the articles of the center's WeChat public account
// (公众号文章), imported from the account on a timer and readable in the mini-app.
import * as z from 'zod/mini';
import { cursorSchema, defineAction, defineFunction, idSchema, pageLimitSchema } from './core';

export const articleSummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  date: z.string(),
  digest: z.string(),
  demo: z.boolean(),
});

export const articleSchema = z.extend(articleSummarySchema, {
  author: z.string(),
  paragraphs: z.array(z.string()),
  /** The article on mp.weixin.qq.com, when the account gave one. */
  url: z.optional(z.string()),
});

const figureSchema = z.nullable(z.object({ value: z.int(), source: z.string() }));

export const articlesContract = defineFunction({
  name: 'articles',
  summary: '公众号文章',
  actions: {
    list: defineAction({
      summary: "The account's articles, newest first (keyset pagination), with the annual report's figures on the account.",
      access: { kind: 'public' },
      input: z.optional(z.object({ cursor: cursorSchema, limit: pageLimitSchema })),
      output: z.object({
        items: z.array(articleSummarySchema),
        nextCursor: z.nullable(z.string()),
        /** Posts in the report's year and followers, each with the report's sentence; null when not stated. */
        figures: z.object({ year: z.nullable(z.int()), posts: figureSchema, followers: figureSchema }),
      }),
    }),
    get: defineAction({
      summary: 'One article: title, date, digest, paragraphs and its 原文链接.',
      access: { kind: 'public' },
      input: z.object({ id: idSchema }),
      output: articleSchema,
    }),
    syncArticles: defineAction({
      summary: "Imports the account's new articles through the PublicAccountFeed port and publishes each (followers are notified) (timer).",
      access: { kind: 'system' },
      input: z.optional(z.object({})),
      output: z.object({ imported: z.int(), announced: z.int(), error: z.optional(z.string()) }),
    }),
  },
});
