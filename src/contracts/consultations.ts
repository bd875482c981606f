// Contract of the `consultations` cloud function: 意见征集 — staff publish a draft in sections,
// citizens comment while it is open (moderated), staff publish the feedback (采纳情况) after closing.
import * as z from 'zod/mini';
import { defineAction, defineFunction, idSchema, isoDateSchema } from './core';
import { idempotencyKeySchema } from './requests';
import { CONSULTATION_KINDS, DECISIONS } from '../domain/consultations/rules';

const phaseSchema = z.enum(['upcoming', 'open', 'closed', 'answered']);
const decisionSchema = z.enum(DECISIONS, { error: '请选择采纳情况' });

export const consultationInputSchema = z.object({
  title: z.string().check(z.trim(), z.minLength(4, '请填写标题（至少 4 个字）'), z.maxLength(100, '标题不能超过 100 字')),
  kind: z.enum(CONSULTATION_KINDS, { error: '请选择征集事项类型' }),
  /** Normative documents closely tied to market activity need 30 days. */
  marketRelated: z.boolean(),
  summary: z.string().check(z.trim(), z.minLength(1, '请填写起草说明'), z.maxLength(2000, '起草说明不能超过 2000 字')),
  sections: z
    .array(z.object({ heading: z.string().check(z.trim(), z.minLength(1, '请填写条款标题'), z.maxLength(50, '条款标题过长')), text: z.string().check(z.trim(), z.minLength(1, '请填写条款内容'), z.maxLength(5000, '条款内容过长')) }))
    .check(z.minLength(1, '请至少填写一个条款'), z.maxLength(60, '条款不能超过 60 个')),
  startDate: isoDateSchema,
  endDate: isoDateSchema,
  /** Required when the period is shorter than the legal minimum. */
  shortPeriodReason: z.optional(z.string().check(z.trim(), z.maxLength(200, '理由不能超过 200 字'))),
});
export type ConsultationInput = z.infer<typeof consultationInputSchema>;

export const consultationSummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  kind: z.string(),
  kindLabel: z.string(),
  startDate: z.string(),
  endDate: z.string(),
  phase: phaseSchema,
  phaseLabel: z.string(),
  daysLeft: z.nullable(z.int()),
  commentCount: z.int(),
});

export const commentViewSchema = z.object({
  id: z.string(),
  sectionId: z.nullable(z.string()),
  text: z.string(),
  author: z.string(),
  at: z.string(),
  /** pending and rejected comments are seen only by their authors and staff. */
  status: z.enum(['pending', 'shown', 'rejected']),
  rejectionReason: z.optional(z.string()),
  decision: z.optional(z.object({ decision: decisionSchema, label: z.string(), reason: z.string() })),
  mine: z.boolean(),
});

export const consultationDetailSchema = z.extend(consultationSummarySchema, {
  summary: z.string(),
  marketRelated: z.boolean(),
  shortPeriodReason: z.optional(z.string()),
  sections: z.array(z.object({ id: z.string(), heading: z.string(), text: z.string() })),
  comments: z.array(commentViewSchema),
  /** The published feedback (采纳情况): an overall statement, and per-comment decisions above. */
  feedback: z.optional(z.object({ publishedOn: z.string(), statement: z.string() })),
  version: z.int(),
});

export const consultationsContract = defineFunction({
  name: 'consultations',
  summary: '意见征集：征求意见、评论审核与采纳情况反馈',
  actions: {
    list: defineAction({
      summary: 'Published consultations with their phase (征集中 / 已截止 / 已反馈), comment counts and days left.',
      access: { kind: 'public' },
      input: z.optional(z.object({ phase: z.optional(phaseSchema) })),
      output: z.array(consultationSummarySchema),
    }),
    get: defineAction({
      summary: 'One consultation: the draft in sections, the shown comments (plus the caller’s own pending ones), the feedback.',
      access: { kind: 'public' },
      input: z.object({ id: idSchema }),
      output: consultationDetailSchema,
    }),
    comment: defineAction({
      summary: 'A citizen comments on the whole draft or one section while it is open; comments are moderated.',
      access: { kind: 'citizen' },
      input: z.object({
        idempotencyKey: idempotencyKeySchema,
        consultationId: idSchema,
        sectionId: z.optional(z.nullable(idSchema)),
        text: z.string().check(z.trim(), z.minLength(5, '意见至少 5 个字'), z.maxLength(2000, '意见不能超过 2000 字')),
        display: z.enum(['realName', 'anonymous']),
        realName: z.optional(z.string().check(z.trim(), z.maxLength(20, '姓名过长'))),
      }),
      output: commentViewSchema,
    }),
    create: defineAction({
      summary: 'Staff publish a consultation; a period shorter than the legal minimum needs a recorded reason.',
      access: { kind: 'staff', roles: ['clerk', 'admin'] },
      input: consultationInputSchema,
      output: consultationDetailSchema,
    }),
    staffView: defineAction({
      summary: 'Staff: a consultation with every comment, pending ones included.',
      access: { kind: 'staff', roles: ['clerk', 'reviewer', 'admin'] },
      input: z.object({ id: idSchema }),
      output: consultationDetailSchema,
    }),
    moderate: defineAction({
      summary: 'Staff show or reject (with a reason) a pending comment.',
      access: { kind: 'staff', roles: ['clerk', 'admin'] },
      input: z.object({ consultationId: idSchema, commentId: idSchema, show: z.boolean(), reason: z.optional(z.string().check(z.trim(), z.maxLength(200, '理由不能超过 200 字'))) }),
      output: consultationDetailSchema,
    }),
    decide: defineAction({
      summary: 'Staff record the decision on comments after closing (one comment, or a group with one reason).',
      access: { kind: 'staff', roles: ['clerk', 'admin'] },
      input: z.object({
        consultationId: idSchema,
        commentIds: z.array(idSchema).check(z.minLength(1, '请选择意见'), z.maxLength(200)),
        decision: decisionSchema,
        reason: z.string().check(z.trim(), z.minLength(2, '请写明理由'), z.maxLength(1000, '理由不能超过 1000 字')),
      }),
      output: consultationDetailSchema,
    }),
    publishFeedback: defineAction({
      summary: 'Admin publishes the feedback once every shown comment has a decision.',
      access: { kind: 'staff', roles: ['admin'] },
      input: z.object({ consultationId: idSchema, statement: z.string().check(z.trim(), z.minLength(10, '请填写采纳情况说明（至少 10 个字）'), z.maxLength(3000, '说明不能超过 3000 字')) }),
      output: consultationDetailSchema,
    }),
    exportComments: defineAction({
      summary: 'Staff export every comment with its section and decision as CSV (UTF-8 with BOM).',
      access: { kind: 'staff', roles: ['clerk', 'reviewer', 'admin'] },
      input: z.object({ consultationId: idSchema }),
      output: z.object({ filename: z.string(), mimeType: z.string(), content: z.string() }),
    }),
  },
});
