// Small helpers shared by the 咨询留言 pages (packages/questions only: a subpackage may not reach into another).
import type { MyQuestion } from '@/contracts/questions';

export const QUESTION_ROUTES = {
  list: '/packages/questions/list/index',
  ask: '/packages/questions/ask/index',
  mine: '/packages/questions/mine/index',
  detail: (id: string) => `/packages/questions/detail/index?id=${encodeURIComponent(id)}`,
} as const;

/** 2026-03-16 → 2026年3月16日. */
export function formatDate(iso: string): string {
  const [year, month, day] = iso.split('-');
  if (!year || !month || !day) return iso;
  return `${year}年${Number(month)}月${Number(day)}日`;
}

/** 2026-03 → 2026年3月. */
export function formatMonth(month: string): string {
  const [year, m] = month.split('-');
  return year && m ? `${year}年${Number(m)}月` : month;
}

/** 32 characters of base36 from the clock and Math.random: unique enough for one person's submits. */
export function newIdempotencyKey(): string {
  let key = `ask${Date.now().toString(36)}`;
  while (key.length < 32) key += Math.floor(Math.random() * 36).toString(36);
  return key;
}

/** What the asker should know about the state, in words. */
export function stateHint(question: MyQuestion): string {
  if (question.state === 'answered') return question.private ? '已答复（不公开，仅您本人可见）' : '已答复，答复已公开';
  if (question.state === 'needsDetails') return '请按一次性告知的内容补充说明，补充后重新计算答复期限';
  return `本中心将在 ${formatDate(question.due)} 前答复`;
}
