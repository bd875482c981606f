// 平台开放日 (open days) rules: an event's state at a moment, the sign-up window, capacity, one place
// per person, and the cancellation cut-off. Pure: no Taro, no I/O; times are instants (epoch ms or
// ISO strings with an offset), wall-clock values are Asia/Shanghai.
//
// The cancellation cut-off is 24 hours before the start, not "1 working day": it is one rule a
// citizen can read on the page without a calendar, it does not depend on holiday data (which may not
// cover next year yet), and it gives staff a full day to update the visitor list for the building's
// front desk. A cancelled place returns to the pool and can be taken while sign-up is still open.

/** Hours before the start after which a citizen can no longer cancel online. */
export const CANCEL_CUTOFF_HOURS = 24;
/** The most places one event may offer (the largest room of the center holds about this many). */
export const MAX_CAPACITY = 200;

export type OpenDayState = 'notYetOpen' | 'open' | 'full' | 'closed' | 'ended' | 'cancelled';

/** Every state is said in words; colour only repeats it. */
export const OPEN_DAY_STATE_LABELS: Record<OpenDayState, string> = {
  notYetOpen: '未开始报名',
  open: '报名中',
  full: '已满',
  closed: '报名截止',
  ended: '已结束',
  cancelled: '已取消',
};

export const SIGN_UP_ROLES = [
  { key: 'deputy', label: '人大代表' },
  { key: 'cppcc', label: '政协委员' },
  { key: 'projectLead', label: '重大项目负责人' },
  { key: 'enterprise', label: '企业代表' },
  { key: 'media', label: '媒体' },
  { key: 'citizen', label: '市民' },
] as const;
export type SignUpRole = (typeof SIGN_UP_ROLES)[number]['key'];

/** What the rules need to know about an event. */
export interface OpenDayTimes {
  startsAt: string;
  endsAt: string;
  signUpOpensAt: string;
  signUpClosesAt: string;
  /** null for past events kept as records (no online sign-up). */
  capacity: number | null;
  /** Places taken by active sign-ups. */
  taken: number;
  cancelled: boolean;
}

const SHANGHAI_OFFSET = '+08:00';
const HOUR_MS = 3_600_000;

const ms = (value: string | number | Date): number => (typeof value === 'number' ? value : typeof value === 'string' ? Date.parse(value) : value.getTime());

/** 2026-03-16 + 09:30 (Shanghai wall time) → 2026-03-16T09:30:00+08:00. */
export function shanghaiInstant(date: string, time: string): string {
  return `${date}T${time}:00${SHANGHAI_OFFSET}`;
}

/** An instant as Shanghai wall time: {date: 'YYYY-MM-DD', time: 'HH:mm'}. */
export function shanghaiWallTime(instant: string | number | Date): { date: string; time: string } {
  const iso = new Date(ms(instant) + 8 * HOUR_MS).toISOString();
  return { date: iso.slice(0, 10), time: iso.slice(11, 16) };
}

/** The same instant written with the +08:00 offset, so stored strings sort by time. */
export function toShanghaiIso(instant: string | number | Date): string {
  const { date, time } = shanghaiWallTime(instant);
  const seconds = new Date(ms(instant) + 8 * HOUR_MS).toISOString().slice(17, 19);
  return `${date}T${time}:${seconds}${SHANGHAI_OFFSET}`;
}

export function cancelDeadline(event: Pick<OpenDayTimes, 'startsAt'>): string {
  return toShanghaiIso(ms(event.startsAt) - CANCEL_CUTOFF_HOURS * HOUR_MS);
}

export function remainingPlaces(event: Pick<OpenDayTimes, 'capacity' | 'taken'>): number | null {
  return event.capacity === null ? null : Math.max(0, event.capacity - event.taken);
}

/** The event's state at `now`. A closed window wins over 已满: after it closes, nobody can sign up either way. */
export function eventState(event: OpenDayTimes, now: Date | number): OpenDayState {
  const t = ms(now);
  if (event.cancelled) return 'cancelled';
  if (t >= ms(event.endsAt)) return 'ended';
  if (event.capacity === null || t >= ms(event.signUpClosesAt)) return 'closed';
  if (t < ms(event.signUpOpensAt)) return 'notYetOpen';
  if (event.taken >= event.capacity) return 'full';
  return 'open';
}

/** Why a new sign-up is refused at `now`, or null when a place can be taken. */
export function signUpRefusal(event: OpenDayTimes, now: Date | number): string | null {
  switch (eventState(event, now)) {
    case 'open':
      return null;
    case 'full':
      return '名额已满，暂时无法报名；如有人取消报名，名额会重新开放';
    case 'notYetOpen':
      return `报名尚未开始（${formatWall(event.signUpOpensAt)} 开始）`;
    case 'closed':
      return '报名已截止';
    case 'ended':
      return '活动已结束';
    case 'cancelled':
      return '活动已取消';
  }
}

/** Why a citizen's cancellation is refused at `now`, or null when it is allowed. */
export function cancelRefusal(event: OpenDayTimes, now: Date | number): string | null {
  if (event.cancelled) return '活动已取消，无需再取消报名';
  if (ms(now) >= ms(cancelDeadline(event))) return `活动开始前 ${CANCEL_CUTOFF_HOURS} 小时内不能在线取消报名（截至 ${formatWall(cancelDeadline(event))}），如不能参加请致电联系我们`;
  return null;
}

/** 2026-03-16T09:30:00+08:00 → 2026-03-16 09:30 (Shanghai). */
export function formatWall(instant: string): string {
  const { date, time } = shanghaiWallTime(instant);
  return `${date} ${time}`;
}

export interface EventDraft {
  date: string;
  startTime: string;
  endTime: string;
  signUpCloseDate: string;
  signUpCloseTime: string;
  capacity: number;
}

export interface Problem {
  path: string;
  message: string;
}

/** Checks a new event against the clock: it lies ahead, ends after it starts, and sign-up closes before the start. */
export function checkEventDraft(draft: EventDraft, now: Date | number): Problem[] {
  const problems: Problem[] = [];
  const startsAt = ms(shanghaiInstant(draft.date, draft.startTime));
  const endsAt = ms(shanghaiInstant(draft.date, draft.endTime));
  const closesAt = ms(shanghaiInstant(draft.signUpCloseDate, draft.signUpCloseTime));
  const t = ms(now);
  if (!Number.isFinite(startsAt) || !Number.isFinite(endsAt) || !Number.isFinite(closesAt)) {
    problems.push({ path: 'date', message: '日期或时间不正确' });
    return problems;
  }
  if (startsAt <= t) problems.push({ path: 'date', message: '活动时间应晚于现在' });
  if (endsAt <= startsAt) problems.push({ path: 'endTime', message: '结束时间应晚于开始时间' });
  if (closesAt >= startsAt) problems.push({ path: 'signUpCloseDate', message: '报名截止时间应早于活动开始时间' });
  else if (closesAt <= t) problems.push({ path: 'signUpCloseDate', message: '报名截止时间应晚于现在' });
  if (!Number.isInteger(draft.capacity) || draft.capacity < 1 || draft.capacity > MAX_CAPACITY) problems.push({ path: 'capacity', message: `名额应为 1 至 ${MAX_CAPACITY} 人` });
  return problems;
}

// ---------------------------------------------------------------------------------------------
// A model of one event's places, used by the property tests: the server keeps the same invariants
// with a counter on the event updated in the same transaction as the sign-up.

export interface PlaceBook {
  event: OpenDayTimes;
  /** Person → holds a place. */
  holders: ReadonlySet<string>;
}

export type BookResult = { ok: true; book: PlaceBook } | { ok: false; reason: string };

export function takePlace(book: PlaceBook, person: string, now: Date | number): BookResult {
  if (book.holders.has(person)) return { ok: false, reason: '您已报名该活动' };
  const refusal = signUpRefusal(book.event, now);
  if (refusal) return { ok: false, reason: refusal };
  const holders = new Set(book.holders).add(person);
  return { ok: true, book: { event: { ...book.event, taken: book.event.taken + 1 }, holders } };
}

export function releasePlace(book: PlaceBook, person: string, now: Date | number): BookResult {
  if (!book.holders.has(person)) return { ok: false, reason: '未找到您的报名' };
  const refusal = cancelRefusal(book.event, now);
  if (refusal) return { ok: false, reason: refusal };
  const holders = new Set(book.holders);
  holders.delete(person);
  return { ok: true, book: { event: { ...book.event, taken: book.event.taken - 1 }, holders } };
}
