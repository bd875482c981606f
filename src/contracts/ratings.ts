// Contract of the `ratings` cloud function: 好差评 — citizens rate services; every bad rating becomes a
// rectification case staff answer on a deadline; malicious ratings go through 申诉复核.
import * as z from 'zod/mini';
import { defineAction, defineFunction, idSchema, isoDateSchema } from './core';
import { idempotencyKeySchema } from './requests';

export const SERVICE_ITEMS = [
  { key: 'trading', label: '交易服务' },
  { key: 'bidOpening', label: '开标' },
  { key: 'website', label: '网站与小程序' },
  { key: 'guides', label: '办事指南' },
  { key: 'infoRequest', label: '依申请公开' },
  { key: 'consulting', label: '咨询服务' },
] as const;
export type ServiceItemKey = (typeof SERVICE_ITEMS)[number]['key'];
const serviceItemSchema = z.enum(SERVICE_ITEMS.map((s) => s.key) as [ServiceItemKey, ...ServiceItemKey[]], { error: '请选择评价的服务事项' });

export const ratingInputSchema = z.object({
  serviceItem: serviceItemSchema,
  /** The transaction being rated (项目编号、查询码…); without one, a service item on one day is one transaction. */
  transactionRef: z.optional(z.string().check(z.trim(), z.maxLength(64, '办件编号过长'))),
  serviceDate: isoDateSchema,
  level: z.int({ error: '请选择评价等级' }).check(z.gte(1, '请选择评价等级'), z.lte(5, '请选择评价等级')),
  indicators: z.array(z.string().check(z.maxLength(20))).check(z.maxLength(7, '评价指标过多')),
  comment: z.string().check(z.trim(), z.maxLength(500, '评价内容不能超过 500 字')),
  /** Shown with the rater's name (masked) or as 匿名; the record always keeps who rated. */
  display: z.enum(['realName', 'anonymous'], { error: '请选择是否实名展示' }),
  realName: z.optional(z.string().check(z.trim(), z.maxLength(20, '姓名过长'))),
});
export type RatingInput = z.infer<typeof ratingInputSchema>;

const rectificationStateSchema = z.enum(['open', 'answered', 'closed', 'appealed', 'excluded']);

export const ratingViewSchema = z.object({
  id: z.string(),
  serviceItem: z.string(),
  serviceItemLabel: z.string(),
  level: z.int(),
  levelLabel: z.string(),
  indicators: z.array(z.string()),
  /** Hidden ('') until moderation passes, except for its author. */
  comment: z.string(),
  moderation: z.enum(['shown', 'pending', 'rejected']),
  rater: z.string(),
  ratedOn: z.string(),
  serviceDate: z.string(),
  rectification: z.optional(
    z.object({
      state: rectificationStateSchema,
      stateLabel: z.string(),
      due: z.string(),
      reply: z.optional(z.string()),
      answeredOn: z.optional(z.string()),
    }),
  ),
});
export type RatingView = z.infer<typeof ratingViewSchema>;

export const ratingStatsSchema = z.object({
  total: z.int(),
  byLevel: z.record(z.string(), z.int()),
  byServiceItem: z.record(z.string(), z.int()),
  byMonth: z.array(z.object({ month: z.string(), total: z.int(), bad: z.int() })),
  satisfactionRate: z.nullable(z.number()),
  bad: z.int(),
  rectificationRate: z.nullable(z.number()),
  averageRectificationDays: z.nullable(z.number()),
  excluded: z.int(),
  /** Ratings received before this system, as the annual report states them (no individual records). */
  imported: z.object({ total: z.int(), source: z.string() }),
});

export const staffRatingCaseSchema = z.extend(ratingViewSchema, {
  version: z.int(),
  /** Who rated, for follow-up (staff only; masked phone). */
  raterOpenidMasked: z.string(),
  overdueWorkingDays: z.int(),
  history: z.array(z.object({ at: z.string(), actor: z.string(), action: z.string(), note: z.optional(z.string()) })),
  availableCommands: z.array(z.string()),
  provincialStatus: z.string(),
});

export const ratingCommandSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('answer'), reply: z.string().check(z.trim(), z.minLength(5, '请写明核实整改情况（至少 5 个字）'), z.maxLength(2000, '答复不能超过 2000 字')) }),
  z.object({ type: z.literal('visit'), note: z.string().check(z.trim(), z.minLength(2, '请记录回访情况'), z.maxLength(500, '回访记录不能超过 500 字')) }),
  z.object({ type: z.literal('appeal'), reason: z.string().check(z.trim(), z.minLength(5, '请写明申诉理由（至少 5 个字）'), z.maxLength(500, '申诉理由不能超过 500 字')) }),
  z.object({ type: z.literal('decideAppeal'), malicious: z.boolean(), reason: z.string().check(z.trim(), z.minLength(5, '请写明复核理由（至少 5 个字）'), z.maxLength(500, '复核理由不能超过 500 字')) }),
  z.object({ type: z.literal('moderate'), show: z.boolean(), reason: z.optional(z.string().check(z.maxLength(200))) }),
]);

export const ratingsContract = defineFunction({
  name: 'ratings',
  summary: '好差评：评价、差评整改与申诉复核、统计',
  actions: {
    options: defineAction({
      summary: 'Service items, levels and the indicators offered for each level.',
      access: { kind: 'public' },
      input: z.optional(z.object({})),
      output: z.object({
        serviceItems: z.array(z.object({ key: z.string(), label: z.string() })),
        levels: z.array(z.object({ level: z.int(), label: z.string(), bad: z.boolean(), indicators: z.array(z.string()) })),
        lateRatingWorkingDays: z.int(),
        /** The server's date (Asia/Shanghai): the form's default service date and the limit of the late window. */
        today: z.string(),
      }),
    }),
    submit: defineAction({
      summary: 'A citizen rates a service (one rating per transaction; a late rating within 5 working days).',
      access: { kind: 'citizen' },
      input: z.object({ idempotencyKey: idempotencyKeySchema, rating: ratingInputSchema }),
      output: z.object({ rating: ratingViewSchema, replayed: z.boolean() }),
    }),
    listMine: defineAction({
      summary: "The caller's own ratings with the answers to bad ones.",
      access: { kind: 'citizen' },
      input: z.optional(z.object({})),
      output: z.array(ratingViewSchema),
    }),
    publicList: defineAction({
      summary: 'Recent ratings as the public sees them (names masked, unmoderated comments hidden, excluded ones left out).',
      access: { kind: 'public' },
      input: z.optional(z.object({ serviceItem: z.optional(serviceItemSchema) })),
      output: z.array(ratingViewSchema),
    }),
    stats: defineAction({
      summary: 'Public statistics: by level, service item and month; satisfaction and rectification rates.',
      access: { kind: 'public' },
      input: z.optional(z.object({ year: z.optional(z.int().check(z.gte(2000), z.lte(2100))) })),
      output: ratingStatsSchema,
    }),
    cases: defineAction({
      summary: 'Staff: bad-rating cases by deadline, comments awaiting moderation, appeals awaiting review.',
      access: { kind: 'staff', roles: ['clerk', 'reviewer', 'admin'] },
      input: z.optional(z.object({ includeClosed: z.optional(z.boolean()) })),
      output: z.array(staffRatingCaseSchema),
    }),
    act: defineAction({
      summary: 'Staff: answer a bad rating, record the follow-up visit, appeal a malicious one, decide the appeal, moderate a comment.',
      access: { kind: 'staff', roles: ['clerk', 'reviewer'] },
      input: z.object({ id: idSchema, expectedVersion: z.int(), command: ratingCommandSchema }),
      output: staffRatingCaseSchema,
    }),
    getSettings: defineAction({
      summary: 'The working days staff have to rectify and answer a bad rating (default 5).',
      access: { kind: 'staff', roles: ['clerk', 'reviewer', 'admin'] },
      input: z.optional(z.object({})),
      output: z.object({ rectificationWorkingDays: z.int() }),
    }),
    saveSettings: defineAction({
      summary: 'Admin: sets the rectification deadline for bad ratings, in working days (cities differ: 5 in 德州, 15 in 四川).',
      access: { kind: 'staff', roles: ['admin'] },
      input: z.object({ rectificationWorkingDays: z.int({ error: '请填写整改期限' }).check(z.gte(1, '整改期限至少 1 个工作日'), z.lte(30, '整改期限最多 30 个工作日')) }),
      output: z.object({ rectificationWorkingDays: z.int() }),
    }),
    forwardPending: defineAction({
      summary: 'Forwards ratings to the provincial 好差评 system through its port, with retries (scheduled).',
      access: { kind: 'system' },
      input: z.optional(z.object({})),
      output: z.object({ forwarded: z.int(), failed: z.int(), pending: z.int() }),
    }),
  },
});
