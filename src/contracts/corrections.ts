// Contract of the `corrections` cloud function: 找错 — a reader reports an error on a content page;
// staff answer within 3 working days (已更正 / 无需更正, with a reply); the reporter reads the outcome.
import * as z from 'zod/mini';
import { defineAction, defineFunction, idSchema } from './core';
import { idempotencyKeySchema } from './requests';

const stateSchema = z.enum(['pending', 'corrected', 'noChange']);

export const correctionInputSchema = z.object({
  /** The page's route with its query, as the 找错 entry passed it. */
  route: z.string().check(z.trim(), z.minLength(1, '缺少出错的页面'), z.maxLength(200, '页面地址过长')),
  pageTitle: z.string().check(z.trim(), z.minLength(1, '缺少页面标题'), z.maxLength(100, '页面标题过长')),
  quote: z.string().check(z.trim(), z.minLength(1, '请摘录有错误的原文'), z.maxLength(300, '摘录不能超过 300 字')),
  problem: z.string().check(z.trim(), z.minLength(4, '请说明错在哪里（至少 4 个字）'), z.maxLength(1000, '说明不能超过 1000 字')),
  contact: z.optional(z.string().check(z.trim(), z.maxLength(50, '联系方式过长'))),
});
export type CorrectionInput = z.infer<typeof correctionInputSchema>;

export const correctionViewSchema = z.object({
  id: z.string(),
  route: z.string(),
  pageTitle: z.string(),
  quote: z.string(),
  problem: z.string(),
  state: stateSchema,
  stateLabel: z.string(),
  receivedOn: z.string(),
  due: z.string(),
  reply: z.optional(z.string()),
  handledOn: z.optional(z.string()),
});
export type CorrectionView = z.infer<typeof correctionViewSchema>;

export const staffCorrectionSchema = z.extend(correctionViewSchema, {
  version: z.int(),
  /** Masked (phones and e-mail addresses shown in part). */
  contactMasked: z.optional(z.string()),
  overdueWorkingDays: z.int(),
  handledBy: z.optional(z.string()),
});

export const correctionsContract = defineFunction({
  name: 'corrections',
  summary: '找错：内容纠错报告与处理',
  actions: {
    submit: defineAction({
      summary: 'A reader reports an error on a content page (checked by content security; at most 5 a day).',
      access: { kind: 'citizen' },
      input: z.object({ idempotencyKey: idempotencyKeySchema, report: correctionInputSchema }),
      output: z.object({ report: correctionViewSchema, replayed: z.boolean() }),
    }),
    listMine: defineAction({
      summary: "The caller's own reports with their outcome (我的找错).",
      access: { kind: 'citizen' },
      input: z.optional(z.object({})),
      output: z.array(correctionViewSchema),
    }),
    staffList: defineAction({
      summary: 'Staff: reports by due date, pending first (handled ones on request).',
      access: { kind: 'staff', roles: ['clerk', 'reviewer', 'admin'] },
      input: z.optional(z.object({ includeHandled: z.optional(z.boolean()) })),
      output: z.array(staffCorrectionSchema),
    }),
    handle: defineAction({
      summary: 'Staff: marks a report 已更正 or 无需更正 with a reply the reporter reads.',
      access: { kind: 'staff', roles: ['clerk', 'admin'] },
      input: z.object({
        id: idSchema,
        expectedVersion: z.int(),
        outcome: z.enum(['corrected', 'noChange'], { error: '请选择处理结果' }),
        reply: z.string().check(z.trim(), z.minLength(4, '请写明处理答复（至少 4 个字）'), z.maxLength(1000, '答复不能超过 1000 字')),
      }),
      output: staffCorrectionSchema,
    }),
  },
});
