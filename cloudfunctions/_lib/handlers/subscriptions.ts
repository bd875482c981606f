// Handlers of the `subscriptions` function: follows (one document per user and topic), the caller's
// messages, and the fan-out of publication events to the notification outbox. The fan-out is
// exactly-once per follower and event even when interrupted and run again: each message's id is
// derived from the event and the follower and inserted only if absent, inside a transaction, and the
// event is marked fannedOut only after every follower has a message.
import { TRANSACTION_TYPES } from '../../../src/contracts/trading';
import { PUBLICATION_MESSAGE_KIND } from '../../../src/contracts/subscriptions';
import {
  FOLLOWABLE_COLUMNS,
  TYPED_COLUMNS,
  followId,
  followedProject,
  followerTypesFor,
  messageId,
  reaches,
  storedType,
  subscriptionMessage,
  topicProblem,
  type Follow,
  type Topic,
} from '../../../src/domain/subscriptions/rules';
import { AGENCY_PROFILE_ID, COLLECTIONS, type AgencyDoc } from '../collections';
import { OUTBOX_COLLECTION, type OutboxDoc } from '../notifications/deliver';
import { PUBLICATION_COLLECTIONS, type PublicationEventDoc } from '../publication';
import type { ProjectDoc } from '../seed/trading-demo';
import { StoreError, type DocumentStore } from '../ports/store';
import { AppError, defineHandlers } from '../router';

export const SUBSCRIPTION_COLLECTION = 'subscriptions';
/** Followers per transaction (each costs a read and a write). */
const FAN_OUT_BATCH = 50;

const TYPE_LABELS: Record<string, string> = Object.fromEntries(TRANSACTION_TYPES.map((t) => [t.key, t.label]));
const STATUS_LABELS: Record<OutboxDoc['status'], string> = { pending: '待发送', sending: '发送中', sent: '已发送', failed: '发送失败' };

async function columnTitles(store: DocumentStore): Promise<Map<string, { title: string; description: string }>> {
  const agency = await store.get<AgencyDoc>(COLLECTIONS.agency, AGENCY_PROFILE_ID);
  return new Map((agency?.columns ?? []).map((column) => [column.key, { title: column.title, description: column.description }]));
}

function labelOf(titles: Map<string, { title: string }>, column: string, type: string): string {
  const title = titles.get(column)?.title ?? column;
  return type ? `${title}·${TYPE_LABELS[type] ?? type}` : title;
}

/** Trading projects live in this collection (handlers/trading.ts TRADING_COLLECTIONS.projects). */
const PROJECTS = 'tradingProjects';

async function followsOf(store: DocumentStore, openid: string) {
  const [docs, titles] = await Promise.all([
    store.find<Follow>(SUBSCRIPTION_COLLECTION, { where: { openid }, orderBy: [['since', 'asc']], limit: 100 }),
    columnTitles(store),
  ]);
  // A followed project is labelled with its name (at most 100 follows, each read by id).
  const follows = await Promise.all(
    docs.map(async (doc) => {
      const projectId = followedProject(doc.type);
      if (!projectId) return { column: doc.column, type: doc.type, label: labelOf(titles, doc.column, doc.type), since: doc.since };
      const project = await store.get<ProjectDoc>(PROJECTS, projectId);
      return { column: doc.column, type: '', projectId, label: `${titles.get(doc.column)?.title ?? doc.column}·${project?.name ?? projectId}`, since: doc.since };
    }),
  );
  return { follows };
}

function checkTopic(topic: Topic): void {
  const problem = topicProblem(topic);
  if (problem) throw new AppError('VALIDATION_FAILED', problem, [{ path: 'topic', message: problem }]);
}

/** Queues a message for every follower `event` reaches; returns how many were new. */
async function fanOutEvent(store: DocumentStore, event: PublicationEventDoc & { _id: string }, label: string, now: string): Promise<number> {
  const message = subscriptionMessage(event, label);
  let queued = 0;
  let after = '';
  for (;;) {
    const page = await store.find<Follow>(SUBSCRIPTION_COLLECTION, {
      where: { column: event.column, type: { $in: followerTypesFor(event) }, ...(after ? { _id: { $gt: after } } : {}) },
      orderBy: [['_id', 'asc']],
      limit: FAN_OUT_BATCH,
    });
    const recipients = [...new Set(page.filter((follow) => reaches(follow, event)).map((follow) => follow.openid))];
    queued += await store.transaction(async (tx) => {
      let added = 0;
      for (const openid of recipients) {
        const _id = messageId(event._id, openid);
        if (await tx.get(OUTBOX_COLLECTION, _id)) continue; // queued by an earlier, interrupted run
        await tx.insert<OutboxDoc>(OUTBOX_COLLECTION, {
          _id,
          at: now,
          audience: 'applicant',
          recipient: openid,
          kind: PUBLICATION_MESSAGE_KIND,
          title: message.title,
          body: message.body,
          reference: message.reference,
          caseId: event._id,
          page: event.route,
          status: 'pending',
        });
        added += 1;
      }
      return added;
    });
    if (page.length < FAN_OUT_BATCH) return queued;
    after = page[page.length - 1]!._id;
  }
}

export const subscriptionsHandlers = defineHandlers('subscriptions', {
  async topics(_input, { deps }) {
    const titles = await columnTitles(deps.store);
    return {
      topics: FOLLOWABLE_COLUMNS.map((column) => ({
        column,
        label: titles.get(column)?.title ?? column,
        description: titles.get(column)?.description ?? '',
        types: (TYPED_COLUMNS[column] ?? []).map((type) => ({ type, label: TYPE_LABELS[type] ?? type })),
      })),
    };
  },

  async mine(_input, { caller, deps }) {
    return followsOf(deps.store, caller.openid!);
  },

  async follow(input, { caller, deps }) {
    checkTopic(input.topic);
    const openid = caller.openid!;
    if (input.topic.projectId && !(await deps.store.get(PROJECTS, input.topic.projectId))) throw new AppError('NOT_FOUND', '未找到该交易项目');
    const topic = { column: input.topic.column, type: storedType(input.topic) };
    const _id = followId(openid, input.topic);
    await deps.store.transaction(async (tx) => {
      if (await tx.get(SUBSCRIPTION_COLLECTION, _id)) return;
      await tx.insert<Follow>(SUBSCRIPTION_COLLECTION, { _id, openid, ...topic, since: deps.clock.now().toISOString() });
    });
    return followsOf(deps.store, openid);
  },

  async unfollow(input, { caller, deps }) {
    checkTopic(input.topic);
    const openid = caller.openid!;
    const _id = followId(openid, input.topic);
    await deps.store.transaction(async (tx) => {
      if (await tx.get(SUBSCRIPTION_COLLECTION, _id)) await tx.remove(SUBSCRIPTION_COLLECTION, _id);
    });
    return followsOf(deps.store, openid);
  },

  async messages(input, { caller, deps }) {
    const docs = await deps.store.find<OutboxDoc>(OUTBOX_COLLECTION, { where: { recipient: caller.openid!, audience: 'applicant' }, orderBy: [['at', 'desc']], limit: input?.limit ?? 50 });
    return {
      items: docs.map((doc) => ({
        id: doc._id,
        title: doc.title,
        body: doc.body,
        at: doc.at,
        page: doc.page ?? `/packages/apply/case/index?id=${doc.caseId}`,
        status: doc.status,
        statusLabel: STATUS_LABELS[doc.status],
      })),
    };
  },

  async fanOut(input, { deps }) {
    const events = await deps.store.find<PublicationEventDoc>(PUBLICATION_COLLECTIONS.events, { where: { status: 'pending' }, orderBy: [['at', 'asc']], limit: input?.limit ?? 20 });
    if (events.length === 0) return { events: 0, messages: 0 };
    const titles = await columnTitles(deps.store);
    let done = 0;
    let messages = 0;
    for (const event of events) {
      messages += await fanOutEvent(deps.store, event, labelOf(titles, event.column, ''), deps.clock.now().toISOString());
      try {
        await deps.store.update<PublicationEventDoc>(PUBLICATION_COLLECTIONS.events, event._id, { status: 'fannedOut' }, { ifVersion: event._version });
      } catch (error) {
        if (error instanceof StoreError && error.code === 'conflict') continue; // another run finished it
        throw error;
      }
      done += 1;
    }
    return { events: done, messages };
  },
});
