// Contract of the `catalogue` cloud function: the proactive-disclosure catalogue (主动公开目录).
import * as z from 'zod/mini';
import { cursorSchema, defineAction, defineFunction, idSchema, isoDateSchema, pageLimitSchema } from './core';

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
  /** The document that modifies or repeals this one (已修改 / 已废止). */
  replacedBy: z.optional(z.string()),
  attribute: z.enum(['主动公开', '依申请公开', '不予公开']),
  paragraphs: z.array(z.string()),
});
export type ItemDetail = z.infer<typeof itemDetailSchema>;

/** What the detail page shows: the stored item plus the replacing document's title, when it is public. */
export const itemViewSchema = z.extend(itemDetailSchema, {
  replacedByTitle: z.optional(z.string()),
});

export const documentInputSchema = z.object({
  id: z.optional(idSchema),
  categoryId: idSchema,
  title: z.string().check(z.trim(), z.minLength(4, '请填写标题（至少 4 个字）'), z.maxLength(100, '标题不能超过 100 字')),
  docNo: z.optional(z.string().check(z.trim(), z.maxLength(50, '文号过长'))),
  subject: z.string().check(z.trim(), z.minLength(1, '请选择主题分类'), z.maxLength(20, '主题分类过长')),
  /** 源头认定: the disclosure attribute is decided when the document is created. */
  attribute: z.enum(['主动公开', '依申请公开', '不予公开'], { error: '请认定公开属性' }),
  timeLimit: z.enum(['general', 'licencePenalty'], { error: '请选择公开时限' }),
  formedOn: isoDateSchema,
  paragraphs: z.array(z.string().check(z.maxLength(5000, '段落过长'))).check(z.minLength(1, '请填写正文'), z.maxLength(200, '段落过多')),
});

export const staffDocumentSchema = z.object({
  id: z.string(),
  version: z.int(),
  categoryId: z.string(),
  title: z.string(),
  attribute: z.string(),
  state: z.enum(['draft', 'inReview', 'published', 'rejected', 'withdrawn']),
  stateLabel: z.string(),
  author: z.string(),
  formedOn: z.string(),
  due: z.string(),
  workingDaysLeft: z.int(),
  timeliness: z.enum(['late', 'dueSoon', 'ok', 'onTime', 'publishedLate']),
  reviewReason: z.optional(z.string()),
  withdrawalReason: z.optional(z.string()),
  availableCommands: z.array(z.string()),
  history: z.array(z.object({ at: z.string(), actor: z.string(), action: z.string(), note: z.optional(z.string()) })),
});

export const publishingCommandSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('submit') }),
  z.object({ type: z.literal('approve'), confirmNoSecrets: z.boolean() }),
  z.object({ type: z.literal('reject'), reason: z.string().check(z.maxLength(500, '理由不能超过 500 字')) }),
  z.object({ type: z.literal('revise') }),
  z.object({ type: z.literal('withdraw'), reason: z.string().check(z.maxLength(500, '理由不能超过 500 字')) }),
]);

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
      output: itemViewSchema,
    }),
    staffDocuments: defineAction({
      summary: 'Staff: documents in the publishing workflow with their Art. 26 time limit (late / due soon flagged).',
      access: { kind: 'staff', roles: ['clerk', 'reviewer', 'admin'] },
      input: z.optional(z.object({ state: z.optional(z.enum(['draft', 'inReview', 'published', 'rejected', 'withdrawn'])) })),
      output: z.array(staffDocumentSchema),
    }),
    saveDocument: defineAction({
      summary: 'Staff: creates or edits a draft with its disclosure attribute (源头认定) and catalogue category.',
      access: { kind: 'staff', roles: ['clerk', 'admin'] },
      input: documentInputSchema,
      output: staffDocumentSchema,
    }),
    publishing: defineAction({
      summary: 'Staff: submit for 保密审查, approve (another person), reject with a reason, revise, withdraw with a reason.',
      access: { kind: 'staff', roles: ['clerk', 'reviewer', 'admin'] },
      input: z.object({ id: idSchema, expectedVersion: z.int(), command: publishingCommandSchema }),
      output: staffDocumentSchema,
    }),
    setValidity: defineAction({
      summary: 'Staff: sets a published document’s 有效性; 已修改 / 已废止 name the replacing published document.',
      access: { kind: 'staff', roles: ['clerk', 'admin'] },
      input: z.object({
        id: idSchema,
        validity: z.enum(['现行有效', '已修改', '已废止'], { error: '请选择有效性' }),
        replacedBy: z.optional(idSchema),
      }),
      output: itemViewSchema,
    }),
    indexRule: defineAction({
      summary: 'Staff: the 索引号 rule (pattern and organisation code) new documents are numbered by.',
      access: { kind: 'staff', roles: ['clerk', 'reviewer', 'admin'] },
      input: z.optional(z.object({})),
      output: z.object({ pattern: z.string(), org: z.string(), example: z.string() }),
    }),
    saveIndexRule: defineAction({
      summary: 'Admin: changes the 索引号 rule, e.g. `{org}-{year}-{category}-{seq:5}` (sequence per year and category).',
      access: { kind: 'staff', roles: ['admin'] },
      input: z.object({
        pattern: z.string().check(z.trim(), z.minLength(6, '请填写索引号规则'), z.maxLength(60, '规则过长')),
        org: z.string().check(z.trim(), z.regex(/^[A-Za-z0-9]{2,20}$/, '机构代码只能是 2–20 位字母或数字')),
      }),
      output: z.object({ pattern: z.string(), org: z.string(), example: z.string() }),
    }),
  },
});
