// Handlers of the `openDays` function (平台开放日). Rules live in src/domain/open-days; this module keeps
// them under concurrency: a sign-up inserts its per-person key, its idempotency key and the sign-up,
// and bumps the event's `taken` counter with a version check, all in one transaction, so two people
// can never take the last place and one person can never hold two. Cancelling an event notifies
// every active sign-up through the notification outbox in the same transaction.
import type { EventSummary, SignUpView } from '../../../src/contracts/open-days';
import { maskMobile } from '../../../src/domain/requests/identity-documents';
import {
  cancelDeadline,
  cancelRefusal,
  checkEventDraft,
  eventState,
  formatWall,
  OPEN_DAY_STATE_LABELS,
  remainingPlaces,
  shanghaiInstant,
  shanghaiWallTime,
  SIGN_UP_ROLES,
  signUpRefusal,
  toShanghaiIso,
  type SignUpRole,
} from '../../../src/domain/open-days/rules';
import { OUTBOX_COLLECTION, type OutboxDoc } from '../notifications/deliver';
import { openDayItem, recordPublication } from '../publication';
import { OPEN_DAY_FIGURES, type OpenDayDoc } from '../seed/open-days-demo';
import { StoreError, type StoredDoc, type TransactionStore } from '../ports/store';
import { AppError, defineHandlers, type Deps } from '../router';
import { findAll } from '../find-all';
import { ephemeralPiiCipher, type PiiCipher } from '../pii';

export const OPEN_DAY_COLLECTIONS = {
  events: 'openDays',
  signUps: 'openDaySignUps',
  /** `<eventId>:<openid>` while that person holds a place: the one-place-per-person guarantee. */
  keys: 'openDaySignUpKeys',
  /** `openDay:<openid>:<key>` → the sign-up or event a submit created. */
  idempotency: 'idempotencyKeys',
} as const;

type SignUpStatus = 'active' | 'cancelled' | 'eventCancelled';

interface SignUpDoc {
  eventId: string;
  openid: string;
  receiptNo: string;
  name: string;
  phone: string;
  organisation?: string;
  role: SignUpRole;
  status: SignUpStatus;
  at: string;
  cancelledAt?: string;
}

const STATUS_LABELS: Record<SignUpStatus, string> = { active: '已报名', cancelled: '已取消报名', eventCancelled: '活动已取消' };
const ROLE_LABELS: Record<string, string> = Object.fromEntries(SIGN_UP_ROLES.map((r) => [r.key, r.label]));
/** Attempts when a concurrent change bumped the event between reading and writing it. */
const ATTEMPTS = 5;

function timeText(doc: Pick<OpenDayDoc, 'startsAt' | 'endsAt'>): string {
  const start = shanghaiWallTime(doc.startsAt);
  return `${start.date} ${start.time}–${shanghaiWallTime(doc.endsAt).time}`;
}

function summary(doc: StoredDoc<OpenDayDoc>, now: Date): EventSummary {
  const state = eventState(doc, now);
  return {
    id: doc._id,
    title: doc.title,
    startsAt: doc.startsAt,
    endsAt: doc.endsAt,
    timeText: timeText(doc),
    place: doc.place,
    capacity: doc.capacity,
    remaining: remainingPlaces(doc),
    state,
    stateLabel: OPEN_DAY_STATE_LABELS[state],
    signUpClosesAt: doc.signUpClosesAt,
    demo: doc.demo,
  };
}

function detail(doc: StoredDoc<OpenDayDoc>, now: Date) {
  const refusal = signUpRefusal(doc, now);
  return {
    ...summary(doc, now),
    signUpOpensAt: doc.signUpOpensAt,
    cancelDeadline: cancelDeadline(doc),
    description: doc.description,
    ...(doc.invitees ? { invitees: doc.invitees } : {}),
    ...(doc.cancellationReason ? { cancellationReason: doc.cancellationReason } : {}),
    ...(refusal && doc.capacity !== null ? { signUpRefusal: refusal } : {}),
  };
}

function signUpView(doc: StoredDoc<SignUpDoc>, event: OpenDayDoc, now: Date, pii: PiiCipher): SignUpView {
  return {
    id: doc._id,
    receiptNo: doc.receiptNo,
    eventId: doc.eventId,
    eventTitle: event.title,
    timeText: timeText(event),
    place: event.place,
    name: doc.name,
    phoneMasked: maskMobile(pii.open(doc.phone)),
    ...(doc.organisation ? { organisation: doc.organisation } : {}),
    role: doc.role,
    roleLabel: ROLE_LABELS[doc.role] ?? doc.role,
    status: doc.status,
    statusLabel: STATUS_LABELS[doc.status],
    at: doc.at,
    cancellable: doc.status === 'active' && cancelRefusal(event, now) === null,
    cancelDeadline: cancelDeadline(event),
  };
}

async function eventOrNotFound(tx: Pick<TransactionStore, 'get'>, id: string): Promise<StoredDoc<OpenDayDoc>> {
  const event = await tx.get<OpenDayDoc>(OPEN_DAY_COLLECTIONS.events, id);
  if (!event) throw new AppError('NOT_FOUND', '未找到该活动');
  return event;
}

/** Runs `work` again when a concurrent transaction changed the event first (version check). */
async function withRetry<R>(work: () => Promise<R>): Promise<R> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (error instanceof StoreError && error.code === 'conflict' && attempt < ATTEMPTS) continue;
      throw error;
    }
  }
}

const piiOf = (deps: Deps): PiiCipher => deps.pii ?? ephemeralPiiCipher();
const keyOf = (eventId: string, openid: string) => `${eventId}:${openid}`;
const replayKeyOf = (openid: string, key: string) => `openDay:${openid}:${key}`;

async function replayedSignUp(deps: Deps, openid: string, replayKey: string, now: Date) {
  const earlier = await deps.store.get<{ signUpId?: string }>(OPEN_DAY_COLLECTIONS.idempotency, replayKey);
  if (!earlier?.signUpId) return null;
  const doc = await deps.store.get<SignUpDoc>(OPEN_DAY_COLLECTIONS.signUps, earlier.signUpId);
  if (!doc || doc.openid !== openid) return null;
  const event = await eventOrNotFound(deps.store, doc.eventId);
  return signUpView(doc, event, now, piiOf(deps));
}

export const openDaysHandlers = defineHandlers('openDays', {
  async list(input, { deps }) {
    const now = deps.clock.now();
    const limit = input?.pastLimit ?? 20;
    const upcoming = await deps.store.find<OpenDayDoc>(OPEN_DAY_COLLECTIONS.events, { where: { endsAtMs: { $gt: now.getTime() } }, orderBy: [['startsAt', 'asc']], limit: 50 });
    const past = await deps.store.find<OpenDayDoc>(OPEN_DAY_COLLECTIONS.events, {
      where: { endsAtMs: { $lte: now.getTime() }, ...(input?.pastCursor ? { sortKey: { $lt: input.pastCursor } } : {}) },
      orderBy: [['sortKey', 'desc'], ['_id', 'desc']],
      limit: limit + 1,
    });
    const page = past.slice(0, limit);
    return {
      now: toShanghaiIso(now),
      upcoming: upcoming.map((doc) => summary(doc, now)),
      past: page.map((doc) => summary(doc, now)),
      pastNextCursor: past.length > limit ? (page[page.length - 1]?.sortKey ?? null) : null,
      figures: OPEN_DAY_FIGURES.map((f) => ({ ...f })),
    };
  },

  async get(input, { caller, deps }) {
    const now = deps.clock.now();
    const event = await eventOrNotFound(deps.store, input.id);
    let mine: SignUpView | null = null;
    if (caller.openid) {
      const own = await deps.store.find<SignUpDoc>(OPEN_DAY_COLLECTIONS.signUps, { where: { openid: caller.openid, eventId: event._id }, orderBy: [['at', 'desc']], limit: 1 });
      if (own[0] && own[0].status !== 'cancelled') mine = signUpView(own[0], event, now, piiOf(deps));
    }
    return { event: detail(event, now), mine };
  },

  async signUp(input, { caller, deps }) {
    const openid = caller.openid!;
    const now = deps.clock.now();
    const replayKey = replayKeyOf(openid, input.idempotencyKey);
    const replay = await replayedSignUp(deps, openid, replayKey, now);
    if (replay) return { signUp: replay, replayed: true };
    try {
      const saved = await withRetry(() =>
        deps.store.transaction(async (tx) => {
          // The same submit may have been taken meanwhile by a concurrent copy of this call.
          if (await tx.get(OPEN_DAY_COLLECTIONS.idempotency, replayKey)) return null;
          const event = await eventOrNotFound(tx, input.eventId);
          if (await tx.get(OPEN_DAY_COLLECTIONS.keys, keyOf(event._id, openid))) throw new AppError('CONFLICT', '您已报名该活动，可在“我的报名”中查看');
          const refusal = signUpRefusal(event, now);
          if (refusal) throw new AppError('CONFLICT', refusal);
          // One place per person: the key exists while the person holds a place (a duplicate fails the insert).
          await tx.insert(OPEN_DAY_COLLECTIONS.keys, { _id: keyOf(event._id, openid), at: now.toISOString() });
          const seq = event.seq + 1;
          // The version check makes a concurrent sign-up for the same event retry and see the new count.
          const updated = await tx.update<OpenDayDoc>(OPEN_DAY_COLLECTIONS.events, event._id, { taken: event.taken + 1, seq }, { ifVersion: event._version });
          const doc = await tx.insert<SignUpDoc>(OPEN_DAY_COLLECTIONS.signUps, {
            eventId: event._id,
            openid,
            receiptNo: `KFR${event.startsAt.slice(0, 10).replace(/-/g, '')}-${String(seq).padStart(3, '0')}`,
            name: input.name,
            // Sealed at rest (pii.ts); lists show it masked.
            phone: piiOf(deps).seal(input.phone),
            ...(input.organisation ? { organisation: input.organisation } : {}),
            role: input.role,
            status: 'active',
            at: now.toISOString(),
          });
          await tx.insert(OPEN_DAY_COLLECTIONS.idempotency, { _id: replayKey, signUpId: doc._id, at: now.toISOString() });
          return { doc, event: updated };
        }),
      );
      if (saved) return { signUp: signUpView(saved.doc, saved.event, now, piiOf(deps)), replayed: false };
      const again = await replayedSignUp(deps, openid, replayKey, now);
      if (again) return { signUp: again, replayed: true };
      throw new AppError('CONFLICT', '该提交标识已被使用，请刷新后重试');
    } catch (error) {
      if (error instanceof StoreError && error.code === 'duplicate') {
        // Either the same submit arrived twice at once (a replay) or this person already holds a place.
        const again = await replayedSignUp(deps, openid, replayKey, now);
        if (again) return { signUp: again, replayed: true };
        throw new AppError('CONFLICT', '您已报名该活动，可在“我的报名”中查看');
      }
      throw error;
    }
  },

  async cancel(input, { caller, deps }) {
    const openid = caller.openid!;
    const now = deps.clock.now();
    const own = await deps.store.get<SignUpDoc>(OPEN_DAY_COLLECTIONS.signUps, input.signUpId);
    // Someone else's sign-up is "not found": ids cannot be probed.
    if (!own || own.openid !== openid) throw new AppError('NOT_FOUND', '未找到该报名');
    const saved = await withRetry(() =>
      deps.store.transaction(async (tx) => {
        const doc = await tx.get<SignUpDoc>(OPEN_DAY_COLLECTIONS.signUps, own._id);
        if (!doc || doc.status !== 'active') throw new AppError('CONFLICT', '该报名已取消');
        const event = await eventOrNotFound(tx, doc.eventId);
        const refusal = cancelRefusal(event, now);
        if (refusal) throw new AppError('CONFLICT', refusal);
        const updatedDoc = await tx.update<SignUpDoc>(OPEN_DAY_COLLECTIONS.signUps, doc._id, { status: 'cancelled', cancelledAt: now.toISOString() }, { ifVersion: doc._version });
        await tx.remove(OPEN_DAY_COLLECTIONS.keys, keyOf(event._id, openid));
        // The place is free again for anyone while sign-up is open.
        const updatedEvent = await tx.update<OpenDayDoc>(OPEN_DAY_COLLECTIONS.events, event._id, { taken: Math.max(0, event.taken - 1) }, { ifVersion: event._version });
        return { doc: updatedDoc, event: updatedEvent };
      }),
    );
    return signUpView(saved.doc, saved.event, now, piiOf(deps));
  },

  async mine(_input, { caller, deps }) {
    const now = deps.clock.now();
    const docs = await deps.store.find<SignUpDoc>(OPEN_DAY_COLLECTIONS.signUps, { where: { openid: caller.openid }, orderBy: [['at', 'desc']], limit: 100 });
    const events = new Map<string, StoredDoc<OpenDayDoc>>();
    const views: SignUpView[] = [];
    for (const doc of docs) {
      if (!events.has(doc.eventId)) {
        const event = await deps.store.get<OpenDayDoc>(OPEN_DAY_COLLECTIONS.events, doc.eventId);
        if (event) events.set(doc.eventId, event);
      }
      const event = events.get(doc.eventId);
      if (event) views.push(signUpView(doc, event, now, piiOf(deps)));
    }
    return views;
  },

  async staffEvents(_input, { deps }) {
    const now = deps.clock.now();
    const docs = await deps.store.find<OpenDayDoc>(OPEN_DAY_COLLECTIONS.events, { where: { endsAtMs: { $gt: now.getTime() } }, orderBy: [['startsAt', 'asc']], limit: 100 });
    return { now: toShanghaiIso(now), items: docs.map((doc) => summary(doc, now)) };
  },

  async createEvent(input, { caller, deps }) {
    const now = deps.clock.now();
    const openid = caller.openid!;
    const replayKey = replayKeyOf(openid, input.idempotencyKey);
    const earlier = await deps.store.get<{ eventId?: string }>(OPEN_DAY_COLLECTIONS.idempotency, replayKey);
    if (earlier?.eventId) {
      const event = await deps.store.get<OpenDayDoc>(OPEN_DAY_COLLECTIONS.events, earlier.eventId);
      if (event) return { event: detail(event, now), replayed: true };
    }
    const draft = input.event;
    const problems = checkEventDraft(draft, now);
    if (problems.length > 0) throw new AppError('VALIDATION_FAILED', problems[0]!.message, problems.map((p) => ({ path: `event.${p.path}`, message: p.message })));
    const startsAt = shanghaiInstant(draft.date, draft.startTime);
    const endsAt = shanghaiInstant(draft.date, draft.endTime);
    const id = `od-${startsAt.slice(0, 10).replace(/-/g, '')}-${now.getTime().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
    const doc: OpenDayDoc & { _id: string } = {
      _id: id,
      title: draft.title,
      startsAt,
      endsAt,
      endsAtMs: Date.parse(endsAt),
      signUpOpensAt: toShanghaiIso(now),
      signUpClosesAt: shanghaiInstant(draft.signUpCloseDate, draft.signUpCloseTime),
      place: draft.place,
      capacity: draft.capacity,
      taken: 0,
      seq: 0,
      cancelled: false,
      description: draft.description.split(/\n+/).map((line) => line.trim()).filter(Boolean),
      ...(draft.invitees ? { invitees: draft.invitees } : {}),
      sortKey: `${startsAt}|${id}`,
      demo: false,
      createdAt: now.toISOString(),
      createdBy: openid,
    };
    try {
      const saved = await deps.store.transaction(async (tx) => {
        await tx.insert(OPEN_DAY_COLLECTIONS.idempotency, { _id: replayKey, eventId: id, at: now.toISOString() });
        const inserted = await tx.insert<OpenDayDoc>(OPEN_DAY_COLLECTIONS.events, doc);
        // Published: searchable at once, and announced to followers of the column.
        await recordPublication(tx, openDayItem(inserted), now);
        return inserted;
      });
      return { event: detail(saved, now), replayed: false };
    } catch (error) {
      if (error instanceof StoreError && error.code === 'duplicate') {
        const replay = await deps.store.get<{ eventId?: string }>(OPEN_DAY_COLLECTIONS.idempotency, replayKey);
        const event = replay?.eventId ? await deps.store.get<OpenDayDoc>(OPEN_DAY_COLLECTIONS.events, replay.eventId) : null;
        if (event) return { event: detail(event, now), replayed: true };
      }
      throw error;
    }
  },

  async signUps(input, { deps }) {
    const now = deps.clock.now();
    const pii = piiOf(deps);
    const event = await eventOrNotFound(deps.store, input.eventId);
    const docs = (await findAll<SignUpDoc>(deps.store, OPEN_DAY_COLLECTIONS.signUps, { eventId: event._id })).sort((a, b) => a.receiptNo.localeCompare(b.receiptNo));
    return {
      event: detail(event, now),
      active: docs.filter((d) => d.status === 'active').length,
      cancelled: docs.filter((d) => d.status === 'cancelled').length,
      signUps: docs.map((d) => ({
        id: d._id,
        receiptNo: d.receiptNo,
        name: d.name,
        phoneMasked: maskMobile(pii.open(d.phone)),
        ...(d.organisation ? { organisation: d.organisation } : {}),
        roleLabel: ROLE_LABELS[d.role] ?? d.role,
        status: d.status,
        statusLabel: STATUS_LABELS[d.status],
        at: d.at,
      })),
    };
  },

  async cancelEvent(input, { deps }) {
    const now = deps.clock.now();
    const result = await withRetry(async () => {
      const before = await eventOrNotFound(deps.store, input.eventId);
      if (before.cancelled) throw new AppError('CONFLICT', '活动已取消');
      if (eventState(before, now) === 'ended') throw new AppError('CONFLICT', '活动已结束，不能取消');
      // Queries cannot run inside a transaction: read the active sign-ups first, then let the
      // event's version prove that none was added or cancelled in between.
      const active = (await findAll<SignUpDoc>(deps.store, OPEN_DAY_COLLECTIONS.signUps, { eventId: before._id, status: 'active' })).filter((d) => d.status === 'active');
      return deps.store.transaction(async (tx) => {
        const event = await eventOrNotFound(tx, before._id);
        if (event._version !== before._version) throw new StoreError('conflict', 'the event changed while its sign-ups were read');
        const updated = await tx.update<OpenDayDoc>(OPEN_DAY_COLLECTIONS.events, event._id, { cancelled: true, cancellationReason: input.reason }, { ifVersion: event._version });
        for (const signUp of active) {
          await tx.update<SignUpDoc>(OPEN_DAY_COLLECTIONS.signUps, signUp._id, { status: 'eventCancelled' });
          await tx.insert<OutboxDoc>(OUTBOX_COLLECTION, {
            at: now.toISOString(),
            audience: 'applicant',
            recipient: signUp.openid,
            kind: 'openDayCancelled',
            title: '平台开放日活动已取消',
            body: `您报名的“${event.title}”（${formatWall(event.startsAt)}）已取消。原因：${input.reason}`,
            caseId: event._id,
            page: `/packages/opendays/detail/index?id=${event._id}`,
            reference: signUp.receiptNo,
            status: 'pending',
          });
        }
        // The search entry says so too (no new announcement).
        await recordPublication(tx, { ...openDayItem(updated), title: `【已取消】${updated.title}` }, now, { announce: false });
        return { event: updated, notified: active.length };
      });
    });
    return { event: detail(result.event, now), notified: result.notified };
  },
});
