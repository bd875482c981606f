// Contract of the `subscriptions` cloud function: citizens follow columns (or a transaction type of
// 交易公告) and receive a WeChat subscription message when something new is published there; the
// fan-out from publication events to the notification outbox runs on a timer.
import * as z from 'zod/mini';
import { FOLLOWABLE_COLUMNS, type FollowableColumn } from '../domain/subscriptions/rules';
import { defineAction, defineFunction } from './core';

/** The outbox kind of these messages; the key of its template in SUBSCRIBE_TEMPLATES / SUBSCRIBE_TEMPLATE_IDS. */
export const PUBLICATION_MESSAGE_KIND = 'publication';

export const topicSchema = z.object({
  column: z.enum(FOLLOWABLE_COLUMNS as unknown as [FollowableColumn, ...FollowableColumn[]], { error: '该栏目不支持订阅' }),
  type: z.optional(z.string().check(z.maxLength(32, '订阅类型不正确'), z.regex(/^[A-Za-z]*$/, '订阅类型不正确'))),
  /** 关注此项目: one trading project (column `announcements`); its change, candidates and result notices. */
  projectId: z.optional(z.string().check(z.regex(/^[A-Za-z0-9_-]{1,64}$/, '项目编号不正确'))),
});

export const followSchema = z.object({
  column: z.string(),
  /** '' when the whole column (or a single project) is followed. */
  type: z.string(),
  /** Set when one trading project is followed. */
  projectId: z.optional(z.string()),
  /** 公开目录, 交易公告·政府采购, 交易公告·<project name> … */
  label: z.string(),
  since: z.string(),
});

const followsOutput = z.object({ follows: z.array(followSchema) });

export const topicOptionSchema = z.object({
  column: z.string(),
  label: z.string(),
  description: z.string(),
  /** Finer types that can be followed on their own (交易公告: the transaction types). */
  types: z.array(z.object({ type: z.string(), label: z.string() })),
});

export const messageSchema = z.object({
  id: z.string(),
  title: z.string(),
  body: z.string(),
  at: z.string(),
  /** The page the message opens. */
  page: z.string(),
  status: z.enum(['pending', 'sending', 'sent', 'failed']),
  statusLabel: z.string(),
});

export const subscriptionsContract = defineFunction({
  name: 'subscriptions',
  summary: '栏目订阅与订阅消息（发布即通知）',
  actions: {
    topics: defineAction({
      summary: 'What can be followed: the columns that publish, with their labels and finer types.',
      access: { kind: 'public' },
      input: z.optional(z.object({})),
      output: z.object({ topics: z.array(topicOptionSchema) }),
    }),
    mine: defineAction({
      summary: "The caller's follows.",
      access: { kind: 'citizen' },
      input: z.optional(z.object({})),
      output: followsOutput,
    }),
    follow: defineAction({
      summary: 'Follows a column (or one type of it, or one trading project) for the caller; following twice is one follow.',
      access: { kind: 'citizen' },
      input: z.object({ topic: topicSchema }),
      output: followsOutput,
    }),
    unfollow: defineAction({
      summary: 'Stops following a column (or one type of it, or one trading project); unfollowing what is not followed is fine.',
      access: { kind: 'citizen' },
      input: z.object({ topic: topicSchema }),
      output: followsOutput,
    }),
    messages: defineAction({
      summary: "The caller's own messages (我的消息), newest first: every notice queued for them.",
      access: { kind: 'citizen' },
      input: z.optional(z.object({ limit: z.optional(z.int().check(z.gte(1, '条数至少为 1'), z.lte(100, '条数最多为 100'))) })),
      output: z.object({ items: z.array(messageSchema) }),
    }),
    fanOut: defineAction({
      summary: 'Queues one message per follower for each pending publication event, exactly once, then marks it fanned out (timer).',
      access: { kind: 'system' },
      input: z.optional(z.object({ limit: z.optional(z.int().check(z.gte(1), z.lte(50))) })),
      output: z.object({ events: z.int(), messages: z.int() }),
    }),
  },
});
