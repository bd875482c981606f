// Proactive disclosure (主动公开) publishing: every document gets its disclosure attribute when it is
// created (源头认定); only 主动公开 documents can go public, and only after a confidentiality review
// (保密审查) by a person other than the author ("涉密信息不上网，上网信息不涉密"). Published documents can
// be withdrawn with a reason. Art. 26: published within 20 working days of being formed (7 for
// licences and penalties). Pure: the hosts store the result and the audit entry.
import type { IsoDate } from '../calendar/dates';
import type { WorkingCalendar } from '../calendar/working-days';
import { computeDeadline, workingDaysLeft } from '../requests/deadlines';

export type DocumentState = 'draft' | 'inReview' | 'published' | 'rejected' | 'withdrawn';
export const DOCUMENT_STATE_LABELS: Record<DocumentState, string> = {
  draft: '草稿',
  inReview: '待保密审查',
  published: '已发布',
  rejected: '审查未通过，待修改',
  withdrawn: '已撤回',
};

export type DisclosureAttribute = '主动公开' | '依申请公开' | '不予公开';
export type TimeLimitKind = 'general' | 'licencePenalty';
/** Working days from the day a document is formed or changed to its publication. */
export const TIME_LIMITS: Record<TimeLimitKind, { workingDays: number; basis: string }> = {
  general: { workingDays: 20, basis: '信息形成或者变更之日起 20 个工作日内（条例第二十六条）' },
  licencePenalty: { workingDays: 7, basis: '作出行政许可、行政处罚决定之日起 7 个工作日内' },
};

export type PublishingRole = 'clerk' | 'reviewer' | 'admin';

export interface PublishingActor {
  openid: string;
  roles: readonly PublishingRole[];
}

export interface DocumentRecord {
  state: DocumentState;
  attribute: DisclosureAttribute;
  authorOpenid: string;
  formedOn: IsoDate;
  timeLimit: TimeLimitKind;
  review?: { reviewerOpenid: string; on: IsoDate; approved: boolean; reason?: string };
  publishedOn?: IsoDate;
  withdrawal?: { byOpenid: string; on: IsoDate; reason: string };
}

export type PublishingCommand =
  | { type: 'submit' }
  | { type: 'approve'; confirmNoSecrets: boolean }
  | { type: 'reject'; reason: string }
  | { type: 'revise' }
  | { type: 'withdraw'; reason: string };

export class PublishingError extends Error {
  constructor(
    readonly code: 'FORBIDDEN' | 'CONFLICT' | 'VALIDATION_FAILED',
    message: string,
  ) {
    super(message);
    this.name = 'PublishingError';
  }
}

const FROM: Record<PublishingCommand['type'], DocumentState[]> = {
  submit: ['draft'],
  approve: ['inReview'],
  reject: ['inReview'],
  revise: ['rejected'],
  withdraw: ['published'],
};

const LABELS: Record<PublishingCommand['type'], string> = {
  submit: '提交保密审查',
  approve: '审查通过并发布',
  reject: '审查不通过',
  revise: '退回修改',
  withdraw: '撤回已发布信息',
};

function allowed(command: PublishingCommand['type'], actor: PublishingActor, doc: DocumentRecord): boolean {
  const has = (role: PublishingRole) => actor.roles.includes(role);
  switch (command) {
    case 'submit':
    case 'revise':
      return actor.openid === doc.authorOpenid && (has('clerk') || has('admin'));
    case 'approve':
    case 'reject':
      return has('reviewer') && actor.openid !== doc.authorOpenid;
    case 'withdraw':
      return has('reviewer') || has('admin');
  }
}

export function publishingCommands(doc: DocumentRecord, actor: PublishingActor): Array<PublishingCommand['type']> {
  return (Object.keys(FROM) as Array<PublishingCommand['type']>).filter((type) => FROM[type].includes(doc.state) && allowed(type, actor, doc));
}

export function applyPublishing(doc: DocumentRecord, command: PublishingCommand, actor: PublishingActor, today: IsoDate): DocumentRecord {
  if (!FROM[command.type].includes(doc.state)) {
    throw new PublishingError('CONFLICT', `当前状态为“${DOCUMENT_STATE_LABELS[doc.state]}”，不能${LABELS[command.type]}`);
  }
  if (!allowed(command.type, actor, doc)) {
    const selfReview = (command.type === 'approve' || command.type === 'reject') && actor.openid === doc.authorOpenid;
    throw new PublishingError('FORBIDDEN', selfReview ? '保密审查须由起草人以外的审核人进行' : `您无权${LABELS[command.type]}`);
  }
  switch (command.type) {
    case 'submit':
      if (doc.attribute !== '主动公开') throw new PublishingError('CONFLICT', `公开属性为“${doc.attribute}”的信息不能主动发布`);
      return { ...doc, state: 'inReview' };
    case 'approve':
      if (!command.confirmNoSecrets) throw new PublishingError('VALIDATION_FAILED', '请确认已完成保密审查、信息不涉及国家秘密和个人隐私');
      return { ...doc, state: 'published', publishedOn: today, review: { reviewerOpenid: actor.openid, on: today, approved: true } };
    case 'reject': {
      const reason = command.reason.trim();
      if (reason.length < 2) throw new PublishingError('VALIDATION_FAILED', '请写明审查不通过的理由');
      return { ...doc, state: 'rejected', review: { reviewerOpenid: actor.openid, on: today, approved: false, reason } };
    }
    case 'revise':
      return { ...doc, state: 'draft' };
    case 'withdraw': {
      const reason = command.reason.trim();
      if (reason.length < 2) throw new PublishingError('VALIDATION_FAILED', '请写明撤回理由');
      return { ...doc, state: 'withdrawn', withdrawal: { byOpenid: actor.openid, on: today, reason } };
    }
  }
}

export type Timeliness = { due: IsoDate; workingDaysLeft: number; flag: 'late' | 'dueSoon' | 'ok' | 'onTime' | 'publishedLate' };

/** The Art. 26 time limit of a 主动公开 document: late, due within 3 working days, or fine. */
export function timeliness(doc: Pick<DocumentRecord, 'formedOn' | 'timeLimit' | 'publishedOn'>, calendar: WorkingCalendar, today: IsoDate): Timeliness {
  const due = computeDeadline(calendar, { start: doc.formedOn, workingDays: TIME_LIMITS[doc.timeLimit].workingDays }).due!;
  if (doc.publishedOn) return { due, workingDaysLeft: 0, flag: doc.publishedOn <= due ? 'onTime' : 'publishedLate' };
  const left = workingDaysLeft(calendar, today, due);
  return { due, workingDaysLeft: left, flag: left < 0 ? 'late' : left <= 3 ? 'dueSoon' : 'ok' };
}
