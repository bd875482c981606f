// Contract of the `catalogue` cloud function: the proactive-disclosure catalogue (主动公开目录).
import * as z from 'zod/mini';
import { cursorSchema, defineAction, defineFunction, idSchema, pageLimitSchema } from './core';

export const categorySchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  itemCount: z.int(),
});
export type Category = z.infer<typeof categorySchema>;

export const itemSummarySchema = z.object({
  id: z.string(),
  categoryId: z.string(),
  title: z.string(),
  /** 索引号 */
  indexNo: z.string(),
  /** 文号, when the document has one. */
  docNo: z.optional(z.string()),
  publisher: z.string(),
  publishedAt: z.string(),
  /** Invented demonstration content, labelled as such wherever it is shown. */
  demo: z.boolean(),
});
export type ItemSummary = z.infer<typeof itemSummarySchema>;

export const itemDetailSchema = z.extend(itemSummarySchema, {
  categoryName: z.string(),
  writtenAt: z.optional(z.string()),
  subject: z.string(),
  validity: z.enum(['现行有效', '已修改', '已废止']),
  attribute: z.enum(['主动公开', '依申请公开', '不予公开']),
  paragraphs: z.array(z.string()),
});
export type ItemDetail = z.infer<typeof itemDetailSchema>;

export const catalogueContract = defineFunction({
  name: 'catalogue',
  summary: '主动公开目录',
  actions: {
    listCategories: defineAction({
      summary: 'Catalogue categories in display order, with their item counts.',
      access: { kind: 'public' },
      input: z.optional(z.object({})),
      output: z.array(categorySchema),
    }),
    listItems: defineAction({
      summary: 'One page of a category’s items, newest first (keyset pagination).',
      access: { kind: 'public' },
      input: z.object({ categoryId: idSchema, cursor: cursorSchema, limit: pageLimitSchema }),
      output: z.object({
        category: categorySchema,
        items: z.array(itemSummarySchema),
        nextCursor: z.nullable(z.string()),
      }),
    }),
    getItem: defineAction({
      summary: 'One published item with its metadata and text.',
      access: { kind: 'public' },
      input: z.object({ id: idSchema }),
      output: itemDetailSchema,
    }),
  },
});
