// Handlers of the `ratings` function (好差评). Rules live in src/domain/ratings; this module stores
// ratings with their one-per-transaction key and idempotency key in one transaction, checks the
// comment through the content-security port, opens a rectification case for every bad rating, and
// queues each rating for the provincial system.
import type { RatingView } from '../../../src/contracts/ratings';
import { SERVICE_ITEMS } from '../../../src/contracts/ratings';
import { shanghaiDate, type IsoDate } from '../../../src/domain/calendar/dates';
import type { WorkingCalendar } from '../../../src/domain/calendar/working-days';
import { maskName } from '../../../src/domain/requests/identity-documents';
import {
  checkRating,
  indicatorsFor,
  isBadRating,
  LATE_RATING_WORKING_DAYS,
  levelLabel,
  RATING_LEVELS,
  ratingKey,
  ratingStats,
  RECTIFICATION_LABELS,
  rectificationDue,
  rectificationOverdue,
  type RectificationState,
} from '../../../src/domain/ratings/rules';
import { OUTBOX_COLLECTION, type OutboxDoc } from '../notifications/deliver';
import type { Caller } from '../identity/caller';
import type { StoredDoc } from '../ports/store';
import { StoreError } from '../ports/store';
import { AppError, defineHandlers, type Deps } from '../router';
import { findAll } from '../find-all';
import { loadCalendar } from '../working-calendar';

export const RATING_COLLECTIONS = { ratings: 'ratings', keys: 'ratingKeys', idempotency: 'idempotencyKeys', forwarding: 'ratingForwarding' } as const;

/** Working days to rectify and answer a bad rating by default (city practice differs: a setting). */
export const RECTIFICATION_WORKING_DAYS = 5;
const SETTINGS = { collection: 'settings', id: 'ratings' } as const;

async function rectificationWorkingDays(deps: Deps): Promise<number> {
  const saved = await deps.store.get<{ rectificationWorkingDays?: number }>(SETTINGS.collection, SETTINGS.id);
  return saved?.rectificationWorkingDays ?? RECTIFICATION_WORKING_DAYS;
}
/** Ratings one person may give a day: enough for real use, a brake on floods. */
export const DAILY_RATING_LIMIT = 5;
/** The seed report: 673 ratings received by the end of 2023, with no individual records. */
export const IMPORTED_RATINGS = { total: 673, source: '2023年政府信息公开工作年度报告：“目前已累计接收评价673条”（历史总数，无逐条记录）' };

interface RatingDoc {
  openid: string;
  serviceItem: string;
  transactionRef?: string;
  serviceDate: IsoDate;
  level: number;
  indicators: string[];
  comment: string;
  moderation: 'shown' | 'pending' | 'rejected';
  moderationNote?: string;
  display: 'realName' | 'anonymous';
  realName?: string;
  ratedOn: IsoDate;
  at: string;
  excluded: boolean;
  exclusionReason?: string;
  rectification?: {
    state: RectificationState;
    openedOn: IsoDate;
    due: IsoDate;
    reply?: string;
    answeredOn?: IsoDate;
    visitNote?: string;
    appeal?: { reason: string; by: string; on: IsoDate };
  };
  history: Array<{ at: string; actor: string; action: string; note?: string }>;
}

/**
 * Forwarding to the provincial system, one document per rating (same _id). Kept apart from the rating
 * so the background forwarder never bumps the version a member of staff is acting on.
 */
interface ForwardingDoc {
  status: 'pending' | 'forwarded' | 'failed';
  attempts: number;
  error?: string;
  at: string;
}

const FORWARDING_LABELS: Record<ForwardingDoc['status'], string> = { pending: '待报送省平台', forwarded: '已报送省平台', failed: '报送失败' };

const ITEM_LABELS: Record<string, string> = Object.fromEntries(SERVICE_ITEMS.map((s) => [s.key, s.label]));

function today(deps: Deps): IsoDate {
  return shanghaiDate(deps.clock.now());
}

function view(doc: StoredDoc<RatingDoc>, viewerOpenid: string | null): RatingView {
  const own = viewerOpenid !== null && viewerOpenid === doc.openid;
  const rater = doc.display === 'realName' && doc.realName ? maskName(doc.realName) : '匿名用户';
  return {
    id: doc._id,
    serviceItem: doc.serviceItem,
    serviceItemLabel: ITEM_LABELS[doc.serviceItem] ?? doc.serviceItem,
    level: doc.level,
    levelLabel: levelLabel(doc.level),
    indicators: doc.indicators,
    comment: doc.moderation === 'shown' || own ? doc.comment : '',
    moderation: doc.moderation,
    rater,
    ratedOn: doc.ratedOn,
    serviceDate: doc.serviceDate,
    ...(doc.rectification
      ? {
          rectification: {
            state: doc.rectification.state,
            stateLabel: RECTIFICATION_LABELS[doc.rectification.state],
            due: doc.rectification.due,
            ...(doc.rectification.reply ? { reply: doc.rectification.reply } : {}),
            ...(doc.rectification.answeredOn ? { answeredOn: doc.rectification.answeredOn } : {}),
          },
        }
      : {}),
  };
}

type CommandType = 'answer' | 'visit' | 'appeal' | 'decideAppeal' | 'moderate';

function available(doc: RatingDoc, caller: Caller): CommandType[] {
  const clerk = caller.roles.includes('clerk');
  const reviewer = caller.roles.includes('reviewer');
  const commands: CommandType[] = [];
  const state = doc.rectification?.state;
  if (clerk && state === 'open') commands.push('answer', 'appeal');
  if (clerk && state === 'answered') commands.push('visit');
  if (reviewer && state === 'appealed' && doc.rectification?.appeal?.by !== caller.openid) commands.push('decideAppeal');
  if (clerk && doc.moderation === 'pending') commands.push('moderate');
  return commands;
}

function staffView(doc: StoredDoc<RatingDoc>, forwarding: ForwardingDoc | null, caller: Caller, now: IsoDate, calendar: WorkingCalendar) {
  return {
    ...view(doc, doc.openid),
    version: doc._version,
    raterOpenidMasked: `${doc.openid.slice(0, 4)}****`,
    overdueWorkingDays: doc.rectification && doc.rectification.state === 'open' ? rectificationOverdue(calendar, now, doc.rectification.due) : 0,
    history: doc.history,
    availableCommands: available(doc, caller),
    provincialStatus: FORWARDING_LABELS[forwarding?.status ?? 'pending'],
  };
}

function staffLabel(caller: Caller): string {
  return caller.roles.includes('reviewer') ? '审核人' : caller.roles.includes('clerk') ? '受理员' : '管理员';
}

export const ratingsHandlers = defineHandlers('ratings', {
  async options(_input, { deps }) {
    return {
      today: today(deps),
      serviceItems: SERVICE_ITEMS.map((s) => ({ key: s.key, label: s.label })),
      levels: RATING_LEVELS.map((l) => ({ level: l.level, label: l.label, bad: isBadRating(l.level), indicators: [...indicatorsFor(l.level)] })),
      lateRatingWorkingDays: LATE_RATING_WORKING_DAYS,
    };
  },

  async submit(input, { caller, deps }) {
    const openid = caller.openid!;
    const now = deps.clock.now();
    const date = shanghaiDate(now);
    const { rating } = input;
    const calendar = await loadCalendar(deps.store);
    const problems = checkRating({ level: rating.level, indicators: rating.indicators, comment: rating.comment, serviceDate: rating.serviceDate }, date, calendar);
    if (rating.display === 'realName' && !rating.realName) problems.push({ path: 'realName', message: '实名展示请填写姓名' });
    if (problems.length > 0) {
      throw new AppError('VALIDATION_FAILED', problems[0]!.message, problems.map((p) => ({ path: `rating.${p.path}`, message: p.message })));
    }
    const replayKey = `${openid}:${input.idempotencyKey}`;
    const earlier = await deps.store.get<{ ratingId?: string }>(RATING_COLLECTIONS.idempotency, replayKey);
    if (earlier?.ratingId) {
      const doc = await deps.store.get<RatingDoc>(RATING_COLLECTIONS.ratings, earlier.ratingId);
      if (doc) return { rating: view(doc, openid), replayed: true };
    }
    if ((await deps.store.count(RATING_COLLECTIONS.ratings, { openid, ratedOn: date })) >= DAILY_RATING_LIMIT) {
      throw new AppError('RATE_LIMITED', `每人每天最多评价 ${DAILY_RATING_LIMIT} 次，请明天再评`);
    }
    let moderation: RatingDoc['moderation'] = 'shown';
    if (rating.comment) {
      const verdict = await deps.contentCheck.check(rating.comment, { openid, scene: 'comment' });
      if (verdict.suggest === 'risky') throw new AppError('VALIDATION_FAILED', '评价内容包含不当信息，请修改后再提交', [{ path: 'rating.comment', message: '评价内容包含不当信息，请修改后再提交' }]);
      if (verdict.suggest === 'review') moderation = 'pending';
    }
    const bad = isBadRating(rating.level);
    const workingDays = bad ? await rectificationWorkingDays(deps) : 0;
    const doc: RatingDoc = {
      openid,
      serviceItem: rating.serviceItem,
      ...(rating.transactionRef ? { transactionRef: rating.transactionRef } : {}),
      serviceDate: rating.serviceDate,
      level: rating.level,
      indicators: [...new Set(rating.indicators)],
      comment: rating.comment,
      moderation,
      display: rating.display,
      ...(rating.display === 'realName' && rating.realName ? { realName: rating.realName } : {}),
      ratedOn: date,
      at: now.toISOString(),
      excluded: false,
      ...(bad ? { rectification: { state: 'open' as const, openedOn: date, due: rectificationDue(calendar, date, workingDays) } } : {}),
      history: [{ at: now.toISOString(), actor: '评价人', action: bad ? '提交差评，进入整改' : '提交评价' }],
    };
    try {
      const saved = await deps.store.transaction(async (tx) => {
        // 一事一评: the transaction key is unique; the idempotency key makes a retried submit a replay.
        await tx.insert(RATING_COLLECTIONS.keys, { _id: ratingKey(openid, rating.serviceItem, rating.transactionRef, rating.serviceDate) });
        const inserted = await tx.insert<RatingDoc>(RATING_COLLECTIONS.ratings, doc);
        await tx.insert<ForwardingDoc>(RATING_COLLECTIONS.forwarding, { _id: inserted._id, status: 'pending', attempts: 0, at: now.toISOString() });
        await tx.insert(RATING_COLLECTIONS.idempotency, { _id: replayKey, ratingId: inserted._id, at: now.toISOString() });
        if (bad) {
          await tx.insert<OutboxDoc>(OUTBOX_COLLECTION, {
            at: now.toISOString(),
            audience: 'staff',
            recipient: 'role:clerk',
            kind: 'badRating',
            title: '收到差评，请核实整改',
            body: `${ITEM_LABELS[rating.serviceItem]}：${levelLabel(rating.level)}，整改答复期限 ${doc.rectification!.due}`,
            caseId: inserted._id,
            status: 'pending',
          });
        }
        return inserted;
      });
      return { rating: view(saved, openid), replayed: false };
    } catch (error) {
      if (error instanceof StoreError && error.code === 'duplicate') {
        const replay = await deps.store.get<{ ratingId?: string }>(RATING_COLLECTIONS.idempotency, replayKey);
        const doc = replay?.ratingId ? await deps.store.get<RatingDoc>(RATING_COLLECTIONS.ratings, replay.ratingId) : null;
        if (doc) return { rating: view(doc, openid), replayed: true };
        throw new AppError('CONFLICT', '您已评价过该办件（一事一评）；如需补充，请在“我的评价”中查看');
      }
      throw error;
    }
  },

  async listMine(_input, { caller, deps }) {
    const docs = await deps.store.find<RatingDoc>(RATING_COLLECTIONS.ratings, { where: { openid: caller.openid }, orderBy: [['at', 'desc']], limit: 100 });
    return docs.map((doc) => view(doc, caller.openid));
  },

  async publicList(input, { deps }) {
    const docs = await deps.store.find<RatingDoc>(RATING_COLLECTIONS.ratings, {
      where: { excluded: false, ...(input?.serviceItem ? { serviceItem: input.serviceItem } : {}) },
      orderBy: [['at', 'desc']],
      limit: 50,
    });
    return docs.filter((doc) => doc.moderation !== 'rejected').map((doc) => view(doc, null));
  },

  async stats(input, { deps }) {
    const docs = await findAll<RatingDoc>(deps.store, RATING_COLLECTIONS.ratings);
    const year = input?.year;
    const selected = year ? docs.filter((d) => d.ratedOn.startsWith(String(year))) : docs;
    const stats = ratingStats(
      selected.map((d) => ({
        level: d.level,
        serviceItem: ITEM_LABELS[d.serviceItem] ?? d.serviceItem,
        ratedOn: d.ratedOn,
        excluded: d.excluded,
        ...(d.rectification ? { rectification: { state: d.rectification.state, openedOn: d.rectification.openedOn, ...(d.rectification.answeredOn ? { answeredOn: d.rectification.answeredOn } : {}) } } : {}),
      })),
    );
    return { ...stats, imported: IMPORTED_RATINGS };
  },

  async cases(input, { caller, deps }) {
    const now = today(deps);
    const calendar = await loadCalendar(deps.store);
    const docs = (await deps.store.find<RatingDoc>(RATING_COLLECTIONS.ratings, { orderBy: [['at', 'desc']], limit: 100 })).filter(
      (doc) => doc.moderation === 'pending' || (doc.rectification && (input?.includeClosed || ['open', 'answered', 'appealed'].includes(doc.rectification.state))),
    );
    const forwarding = new Map(
      await Promise.all(docs.map(async (doc) => [doc._id, await deps.store.get<ForwardingDoc>(RATING_COLLECTIONS.forwarding, doc._id)] as const)),
    );
    return docs
      .map((doc) => staffView(doc, forwarding.get(doc._id) ?? null, caller, now, calendar))
      .sort((a, b) => (a.rectification?.due ?? '9').localeCompare(b.rectification?.due ?? '9'));
  },

  async act(input, { caller, deps }) {
    const now = deps.clock.now();
    const date = shanghaiDate(now);
    const doc = await deps.store.get<RatingDoc>(RATING_COLLECTIONS.ratings, input.id);
    if (!doc) throw new AppError('NOT_FOUND', '未找到该评价');
    if (doc._version !== input.expectedVersion) throw new AppError('CONFLICT', '该评价已被更新，请刷新后再操作');
    const { command } = input;
    if (!available(doc, caller).includes(command.type)) {
      if (command.type === 'decideAppeal' && doc.rectification?.appeal?.by === caller.openid) throw new AppError('FORBIDDEN', '申诉须由申诉人以外的审核人复核');
      throw new AppError(caller.roles.length ? 'CONFLICT' : 'FORBIDDEN', '该评价当前不能执行此操作');
    }
    const actor = staffLabel(caller);
    const rect = doc.rectification;
    let patch: Partial<RatingDoc>;
    let entry: { action: string; note?: string };
    switch (command.type) {
      case 'answer':
        patch = { rectification: { ...rect!, state: 'answered', reply: command.reply, answeredOn: date } };
        entry = { action: '核实整改并答复评价人', note: command.reply };
        break;
      case 'visit':
        patch = { rectification: { ...rect!, state: 'closed', visitNote: command.note } };
        entry = { action: '回访办结', note: command.note };
        break;
      case 'appeal':
        patch = { rectification: { ...rect!, state: 'appealed', appeal: { reason: command.reason, by: caller.openid!, on: date } } };
        entry = { action: '提出申诉（疑似恶意评价）', note: command.reason };
        break;
      case 'decideAppeal':
        patch = command.malicious
          ? { excluded: true, exclusionReason: command.reason, rectification: { ...rect!, state: 'excluded' } }
          : { rectification: { ...rect!, state: 'open' } };
        entry = { action: command.malicious ? '复核认定为恶意评价，不计入统计' : '复核不予认定，继续整改', note: command.reason };
        break;
      case 'moderate':
        patch = { moderation: command.show ? 'shown' : 'rejected', ...(command.reason ? { moderationNote: command.reason } : {}) };
        entry = { action: command.show ? '评价内容审核通过' : '评价内容不予展示', ...(command.reason ? { note: command.reason } : {}) };
        break;
    }
    try {
      await deps.store.transaction(async (tx) => {
        await tx.update<RatingDoc>(RATING_COLLECTIONS.ratings, doc._id, { ...patch, history: [...doc.history, { at: now.toISOString(), actor, ...entry }] }, { ifVersion: input.expectedVersion });
        if (command.type === 'answer') {
          await tx.insert<OutboxDoc>(OUTBOX_COLLECTION, {
            at: now.toISOString(),
            audience: 'applicant',
            recipient: doc.openid,
            kind: 'ratingAnswered',
            title: '您的评价已答复',
            body: `您对“${ITEM_LABELS[doc.serviceItem]}”的评价已核实整改并答复`,
            caseId: doc._id,
            page: '/packages/rate/mine/index',
            status: 'pending',
          });
        }
      });
    } catch (error) {
      if (error instanceof StoreError && error.code === 'conflict') throw new AppError('CONFLICT', '该评价已被更新，请刷新后再操作');
      throw error;
    }
    const saved = await deps.store.get<RatingDoc>(RATING_COLLECTIONS.ratings, doc._id);
    const forwarding = await deps.store.get<ForwardingDoc>(RATING_COLLECTIONS.forwarding, doc._id);
    return staffView(saved!, forwarding, caller, date, await loadCalendar(deps.store));
  },

  async getSettings(_input, { deps }) {
    return { rectificationWorkingDays: await rectificationWorkingDays(deps) };
  },

  async saveSettings(input, { deps }) {
    const value = { rectificationWorkingDays: input.rectificationWorkingDays };
    if (await deps.store.get(SETTINGS.collection, SETTINGS.id)) await deps.store.update(SETTINGS.collection, SETTINGS.id, value);
    else await deps.store.insert(SETTINGS.collection, { _id: SETTINGS.id, ...value });
    // Applies to bad ratings received from now on; open cases keep the deadline they were given.
    return value;
  },

  async forwardPending(_input, { deps }) {
    const queue = await deps.store.find<ForwardingDoc>(RATING_COLLECTIONS.forwarding, { where: { status: 'pending' }, orderBy: [['at', 'asc']], limit: 100 });
    let forwarded = 0;
    let failed = 0;
    for (const entry of queue) {
      const doc = await deps.store.get<RatingDoc>(RATING_COLLECTIONS.ratings, entry._id);
      if (!doc) continue;
      const result = await deps.provincial.forward({
        id: doc._id,
        serviceItem: ITEM_LABELS[doc.serviceItem] ?? doc.serviceItem,
        level: doc.level,
        indicators: doc.indicators,
        comment: doc.moderation === 'shown' ? doc.comment : '',
        ratedOn: doc.ratedOn,
        serviceDate: doc.serviceDate,
        anonymous: doc.display === 'anonymous',
      });
      const attempts = entry.attempts + 1;
      const status: ForwardingDoc['status'] = result.status === 'accepted' ? 'forwarded' : result.status === 'rejected' || attempts >= 5 ? 'failed' : 'pending';
      try {
        await deps.store.update<ForwardingDoc>(RATING_COLLECTIONS.forwarding, entry._id, { status, attempts, ...(result.status !== 'accepted' ? { error: result.reason } : {}) }, { ifVersion: entry._version });
      } catch (error) {
        if (!(error instanceof StoreError && error.code === 'conflict')) throw error;
        continue; // another forwarder run took it: the provincial id makes a second forward idempotent
      }
      if (status === 'forwarded') forwarded += 1;
      if (status === 'failed') failed += 1;
    }
    const remaining = queue.length - forwarded - failed;
    return { forwarded, failed, pending: remaining };
  },
});
