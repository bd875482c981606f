// Status badges of a trading project and the countdown of a publicity period, computed from the
// dates its notices carry (sign-up end, opening, candidate publicity). Pure: no Taro, no I/O; "now"
// is the server's clock, passed in.
import { addDays, daysBetween, shanghaiDate, type IsoDate } from '../calendar/dates';
import { CANDIDATE_PUBLICITY_DAYS, type ChainStage } from './chain';

export const BADGES = {
  signUp: '报名中',
  signUpClosed: '报名截止',
  awaitingOpening: '待开标',
  opening: '开标中',
  evaluating: '评标中',
  publicity: '公示中',
  publicityOver: '公示期满',
  ended: '已结束',
} as const;
export type BadgeKey = keyof typeof BADGES;

/** An opening session counts as in progress for this long after it starts (as in the 开标大厅). */
export const OPENING_SESSION_MINUTES = 60;

export interface BadgeState {
  /** The furthest stage published. */
  stage: ChainStage;
  /** Last day of sign-up (inclusive), from the tender (or a change) notice. */
  signUpEnds?: IsoDate;
  /** The bid opening, an ISO instant with its offset (2026-03-20T09:30:00+08:00). */
  openingAt?: string;
  /** Day the latest 中标候选人公示 was published. */
  candidatesOn?: IsoDate;
}

/**
 * The project's badge now. Before candidates: 报名中 until the sign-up's last day is over, then
 * 报名截止 until the opening day, 待开标 on that day until the opening, 开标中 for the session, 评标中
 * after it. Candidates: 公示中 during the publicity, 公示期满 after it until the result. Result or
 * contract: 已结束.
 */
export function projectBadge(state: BadgeState, now: Date): { key: BadgeKey; label: string } {
  const key = badgeKey(state, now);
  return { key, label: BADGES[key] };
}

function badgeKey(state: BadgeState, now: Date): BadgeKey {
  const today = shanghaiDate(now);
  if (state.stage === 'result' || state.stage === 'contract') return 'ended';
  if (state.stage === 'candidates') {
    const countdown = state.candidatesOn ? publicityCountdown(state.candidatesOn, today) : null;
    return countdown && countdown.daysLeft > 0 ? 'publicity' : 'publicityOver';
  }
  if (state.signUpEnds && today <= state.signUpEnds) return 'signUp';
  const opening = state.openingAt ? Date.parse(state.openingAt) : NaN;
  if (Number.isNaN(opening)) return 'signUpClosed';
  const minutes = (now.getTime() - opening) / 60_000;
  if (minutes >= OPENING_SESSION_MINUTES) return 'evaluating';
  if (minutes >= 0) return 'opening';
  return shanghaiDate(new Date(opening)) === today ? 'awaitingOpening' : 'signUpClosed';
}

export interface PublicityCountdown {
  /** Last day of the publicity (inclusive) = the objection deadline. */
  endsOn: IsoDate;
  objectionDeadline: IsoDate;
  /** Days left counting today; 0 once it is over. */
  daysLeft: number;
  /** 公示期剩余 2 天，异议截止 2026-03-23 / 公示期已结束（异议截止 2026-03-23） */
  text: string;
}

/**
 * The 中标候选人公示 published on `publishedOn` lasts CANDIDATE_PUBLICITY_DAYS days counting that day
 * (the result may be published from the day after, see checkNextNotice); objections are accepted until
 * its last day.
 */
export function publicityCountdown(publishedOn: IsoDate, today: IsoDate, days = CANDIDATE_PUBLICITY_DAYS): PublicityCountdown {
  const endsOn = addDays(publishedOn, days - 1);
  const left = today < publishedOn ? days : Math.max(0, daysBetween(today, endsOn) + 1);
  const text = left > 0 ? `公示期剩余 ${left} 天，异议截止 ${endsOn}` : `公示期已结束（异议截止 ${endsOn}）`;
  return { endsOn, objectionDeadline: endsOn, daysLeft: left, text };
}
