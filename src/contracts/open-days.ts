// Contract of the `openDays` cloud function: 平台开放日 events (upcoming ones open for sign-up, past
// ones as records with the yearly totals the annual report gives), a citizen's sign-up and its
// cancellation, and staff publishing an event, reading its sign-ups and cancelling it.
import * as z from 'zod/mini';
import { cursorSchema, defineAction, defineFunction, idSchema, isoDateSchema, pageLimitSchema } from './core';
import { idempotencyKeySchema } from './requests';
import { isValidMobile } from '../domain/requests/identity-documents';
import { MAX_CAPACITY, SIGN_UP_ROLES, type OpenDayState, type SignUpRole } from '../domain/open-days/rules';

const STATES = ['notYetOpen', 'open', 'full', 'closed', 'ended', 'cancelled'] as const satisfies readonly OpenDayState[];
const stateSchema = z.enum(STATES);
const roleSchema = z.enum(SIGN_UP_ROLES.map((r) => r.key) as [SignUpRole, ...SignUpRole[]], { error: '请选择身份' });
const timeSchema = z.string().check(z.regex(/^([01]\d|2[0-3]):[0-5]\d$/, '时间格式应为 HH:mm'));

export const eventSummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  /** Instants with the +08:00 offset. */
  startsAt: z.string(),
  endsAt: z.string(),
  /** 2026-03-20 09:00–11:30, Shanghai time. */
  timeText: z.string(),
  place: z.string(),
  /** null for past events kept as records (no online sign-up). */
  capacity: z.nullable(z.int()),
  remaining: z.nullable(z.int()),
  state: stateSchema,
  stateLabel: z.string(),
  signUpClosesAt: z.string(),
  demo: z.boolean(),
});
export type EventSummary = z.infer<typeof eventSummarySchema>;

export const eventDetailSchema = z.extend(eventSummarySchema, {
  signUpOpensAt: z.string(),
  /** Cancellation online is possible until this instant (24 h before the start). */
  cancelDeadline: z.string(),
  description: z.array(z.string()),
  invitees: z.optional(z.string()),
  cancellationReason: z.optional(z.string()),
  /** Why a new sign-up would be refused now; absent while one is possible. */
  signUpRefusal: z.optional(z.string()),
});

const signUpStatusSchema = z.enum(['active', 'cancelled', 'eventCancelled']);

export const signUpViewSchema = z.object({
  id: z.string(),
  receiptNo: z.string(),
  eventId: z.string(),
  eventTitle: z.string(),
  timeText: z.string(),
  place: z.string(),
  name: z.string(),
  phoneMasked: z.string(),
  organisation: z.optional(z.string()),
  role: roleSchema,
  roleLabel: z.string(),
  status: signUpStatusSchema,
  statusLabel: z.string(),
  at: z.string(),
  /** The caller may still cancel it online. */
  cancellable: z.boolean(),
  cancelDeadline: z.string(),
});
export type SignUpView = z.infer<typeof signUpViewSchema>;

export const signUpInputSchema = z
  .object({
    eventId: idSchema,
    name: z.string({ error: '请填写姓名' }).check(z.trim(), z.minLength(1, '请填写姓名'), z.maxLength(30, '姓名不能超过 30 个字')),
    phone: z.string({ error: '请填写手机号码' }).check(z.trim(), z.minLength(1, '请填写手机号码')),
    organisation: z.optional(z.string().check(z.trim(), z.maxLength(100, '单位名称不能超过 100 个字'))),
    role: roleSchema,
    idempotencyKey: idempotencyKeySchema,
  })
  .check(
    z.superRefine((value, ctx) => {
      if (value.phone && !isValidMobile(value.phone)) ctx.addIssue({ code: 'custom', path: ['phone'], message: '手机号码应为 11 位数字，以 1 开头', input: value });
    }),
  );

export const eventInputSchema = z.object({
  title: z.string({ error: '请填写活动名称' }).check(z.trim(), z.minLength(4, '请填写活动名称（至少 4 个字）'), z.maxLength(60, '活动名称不能超过 60 个字')),
  date: isoDateSchema,
  startTime: timeSchema,
  endTime: timeSchema,
  place: z.string({ error: '请填写活动地点' }).check(z.trim(), z.minLength(2, '请填写活动地点'), z.maxLength(100, '活动地点不能超过 100 个字')),
  capacity: z.int({ error: '请填写名额（整数）' }).check(z.gte(1, '名额至少 1 人'), z.lte(MAX_CAPACITY, `名额最多 ${MAX_CAPACITY} 人`)),
  signUpCloseDate: isoDateSchema,
  signUpCloseTime: timeSchema,
  description: z.string({ error: '请填写活动介绍' }).check(z.trim(), z.minLength(1, '请填写活动介绍'), z.maxLength(2000, '活动介绍不能超过 2000 字')),
  invitees: z.optional(z.string().check(z.trim(), z.maxLength(200, '邀请对象不能超过 200 字'))),
});
export type EventInput = z.infer<typeof eventInputSchema>;

export const yearFigureSchema = z.object({ year: z.int(), count: z.int(), source: z.string() });

export const openDaysContract = defineFunction({
  name: 'openDays',
  summary: '平台开放日：活动报名与往期回顾',
  actions: {
    list: defineAction({
      summary: 'Upcoming events (soonest first, with places left and state in words) and past events (newest first, keyset-paged), plus the yearly totals from the annual reports.',
      access: { kind: 'public' },
      input: z.optional(z.object({ pastCursor: cursorSchema, pastLimit: pageLimitSchema })),
      output: z.object({
        now: z.string(),
        upcoming: z.array(eventSummarySchema),
        past: z.array(eventSummarySchema),
        pastNextCursor: z.nullable(z.string()),
        figures: z.array(yearFigureSchema),
      }),
    }),
    get: defineAction({
      summary: 'One event; with the caller’s own active sign-up when there is one.',
      access: { kind: 'public' },
      input: z.object({ id: idSchema }),
      output: z.object({ event: eventDetailSchema, mine: z.nullable(signUpViewSchema) }),
    }),
    signUp: defineAction({
      summary: 'Takes one place (capacity enforced in a transaction; one per person and event); the same idempotency key returns the same sign-up.',
      access: { kind: 'citizen' },
      input: signUpInputSchema,
      output: z.object({ signUp: signUpViewSchema, replayed: z.boolean() }),
    }),
    cancel: defineAction({
      summary: 'Cancels the caller’s own sign-up until 24 hours before the start; the place is freed.',
      access: { kind: 'citizen' },
      input: z.object({ signUpId: idSchema }),
      output: signUpViewSchema,
    }),
    mine: defineAction({
      summary: 'The caller’s sign-ups, newest first.',
      access: { kind: 'citizen' },
      input: z.optional(z.object({})),
      output: z.array(signUpViewSchema),
    }),
    staffEvents: defineAction({
      summary: 'Events for the staff page: every event not ended yet (cancelled ones included), soonest first, with the server’s now.',
      access: { kind: 'staff', roles: ['clerk', 'admin'] },
      input: z.optional(z.object({})),
      output: z.object({ now: z.string(), items: z.array(eventSummarySchema) }),
    }),
    createEvent: defineAction({
      summary: 'Publishes a new event (search index and followers through the publication hook).',
      access: { kind: 'staff', roles: ['clerk', 'admin'] },
      input: z.object({ idempotencyKey: idempotencyKeySchema, event: eventInputSchema }),
      output: z.object({ event: eventDetailSchema, replayed: z.boolean() }),
    }),
    signUps: defineAction({
      summary: 'An event’s sign-ups for staff (phones masked), with counts.',
      access: { kind: 'staff', roles: ['clerk', 'admin'] },
      input: z.object({ eventId: idSchema }),
      output: z.object({
        event: eventDetailSchema,
        active: z.int(),
        cancelled: z.int(),
        signUps: z.array(
          z.object({
            id: z.string(),
            receiptNo: z.string(),
            name: z.string(),
            phoneMasked: z.string(),
            organisation: z.optional(z.string()),
            roleLabel: z.string(),
            status: signUpStatusSchema,
            statusLabel: z.string(),
            at: z.string(),
          }),
        ),
      }),
    }),
    cancelEvent: defineAction({
      summary: 'Cancels an event with a reason; everyone signed up is notified through the outbox.',
      access: { kind: 'staff', roles: ['clerk', 'admin'] },
      input: z.object({ eventId: idSchema, reason: z.string({ error: '请填写取消原因' }).check(z.trim(), z.minLength(2, '请填写取消原因'), z.maxLength(200, '取消原因不能超过 200 字')) }),
      output: z.object({ event: eventDetailSchema, notified: z.int() }),
    }),
  },
});
