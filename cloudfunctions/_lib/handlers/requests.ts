// Handlers of the `requests` function. The workflow rules live in src/domain/requests; this module
// loads and stores cases, keeps the audit log and the notification outbox in the same transaction as
// each state change, and shapes what citizens and staff may see.
import { randomInt, randomUUID } from 'node:crypto';
import type { Application, CaseSummary, CitizenCase, DeadlineView, StaffCase } from '../../../src/contracts/requests';
import { DELIVERY_CHANNEL_LABELS, DELIVERY_FORM_LABELS, ID_TYPE_LABELS } from '../../../src/contracts/requests';
import { OFFICIAL_CALENDAR } from '../../../src/domain/calendar/official';
import { shanghaiDate, type IsoDate } from '../../../src/domain/calendar/dates';
import { type WorkingCalendar, type CalendarOverride, type DayInfo } from '../../../src/domain/calendar/working-days';
import { computeDeadline, STATUTORY_PERIODS, workingDaysLeft, type Deadline } from '../../../src/domain/requests/deadlines';
import { maskIdNumber, maskMobile, maskName } from '../../../src/domain/requests/identity-documents';
import { outcomeLabel, replyLetterTemplate } from '../../../src/domain/requests/reply-letter';
import {
  applyCommand,
  availableCommands,
  caseDeadlines,
  CHANNEL_LABELS,
  formatQueryCode,
  STATE_LABELS,
  STEP_OF_STATE,
  urgency,
  WorkflowError,
  type Actor,
  type Channel,
  type Command,
  type RequestCase,
  type RequestState,
  DEFAULT_WORKFLOW_SETTINGS,
  type WorkflowSettings,
} from '../../../src/domain/requests/workflow';
import { isAttachmentContentType, MAX_ATTACHMENT_BYTES } from '../../../src/contracts/files';
import { AGENCY_PROFILE_ID, COLLECTIONS, type AgencyDoc } from '../collections';
import type { Caller } from '../identity/caller';
import { StoreError, type StoredDoc, type TransactionStore } from '../ports/store';
import { AppError, defineHandlers, type Deps } from '../router';
import { findAll } from '../find-all';
import { CALENDAR_COLLECTIONS, CALENDAR_SETTINGS_ID, loadCalendar as loadSharedCalendar } from '../working-calendar';
import { OUTBOX_COLLECTION, type OutboxDoc } from '../notifications/deliver';
import { appendChained } from '../audit-chain';
import { ephemeralPiiCipher, type PiiCipher } from '../pii';

export const REQUEST_COLLECTIONS = {
  cases: 'infoRequests',
  audit: 'requestAudit',
  /** One head per case's audit chain (last seq and hash): see audit-chain.ts. */
  auditHeads: 'requestAuditHeads',
  idempotency: 'idempotencyKeys',
  outbox: OUTBOX_COLLECTION,
  calendarOverrides: CALENDAR_COLLECTIONS.overrides,
  settings: CALENDAR_COLLECTIONS.settings,
} as const;

/**
 * What is stored: the workflow case plus the application's personal data and text. The applicant's
 * `idNumber` and `mobile` are sealed at rest (pii.ts); reads by id open them (getOwnCase/getAnyCase).
 */
export interface RequestDoc extends Omit<RequestCase, 'id'> {
  queryCode: string;
  applicant: Pick<Application, 'name' | 'organisationName' | 'idType' | 'idNumber' | 'mobile' | 'email' | 'address' | 'postcode'>;
  details: Pick<Application, 'description' | 'docNo' | 'features' | 'deliveryForm' | 'deliveryChannel'>;
  createdAt: string;
  updatedAt: string;
}

interface AuditDoc {
  caseId: string;
  /** The case's version after the change: orders entries even when clocks tie. */
  caseVersion: number;
  at: string;
  date: IsoDate;
  actorOpenid: string;
  actorLabel: string;
  action: string;
  from: string;
  to: string;
  note?: string;
  /** Whether the applicant's timeline shows this entry (internal steps such as a returned draft are not). */
  visibleToApplicant: boolean;
  publicNote?: string;
}


const OPEN_STATES: RequestState[] = ['registered', 'correctionRequested', 'handling', 'consulting', 'extensionPending', 'feePending', 'replyPending'];
const SETTINGS_ID = 'requests';

async function loadSettings(deps: Deps): Promise<WorkflowSettings> {
  const saved = await deps.store.get<Partial<WorkflowSettings>>(REQUEST_COLLECTIONS.settings, SETTINGS_ID);
  return { ...DEFAULT_WORKFLOW_SETTINGS, ...(saved ? { feesEnabled: saved.feesEnabled === true, pauseWhileFeeUnpaid: saved.pauseWhileFeeUnpaid !== false } : {}) };
}

// ---------------------------------------------------------------------------------------------
// Calendar

function loadCalendar(deps: Deps): Promise<WorkingCalendar> {
  return loadSharedCalendar(deps.store);
}

function today(deps: Deps): IsoDate {
  return shanghaiDate(deps.clock.now());
}

function deadlineView(key: string, label: string, article: string, workingDays: number, start: IsoDate, deadline: Deadline, calendar: WorkingCalendar, now: IsoDate): DeadlineView {
  const notable = deadline.notableDays.filter((day: DayInfo) => day.kind === 'holiday' || day.kind === 'makeupWorkday');
  return {
    key,
    label,
    article,
    workingDays,
    start,
    due: deadline.due,
    provisional: deadline.provisional,
    workingDaysLeft: deadline.due ? workingDaysLeft(calendar, now, deadline.due) : null,
    notableDays: notable.map((day) => ({ date: day.date, kind: day.kind, ...(day.name ? { name: day.name } : {}) })),
    weekendsSkipped: deadline.notableDays.filter((day) => day.kind === 'weekend').length,
    pausedWorkingDays: deadline.pausedWorkingDays,
  };
}

function caseDeadlineViews(kase: RequestCase, calendar: WorkingCalendar, now: IsoDate, settings: WorkflowSettings): DeadlineView[] {
  const deadlines = caseDeadlines(kase, calendar, settings);
  const views: DeadlineView[] = [];
  if (deadlines.correctionNotice) {
    views.push(deadlineView('correctionNotice', '补正告知期限', STATUTORY_PERIODS.correctionNotice.article, 7, kase.receiptDate, deadlines.correctionNotice, calendar, now));
  }
  if (kase.correction && kase.state === 'correctionRequested') {
    const correction = computeDeadline(calendar, { start: kase.correction.requestedOn, workingDays: 15 });
    views.push(deadlineView('correctionDue', '申请人补正期限', STATUTORY_PERIODS.correctionNotice.article, 15, kase.correction.requestedOn, { ...correction, due: kase.correction.dueBy }, calendar, now));
  }
  if (deadlines.reply && !['replied', 'closed', 'archived'].includes(kase.state)) {
    const label = deadlines.reply.extended ? '答复期限（已延长 20 个工作日）' : '答复期限';
    views.push(deadlineView('reply', label, STATUTORY_PERIODS.reply.article, deadlines.reply.workingDays, kase.clockStart, deadlines.reply, calendar, now));
  }
  return views;
}

// ---------------------------------------------------------------------------------------------
// Records

function toCase(doc: StoredDoc<RequestDoc>): RequestCase {
  const { _id, _version: _v, queryCode: _q, applicant: _a, details: _d, createdAt: _c, updatedAt: _u, ...kase } = doc;
  return { ...kase, id: _id };
}

function actorOf(caller: Caller): Actor {
  if (!caller.openid) throw new AppError('UNAUTHENTICATED');
  return { openid: caller.openid, roles: caller.roles };
}

function actorLabel(caller: Caller, kase: Pick<RequestCase, 'ownerOpenid'>): string {
  if (caller.openid && caller.openid === kase.ownerOpenid) return '申请人';
  if (caller.roles.includes('reviewer')) return '审核人';
  if (caller.roles.includes('clerk')) return '受理员';
  if (caller.roles.includes('admin')) return '管理员';
  return '系统';
}

function piiOf(deps: Deps): PiiCipher {
  return deps.pii ?? ephemeralPiiCipher();
}

/** The applicant's personal data as stored: ID number and mobile sealed. */
function sealApplicant(pii: PiiCipher, applicant: RequestDoc['applicant']): RequestDoc['applicant'] {
  return { ...applicant, idNumber: applicant.idNumber ? pii.seal(applicant.idNumber) : applicant.idNumber, ...(applicant.mobile ? { mobile: pii.seal(applicant.mobile) } : {}) };
}

/** A case read by id, with the applicant's sealed fields opened (legacy plaintext reads as is). */
function opened(deps: Deps, doc: StoredDoc<RequestDoc>): StoredDoc<RequestDoc> {
  const pii = piiOf(deps);
  const { applicant } = doc;
  return { ...doc, applicant: { ...applicant, idNumber: pii.open(applicant.idNumber), ...(applicant.mobile ? { mobile: pii.open(applicant.mobile) } : {}) } };
}

async function getOwnCase(deps: Deps, caller: Caller, id: string): Promise<StoredDoc<RequestDoc>> {
  const doc = await deps.store.get<RequestDoc>(REQUEST_COLLECTIONS.cases, id);
  // The same answer for "not yours" and "does not exist": nobody learns which ids exist.
  if (!doc || !caller.openid || doc.ownerOpenid !== caller.openid) throw new AppError('NOT_FOUND', '未找到该申请');
  return opened(deps, doc);
}

async function getAnyCase(deps: Deps, id: string): Promise<StoredDoc<RequestDoc>> {
  const doc = await deps.store.get<RequestDoc>(REQUEST_COLLECTIONS.cases, id);
  if (!doc) throw new AppError('NOT_FOUND', '未找到该申请');
  return opened(deps, doc);
}

async function auditEntries(deps: Deps, caseId: string): Promise<Array<StoredDoc<AuditDoc>>> {
  return deps.store.find<AuditDoc>(REQUEST_COLLECTIONS.audit, { where: { caseId }, orderBy: [['caseVersion', 'asc'], ['at', 'asc']], limit: 100 });
}

/** What each action contributes to the applicant's timeline. */
const TIMELINE: Record<string, { step: string; label: string; article?: string }> = {
  submit: { step: '登记', label: '网上提交申请（收到申请之日）', article: '第二十九条、第三十一条' },
  register: { step: '登记', label: '工作人员登记申请（收到申请之日）', article: '第二十九条、第三十一条' },
  accept: { step: '审核', label: '审核通过，转入办理', article: '第四十五条' },
  requestCorrection: { step: '审核', label: '一次性告知补正', article: '第三十条' },
  submitCorrection: { step: '审核', label: '收到补正材料，答复期限自此重新计算', article: '第三十条' },
  abandonForNoCorrection: { step: '答复', label: '逾期未补正，不再处理', article: '第三十条' },
  startConsultation: { step: '办理', label: '征求第三方或其他机关意见，所需时间不计入答复期限', article: '第三十二条、第三十三条' },
  endConsultation: { step: '办理', label: '征求意见结束，恢复计算答复期限', article: '第三十三条' },
  decideExtension: { step: '办理', label: '延长答复期限 20 个工作日', article: '第三十三条' },
  decideReply: { step: '答复', label: '出具政府信息公开申请答复书', article: '第三十六条' },
  noticeFee: { step: '办理', label: '发出信息处理费缴费通知', article: '第四十二条' },
  recordPayment: { step: '办理', label: '已缴纳信息处理费，恢复办理', article: '第四十二条' },
  abandonForUnpaidFee: { step: '答复', label: '逾期未缴纳信息处理费，不再处理', article: '第四十二条' },
  withdraw: { step: '答复', label: '申请人撤回申请' },
  archive: { step: '归档', label: '办结归档', article: '第四十五条' },
};

function timeline(entries: AuditDoc[]) {
  return entries
    .filter((entry) => entry.visibleToApplicant)
    .map((entry) => {
      const item = TIMELINE[entry.action] ?? { step: STEP_OF_STATE[entry.to as RequestState] ?? '', label: entry.action };
      return { at: entry.at, date: entry.date, step: item.step, label: item.label, ...(item.article ? { article: item.article } : {}), ...(entry.publicNote ? { note: entry.publicNote } : {}) };
    });
}

function replyView(kase: RequestCase) {
  if (kase.state !== 'replied' && kase.state !== 'archived') return undefined;
  if (!kase.reply?.sentOn) return undefined;
  return { outcome: kase.reply.outcome, outcomeLabel: outcomeLabel(kase.reply.outcome), text: kase.reply.text, sentOn: kase.reply.sentOn };
}

function baseView(doc: StoredDoc<RequestDoc>, kase: RequestCase, calendar: WorkingCalendar, now: IsoDate, entries: AuditDoc[], actor: Actor | null, settings: WorkflowSettings) {
  const reply = replyView(kase);
  return {
    id: doc._id,
    version: doc._version,
    queryCode: doc.queryCode,
    state: kase.state,
    stateLabel: STATE_LABELS[kase.state],
    channel: CHANNEL_LABELS[kase.channel],
    receiptDate: kase.receiptDate,
    applicantType: kase.applicantType,
    description: doc.details.description,
    ...(doc.details.docNo ? { docNo: doc.details.docNo } : {}),
    ...(doc.details.features ? { features: doc.details.features } : {}),
    deliveryForm: DELIVERY_FORM_LABELS[doc.details.deliveryForm],
    deliveryChannel: DELIVERY_CHANNEL_LABELS[doc.details.deliveryChannel],
    deadlines: caseDeadlineViews(kase, calendar, now, settings),
    timeline: timeline(entries),
    ...(kase.correction ? { correction: kase.correction } : {}),
    ...(kase.fee ? { fee: kase.fee } : {}),
    ...(reply ? { reply } : {}),
    availableCommands: actor ? availableCommands(kase, actor, settings) : [],
  };
}

function citizenView(doc: StoredDoc<RequestDoc>, calendar: WorkingCalendar, now: IsoDate, entries: AuditDoc[], actor: Actor, settings: WorkflowSettings): CitizenCase {
  const kase = toCase(doc);
  const { applicant } = doc;
  return {
    ...baseView(doc, kase, calendar, now, entries, actor, settings),
    applicant: {
      name: applicant.name,
      ...(applicant.organisationName ? { organisationName: applicant.organisationName } : {}),
      idType: ID_TYPE_LABELS[applicant.idType],
      idNumberMasked: maskIdNumber(applicant.idNumber),
      ...(applicant.mobile ? { mobileMasked: maskMobile(applicant.mobile) } : {}),
      ...(applicant.email ? { email: applicant.email } : {}),
    },
  };
}

function staffView(doc: StoredDoc<RequestDoc>, calendar: WorkingCalendar, now: IsoDate, entries: AuditDoc[], actor: Actor, settings: WorkflowSettings): StaffCase {
  const kase = toCase(doc);
  const { applicant } = doc;
  const draft = kase.reply && !kase.reply.sentOn ? kase.reply : undefined;
  return {
    ...baseView(doc, kase, calendar, now, entries, actor, settings),
    applicant: { ...applicant, idType: ID_TYPE_LABELS[applicant.idType] },
    ...(kase.handlerOpenid ? { handlerOpenid: kase.handlerOpenid } : {}),
    consultations: kase.consultations,
    ...(kase.extension ? { extension: kase.extension } : {}),
    ...(draft ? { draft: { outcome: draft.outcome, outcomeLabel: outcomeLabel(draft.outcome), text: draft.text, draftedOn: draft.draftedOn, ...(draft.returnedNote ? { returnedNote: draft.returnedNote } : {}) } } : {}),
    audit: entries.map((entry) => ({ at: entry.at, actor: entry.actorLabel, action: entry.action, from: entry.from, to: entry.to, ...(entry.note ? { note: entry.note } : {}) })),
  };
}

function summary(doc: StoredDoc<RequestDoc>, calendar: WorkingCalendar, now: IsoDate, settings: WorkflowSettings): CaseSummary {
  const kase = toCase(doc);
  const flag = urgency(kase, calendar, now, settings);
  return {
    id: doc._id,
    queryCode: doc.queryCode,
    description: doc.details.description.length > 60 ? `${doc.details.description.slice(0, 60)}…` : doc.details.description,
    applicantType: kase.applicantType,
    applicantName: maskName(doc.applicant.organisationName ?? doc.applicant.name),
    channel: CHANNEL_LABELS[kase.channel],
    receiptDate: kase.receiptDate,
    state: kase.state,
    stateLabel: STATE_LABELS[kase.state],
    due: flag.due,
    workingDaysLeft: flag.workingDaysLeft,
    urgency: flag.urgency,
  };
}

// ---------------------------------------------------------------------------------------------
// Writes: case, audit entry and notifications in one transaction.

const APPLICANT_NOTICES: Partial<Record<string, { kind: string; title: string }>> = {
  submit: { kind: 'received', title: '申请已收到' },
  register: { kind: 'received', title: '申请已登记' },
  requestCorrection: { kind: 'correctionNeeded', title: '申请需要补正' },
  decideExtension: { kind: 'extended', title: '答复期限已延长' },
  decideReply: { kind: 'replied', title: '答复书已出具' },
  noticeFee: { kind: 'feeNotice', title: '请缴纳信息处理费' },
  abandonForNoCorrection: { kind: 'closed', title: '申请已终止办理' },
};

const STAFF_NOTICES: Partial<Record<string, { kind: string; title: string; to: string }>> = {
  submit: { kind: 'newCase', title: '新的网上申请待审核', to: 'role:clerk' },
  submitCorrection: { kind: 'correctionReceived', title: '申请人已提交补正材料', to: 'role:clerk' },
  requestExtension: { kind: 'extensionPending', title: '延期申请待审批', to: 'role:reviewer' },
  draftReply: { kind: 'replyPending', title: '答复书待审核签发', to: 'role:reviewer' },
  withdraw: { kind: 'withdrawn', title: '申请人已撤回申请', to: 'role:clerk' },
};

async function recordChange(
  tx: TransactionStore,
  input: { caseId: string; caseVersion: number; queryCode: string; ownerOpenid: string | null; action: string; from: string; to: string; at: Date; date: IsoDate; actorOpenid: string; actorLabel: string; note?: string; publicNote?: string; replyDue?: string | null },
): Promise<void> {
  const visible = input.action in TIMELINE && !(input.action === 'decideExtension' && input.from === input.to) && !(input.action === 'decideReply' && input.to !== 'replied');
  const audit: AuditDoc = {
    caseId: input.caseId,
    caseVersion: input.caseVersion,
    at: input.at.toISOString(),
    date: input.date,
    actorOpenid: input.actorOpenid,
    actorLabel: input.actorLabel,
    action: input.action,
    from: input.from,
    to: input.to,
    ...(input.note ? { note: input.note } : {}),
    visibleToApplicant: visible,
    ...(input.publicNote ? { publicNote: input.publicNote } : {}),
  };
  await appendChained(tx, { entries: REQUEST_COLLECTIONS.audit, heads: REQUEST_COLLECTIONS.auditHeads }, input.caseId, audit);

  const applicantNotice = APPLICANT_NOTICES[input.action];
  const extensionRejected = input.action === 'decideExtension' && input.note?.startsWith('不批准');
  const replyReturned = input.action === 'decideReply' && input.to !== 'replied';
  if (applicantNotice && input.ownerOpenid && !extensionRejected && !replyReturned) {
    const due = input.replyDue ? `，答复期限至 ${input.replyDue}` : '';
    await tx.insert<OutboxDoc>(REQUEST_COLLECTIONS.outbox, {
      at: audit.at,
      audience: 'applicant',
      recipient: input.ownerOpenid,
      kind: applicantNotice.kind,
      title: applicantNotice.title,
      body: `查询码 ${input.queryCode}：${applicantNotice.title}${input.publicNote ? `（${input.publicNote}）` : ''}${due}`,
      caseId: input.caseId,
      reference: input.queryCode,
      status: 'pending',
    });
  }
  const staffNotice = STAFF_NOTICES[input.action];
  if (staffNotice) {
    await tx.insert<OutboxDoc>(REQUEST_COLLECTIONS.outbox, {
      at: audit.at,
      audience: 'staff',
      recipient: staffNotice.to,
      kind: staffNotice.kind,
      title: staffNotice.title,
      body: `查询码 ${input.queryCode}：${staffNotice.title}`,
      caseId: input.caseId,
      reference: input.queryCode,
      status: 'pending',
    });
  }
}

function newQueryCode(): string {
  return formatQueryCode(Array.from({ length: 10 }, () => randomInt(0, 1 << 30)));
}

async function createCase(
  deps: Deps,
  caller: Caller,
  input: { idempotencyKey: string; application: Application; channel: Channel; receiptDate: IsoDate; ownerOpenid: string | null; action: 'submit' | 'register' },
) {
  const actor = actorOf(caller);
  const calendar = await loadCalendar(deps);
  const now = deps.clock.now();
  const date = shanghaiDate(now);
  if (input.receiptDate > date) throw new AppError('VALIDATION_FAILED', '收到申请日期不能晚于今天');
  const keyId = `${actor.openid}:${input.idempotencyKey}`;
  const { application: a } = input;
  const pii = piiOf(deps);

  const created = await deps.store.transaction(async (tx) => {
    const seen = await tx.get<{ caseId: string }>(REQUEST_COLLECTIONS.idempotency, keyId);
    if (seen) return { caseId: seen.caseId, replayed: true };
    const caseId = `req-${randomUUID().replace(/-/g, '').slice(0, 20)}`;
    const queryCode = newQueryCode();
    const doc: RequestDoc & { _id: string } = {
      _id: caseId,
      queryCode,
      ownerOpenid: input.ownerOpenid,
      applicantType: a.applicantType,
      channel: input.channel,
      receiptDate: input.receiptDate,
      clockStart: input.receiptDate,
      state: 'registered',
      consultations: [],
      applicant: sealApplicant(pii, {
        name: a.name,
        idType: a.idType,
        idNumber: a.idNumber.toUpperCase(),
        ...(a.organisationName ? { organisationName: a.organisationName } : {}),
        ...(a.mobile ? { mobile: a.mobile } : {}),
        ...(a.email ? { email: a.email } : {}),
        ...(a.address ? { address: a.address } : {}),
        ...(a.postcode ? { postcode: a.postcode } : {}),
      }),
      details: {
        description: a.description,
        deliveryForm: a.deliveryForm,
        deliveryChannel: a.deliveryChannel,
        ...(a.docNo ? { docNo: a.docNo } : {}),
        ...(a.features ? { features: a.features } : {}),
      },
      createdAt: now.toISOString(),
      updatedAt: now.toISOString(),
    };
    await tx.insert(REQUEST_COLLECTIONS.cases, doc);
    await tx.insert(REQUEST_COLLECTIONS.idempotency, { _id: keyId, caseId, at: now.toISOString() });
    const replyDue = computeDeadline(calendar, { start: input.receiptDate, workingDays: STATUTORY_PERIODS.reply.workingDays }).due;
    await recordChange(tx, {
      caseId,
      caseVersion: 1,
      queryCode,
      ownerOpenid: input.ownerOpenid,
      action: input.action,
      from: '-',
      to: 'registered',
      at: now,
      date,
      actorOpenid: actor.openid,
      actorLabel: input.action === 'submit' ? '申请人' : actorLabel(caller, { ownerOpenid: input.ownerOpenid }),
      publicNote: `${CHANNEL_LABELS[input.channel]}，收到申请之日为 ${input.receiptDate}`,
      replyDue,
    });
    return { caseId, replayed: false };
  });

  const doc = await getAnyCase(deps, created.caseId);
  const reply = computeDeadline(calendar, { start: doc.receiptDate, workingDays: STATUTORY_PERIODS.reply.workingDays });
  return {
    id: doc._id,
    queryCode: doc.queryCode,
    receiptDate: doc.receiptDate,
    replyDeadline: deadlineView('reply', '答复期限', STATUTORY_PERIODS.reply.article, STATUTORY_PERIODS.reply.workingDays, doc.receiptDate, reply, calendar, date),
    replayed: created.replayed,
  };
}

async function act(deps: Deps, caller: Caller, id: string, expectedVersion: number, command: Command, mustOwn: boolean): Promise<StoredDoc<RequestDoc>> {
  const actor = actorOf(caller);
  const calendar = await loadCalendar(deps);
  const settings = await loadSettings(deps);
  const now = deps.clock.now();
  const date = shanghaiDate(now);
  command = await checkedCommand(deps, command);
  try {
    await deps.store.transaction(async (tx) => {
      const doc = await tx.get<RequestDoc>(REQUEST_COLLECTIONS.cases, id);
      if (!doc || (mustOwn && doc.ownerOpenid !== actor.openid)) throw new AppError('NOT_FOUND', '未找到该申请');
      if (doc._version !== expectedVersion) throw new AppError('CONFLICT', '该申请已被更新，请刷新后再操作');
      const kase = toCase(doc);
      const transition = applyCommand(kase, command, actor, date, calendar, settings);
      const { id: _id, ...next } = transition.next;
      await tx.update<RequestDoc>(REQUEST_COLLECTIONS.cases, id, { ...next, updatedAt: now.toISOString() }, { ifVersion: expectedVersion });
      const publicNote =
        command.type === 'requestCorrection'
          ? transition.next.correction?.items.join('；')
          : command.type === 'decideExtension' && command.approve
            ? kase.extension?.reason
            : command.type === 'noticeFee'
              ? transition.note
              : undefined;
      const replyDue = caseDeadlines(transition.next, calendar, settings).reply?.due ?? null;
      await recordChange(tx, {
        caseId: id,
        caseVersion: expectedVersion + 1,
        queryCode: doc.queryCode,
        ownerOpenid: doc.ownerOpenid,
        action: command.type,
        from: transition.from,
        to: transition.to,
        at: now,
        date,
        actorOpenid: actor.openid,
        actorLabel: actorLabel(caller, doc),
        ...(transition.note ? { note: transition.note } : {}),
        ...(publicNote ? { publicNote } : {}),
        replyDue: ['decideExtension', 'submitCorrection'].includes(command.type) ? replyDue : null,
      });
    });
  } catch (error) {
    if (error instanceof WorkflowError) throw new AppError(error.code, error.message);
    if (error instanceof StoreError && error.code === 'conflict') throw new AppError('CONFLICT', '该申请已被更新，请刷新后再操作');
    throw error;
  }
  return getAnyCase(deps, id);
}

/**
 * Checks each attachment of a correction against storage (it must exist: uploaded by the client
 * first) and records what storage knows of it, falling back to what the client said.
 */
async function checkedCommand(deps: Deps, command: Command): Promise<Command> {
  if (command.type !== 'submitCorrection' || !command.attachments?.length) return command;
  const attachments = [];
  for (const attachment of command.attachments) {
    const stored = await deps.files.describe(attachment.fileId);
    if (!stored) throw new AppError('VALIDATION_FAILED', '附件不存在或已过期，请重新上传');
    if (stored.size !== null && stored.size > MAX_ATTACHMENT_BYTES) throw new AppError('VALIDATION_FAILED', `附件“${attachment.name}”超过 10 MB`);
    if (stored.contentType !== null && !isAttachmentContentType(stored.contentType)) throw new AppError('VALIDATION_FAILED', `附件“${attachment.name}”的文件类型不受支持`);
    attachments.push({ fileId: attachment.fileId, name: attachment.name, size: stored.size ?? attachment.size, contentType: stored.contentType ?? attachment.contentType });
  }
  if (new Set(attachments.map((a) => a.fileId)).size !== attachments.length) throw new AppError('VALIDATION_FAILED', '同一个附件添加了两次');
  return { ...command, attachments };
}

function openCases(deps: Deps): Promise<Array<StoredDoc<RequestDoc>>> {
  return findAll<RequestDoc>(deps.store, REQUEST_COLLECTIONS.cases, { state: { $in: OPEN_STATES } });
}

async function overridesView(deps: Deps) {
  const overrides = await deps.store.find<CalendarOverride>(REQUEST_COLLECTIONS.calendarOverrides, { orderBy: [['date', 'asc']], limit: 100 });
  const calendar = await loadCalendar(deps);
  const years = [...new Set([...OFFICIAL_CALENDAR.coveredYears, ...overrides.map((o) => Number(o.date.slice(0, 4)))])].filter((y) => calendar.covers(y));
  return { overrides: overrides.map(({ date, kind, name }) => ({ date, kind, name })), coveredYears: years.sort((a, b) => a - b) };
}

async function agencyName(deps: Deps): Promise<string> {
  return (await deps.store.get<AgencyDoc>(COLLECTIONS.agency, AGENCY_PROFILE_ID))?.name ?? '';
}

export const requestsHandlers = defineHandlers('requests', {
  async submit(input, { caller, deps }) {
    // User text goes through the content-security port like every other submission. Only a refusal
    // stops it: an application is read by staff, never published, so `review` needs no holding.
    const text = [input.application.description, input.application.docNo ?? '', input.application.features ?? ''].filter(Boolean).join('\n');
    const verdict = await deps.contentCheck.check(text, { openid: caller.openid!, scene: 'profile' });
    if (verdict.suggest === 'risky') {
      throw new AppError('VALIDATION_FAILED', '申请内容包含不当信息，请修改后再提交', [{ path: 'application.description', message: '申请内容包含不当信息，请修改后再提交' }]);
    }
    return createCase(deps, caller, { ...input, channel: 'online', receiptDate: today(deps), ownerOpenid: caller.openid, action: 'submit' });
  },

  async listMine(_input, { caller, deps }) {
    const calendar = await loadCalendar(deps);
    const settings = await loadSettings(deps);
    const docs = await deps.store.find<RequestDoc>(REQUEST_COLLECTIONS.cases, { where: { ownerOpenid: caller.openid }, orderBy: [['createdAt', 'desc']], limit: 100 });
    return docs.map((doc) => summary(doc, calendar, today(deps), settings));
  },

  async getMine(input, { caller, deps }) {
    const doc = await getOwnCase(deps, caller, input.id);
    return citizenView(doc, await loadCalendar(deps), today(deps), await auditEntries(deps, doc._id), actorOf(caller), await loadSettings(deps));
  },

  async actMine(input, { caller, deps }) {
    const doc = await act(deps, caller, input.id, input.expectedVersion, input.command, true);
    return citizenView(doc, await loadCalendar(deps), today(deps), await auditEntries(deps, doc._id), actorOf(caller), await loadSettings(deps));
  },

  async attachmentUrl(input, { caller, deps }) {
    const isStaff = caller.roles.some((role) => role === 'clerk' || role === 'reviewer' || role === 'admin');
    const doc = isStaff ? await getAnyCase(deps, input.id) : await getOwnCase(deps, caller, input.id);
    const attachment = doc.correction?.attachments?.find((a) => a.fileId === input.fileId);
    if (!attachment) throw new AppError('NOT_FOUND', '未找到该附件');
    const url = await deps.files.downloadUrl(attachment.fileId);
    if (!url) throw new AppError('NOT_FOUND', '附件已不存在或已过期');
    return { url };
  },

  async calculateDeadlines(input, { deps }) {
    const calendar = await loadCalendar(deps);
    const now = today(deps);
    const periods: Array<[string, string, string, number]> = [
      ['correctionNotice', '补正告知期限', STATUTORY_PERIODS.correctionNotice.article, 7],
      ['thirdPartyAnswer', '第三方答复期限', STATUTORY_PERIODS.thirdPartyAnswer.article, 15],
      ['reply', '答复期限', STATUTORY_PERIODS.reply.article, 20],
      ['replyExtended', '延长后的答复期限', STATUTORY_PERIODS.extension.article, 40],
    ];
    return {
      receiptDate: input.receiptDate,
      deadlines: periods.map(([key, label, article, days]) =>
        deadlineView(key, label, article, days, input.receiptDate, computeDeadline(calendar, { start: input.receiptDate, workingDays: days }), calendar, now),
      ),
    };
  },

  async queue(input, { deps }) {
    const calendar = await loadCalendar(deps);
    const settings = await loadSettings(deps);
    const now = today(deps);
    let docs = await openCases(deps);
    if (input?.includeEnded) {
      const ended = await deps.store.find<RequestDoc>(REQUEST_COLLECTIONS.cases, { where: { state: { $in: ['replied', 'closed', 'archived'] } }, orderBy: [['updatedAt', 'desc']], limit: 50 });
      docs = [...docs, ...ended];
    }
    const items = docs.map((doc) => summary(doc, calendar, now, settings));
    const counts = { overdue: 0, dueToday: 0, due2: 0, due5: 0, open: 0 };
    for (const item of items) {
      if (item.urgency === 'done') continue;
      counts.open += 1;
      if (item.urgency in counts) counts[item.urgency as keyof typeof counts] += 1;
    }
    const rank = (item: CaseSummary) => (item.urgency === 'done' ? '9' : item.due ? `0${item.due}` : '5');
    const filtered = input?.state ? items.filter((item) => item.state === input.state) : items;
    return { items: filtered.sort((a, b) => rank(a).localeCompare(rank(b)) || a.receiptDate.localeCompare(b.receiptDate)), counts };
  },

  async getCase(input, { caller, deps }) {
    const doc = await getAnyCase(deps, input.id);
    const actor = actorOf(caller);
    // Reading an applicant's personal data is itself recorded (on the case's audit chain).
    const entry: AuditDoc = {
      caseId: doc._id,
      caseVersion: doc._version,
      at: deps.clock.now().toISOString(),
      date: today(deps),
      actorOpenid: actor.openid,
      actorLabel: actorLabel(caller, doc),
      action: 'viewPersonalData',
      from: doc.state,
      to: doc.state,
      visibleToApplicant: false,
    };
    await deps.store.transaction((tx) => appendChained(tx, { entries: REQUEST_COLLECTIONS.audit, heads: REQUEST_COLLECTIONS.auditHeads }, doc._id, entry));
    return staffView(doc, await loadCalendar(deps), today(deps), await auditEntries(deps, doc._id), actor, await loadSettings(deps));
  },

  async register(input, { caller, deps }) {
    return createCase(deps, caller, { ...input, ownerOpenid: null, action: 'register' });
  },

  async act(input, { caller, deps }) {
    const doc = await act(deps, caller, input.id, input.expectedVersion, input.command, false);
    return staffView(doc, await loadCalendar(deps), today(deps), await auditEntries(deps, doc._id), actorOf(caller), await loadSettings(deps));
  },

  async replyTemplate(input, { deps }) {
    const doc = await getAnyCase(deps, input.id);
    const name = doc.applicant.organisationName ?? doc.applicant.name;
    return { text: replyLetterTemplate(input.outcome, { agencyName: await agencyName(deps), applicantName: name, receiptDate: doc.receiptDate, description: doc.details.description, today: today(deps) }) };
  },

  async outbox(input, { deps }) {
    const docs = await deps.store.find<OutboxDoc>(REQUEST_COLLECTIONS.outbox, { where: input?.caseId ? { caseId: input.caseId } : {}, orderBy: [['at', 'desc']], limit: 100 });
    return docs.map((doc) => ({
      id: doc._id,
      at: doc.at,
      audience: doc.audience,
      recipient: doc.audience === 'applicant' ? '申请人' : doc.recipient === 'role:reviewer' ? '审核人' : '受理员',
      kind: doc.kind,
      title: doc.title,
      body: doc.body,
      caseId: doc.caseId,
      status: doc.status,
    }));
  },

  async getSettings(_input, { deps }) {
    return loadSettings(deps);
  },

  async saveSettings(input, { deps }) {
    const saved = { feesEnabled: input.feesEnabled, pauseWhileFeeUnpaid: input.pauseWhileFeeUnpaid };
    if (await deps.store.get(REQUEST_COLLECTIONS.settings, SETTINGS_ID)) await deps.store.update(REQUEST_COLLECTIONS.settings, SETTINGS_ID, saved);
    else await deps.store.insert(REQUEST_COLLECTIONS.settings, { _id: SETTINGS_ID, ...saved });
    return loadSettings(deps);
  },

  async listCalendarOverrides(_input, { deps }) {
    return overridesView(deps);
  },

  async saveCalendarOverride(input, { deps }) {
    const { override } = input;
    const existing = await deps.store.get(REQUEST_COLLECTIONS.calendarOverrides, override.date);
    if (input.remove) {
      if (existing) await deps.store.remove(REQUEST_COLLECTIONS.calendarOverrides, override.date);
    } else if (existing) {
      await deps.store.update(REQUEST_COLLECTIONS.calendarOverrides, override.date, override);
    } else {
      await deps.store.insert(REQUEST_COLLECTIONS.calendarOverrides, { _id: override.date, ...override });
    }
    if (input.declareYearCovered !== undefined) {
      const settings = await deps.store.get<{ coveredYears: number[] }>(REQUEST_COLLECTIONS.settings, CALENDAR_SETTINGS_ID);
      const years = [...new Set([...(settings?.coveredYears ?? []), input.declareYearCovered])];
      if (settings) await deps.store.update(REQUEST_COLLECTIONS.settings, CALENDAR_SETTINGS_ID, { coveredYears: years });
      else await deps.store.insert(REQUEST_COLLECTIONS.settings, { _id: CALENDAR_SETTINGS_ID, coveredYears: years });
    }
    // Deadlines are computed from the calendar on every read, so open cases are re-dated at once.
    return overridesView(deps);
  },
});

