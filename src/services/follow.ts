// Following a column or a transaction type, from any page: WeChat's consent prompt for the
// subscription message must start synchronously inside the user's tap, so it is asked here before
// anything is awaited, then the follow is recorded.
import type { ActionInput, ActionOutput } from '@/contracts';
import { PUBLICATION_MESSAGE_KIND } from '@/contracts/subscriptions';
import { call } from './api';
import { askForUpdates } from './subscribe';

export type Follow = ActionOutput<'subscriptions', 'mine'>['follows'][number];
export type FollowTopic = ActionInput<'subscriptions', 'follow'>['topic'];

export function isFollowing(follows: readonly Follow[], column: string, type = ''): boolean {
  return follows.some((follow) => follow.column === column && follow.type === type && !follow.projectId);
}

/** Is this one trading project followed (关注此项目)? */
export function isFollowingProject(follows: readonly Follow[], projectId: string): boolean {
  return follows.some((follow) => follow.projectId === projectId);
}

/** Follows (or, when `following`, unfollows) a topic; call it straight from the tap handler. */
export function toggleFollow(topic: FollowTopic, following: boolean): Promise<Follow[]> {
  // NOTE: no await before askForUpdates (WeChat: requestSubscribeMessage must start in the tap).
  const consent = following ? Promise.resolve([]) : askForUpdates([PUBLICATION_MESSAGE_KIND]);
  const input = { topic: { column: topic.column, ...(topic.type ? { type: topic.type } : {}), ...(topic.projectId ? { projectId: topic.projectId } : {}) } };
  return consent.then(() => call('subscriptions', following ? 'unfollow' : 'follow', input)).then((answer) => answer.follows);
}
