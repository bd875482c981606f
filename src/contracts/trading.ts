// Contract of the `trading` cloud function: 交易公告 read as one chain per project ("一链式": tender →
// changes → candidates → result → contract) and the 开标大厅 (today's bid openings).
import * as z from 'zod/mini';
import { cursorSchema, defineAction, defineFunction, idSchema, isoDateSchema, pageLimitSchema } from './core';
import { idempotencyKeySchema } from './requests';

export const TRANSACTION_TYPES = [
  { key: 'construction', label: '工程建设' },
  { key: 'procurement', label: '政府采购' },
  { key: 'landMining', label: '土地矿业' },
  { key: 'stateAssets', label: '国有产权' },
  { key: 'ruralProperty', label: '农村产权' },
] as const;
export type TransactionType = (typeof TRANSACTION_TYPES)[number]['key'];

/** Stages in chain order. */
export const NOTICE_STAGES = [
  { key: 'tender', label: '招标（采购、出让）公告' },
  { key: 'change', label: '变更（澄清）公告' },
  { key: 'candidates', label: '中标候选人公示' },
  { key: 'result', label: '中标（成交）结果公告' },
  { key: 'contract', label: '合同公示' },
] as const;
export type NoticeStage = (typeof NOTICE_STAGES)[number]['key'];

const typeSchema = z.enum(TRANSACTION_TYPES.map((t) => t.key) as [TransactionType, ...TransactionType[]], { error: '交易类型不正确' });
const stageSchema = z.enum(NOTICE_STAGES.map((s) => s.key) as [NoticeStage, ...NoticeStage[]], { error: '公告阶段不正确' });

export const projectSummarySchema = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  type: typeSchema,
  typeLabel: z.string(),
  /** The furthest stage published so far. */
  stage: stageSchema,
  stageLabel: z.string(),
  latestAt: z.string(),
  noticeCount: z.int(),
  demo: z.boolean(),
});

export const noticeSchema = z.object({
  id: z.string(),
  stage: stageSchema,
  stageLabel: z.string(),
  title: z.string(),
  publishedAt: z.string(),
  paragraphs: z.array(z.string()),
});

export const chainSchema = z.extend(projectSummarySchema, {
  owner: z.string(),
  budget: z.optional(z.string()),
  openingAt: z.optional(z.string()),
  room: z.optional(z.string()),
  /** Every notice of the project in chain order (stage, then date). */
  notices: z.array(noticeSchema),
  /** Stages not reached yet, so the chain shows what comes next. */
  pendingStages: z.array(z.object({ stage: stageSchema, stageLabel: z.string() })),
});

export const openingSchema = z.object({
  projectId: z.string(),
  code: z.string(),
  name: z.string(),
  typeLabel: z.string(),
  time: z.string(),
  room: z.string(),
  status: z.enum(['upcoming', 'inProgress', 'done']),
  statusLabel: z.string(),
  demo: z.boolean(),
});

const text = (label: string, min: number, max: number) =>
  z.string().check(z.trim(), z.minLength(min, min > 1 ? `请填写${label}（至少 ${min} 个字）` : `请填写${label}`), z.maxLength(max, `${label}不能超过 ${max} 字`));

/** A staff member publishes the next notice of a project's chain, or a new project with its tender notice. */
export const publishNoticeInputSchema = z.object({
  idempotencyKey: idempotencyKeySchema,
  project: z.union([
    z.object({ projectId: idSchema }),
    z.object({
      code: z.string().check(z.trim(), z.regex(/^[A-Za-z0-9-]{4,40}$/, '项目编号应为 4–40 位字母、数字或短横线')),
      name: text('项目名称', 4, 80),
      type: typeSchema,
      owner: text('招标人（采购人）', 2, 80),
      budget: z.optional(z.string().check(z.trim(), z.maxLength(30, '预算金额过长'))),
    }),
  ]),
  stage: stageSchema,
  title: text('公告标题', 4, 100),
  paragraphs: z.array(z.string().check(z.maxLength(5000, '段落过长'))).check(z.minLength(1, '请填写公告正文'), z.maxLength(50, '段落过多')),
  /** The bid opening (required with a tender notice; a change notice may move it). */
  opening: z.optional(
    z.object({
      date: isoDateSchema,
      time: z.string().check(z.regex(/^([01]\d|2[0-3]):[0-5]\d$/, '开标时间格式应为 HH:MM')),
      room: text('开标地点', 2, 20),
    }),
  ),
});
export type PublishNoticeInput = z.infer<typeof publishNoticeInputSchema>;

export const tradingContract = defineFunction({
  name: 'trading',
  summary: '交易公告“一链式”与开标大厅',
  actions: {
    listProjects: defineAction({
      summary: 'Projects by transaction type and stage, newest notice first (keyset pagination).',
      access: { kind: 'public' },
      input: z.optional(
        z.object({
          type: z.optional(typeSchema),
          stage: z.optional(stageSchema),
          cursor: cursorSchema,
          limit: pageLimitSchema,
        }),
      ),
      output: z.object({ items: z.array(projectSummarySchema), nextCursor: z.nullable(z.string()) }),
    }),
    getChain: defineAction({
      summary: 'One project with all its notices in chain order (一链式全读).',
      access: { kind: 'public' },
      input: z.object({ projectId: idSchema }),
      output: chainSchema,
    }),
    todayOpenings: defineAction({
      summary: 'The bid openings of a day (today in Asia/Shanghai by default) with their status now.',
      access: { kind: 'public' },
      input: z.optional(z.object({ date: z.optional(isoDateSchema) })),
      output: z.object({ date: z.string(), now: z.string(), openings: z.array(openingSchema) }),
    }),
    publishNotice: defineAction({
      summary: "Staff publish a project's next notice (or a new project with its tender notice); the chain order and the 3-day candidate publicity are enforced; followers are notified.",
      access: { kind: 'staff', roles: ['clerk', 'admin'] },
      input: publishNoticeInputSchema,
      output: z.object({ chain: chainSchema, replayed: z.boolean() }),
    }),
  },
});
