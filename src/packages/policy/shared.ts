// Parts shared by the 政策解读 / 会议公开 pages (packages/policy): answer types, routes, filter tabs.
import type { ActionOutput } from '@/contracts';
import { INTERPRETATION_FORMS, INTERPRETER_ROLES, MEETING_KINDS } from '@/contracts/policies';

export type InterpretationSummary = ActionOutput<'policies', 'listInterpretations'>['items'][number];
export type Interpretation = ActionOutput<'policies', 'getInterpretation'>;
export type MeetingSummary = ActionOutput<'policies', 'listMeetings'>['items'][number];
export type Meeting = ActionOutput<'policies', 'getMeeting'>;
export type PolicyStats = ActionOutput<'policies', 'stats'>;

export const POLICY_ROUTES = {
  list: '/packages/policy/list/index',
  meetings: '/packages/policy/meetings/index',
  stats: '/packages/policy/stats/index',
  interpretation: (id: string) => `/packages/policy/interpretation/index?id=${encodeURIComponent(id)}`,
  meeting: (id: string) => `/packages/policy/meeting/index?id=${encodeURIComponent(id)}`,
} as const;

type FormKey = (typeof INTERPRETATION_FORMS)[number]['key'];
type RoleKey = (typeof INTERPRETER_ROLES)[number]['key'];
type KindKey = (typeof MEETING_KINDS)[number]['key'];

/** Filter chips: `#form-<key>`, `#role-<key>`, `#kind-<key>`; `all` asks for everything. */
export const FORM_TABS: ReadonlyArray<{ key: FormKey | 'all'; label: string }> = [{ key: 'all', label: '全部形式' }, ...INTERPRETATION_FORMS];
export const ROLE_TABS: ReadonlyArray<{ key: RoleKey | 'all'; label: string }> = [{ key: 'all', label: '全部解读人' }, ...INTERPRETER_ROLES];
export const KIND_TABS: ReadonlyArray<{ key: KindKey | 'all'; label: string }> = [{ key: 'all', label: '全部会议' }, ...MEETING_KINDS];

/** 2023-03-06 → 2023年3月6日. */
export function formatDate(iso: string): string {
  const [year, month, day] = iso.slice(0, 10).split('-');
  if (!year || !month || !day) return iso;
  return `${year}年${Number(month)}月${Number(day)}日`;
}
