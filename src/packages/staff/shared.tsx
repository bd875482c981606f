// Parts shared by the staff console's pages (the `packages/staff` subpackage): labels, the urgency
// badge, the "staff only" notice and small helpers. Page-private to this subpackage.
import { useRef } from 'react';
import Taro, { useDidShow } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { STAFF_ROLE_LABELS, type StaffRole } from '@/contracts/core';
import type { CaseSummary } from '@/contracts/requests';
import { COMMAND_LABELS, STATE_LABELS, type CommandType, type RequestState } from '@/domain/requests/workflow';
import { ApiCallError } from '@/services/api';
import type { RemoteState } from '@/hooks/useRemote';

export const STAFF_ROUTES = {
  queue: '/packages/staff/index/index',
  case: (id: string) => `/packages/staff/case/index?id=${encodeURIComponent(id)}`,
  register: '/packages/staff/register/index',
  outbox: '/packages/staff/outbox/index',
  calendar: '/packages/staff/calendar/index',
} as const;

export function roleLabels(roles: readonly StaffRole[]): string {
  return roles.map((role) => STAFF_ROLE_LABELS[role]).join('、');
}

/** The queue and pages answer FORBIDDEN (citizen) or UNAUTHENTICATED (no identity) to non-staff. */
export function isNotStaff(error: unknown): boolean {
  return error instanceof ApiCallError && (error.code === 'FORBIDDEN' || error.code === 'UNAUTHENTICATED');
}

export function StaffOnly() {
  return (
    <View className='state st-staff-only' id='staff-only' role='alert'>
      <Text className='st-staff-only-title'>仅限工作人员使用</Text>
      <Text className='muted st-staff-only-sub'>本页面用于依申请公开的登记、审核、办理、答复与归档，需以工作人员身份登录。</Text>
    </View>
  );
}

/** What an audit entry's action means, in words. */
export function actionLabel(action: string): string {
  if (action === 'submit') return '网上提交申请';
  if (action === 'register') return '登记申请';
  if (action === 'viewPersonalData') return '查看申请人个人信息';
  return COMMAND_LABELS[action as CommandType] ?? action;
}

export function stateLabel(state: string): string {
  if (state === '-') return '—';
  return STATE_LABELS[state as RequestState] ?? state;
}

/** An ISO instant as Shanghai wall time, 'YYYY-MM-DD HH:mm' (China has no daylight saving). */
export function shanghaiDateTime(iso: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  return new Date(ms + 8 * 3600 * 1000).toISOString().slice(0, 16).replace('T', ' ');
}

/** Working days left as words, never by colour alone. */
export function daysLeftText(left: number | null): string {
  if (left === null) return '期限中止';
  if (left < 0) return `已逾期 ${-left} 个工作日`;
  if (left === 0) return '今天到期';
  return `剩余 ${left} 个工作日`;
}

const URGENCY_CLASS: Record<CaseSummary['urgency'], string> = {
  overdue: 'st-urgency-overdue',
  dueToday: 'st-urgency-today',
  due2: 'st-urgency-due2',
  due5: 'st-urgency-due5',
  ok: 'st-urgency-ok',
  paused: 'st-urgency-paused',
  done: 'st-urgency-done',
};

export function urgencyText(item: Pick<CaseSummary, 'urgency' | 'workingDaysLeft'>): string {
  if (item.urgency === 'done') return '已办结';
  if (item.urgency === 'paused') return '期限中止';
  return daysLeftText(item.workingDaysLeft);
}

export function UrgencyBadge({ item, id }: { item: Pick<CaseSummary, 'urgency' | 'workingDaysLeft'>; id?: string }) {
  return (
    <Text className={`st-urgency ${URGENCY_CLASS[item.urgency]}`} id={id} data-urgency={item.urgency}>
      {urgencyText(item)}
    </Text>
  );
}

export function openCase(id: string): void {
  void Taro.navigateTo({ url: STAFF_ROUTES.case(id) });
}

/**
 * Reloads a remote view when its page comes back into view (e.g. after acting on a case), but not
 * for the first show, which the initial load already covers.
 */
export function useReloadOnShow(state: RemoteState<unknown>): void {
  const ref = useRef(state);
  ref.current = state;
  useDidShow(() => {
    if (!ref.current.loading) ref.current.reload();
  });
}

/** A key that makes a retried submit create one case, not two (16–64 of [A-Za-z0-9_-]). */
export function newIdempotencyKey(): string {
  let random = '';
  while (random.length < 24) random += Math.random().toString(36).slice(2);
  return `staff-${Date.now().toString(36)}-${random.slice(0, 24)}`;
}

/** The first message to show for a failed call, with field issues when the server gave them. */
export function errorText(error: unknown): string {
  if (error instanceof ApiCallError) return error.message;
  return '操作失败，请稍后重试';
}
