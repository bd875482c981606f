// Contract of the `requests` cloud function: information requests (依申请公开) for citizens and the
// statutory workflow for staff. The application schema enforces 条例第二十九条 field by field, with
// Chinese messages, and is the same on the form and on the server.
import * as z from 'zod/mini';
import { cursorSchema, defineAction, defineFunction, idSchema, isoDateSchema } from './core';
import { isValidMobile, isValidResidentId, isValidSocialCreditCode } from '../domain/requests/identity-documents';
import { OUTCOME_KEYS, type OutcomeKey } from '../domain/report/tables';
import { attachmentViewSchema, correctionAttachmentsSchema } from './files';

export const APPLICANT_TYPES = ['natural', 'commercial', 'research', 'publicInterest', 'legalService', 'otherOrg'] as const;
export const APPLICANT_TYPE_LABELS: Record<(typeof APPLICANT_TYPES)[number], string> = {
  natural: '自然人',
  commercial: '商业企业',
  research: '科研机构',
  publicInterest: '社会公益组织',
  legalService: '法律服务机构',
  otherOrg: '其他组织',
};

export const ID_TYPES = ['residentId', 'passport', 'hkMacaoPermit', 'taiwanPermit', 'socialCreditCode'] as const;
export const ID_TYPE_LABELS: Record<(typeof ID_TYPES)[number], string> = {
  residentId: '居民身份证',
  passport: '护照',
  hkMacaoPermit: '港澳居民来往内地通行证',
  taiwanPermit: '台湾居民来往大陆通行证',
  socialCreditCode: '统一社会信用代码',
};

export const DELIVERY_FORMS = ['paper', 'electronic'] as const;
export const DELIVERY_FORM_LABELS: Record<(typeof DELIVERY_FORMS)[number], string> = { paper: '纸质', electronic: '电子文档' };
export const DELIVERY_CHANNELS = ['post', 'email', 'pickup', 'online'] as const;
export const DELIVERY_CHANNEL_LABELS: Record<(typeof DELIVERY_CHANNELS)[number], string> = {
  post: '邮寄',
  email: '电子邮件',
  pickup: '当面领取',
  online: '在线查阅（小程序内）',
};
export const OFFLINE_CHANNELS = ['letter', 'fax', 'inPerson', 'oral'] as const;

const text = (label: string, min: number, max: number) =>
  z.string({ error: `请填写${label}` }).check(
    z.trim(),
    z.minLength(min, min <= 1 ? `请填写${label}` : `${label}至少 ${min} 个字`),
    z.maxLength(max, `${label}不能超过 ${max} 个字`),
  );
const optionalText = (label: string, max: number) => z.optional(z.string().check(z.trim(), z.maxLength(max, `${label}不能超过 ${max} 个字`)));

export const applicationSchema = z
  .object({
    applicantType: z.enum(APPLICANT_TYPES, { error: '请选择申请人类型' }),
    /** The person's name, or for an organisation its contact person. */
    name: text('姓名', 1, 50),
    organisationName: optionalText('单位名称', 100),
    idType: z.enum(ID_TYPES, { error: '请选择证件类型' }),
    idNumber: z.string({ error: '请填写证件号码' }).check(z.trim(), z.minLength(1, '请填写证件号码'), z.maxLength(30, '证件号码过长')),
    mobile: z.optional(z.string().check(z.trim())),
    email: z.optional(z.string().check(z.trim(), z.maxLength(100, '电子邮箱过长'))),
    address: optionalText('通信地址', 200),
    postcode: z.optional(z.string().check(z.trim())),
    description: text('所需信息的描述', 5, 2000),
    docNo: optionalText('文号', 100),
    features: optionalText('其他特征描述', 500),
    deliveryForm: z.enum(DELIVERY_FORMS, { error: '请选择信息的提供形式' }),
    deliveryChannel: z.enum(DELIVERY_CHANNELS, { error: '请选择获取信息的方式' }),
  })
  .check(
    z.superRefine((value, ctx) => {
      const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message, input: value });
      const isOrganisation = value.applicantType !== 'natural';
      if (isOrganisation && !value.organisationName) issue('organisationName', '请填写单位名称');
      if (isOrganisation && value.idType !== 'socialCreditCode') issue('idType', '法人或其他组织请使用统一社会信用代码');
      if (!isOrganisation && value.idType === 'socialCreditCode') issue('idType', '自然人请选择个人身份证件');
      if (value.idType === 'residentId' && !isValidResidentId(value.idNumber)) issue('idNumber', '居民身份证号码不正确，请核对（18 位，末位校验码）');
      if (value.idType === 'socialCreditCode' && !isValidSocialCreditCode(value.idNumber)) issue('idNumber', '统一社会信用代码不正确，请核对（18 位）');
      if (value.mobile && !isValidMobile(value.mobile)) issue('mobile', '手机号码应为 11 位数字');
      if (value.email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value.email)) issue('email', '电子邮箱格式不正确');
      if (!value.mobile && !value.email) issue('mobile', '请至少填写手机号码或电子邮箱之一，以便联系');
      if (value.deliveryChannel === 'post') {
        if (!value.address) issue('address', '选择邮寄时请填写通信地址');
        if (!value.postcode || !/^\d{6}$/.test(value.postcode)) issue('postcode', '选择邮寄时请填写 6 位邮政编码');
      } else if (value.postcode && !/^\d{6}$/.test(value.postcode)) {
        issue('postcode', '邮政编码应为 6 位数字');
      }
      if (value.deliveryChannel === 'email' && !value.email) issue('email', '选择电子邮件方式时请填写电子邮箱');
    }),
  );
export type Application = z.infer<typeof applicationSchema>;

/** A client-made key (e.g. a UUID) that makes a retried submit create one application, not two. */
export const idempotencyKeySchema = z.string().check(z.regex(/^[A-Za-z0-9_-]{16,64}$/, '提交标识不正确，请刷新后重试'));

const outcomeSchema = z.enum(OUTCOME_KEYS as [OutcomeKey, ...OutcomeKey[]], { error: '请选择答复类型' });

export const STATES = ['registered', 'correctionRequested', 'handling', 'consulting', 'extensionPending', 'feePending', 'replyPending', 'replied', 'closed', 'archived'] as const;
const stateSchema = z.enum(STATES);

export const noticeDaySchema = z.object({
  date: z.string(),
  kind: z.enum(['workday', 'weekend', 'holiday', 'makeupWorkday']),
  name: z.optional(z.string()),
});

/** A deadline with the explanation a person can check by hand. */
export const deadlineSchema = z.object({
  key: z.string(),
  label: z.string(),
  article: z.string(),
  workingDays: z.int(),
  start: z.string(),
  due: z.nullable(z.string()),
  provisional: z.boolean(),
  workingDaysLeft: z.nullable(z.int()),
  /** Holidays skipped and make-up working days counted (plain weekends are summarised in `weekendsSkipped`). */
  notableDays: z.array(noticeDaySchema),
  weekendsSkipped: z.int(),
  pausedWorkingDays: z.array(z.string()),
});
export type DeadlineView = z.infer<typeof deadlineSchema>;

export const timelineEntrySchema = z.object({
  at: z.string(),
  date: z.string(),
  step: z.string(),
  label: z.string(),
  article: z.optional(z.string()),
  note: z.optional(z.string()),
});

export const receiptSchema = z.object({
  id: z.string(),
  queryCode: z.string(),
  receiptDate: z.string(),
  replyDeadline: deadlineSchema,
  /** True when this answer is a replay of an earlier submit with the same key. */
  replayed: z.boolean(),
});

export const caseSummarySchema = z.object({
  id: z.string(),
  queryCode: z.string(),
  description: z.string(),
  applicantType: z.enum(APPLICANT_TYPES),
  /** Masked in lists (张*). */
  applicantName: z.string(),
  channel: z.string(),
  receiptDate: z.string(),
  state: stateSchema,
  stateLabel: z.string(),
  due: z.nullable(z.string()),
  workingDaysLeft: z.nullable(z.int()),
  urgency: z.enum(['overdue', 'dueToday', 'due2', 'due5', 'ok', 'paused', 'done']),
});
export type CaseSummary = z.infer<typeof caseSummarySchema>;

export const commandSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('accept') }),
  z.object({ type: z.literal('requestCorrection'), items: z.array(z.string().check(z.maxLength(500, '每项补正内容不能超过 500 字'))).check(z.minLength(1, '请列明需要补正的事项'), z.maxLength(20, '补正事项最多 20 项')) }),
  z.object({ type: z.literal('submitCorrection'), answer: text('补正内容', 1, 5000), attachments: correctionAttachmentsSchema }),
  z.object({ type: z.literal('abandonForNoCorrection') }),
  z.object({ type: z.literal('startConsultation'), party: text('被征求意见方', 1, 100), kind: z.enum(['thirdParty', 'agency']) }),
  z.object({ type: z.literal('endConsultation') }),
  z.object({ type: z.literal('requestExtension'), reason: text('延期理由', 1, 500) }),
  z.object({ type: z.literal('decideExtension'), approve: z.boolean(), note: optionalText('审批意见', 500) }),
  z.object({ type: z.literal('draftReply'), outcome: outcomeSchema, text: text('答复书正文', 1, 20000) }),
  z.object({ type: z.literal('decideReply'), approve: z.boolean(), note: optionalText('审核意见', 500) }),
  z.object({ type: z.literal('withdraw') }),
  z.object({ type: z.literal('archive') }),
  z.object({ type: z.literal('noticeFee'), basis: z.enum(['perApplication', 'perPage'], { error: '请选择按件或按量收费' }), amount: z.int({ error: '请填写收费金额' }).check(z.gte(1, '收费金额应大于 0'), z.lte(1_000_000, '收费金额过大')) }),
  z.object({ type: z.literal('recordPayment') }),
  z.object({ type: z.literal('abandonForUnpaidFee') }),
]);
export type CommandInput = z.infer<typeof commandSchema>;

const caseDetailBase = {
  id: z.string(),
  version: z.int(),
  queryCode: z.string(),
  state: stateSchema,
  stateLabel: z.string(),
  channel: z.string(),
  receiptDate: z.string(),
  applicantType: z.enum(APPLICANT_TYPES),
  description: z.string(),
  docNo: z.optional(z.string()),
  features: z.optional(z.string()),
  deliveryForm: z.string(),
  deliveryChannel: z.string(),
  deadlines: z.array(deadlineSchema),
  timeline: z.array(timelineEntrySchema),
  correction: z.optional(z.object({ requestedOn: z.string(), items: z.array(z.string()), dueBy: z.string(), answeredOn: z.optional(z.string()), answer: z.optional(z.string()), attachments: z.optional(z.array(attachmentViewSchema)) })),
  /** A processing-fee notice (国办函〔2020〕109号), when the agency charges one. */
  fee: z.optional(z.object({ basis: z.enum(['perApplication', 'perPage']), amount: z.int(), noticeOn: z.string(), dueBy: z.string(), paidOn: z.optional(z.string()) })),
  /** The reply letter, once signed off and sent. */
  reply: z.optional(z.object({ outcome: z.string(), outcomeLabel: z.string(), text: z.string(), sentOn: z.string() })),
  availableCommands: z.array(z.string()),
};

export const citizenCaseSchema = z.object({
  ...caseDetailBase,
  applicant: z.object({ name: z.string(), organisationName: z.optional(z.string()), idType: z.string(), idNumberMasked: z.string(), mobileMasked: z.optional(z.string()), email: z.optional(z.string()) }),
});
export type CitizenCase = z.infer<typeof citizenCaseSchema>;

export const staffCaseSchema = z.object({
  ...caseDetailBase,
  /** Full personal data: only staff see it, and every such read is logged. */
  applicant: z.object({
    name: z.string(),
    organisationName: z.optional(z.string()),
    idType: z.string(),
    idNumber: z.string(),
    mobile: z.optional(z.string()),
    email: z.optional(z.string()),
    address: z.optional(z.string()),
    postcode: z.optional(z.string()),
  }),
  handlerOpenid: z.optional(z.string()),
  consultations: z.array(z.object({ party: z.string(), kind: z.string(), from: z.string(), to: z.optional(z.string()), answerDue: z.string() })),
  extension: z.optional(z.object({ reason: z.string(), requestedOn: z.string(), status: z.string(), decidedOn: z.optional(z.string()), note: z.optional(z.string()) })),
  draft: z.optional(z.object({ outcome: z.string(), outcomeLabel: z.string(), text: z.string(), draftedOn: z.string(), returnedNote: z.optional(z.string()) })),
  audit: z.array(z.object({ at: z.string(), actor: z.string(), action: z.string(), from: z.string(), to: z.string(), note: z.optional(z.string()) })),
});
export type StaffCase = z.infer<typeof staffCaseSchema>;

export const notificationSchema = z.object({
  id: z.string(),
  at: z.string(),
  audience: z.enum(['applicant', 'staff']),
  /** Masked recipient (the applicant's openid is not shown). */
  recipient: z.string(),
  kind: z.string(),
  title: z.string(),
  body: z.string(),
  caseId: z.string(),
  status: z.enum(['pending', 'sending', 'sent', 'failed']),
});

export const calendarOverrideSchema = z.object({
  date: isoDateSchema,
  kind: z.enum(['holiday', 'workday'], { error: '请选择放假或调休上班' }),
  name: text('节日名称', 1, 20),
});

export const requestsContract = defineFunction({
  name: 'requests',
  summary: '依申请公开：申请、补正、答复与办理流程',
  actions: {
    submit: defineAction({
      summary: 'A citizen submits an application online; retried submits with the same key return the same receipt.',
      access: { kind: 'citizen' },
      input: z.object({ idempotencyKey: idempotencyKeySchema, application: applicationSchema }),
      output: receiptSchema,
    }),
    listMine: defineAction({
      summary: "The caller's own applications, newest first.",
      access: { kind: 'citizen' },
      input: z.optional(z.object({})),
      output: z.array(caseSummarySchema),
    }),
    getMine: defineAction({
      summary: "One of the caller's applications, with its timeline, deadlines and reply.",
      access: { kind: 'citizen' },
      input: z.object({ id: idSchema }),
      output: citizenCaseSchema,
    }),
    actMine: defineAction({
      summary: 'The applicant answers a 补正 request or withdraws the application.',
      access: { kind: 'citizen' },
      input: z.object({
        id: idSchema,
        expectedVersion: z.int(),
        command: z.discriminatedUnion('type', [
          z.object({ type: z.literal('submitCorrection'), answer: text('补正内容', 1, 5000), attachments: correctionAttachmentsSchema }),
          z.object({ type: z.literal('withdraw') }),
        ]),
      }),
      output: citizenCaseSchema,
    }),
    attachmentUrl: defineAction({
      summary: 'A short-lived download link for an attachment of a case (the applicant, or staff); anyone else gets NOT_FOUND.',
      access: { kind: 'citizen' },
      input: z.object({ id: idSchema, fileId: z.string().check(z.minLength(1), z.maxLength(500)) }),
      output: z.object({ url: z.string() }),
    }),
    calculateDeadlines: defineAction({
      summary: 'Public deadline calculator: the 7, 15, 20 and 40 working-day dates from a receipt date, explained.',
      access: { kind: 'public' },
      input: z.object({ receiptDate: isoDateSchema }),
      output: z.object({ receiptDate: z.string(), deadlines: z.array(deadlineSchema) }),
    }),
    queue: defineAction({
      summary: 'Staff queue: open cases sorted by deadline with overdue / due-soon flags (personal data masked).',
      access: { kind: 'staff', roles: ['clerk', 'reviewer', 'admin'] },
      input: z.optional(z.object({ state: z.optional(stateSchema), includeEnded: z.optional(z.boolean()), cursor: cursorSchema })),
      output: z.object({ items: z.array(caseSummarySchema), counts: z.object({ overdue: z.int(), dueToday: z.int(), due2: z.int(), due5: z.int(), open: z.int() }) }),
    }),
    getCase: defineAction({
      summary: 'Staff view of one case with full personal data (the read is audit-logged) and the audit trail.',
      access: { kind: 'staff', roles: ['clerk', 'reviewer', 'admin'] },
      input: z.object({ id: idSchema }),
      output: staffCaseSchema,
    }),
    register: defineAction({
      summary: 'Staff register an application received by letter, fax, in person or orally, with its real receipt date.',
      access: { kind: 'staff', roles: ['clerk'] },
      input: z.object({ idempotencyKey: idempotencyKeySchema, channel: z.enum(OFFLINE_CHANNELS, { error: '请选择收到申请的方式' }), receiptDate: isoDateSchema, application: applicationSchema }),
      output: receiptSchema,
    }),
    act: defineAction({
      summary: 'Staff move a case through the workflow (审核, 补正, 征求意见, 延期, 答复, 归档).',
      access: { kind: 'staff', roles: ['clerk', 'reviewer'] },
      input: z.object({ id: idSchema, expectedVersion: z.int(), command: commandSchema }),
      output: staffCaseSchema,
    }),
    replyTemplate: defineAction({
      summary: 'The reply-letter template for an outcome, filled with the case’s data, for the clerk to edit.',
      access: { kind: 'staff', roles: ['clerk'] },
      input: z.object({ id: idSchema, outcome: outcomeSchema }),
      output: z.object({ text: z.string() }),
    }),
    outbox: defineAction({
      summary: 'Notifications queued for applicants and staff (the local console shows what WeChat would send).',
      access: { kind: 'staff', roles: ['clerk', 'reviewer', 'admin'] },
      input: z.optional(z.object({ caseId: z.optional(idSchema) })),
      output: z.array(notificationSchema),
    }),
    getSettings: defineAction({
      summary: 'The agency’s workflow settings: processing fees on or off, and whether unpaid fees pause the reply clock.',
      access: { kind: 'staff', roles: ['clerk', 'reviewer', 'admin'] },
      input: z.optional(z.object({})),
      output: z.object({ feesEnabled: z.boolean(), pauseWhileFeeUnpaid: z.boolean(), correctionPeriodWorkingDays: z.int() }),
    }),
    saveSettings: defineAction({
      summary: 'Admin: turns processing fees on or off and chooses whether unpaid fees pause the reply clock.',
      access: { kind: 'staff', roles: ['admin'] },
      input: z.object({ feesEnabled: z.boolean(), pauseWhileFeeUnpaid: z.boolean() }),
      output: z.object({ feesEnabled: z.boolean(), pauseWhileFeeUnpaid: z.boolean(), correctionPeriodWorkingDays: z.int() }),
    }),
    listCalendarOverrides: defineAction({
      summary: 'The working-day override table and the years the calendar covers.',
      access: { kind: 'staff', roles: ['clerk', 'reviewer', 'admin'] },
      input: z.optional(z.object({})),
      output: z.object({ overrides: z.array(calendarOverrideSchema), coveredYears: z.array(z.int()) }),
    }),
    saveCalendarOverride: defineAction({
      summary: 'Adds or replaces a holiday or make-up working day; open cases are re-dated at once.',
      access: { kind: 'staff', roles: ['admin'] },
      input: z.object({ override: calendarOverrideSchema, remove: z.optional(z.boolean()), declareYearCovered: z.optional(z.int()) }),
      output: z.object({ overrides: z.array(calendarOverrideSchema), coveredYears: z.array(z.int()) }),
    }),
  },
});
