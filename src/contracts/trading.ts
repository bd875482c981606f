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

/** The center (市本级) and its district sub-centers (分中心), where a project is traded. */
export const DISTRICTS = [
  { key: 'city', label: '市本级' },
  { key: 'zhangdian', label: '张店' },
  { key: 'zichuan', label: '淄川' },
  { key: 'boshan', label: '博山' },
  { key: 'zhoucun', label: '周村' },
  { key: 'linzi', label: '临淄' },
  { key: 'huantai', label: '桓台' },
  { key: 'gaoqing', label: '高青' },
  { key: 'yiyuan', label: '沂源' },
] as const;
export type District = (typeof DISTRICTS)[number]['key'];

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
const districtSchema = z.enum(DISTRICTS.map((d) => d.key) as [District, ...District[]], { error: '交易地区不正确' });

/** 报名中 / 报名截止 / 待开标 / 开标中 / 评标中 / 公示中 / 公示期满 / 已结束, from the notices' dates (src/domain/trading/badges.ts). */
export const badgeSchema = z.object({
  key: z.enum(['signUp', 'signUpClosed', 'awaitingOpening', 'opening', 'evaluating', 'publicity', 'publicityOver', 'ended']),
  label: z.string(),
});

export const projectSummarySchema = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  type: typeSchema,
  typeLabel: z.string(),
  district: districtSchema,
  districtLabel: z.string(),
  /** The furthest stage published so far. */
  stage: stageSchema,
  stageLabel: z.string(),
  latestAt: z.string(),
  noticeCount: z.int(),
  /** Where the project stands now, computed from its dates on the server's clock. */
  badge: badgeSchema,
  demo: z.boolean(),
});

export const noticeSchema = z.object({
  id: z.string(),
  stage: stageSchema,
  stageLabel: z.string(),
  title: z.string(),
  publishedAt: z.string(),
  paragraphs: z.array(z.string()),
  /** Tender (or change) notices: the last day of sign-up. */
  signUpEnds: z.optional(z.string()),
  /** Bidders the notice names; masked (淄博****有限公司) in public views of 招标/变更 notices. */
  bidders: z.optional(z.array(z.string())),
  /** 中标候选人公示: its period and objection deadline, counted on the server's today. */
  publicity: z.optional(z.object({ endsOn: z.string(), objectionDeadline: z.string(), daysLeft: z.int(), text: z.string() })),
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
  signUpEnds: z.optional(z.string()),
  /** True when bidder names in this view are masked (public view); staff see them in full. */
  masked: z.boolean(),
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
      district: districtSchema,
      budget: z.optional(z.string().check(z.trim(), z.maxLength(30, '预算金额过长'))),
    }),
  ]),
  stage: stageSchema,
  title: text('公告标题', 4, 100),
  paragraphs: z.array(z.string().check(z.maxLength(5000, '段落过长'))).check(z.minLength(1, '请填写公告正文'), z.maxLength(50, '段落过多')),
  /** Last day of sign-up (tender notice; a change notice may move it). Defaults to the day before the opening. */
  signUpEnds: z.optional(isoDateSchema),
  /** Bidders the notice names (e.g. whose question a clarification answers); masked publicly before candidates. */
  bidders: z.optional(z.array(text('投标人名称', 2, 60)).check(z.maxLength(30, '投标人过多'))),
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
      summary: 'Projects by transaction type, stage, district, latest-notice date window and keyword (name or code), newest notice first (keyset pagination).',
      access: { kind: 'public' },
      input: z.optional(
        z.object({
          type: z.optional(typeSchema),
          stage: z.optional(stageSchema),
          district: z.optional(districtSchema),
          /** Literal text in the project name or code. */
          keyword: z.optional(z.string().check(z.trim(), z.minLength(1, '请输入关键词'), z.maxLength(40, '关键词不能超过 40 字'))),
          /** Window on the latest notice date (inclusive). */
          from: z.optional(isoDateSchema),
          to: z.optional(isoDateSchema),
          cursor: cursorSchema,
          limit: pageLimitSchema,
        }),
      ),
      output: z.object({ items: z.array(projectSummarySchema), nextCursor: z.nullable(z.string()) }),
    }),
    getChain: defineAction({
      summary: 'One project with all its notices in chain order (一链式全读); bidder names in 招标/变更 notices are masked except for staff.',
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
    stats: defineAction({
      summary: "Statistics: today's notices, projects by transaction type and by district, notices per month over the last 12 months (bounded counts).",
      access: { kind: 'public' },
      input: z.optional(z.object({})),
      output: z.object({
        today: z.string(),
        todayNotices: z.int(),
        totalProjects: z.int(),
        byType: z.array(z.object({ key: z.string(), label: z.string(), count: z.int() })),
        byDistrict: z.array(z.object({ key: z.string(), label: z.string(), count: z.int() })),
        /** Oldest month first. */
        monthly: z.array(z.object({ month: z.string(), count: z.int() })),
        includesDemo: z.boolean(),
      }),
    }),
  },
});
