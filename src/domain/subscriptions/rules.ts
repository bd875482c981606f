// Subscriptions: what can be followed, which follows an publication event reaches, and the text of the
// WeChat subscription message (field limits). Pure: no Taro, no I/O.

/** Columns that carry publications and can be followed (keys of the home page's columns). */
export const FOLLOWABLE_COLUMNS = ['catalogue', 'interpretation', 'meetings', 'announcements', 'guides', 'land', 'openDays', 'articles'] as const;
export type FollowableColumn = (typeof FOLLOWABLE_COLUMNS)[number];

/** Columns whose items have a finer type a user may follow on its own (交易公告: the transaction type). */
export const TYPED_COLUMNS: Partial<Record<FollowableColumn, readonly string[]>> = {
  announcements: ['construction', 'procurement', 'landMining', 'stateAssets', 'ruralProperty'],
};

export interface Topic {
  column: string;
  /** Absent or '' = every item of the column. */
  type?: string;
  /** One trading project (交易公告 only): its change, candidates and result notices. */
  projectId?: string;
}

/** Columns where a single project can be followed. */
export const PROJECT_COLUMNS: readonly FollowableColumn[] = ['announcements'];
/** The stages of a followed project's chain that message its followers (its tender was already public). */
export const PROJECT_FOLLOW_STAGES = ['change', 'candidates', 'result'] as const;
const PROJECT_PREFIX = 'project:';

/** A project follow is stored with this `type`, so the fan-out finds its followers by one indexed equality. */
export function projectFollowType(projectId: string): string {
  return `${PROJECT_PREFIX}${projectId}`;
}

/** The project id of a stored follow's `type`, or null for a column or transaction-type follow. */
export function followedProject(type: string): string | null {
  return type.startsWith(PROJECT_PREFIX) ? type.slice(PROJECT_PREFIX.length) : null;
}

/** The stored `type` of a topic: '' (whole column), a transaction type, or `project:<id>`. */
export function storedType(topic: Topic): string {
  return topic.projectId ? projectFollowType(topic.projectId) : (topic.type ?? '');
}

/** The extra follower types a trading notice reaches: its project's followers for change/candidates/result. */
export function projectFollowTypesFor(projectId: string, stage: string): string[] {
  return (PROJECT_FOLLOW_STAGES as readonly string[]).includes(stage) ? [projectFollowType(projectId)] : [];
}

export interface Follow {
  openid: string;
  column: string;
  /** '' when the whole column is followed. */
  type: string;
  /** When the follow was made (ISO instant). */
  since: string;
}

export interface EventLike {
  column: string;
  type: string;
  /** Further follow types the event reaches (e.g. `project:<id>` for a followed project's notice). */
  alsoTypes?: string[];
  /** When the item was published (ISO instant). */
  at: string;
}

export function isFollowableColumn(column: string): column is FollowableColumn {
  return (FOLLOWABLE_COLUMNS as readonly string[]).includes(column);
}

/** Why a topic cannot be followed, or null when it can. */
export function topicProblem(topic: Topic): string | null {
  if (!isFollowableColumn(topic.column)) return '该栏目不支持订阅';
  if (topic.projectId !== undefined) {
    if (!PROJECT_COLUMNS.includes(topic.column)) return '该栏目不支持关注单个项目';
    if (topic.type) return '关注项目时不能同时选择类型';
    return /^[A-Za-z0-9_-]{1,64}$/.test(topic.projectId) ? null : '项目编号不正确';
  }
  const type = topic.type ?? '';
  if (!type) return null;
  const types = TYPED_COLUMNS[topic.column];
  if (!types) return '该栏目不支持按类型订阅';
  return types.includes(type) ? null : '订阅类型不正确';
}

/** The stable key of a topic: `catalogue`, `announcements:procurement`. */
export function topicKey(topic: Topic): string {
  const type = storedType(topic);
  return type ? `${topic.column}:${type}` : topic.column;
}

/** One follow document per user and topic, so following twice is one follow. */
export function followId(openid: string, topic: Topic): string {
  return `${openid}|${topicKey(topic)}`;
}

/** The `type` values whose followers an event reaches: the whole column, and its own type. */
export function followerTypesFor(event: Pick<EventLike, 'type' | 'alsoTypes'>): string[] {
  return [...(event.type ? ['', event.type] : ['']), ...(event.alsoTypes ?? [])];
}

/**
 * Does `follow` receive `event`? Same column; the whole column or the event's type; and only items
 * published after the follow was made (a late fan-out does not send old news to new followers).
 */
export function reaches(follow: Follow, event: EventLike): boolean {
  if (follow.column !== event.column) return false;
  if (follow.type !== '' && follow.type !== event.type && !(event.alsoTypes ?? []).includes(follow.type)) return false;
  return follow.since <= event.at;
}

/** Exactly one message per follower and event: the outbox id is derived from both. */
export function messageId(eventId: string, openid: string): string {
  return `${eventId}|${openid}`;
}

// WeChat subscription-message field limits
// (https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/mp-message-management/subscribe-message/sendMessage.html):
// thing ≤ 20 characters, character_string ≤ 32, phrase ≤ 5.
export const FIELD_LIMITS = { thing: 20, character_string: 32, phrase: 5 } as const;

/** Cuts `value` to `limit` characters (code points), ending with … when cut. */
export function fitField(value: string, limit: number): string {
  const chars = [...value.replace(/\s+/g, ' ').trim()];
  return chars.length > limit ? `${chars.slice(0, limit - 1).join('')}…` : chars.join('');
}

export interface SubscriptionMessage {
  /** thing: what was published where, e.g. 公开目录有新内容. */
  title: string;
  /** thing: the item's title, cut to 20 characters. */
  body: string;
  /** character_string: the item's date. */
  reference: string;
}

/** The message a follower receives; every part fits its template field. */
export function subscriptionMessage(event: { title: string; date: string }, label: string): SubscriptionMessage {
  return {
    title: fitField(`${label}有新内容`, FIELD_LIMITS.thing),
    body: fitField(event.title, FIELD_LIMITS.thing),
    reference: fitField(event.date, FIELD_LIMITS.character_string),
  };
}
