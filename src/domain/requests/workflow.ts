// The statutory procedure of an information request (条例第四十五条: 登记 → 审核 → 办理 → 答复 → 归档)
// as an explicit state machine. Pure: a command applied to a case gives the next case and the audit
// entry, or a WorkflowError with a stable code and a Chinese message. Who may issue which command
// (role, ownership) is decided here too, so no host can forget it.
import type { IsoDate } from '../calendar/dates';
import type { WorkingCalendar } from '../calendar/working-days';
import type { ApplicantType, OutcomeKey } from '../report/tables';
import { computeDeadline, STATUTORY_PERIODS, workingDaysLeft, type Deadline, type Pause } from './deadlines';
import { FEE_PAYMENT_WORKING_DAYS } from './fees';

export type RequestState =
  | 'registered' // 登记 done: waiting for 审核
  | 'correctionRequested' // 补正 asked: waiting for the applicant
  | 'handling' // 办理
  | 'consulting' // 办理, clock paused while a third party or another agency is consulted
  | 'extensionPending' // 办理, an extension awaits a 审核人
  | 'feePending' // 办理, a processing-fee notice awaits payment (国办函〔2020〕109号)
  | 'replyPending' // 答复 drafted, awaiting a 审核人's sign-off
  | 'replied' // 答复 sent
  | 'closed' // ended without a reply letter (withdrawn, or no correction in time)
  | 'archived'; // 归档: read-only

export const STATE_LABELS: Record<RequestState, string> = {
  registered: '已登记，待审核',
  correctionRequested: '待申请人补正',
  handling: '办理中',
  consulting: '办理中（征求意见，期限中止）',
  extensionPending: '办理中（延期待批准）',
  feePending: '办理中（待缴纳信息处理费）',
  replyPending: '答复待审核',
  replied: '已答复',
  closed: '已终止',
  archived: '已归档',
};

/** The statute's step each state belongs to, for timelines. */
export const STEP_OF_STATE: Record<RequestState, '登记' | '审核' | '办理' | '答复' | '归档'> = {
  registered: '审核',
  correctionRequested: '审核',
  handling: '办理',
  consulting: '办理',
  extensionPending: '办理',
  feePending: '办理',
  replyPending: '答复',
  replied: '答复',
  closed: '答复',
  archived: '归档',
};

export type Channel = 'online' | 'letter' | 'fax' | 'inPerson' | 'oral';
export const CHANNEL_LABELS: Record<Channel, string> = { online: '网上申请', letter: '信函', fax: '传真', inPerson: '当面提交', oral: '口头提出（工作人员代填）' };

export type StaffRole = 'clerk' | 'reviewer' | 'admin';

export interface Actor {
  openid: string;
  roles: readonly StaffRole[];
}

export interface Consultation {
  party: string;
  kind: 'thirdParty' | 'agency';
  from: IsoDate;
  to?: IsoDate;
  /** The consulted party's own deadline (15 working days, Art. 32/34). */
  answerDue: IsoDate;
}

/** A file the applicant attached to a correction: a reference to storage, not the file itself. */
export interface CorrectionAttachment {
  fileId: string;
  name: string;
  size: number;
  contentType: string;
}
export const MAX_CORRECTION_ATTACHMENTS = 5;

export interface RequestCase {
  id: string;
  /** The applicant's WeChat identity; null for applications registered on paper with no account. */
  ownerOpenid: string | null;
  applicantType: ApplicantType;
  channel: Channel;
  /** The legal receipt date (Art. 31): online, the day both sides confirm, i.e. submission. */
  receiptDate: IsoDate;
  /** Day zero of the reply clock: the receipt date, or the day a correction arrived (Art. 30). */
  clockStart: IsoDate;
  state: RequestState;
  handlerOpenid?: string;
  correction?: { requestedOn: IsoDate; items: string[]; dueBy: IsoDate; answeredOn?: IsoDate; answer?: string; attachments?: CorrectionAttachment[] };
  consultations: Consultation[];
  extension?: { reason: string; requestedBy: string; requestedOn: IsoDate; status: 'pending' | 'approved' | 'rejected'; decidedBy?: string; decidedOn?: IsoDate; note?: string };
  reply?: { outcome: OutcomeKey; text: string; draftedBy: string; draftedOn: IsoDate; approvedBy?: string; sentOn?: IsoDate; returnedNote?: string };
  fee?: { basis: 'perApplication' | 'perPage'; amount: number; noticeOn: IsoDate; dueBy: IsoDate; paidOn?: IsoDate };
  /** The Table 3 row the case ends in, set when it is replied or closed. */
  outcome?: OutcomeKey;
  endedOn?: IsoDate;
  archivedOn?: IsoDate;
}

export type Command =
  | { type: 'accept' }
  | { type: 'requestCorrection'; items: string[] }
  | { type: 'submitCorrection'; answer: string; attachments?: CorrectionAttachment[] }
  | { type: 'abandonForNoCorrection' }
  | { type: 'startConsultation'; party: string; kind: 'thirdParty' | 'agency' }
  | { type: 'endConsultation' }
  | { type: 'requestExtension'; reason: string }
  | { type: 'decideExtension'; approve: boolean; note?: string }
  | { type: 'draftReply'; outcome: OutcomeKey; text: string }
  | { type: 'decideReply'; approve: boolean; note?: string }
  | { type: 'withdraw' }
  | { type: 'archive' }
  | { type: 'noticeFee'; basis: 'perApplication' | 'perPage'; amount: number }
  | { type: 'recordPayment' }
  | { type: 'abandonForUnpaidFee' };

export type CommandType = Command['type'];

export const COMMAND_LABELS: Record<CommandType, string> = {
  accept: '审核通过，转入办理',
  requestCorrection: '一次性告知补正',
  submitCorrection: '提交补正材料',
  abandonForNoCorrection: '逾期未补正，终止办理',
  startConsultation: '征求第三方或其他机关意见',
  endConsultation: '收到意见，恢复计算期限',
  requestExtension: '申请延长答复期限',
  decideExtension: '审批延期申请',
  draftReply: '拟写答复书',
  decideReply: '审核答复书',
  withdraw: '申请人撤回申请',
  archive: '归档',
  noticeFee: '发出信息处理费缴费通知',
  recordPayment: '确认已缴费，恢复办理',
  abandonForUnpaidFee: '逾期未缴费，终止办理',
};

export type WorkflowErrorCode = 'FORBIDDEN' | 'CONFLICT' | 'VALIDATION_FAILED';

export class WorkflowError extends Error {
  constructor(
    readonly code: WorkflowErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'WorkflowError';
  }
}

export interface WorkflowSettings {
  /** The applicant's period to correct (Art. 30 says "reasonable"; local practice ~15 working days). */
  correctionPeriodWorkingDays: number;
  /** Whether the agency charges processing fees at all (off by default, as at Zibo). */
  feesEnabled: boolean;
  /** Whether the reply clock pauses while a fee notice is unpaid (not settled nationally: a setting). */
  pauseWhileFeeUnpaid: boolean;
}

export const DEFAULT_WORKFLOW_SETTINGS: WorkflowSettings = { correctionPeriodWorkingDays: 15, feesEnabled: false, pauseWhileFeeUnpaid: true };

export interface Transition {
  next: RequestCase;
  from: RequestState;
  to: RequestState;
  /** What the audit log records beside who and when. */
  note?: string;
}

/** Who may issue a command: the applicant who owns the case, or staff with one of the roles. */
const COMMAND_ACTORS: Record<CommandType, { owner: boolean; roles: readonly StaffRole[] }> = {
  accept: { owner: false, roles: ['clerk'] },
  requestCorrection: { owner: false, roles: ['clerk'] },
  submitCorrection: { owner: true, roles: ['clerk'] },
  abandonForNoCorrection: { owner: false, roles: ['clerk'] },
  startConsultation: { owner: false, roles: ['clerk'] },
  endConsultation: { owner: false, roles: ['clerk'] },
  requestExtension: { owner: false, roles: ['clerk'] },
  decideExtension: { owner: false, roles: ['reviewer'] },
  draftReply: { owner: false, roles: ['clerk'] },
  decideReply: { owner: false, roles: ['reviewer'] },
  withdraw: { owner: true, roles: [] },
  archive: { owner: false, roles: ['clerk'] },
  noticeFee: { owner: false, roles: ['clerk'] },
  recordPayment: { owner: false, roles: ['clerk'] },
  abandonForUnpaidFee: { owner: false, roles: ['clerk'] },
};

/** States each command may start from. */
const FROM_STATES: Record<CommandType, readonly RequestState[]> = {
  accept: ['registered'],
  requestCorrection: ['registered'],
  submitCorrection: ['correctionRequested'],
  abandonForNoCorrection: ['correctionRequested'],
  startConsultation: ['handling'],
  endConsultation: ['consulting'],
  requestExtension: ['handling'],
  decideExtension: ['extensionPending'],
  draftReply: ['handling'],
  decideReply: ['replyPending'],
  withdraw: ['registered', 'correctionRequested', 'handling', 'consulting', 'extensionPending', 'feePending', 'replyPending'],
  archive: ['replied', 'closed'],
  noticeFee: ['handling'],
  recordPayment: ['feePending'],
  abandonForUnpaidFee: ['feePending'],
};

export function mayIssue(command: CommandType, actor: Actor, kase: Pick<RequestCase, 'ownerOpenid'>): boolean {
  const rule = COMMAND_ACTORS[command];
  if (rule.owner && kase.ownerOpenid !== null && kase.ownerOpenid === actor.openid) return true;
  return actor.roles.some((role) => rule.roles.includes(role));
}

/** Commands that are legal now for this actor: what a screen should offer. */
export function availableCommands(kase: RequestCase, actor: Actor, settings: WorkflowSettings = DEFAULT_WORKFLOW_SETTINGS): CommandType[] {
  return (Object.keys(FROM_STATES) as CommandType[]).filter(
    (type) => FROM_STATES[type].includes(kase.state) && mayIssue(type, actor, kase) && (type !== 'noticeFee' || (settings.feesEnabled && !kase.fee)),
  );
}

function requireText(value: string, what: string, max = 2000): string {
  const text = value.trim();
  if (!text) throw new WorkflowError('VALIDATION_FAILED', `请填写${what}`);
  if (text.length > max) throw new WorkflowError('VALIDATION_FAILED', `${what}不能超过 ${max} 字`);
  return text;
}

/** Applies one command. `today` is the Shanghai date of the action. */
export function applyCommand(
  kase: RequestCase,
  command: Command,
  actor: Actor,
  today: IsoDate,
  calendar: WorkingCalendar,
  settings: WorkflowSettings = DEFAULT_WORKFLOW_SETTINGS,
): Transition {
  if (!mayIssue(command.type, actor, kase)) throw new WorkflowError('FORBIDDEN', `您无权执行“${COMMAND_LABELS[command.type]}”`);
  if (!FROM_STATES[command.type].includes(kase.state)) {
    throw new WorkflowError('CONFLICT', `申请当前状态为“${STATE_LABELS[kase.state]}”，不能执行“${COMMAND_LABELS[command.type]}”`);
  }
  const from = kase.state;
  const to = (state: RequestState, next: Partial<RequestCase>, note?: string): Transition => ({
    next: { ...kase, ...next, state },
    from,
    to: state,
    note,
  });

  switch (command.type) {
    case 'accept':
      return to('handling', { handlerOpenid: kase.handlerOpenid ?? actor.openid });

    case 'requestCorrection': {
      if (kase.correction) throw new WorkflowError('CONFLICT', '补正只能告知一次（条例第三十条），本申请已告知过');
      const items = command.items.map((item) => item.trim()).filter(Boolean);
      if (items.length === 0) throw new WorkflowError('VALIDATION_FAILED', '请一次性列明需要补正的全部事项');
      const noticeDue = computeDeadline(calendar, { start: kase.receiptDate, workingDays: STATUTORY_PERIODS.correctionNotice.workingDays }).due!;
      if (today > noticeDue) {
        throw new WorkflowError('CONFLICT', `补正告知须在收到申请之日起 7 个工作日内作出（截至 ${noticeDue}），已逾期，请直接办理`);
      }
      const dueBy = computeDeadline(calendar, { start: today, workingDays: settings.correctionPeriodWorkingDays }).due!;
      return to('correctionRequested', { correction: { requestedOn: today, items, dueBy } }, items.join('；'));
    }

    case 'submitCorrection': {
      const correction = kase.correction!;
      if (today > correction.dueBy) throw new WorkflowError('CONFLICT', `补正期限已于 ${correction.dueBy} 届满`);
      const answer = requireText(command.answer, '补正内容', 5000);
      // Art. 30: the reply period restarts in full from receipt of the corrected application.
      const attachments = command.attachments ?? [];
      if (attachments.length > MAX_CORRECTION_ATTACHMENTS) throw new WorkflowError('VALIDATION_FAILED', `补正附件最多 ${MAX_CORRECTION_ATTACHMENTS} 个`);
      return to('registered', { clockStart: today, correction: { ...correction, answeredOn: today, answer, ...(attachments.length > 0 ? { attachments } : {}) } });
    }

    case 'abandonForNoCorrection': {
      const correction = kase.correction!;
      if (today <= correction.dueBy) throw new WorkflowError('CONFLICT', `补正期限至 ${correction.dueBy}，尚未届满`);
      return to('closed', { outcome: 'otherNoCorrection', endedOn: today }, '申请人无正当理由逾期不补正');
    }

    case 'startConsultation': {
      const party = requireText(command.party, '被征求意见的第三方或机关', 100);
      const answerDue = computeDeadline(calendar, { start: today, workingDays: STATUTORY_PERIODS.thirdPartyAnswer.workingDays }).due!;
      return to('consulting', { consultations: [...kase.consultations, { party, kind: command.kind, from: today, answerDue }] }, party);
    }

    case 'endConsultation': {
      const consultations = kase.consultations.map((c, i) => (i === kase.consultations.length - 1 ? { ...c, to: today } : c));
      return to('handling', { consultations });
    }

    case 'requestExtension': {
      if (kase.extension) throw new WorkflowError('CONFLICT', '答复期限只能延长一次（条例第三十三条），本申请已申请过延期');
      const reason = requireText(command.reason, '延期理由', 500);
      return to('extensionPending', { extension: { reason, requestedBy: actor.openid, requestedOn: today, status: 'pending' } }, reason);
    }

    case 'decideExtension': {
      const extension = kase.extension!;
      if (extension.requestedBy === actor.openid || kase.handlerOpenid === actor.openid) {
        throw new WorkflowError('FORBIDDEN', '延期须由承办人以外的审核人批准');
      }
      const note = command.note?.trim() || undefined;
      const decided = { ...extension, status: command.approve ? ('approved' as const) : ('rejected' as const), decidedBy: actor.openid, decidedOn: today, ...(note ? { note } : {}) };
      return to('handling', { extension: decided }, command.approve ? '批准延期 20 个工作日' : `不批准延期${note ? `：${note}` : ''}`);
    }

    case 'draftReply': {
      const text = requireText(command.text, '答复书正文', 20000);
      return to('replyPending', { reply: { outcome: command.outcome, text, draftedBy: actor.openid, draftedOn: today } });
    }

    case 'decideReply': {
      const reply = kase.reply!;
      if (reply.draftedBy === actor.openid) throw new WorkflowError('FORBIDDEN', '答复书须由拟稿人以外的审核人签发');
      if (command.approve) {
        return to('replied', { reply: { ...reply, approvedBy: actor.openid, sentOn: today }, outcome: reply.outcome, endedOn: today }, '签发答复书');
      }
      const note = requireText(command.note ?? '', '退回理由', 500);
      return to('handling', { reply: { ...reply, returnedNote: note } }, `退回修改：${note}`);
    }

    case 'withdraw':
      return to('closed', { outcome: 'otherOther', endedOn: today }, '申请人撤回申请');

    case 'archive':
      return to('archived', { archivedOn: today });

    case 'noticeFee': {
      if (!settings.feesEnabled) throw new WorkflowError('CONFLICT', '本机关未启用信息处理费');
      if (kase.fee) throw new WorkflowError('CONFLICT', '本申请已发出过缴费通知');
      if (!Number.isInteger(command.amount) || command.amount <= 0) throw new WorkflowError('VALIDATION_FAILED', '收费金额应为正整数（元）；不收费的无需发出通知');
      // 20 working days "from the day after the notice" is 20 working days counted with the notice day as day zero.
      const dueBy = computeDeadline(calendar, { start: today, workingDays: FEE_PAYMENT_WORKING_DAYS }).due!;
      return to('feePending', { fee: { basis: command.basis, amount: command.amount, noticeOn: today, dueBy } }, `${command.basis === 'perApplication' ? '按件' : '按量'}收费 ${command.amount} 元，缴费期限 ${dueBy}`);
    }

    case 'recordPayment': {
      const fee = kase.fee!;
      return to('handling', { fee: { ...fee, paidOn: today } }, `已缴纳 ${fee.amount} 元`);
    }

    case 'abandonForUnpaidFee': {
      const fee = kase.fee!;
      if (today <= fee.dueBy) throw new WorkflowError('CONFLICT', `缴费期限至 ${fee.dueBy}，尚未届满`);
      return to('closed', { outcome: 'otherUnpaidFee', endedOn: today }, '申请人逾期未缴纳信息处理费');
    }
  }
}

export interface CaseDeadlines {
  /** Art. 30: last day to ask for a correction (while no correction has been asked). */
  correctionNotice?: Deadline & { due: IsoDate };
  /** The applicant's correction period. */
  correctionDue?: IsoDate;
  /** Art. 33: the reply deadline now in force; null while paused by an open consultation. */
  reply?: Deadline & { workingDays: number; extended: boolean };
}

export function caseDeadlines(kase: RequestCase, calendar: WorkingCalendar, settings: WorkflowSettings = DEFAULT_WORKFLOW_SETTINGS): CaseDeadlines {
  const result: CaseDeadlines = {};
  if (kase.state === 'registered' && !kase.correction) {
    const notice = computeDeadline(calendar, { start: kase.receiptDate, workingDays: STATUTORY_PERIODS.correctionNotice.workingDays });
    result.correctionNotice = { ...notice, due: notice.due! };
  }
  if (kase.state === 'correctionRequested') {
    result.correctionDue = kase.correction?.dueBy;
    return result; // The reply clock restarts when the correction arrives.
  }
  const extended = kase.extension?.status === 'approved';
  const workingDays = STATUTORY_PERIODS.reply.workingDays + (extended ? STATUTORY_PERIODS.extension.workingDays : 0);
  const pauses: Pause[] = kase.consultations.filter((c) => c.from >= kase.clockStart).map((c) => ({ from: c.from, ...(c.to ? { to: c.to } : {}) }));
  if (kase.fee && settings.pauseWhileFeeUnpaid) pauses.push({ from: kase.fee.noticeOn, ...(kase.fee.paidOn ? { to: kase.fee.paidOn } : {}) });
  result.reply = { ...computeDeadline(calendar, { start: kase.clockStart, workingDays, pauses }), workingDays, extended };
  return result;
}

export type Urgency = 'overdue' | 'dueToday' | 'due2' | 'due5' | 'ok' | 'paused' | 'done';

/** Queue flags: overdue, due today, within 2 or 5 working days (the console's thresholds). */
export function urgency(kase: RequestCase, calendar: WorkingCalendar, today: IsoDate, settings: WorkflowSettings = DEFAULT_WORKFLOW_SETTINGS): { urgency: Urgency; due: IsoDate | null; workingDaysLeft: number | null } {
  if (['replied', 'closed', 'archived'].includes(kase.state)) return { urgency: 'done', due: null, workingDaysLeft: null };
  const deadlines = caseDeadlines(kase, calendar, settings);
  const due = kase.state === 'correctionRequested' ? (deadlines.correctionDue ?? null) : (deadlines.reply?.due ?? null);
  if (!due) return { urgency: 'paused', due: null, workingDaysLeft: null };
  const left = workingDaysLeft(calendar, today, due);
  const level: Urgency = left < 0 ? 'overdue' : left === 0 ? 'dueToday' : left <= 2 ? 'due2' : left <= 5 ? 'due5' : 'ok';
  return { urgency: level, due, workingDaysLeft: left };
}

/** An unambiguous 查询码 alphabet (no 0/O, 1/I/L). */
export const QUERY_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

export function formatQueryCode(randomValues: readonly number[]): string {
  if (randomValues.length !== 10) throw new RangeError('a query code takes 10 random values');
  return randomValues.map((v) => QUERY_CODE_ALPHABET[v % QUERY_CODE_ALPHABET.length]).join('');
}

