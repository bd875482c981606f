// Parts shared by 我的订阅 / 我的消息 (packages/follow).
import type { ActionOutput } from '@/contracts';

export type TopicOption = ActionOutput<'subscriptions', 'topics'>['topics'][number];
export type Message = ActionOutput<'subscriptions', 'messages'>['items'][number];

export const FOLLOW_ROUTES = {
  follows: '/packages/follow/index/index',
  messages: '/packages/follow/messages/index',
} as const;

/** An ISO instant as Shanghai wall time, 'YYYY-MM-DD HH:mm' (China has no daylight saving). */
export function shanghaiDateTime(iso: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  return new Date(ms + 8 * 3600 * 1000).toISOString().slice(0, 16).replace('T', ' ');
}
