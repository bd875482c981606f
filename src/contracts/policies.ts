// Contract of the `policies` cloud function: 政策解读 (interpretations of published policy documents, in
// 文稿 / 图片 / 动漫 / 视频 form, by 主要领导 / 专家 / 专业机构从业人员 / 媒体) and 会议公开 (主任办公会,
// “三提三争”工作推进会: topics, each linked to its interpretations), with yearly statistics. Staff create
// records; another person reviews (保密审查) and publishes them.
import * as z from 'zod/mini';
import { cursorSchema, defineAction, defineFunction, idSchema, isoDateSchema, pageLimitSchema } from './core';
import { idempotencyKeySchema } from './requests';
import {
  INTERPRETATION_FORMS,
  INTERPRETATION_SECTIONS,
  INTERPRETER_ROLES,
  MEDIA_KINDS,
  MEETING_KINDS,
  type InterpretationForm,
  type InterpreterRole,
  type MediaKind,
  type MeetingKind,
  type SectionKey,
} from '../domain/policies/rules';

export { INTERPRETATION_FORMS, INTERPRETATION_SECTIONS, INTERPRETER_ROLES, MEDIA_KINDS, MEETING_KINDS };

const keys = <T extends string>(list: ReadonlyArray<{ key: T }>) => list.map((e) => e.key) as [T, ...T[]];
const formSchema = z.enum(keys<InterpretationForm>(INTERPRETATION_FORMS), { error: '解读形式不正确' });
const roleSchema = z.enum(keys<InterpreterRole>(INTERPRETER_ROLES), { error: '解读人身份不正确' });
const sectionKeySchema = z.enum(keys<SectionKey>(INTERPRETATION_SECTIONS), { error: '解读方面不正确' });
const mediaKindSchema = z.enum(keys<MediaKind>(MEDIA_KINDS), { error: '媒体类型不正确' });
const meetingKindSchema = z.enum(keys<MeetingKind>(MEETING_KINDS), { error: '会议类型不正确' });
const stateSchema = z.enum(['inReview', 'published', 'rejected', 'withdrawn']);
const paragraphSchema = z.string().check(z.maxLength(2000, '每段不超过 2000 字'));

export const interpretationSummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  form: formSchema,
  formLabel: z.string(),
  role: roleSchema,
  roleLabel: z.string(),
  interpreter: z.string(),
  documentTitle: z.string(),
  publishedAt: z.string(),
  mediaCount: z.int(),
  demo: z.boolean(),
});

export const mediaViewSchema = z.object({
  kind: mediaKindSchema,
  kindLabel: z.string(),
  /** The text alternative: shown under the media and read by screen readers. */
  alt: z.string(),
  contentType: z.string(),
  /** A link to display the file (a short-lived download link, or inline data for demo media); null when storage lost it. */
  url: z.nullable(z.string()),
});

export const interpretationSchema = z.extend(interpretationSummarySchema, {
  sections: z.array(z.object({ key: sectionKeySchema, label: z.string(), paragraphs: z.array(z.string()) })),
  media: z.array(mediaViewSchema),
  /** The policy document interpreted; null when it has been withdrawn since. */
  document: z.nullable(z.object({ id: z.string(), title: z.string(), docNo: z.optional(z.string()), publishedAt: z.string(), route: z.string() })),
  /** Meetings whose topics this interpretation explains. */
  meetings: z.array(z.object({ id: z.string(), title: z.string(), date: z.string(), topic: z.string() })),
});

export const meetingSummarySchema = z.object({
  id: z.string(),
  kind: meetingKindSchema,
  kindLabel: z.string(),
  title: z.string(),
  date: z.string(),
  topicCount: z.int(),
  attendance: z.optional(z.string()),
  demo: z.boolean(),
});

export const meetingSchema = z.extend(meetingSummarySchema, {
  topics: z.array(
    z.object({
      title: z.string(),
      interpretations: z.array(z.object({ id: z.string(), title: z.string(), formLabel: z.string() })),
    }),
  ),
  paragraphs: z.array(z.string()),
});

const countSchema = z.object({ key: z.string(), label: z.string(), count: z.int() });

export const statsSchema = z.object({
  year: z.int(),
  years: z.array(z.int()),
  /** Compiled from the published records of the year (demo records included, and said so). */
  computed: z.object({
    interpretations: z.int(),
    byForm: z.array(countSchema),
    byRole: z.array(countSchema),
    meetings: z.array(z.object({ kind: meetingKindSchema, label: z.string(), count: z.int(), topics: z.int(), thirdPartyAttended: z.int() })),
    includesDemo: z.boolean(),
  }),
  /** The figures the year's annual report states, with the sentences they come from. */
  reported: z.nullable(
    z.object({
      interpretations: z.int(),
      directorOfficeMeetings: z.int(),
      directorOfficeTopics: z.int(),
      thirdPartyAttendance: z.int(),
      sanTiSanZhengMeetings: z.int(),
      sources: z.array(z.string()),
      sourceTitle: z.string(),
    }),
  ),
});

export const mediaInputSchema = z.object({
  kind: mediaKindSchema,
  fileId: z.string().check(z.minLength(1, '文件标识为空'), z.maxLength(500, '文件标识过长')),
  alt: z.string().check(z.trim(), z.maxLength(500, '文字说明不超过 500 字')),
});

export const interpretationInputSchema = z.object({
  documentId: idSchema,
  title: z.string().check(z.trim(), z.minLength(4, '请填写解读标题（至少 4 个字）'), z.maxLength(100, '标题不超过 100 字')),
  form: formSchema,
  role: roleSchema,
  interpreter: z.string().check(z.trim(), z.minLength(2, '请填写解读人'), z.maxLength(50, '解读人不超过 50 字')),
  sections: z.array(z.object({ key: sectionKeySchema, paragraphs: z.array(paragraphSchema).check(z.maxLength(20, '每个方面最多 20 段')) })).check(z.maxLength(4, '解读方面最多 4 个')),
  media: z.array(mediaInputSchema).check(z.maxLength(9, '最多 9 个媒体文件')),
});

export const meetingInputSchema = z.object({
  kind: meetingKindSchema,
  title: z.string().check(z.trim(), z.maxLength(100, '会议名称不超过 100 字')),
  date: isoDateSchema,
  topics: z.array(z.object({
    title: z.string().check(z.trim(), z.maxLength(200, '议题不超过 200 字')),
    interpretationIds: z.array(idSchema).check(z.maxLength(5, '每个议题最多关联 5 篇解读')),
  })).check(z.maxLength(30, '议题最多 30 个')),
  attendance: z.optional(z.string().check(z.trim(), z.maxLength(200, '列席情况不超过 200 字'))),
  paragraphs: z.array(paragraphSchema).check(z.maxLength(20, '会议情况最多 20 段')),
});

export const staffItemSchema = z.object({
  kind: z.enum(['interpretation', 'meeting']),
  id: z.string(),
  version: z.int(),
  title: z.string(),
  state: stateSchema,
  stateLabel: z.string(),
  author: z.string(),
  availableCommands: z.array(z.enum(['approve', 'reject', 'withdraw'])),
  reviewReason: z.optional(z.string()),
  history: z.array(z.object({ at: z.string(), actor: z.string(), action: z.string(), note: z.optional(z.string()) })),
});

const reviewCommandSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('approve'), confirmNoSecrets: z.boolean() }),
  z.object({ type: z.literal('reject'), reason: z.string().check(z.maxLength(500, '理由不能超过 500 字')) }),
  z.object({ type: z.literal('withdraw'), reason: z.string().check(z.maxLength(500, '理由不能超过 500 字')) }),
]);

const STAFF = { kind: 'staff', roles: ['clerk', 'reviewer', 'admin'] } as const;
const AUTHORS = { kind: 'staff', roles: ['clerk', 'admin'] } as const;

export const policiesContract = defineFunction({
  name: 'policies',
  summary: '政策解读与会议公开',
  actions: {
    listInterpretations: defineAction({
      summary: 'Published interpretations, newest first (keyset pagination), by form and interpreter role.',
      access: { kind: 'public' },
      input: z.optional(z.object({ form: z.optional(formSchema), role: z.optional(roleSchema), cursor: cursorSchema, limit: pageLimitSchema })),
      output: z.object({ items: z.array(interpretationSummarySchema), nextCursor: z.nullable(z.string()) }),
    }),
    getInterpretation: defineAction({
      summary: 'One interpretation: its four aspects, media with text alternatives, its policy document and meetings.',
      access: { kind: 'public' },
      input: z.object({ id: idSchema }),
      output: interpretationSchema,
    }),
    interpretationsOfDocument: defineAction({
      summary: 'The published interpretations of one policy document (shown on the catalogue detail page).',
      access: { kind: 'public' },
      input: z.object({ documentId: idSchema }),
      output: z.array(interpretationSummarySchema),
    }),
    listMeetings: defineAction({
      summary: 'Published meetings, newest first (keyset pagination), by kind.',
      access: { kind: 'public' },
      input: z.optional(z.object({ kind: z.optional(meetingKindSchema), cursor: cursorSchema, limit: pageLimitSchema })),
      output: z.object({ items: z.array(meetingSummarySchema), nextCursor: z.nullable(z.string()) }),
    }),
    getMeeting: defineAction({
      summary: 'One meeting with its topics and the interpretations of each.',
      access: { kind: 'public' },
      input: z.object({ id: idSchema }),
      output: meetingSchema,
    }),
    stats: defineAction({
      summary: 'A year’s interpretations by form and role, meetings and topics, beside the figures of its annual report.',
      access: { kind: 'public' },
      input: z.optional(z.object({ year: z.optional(z.int().check(z.gte(2000, '年份不正确'), z.lte(2100, '年份不正确'))) })),
      output: statsSchema,
    }),
    createInterpretation: defineAction({
      summary: 'Staff: records an interpretation of a published document and submits it for 保密审查 (idempotent).',
      access: AUTHORS,
      input: z.object({ idempotencyKey: idempotencyKeySchema, interpretation: interpretationInputSchema }),
      output: staffItemSchema,
    }),
    createMeeting: defineAction({
      summary: 'Staff: records a meeting with its topics and submits it for 保密审查 (idempotent).',
      access: AUTHORS,
      input: z.object({ idempotencyKey: idempotencyKeySchema, meeting: meetingInputSchema }),
      output: staffItemSchema,
    }),
    staffItems: defineAction({
      summary: 'Staff: interpretations and meetings in the workflow, with the commands the caller may give.',
      access: STAFF,
      input: z.optional(z.object({ state: z.optional(stateSchema) })),
      output: z.array(staffItemSchema),
    }),
    review: defineAction({
      summary: 'Staff: approve and publish (a reviewer other than the author), reject with a reason, withdraw with a reason.',
      access: STAFF,
      input: z.object({ kind: z.enum(['interpretation', 'meeting']), id: idSchema, expectedVersion: z.int(), command: reviewCommandSchema }),
      output: staffItemSchema,
    }),
  },
});
