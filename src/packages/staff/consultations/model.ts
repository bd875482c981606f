// Shared by the staff console's 意见征集 pages (packages/staff/consultations): routes, the answer
// types, comment counts and labels.
import type { ActionOutput } from '@/contracts';
import type { StaffRole } from '@/contracts/core';
import { DECISION_LABELS, DECISIONS, type Decision } from '@/domain/consultations/rules';

export type StaffConsultation = ActionOutput<'consultations', 'staffView'>;
export type StaffComment = StaffConsultation['comments'][number];

export const CONSULT_STAFF_ROUTES = {
  list: '/packages/staff/consultations/index',
  create: '/packages/staff/consultations/new/index',
  detail: (id: string) => `/packages/staff/consultations/detail/index?id=${encodeURIComponent(id)}`,
} as const;

export const DECISION_OPTIONS: ReadonlyArray<{ value: Decision; label: string }> = DECISIONS.map((value) => ({ value, label: DECISION_LABELS[value] }));

export const COMMENT_STATUS_LABELS: Record<StaffComment['status'], string> = { pending: '待审核', shown: '已展示', rejected: '不予展示' };

export interface CommentCounts {
  total: number;
  pending: number;
  shown: number;
  rejected: number;
  /** Shown comments with a decision. */
  decided: number;
  /** Shown comments still without a decision. */
  undecided: number;
}

export function commentCounts(consultation: Pick<StaffConsultation, 'comments'>): CommentCounts {
  const { comments } = consultation;
  const shown = comments.filter((c) => c.status === 'shown');
  const decided = shown.filter((c) => c.decision).length;
  return {
    total: comments.length,
    pending: comments.filter((c) => c.status === 'pending').length,
    shown: shown.length,
    rejected: comments.filter((c) => c.status === 'rejected').length,
    decided,
    undecided: shown.length - decided,
  };
}

/** Clerks and admins moderate, decide and publish consultations; reviewers read and export. */
export function canEdit(roles: readonly StaffRole[]): boolean {
  return roles.includes('clerk') || roles.includes('admin');
}

/** The statement's opening, from the counts (staff edit it before publishing). */
export function statementDraft(consultation: Pick<StaffConsultation, 'comments'>): string {
  const counts = commentCounts(consultation);
  const shown = consultation.comments.filter((c) => c.status === 'shown');
  const of = (decision: Decision) => shown.filter((c) => c.decision?.decision === decision).length;
  return `本次征集共收到意见 ${counts.total} 条，其中公开展示 ${counts.shown} 条${counts.rejected > 0 ? `，因与征集事项无关等原因不予展示 ${counts.rejected} 条` : ''}。经研究，采纳 ${of('adopted')} 条，部分采纳 ${of('partlyAdopted')} 条，未采纳 ${of('notAdopted')} 条，每条意见的采纳情况和理由附后。感谢各位对本项工作的关心和支持。`;
}
