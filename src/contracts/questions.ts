// Contract of the `questions` cloud function: 咨询留言 — citizens ask, staff answer on a working-day
// deadline (首问负责, 一次性告知), answered public questions are published with the asker masked, and
// questions left unanswered are escalated to the administrator well before the 3-month failure line.
import * as z from 'zod/mini';
import { QUESTION_CATEGORIES, type QuestionCategory } from '../domain/questions/rules';
import { cursorSchema, defineAction, defineFunction, idSchema, pageLimitSchema } from './core';
import { idempotencyKeySchema } from './requests';

const categorySchema = z.enum(QUESTION_CATEGORIES.map((c) => c.key) as [QuestionCategory, ...QuestionCategory[]], { error: '请选择留言类别' });
const stateSchema = z.enum(['pending', 'needsDetails', 'answered']);
const monthSchema = z.string().check(z.regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式应为 YYYY-MM'));

export const QUESTION_TITLE_MAX = 40;
export const QUESTION_BODY_MAX = 1000;

export const askInputSchema = z.object({
  idempotencyKey: idempotencyKeySchema,
  category: categorySchema,
  title: z.string({ error: '请填写留言标题' }).check(z.trim(), z.minLength(4, '标题至少 4 个字'), z.maxLength(QUESTION_TITLE_MAX, `标题不能超过 ${QUESTION_TITLE_MAX} 个字`)),
  body: z.string({ error: '请填写留言内容' }).check(z.trim(), z.minLength(10, '留言内容至少 10 个字，请写清楚您要咨询的事项'), z.maxLength(QUESTION_BODY_MAX, `留言内容不能超过 ${QUESTION_BODY_MAX} 字`)),
  /** Private questions are answered to the asker only and never published. */
  private: z.optional(z.boolean()),
  /** Shown masked (张**) on a public answer; without it the asker is 匿名. */
  name: z.optional(z.string().check(z.trim(), z.maxLength(20, '姓名不能超过 20 个字'))),
  /** Optional mobile for follow-up: masked in every list, never logged. */
  contact: z.optional(z.string().check(z.trim(), z.regex(/^(1\d{10})?$/, '手机号码应为 11 位数字，以 1 开头'))),
});
export type AskInput = z.infer<typeof askInputSchema>;

export const publicQuestionSchema = z.object({
  id: z.string(),
  category: z.string(),
  categoryLabel: z.string(),
  title: z.string(),
  body: z.string(),
  /** Masked name (张**) or 匿名. */
  asker: z.string(),
  askedOn: z.string(),
  state: stateSchema,
  stateLabel: z.string(),
  answer: z.optional(z.object({ text: z.string(), on: z.string() })),
  demo: z.boolean(),
});
export type PublicQuestion = z.infer<typeof publicQuestionSchema>;

export const myQuestionSchema = z.extend(publicQuestionSchema, {
  version: z.int(),
  private: z.boolean(),
  contactMasked: z.optional(z.string()),
  /** The last day to answer (restarted when the asker supplements). */
  due: z.string(),
  /** 一次性告知: everything missing, asked for once. */
  detailsRequest: z.optional(z.object({ text: z.string(), missing: z.array(z.string()), on: z.string() })),
  supplement: z.optional(z.object({ text: z.string(), on: z.string() })),
});
export type MyQuestion = z.infer<typeof myQuestionSchema>;

export const staffQuestionSchema = z.extend(myQuestionSchema, {
  urgency: z.enum(['overdue', 'dueSoon', 'ok', 'waitingForAsker', 'answered']),
  workingDaysLeft: z.nullable(z.int()),
  ageDays: z.int(),
  /** Waiting for the center 60+ calendar days after it was asked (computed on read). */
  escalated: z.boolean(),
  /** When the administrator was notified (once per question, by the timer). */
  escalatedAt: z.optional(z.string()),
  /** 首问负责: the first clerk who claimed or answered it. */
  responsible: z.optional(z.string()),
  askerMasked: z.string(),
  history: z.array(z.object({ at: z.string(), actor: z.string(), action: z.string(), note: z.optional(z.string()) })),
  availableActions: z.array(z.string()),
});
export type StaffQuestion = z.infer<typeof staffQuestionSchema>;

export const questionStatsSchema = z.object({
  month: z.string(),
  received: z.int(),
  answered: z.int(),
  answerRate: z.nullable(z.number()),
  averageWorkingDays: z.nullable(z.number()),
  answerWorkingDays: z.int(),
});

export const questionsContract = defineFunction({
  name: 'questions',
  summary: '咨询留言：公开答复、首问负责、一次性告知、超期督办',
  actions: {
    options: defineAction({
      summary: 'Categories, the answer deadline in working days, the daily limit and the server’s date.',
      access: { kind: 'public' },
      input: z.optional(z.object({})),
      output: z.object({
        categories: z.array(z.object({ key: z.string(), label: z.string() })),
        answerWorkingDays: z.int(),
        dailyLimit: z.int(),
        today: z.string(),
      }),
    }),
    ask: defineAction({
      summary: 'A citizen asks a question (content-checked, 5 a day, idempotent); the receipt carries the due date.',
      access: { kind: 'citizen' },
      input: askInputSchema,
      output: z.object({ question: myQuestionSchema, replayed: z.boolean() }),
    }),
    mine: defineAction({
      summary: "The caller's own questions, newest first, with state, due date, answer and any request for details.",
      access: { kind: 'citizen' },
      input: z.optional(z.object({})),
      output: z.array(myQuestionSchema),
    }),
    supplement: defineAction({
      summary: 'The asker supplies the details asked for (once, only while 待补充); the answering clock restarts.',
      access: { kind: 'citizen' },
      input: z.object({
        id: idSchema,
        text: z.string({ error: '请填写补充内容' }).check(z.trim(), z.minLength(5, '补充内容至少 5 个字'), z.maxLength(QUESTION_BODY_MAX, `补充内容不能超过 ${QUESTION_BODY_MAX} 字`)),
      }),
      output: myQuestionSchema,
    }),
    list: defineAction({
      summary: 'Answered public questions, newest answer first, by category (keyset pagination); askers masked.',
      access: { kind: 'public' },
      input: z.optional(z.object({ category: z.optional(categorySchema), cursor: cursorSchema, limit: pageLimitSchema })),
      output: z.object({ items: z.array(publicQuestionSchema), nextCursor: z.nullable(z.string()) }),
    }),
    get: defineAction({
      summary: 'One question: an answered public one for anybody, any of their own for the asker.',
      access: { kind: 'public' },
      input: z.object({ id: idSchema }),
      output: z.object({ question: publicQuestionSchema, mine: z.optional(myQuestionSchema) }),
    }),
    stats: defineAction({
      summary: 'Monthly statistics: received, answered, answer rate, average working days to answer (default: this month).',
      access: { kind: 'public' },
      input: z.optional(z.object({ month: z.optional(monthSchema) })),
      output: questionStatsSchema,
    }),
    queue: defineAction({
      summary: 'Staff radar: questions awaiting an answer or details, overdue first, due soon, escalated (60+ days).',
      access: { kind: 'staff', roles: ['clerk', 'admin'] },
      input: z.optional(z.object({ includeAnswered: z.optional(z.boolean()) })),
      output: z.array(staffQuestionSchema),
    }),
    claim: defineAction({
      summary: '首问负责: the first clerk who takes a question is recorded as responsible for it.',
      access: { kind: 'staff', roles: ['clerk'] },
      input: z.object({ id: idSchema, expectedVersion: z.int() }),
      output: staffQuestionSchema,
    }),
    answer: defineAction({
      summary: 'A clerk answers (published at once when public) or asks once for all missing details (一次性告知).',
      access: { kind: 'staff', roles: ['clerk'] },
      input: z.object({
        id: idSchema,
        expectedVersion: z.int(),
        kind: z.enum(['answer', 'requestDetails'], { error: '请选择答复或一次性告知' }),
        text: z.string({ error: '请填写答复内容' }).check(z.trim(), z.minLength(5, '答复内容至少 5 个字'), z.maxLength(2000, '答复内容不能超过 2000 字')),
        /** requestDetails: every missing item, listed once. */
        missing: z.optional(z.array(z.string().check(z.trim(), z.maxLength(100, '单项补充内容不能超过 100 字'))).check(z.maxLength(10, '需补充的内容最多 10 项'))),
      }),
      output: staffQuestionSchema,
    }),
    saveSettings: defineAction({
      summary: 'Admin: the answer deadline in working days for questions asked from now on (default 5).',
      access: { kind: 'staff', roles: ['admin'] },
      input: z.object({ answerWorkingDays: z.int({ error: '请填写答复期限' }).check(z.gte(1, '答复期限至少 1 个工作日'), z.lte(20, '答复期限最多 20 个工作日')) }),
      output: z.object({ answerWorkingDays: z.int() }),
    }),
    escalate: defineAction({
      summary: 'Notifies the administrator once per question still unanswered 60 calendar days after it was asked (timer).',
      access: { kind: 'system' },
      input: z.optional(z.object({})),
      output: z.object({ escalated: z.int() }),
    }),
  },
});
