// Handlers of the `consultations` function (意见征集). Period rules and phases live in
// src/domain/consultations; comments are checked by the content-security port and moderated; each
// consultation is one document (sections, comments, decisions) updated with a version check.
import { randomUUID } from 'node:crypto';
import { shanghaiDate, type IsoDate } from '../../../src/domain/calendar/dates';
import { CONSULTATION_KIND_LABELS, daysLeft, DECISION_LABELS, PHASE_LABELS, periodProblem, phaseOf, type ConsultationKind, type Decision } from '../../../src/domain/consultations/rules';
import { maskName } from '../../../src/domain/requests/identity-documents';
import { StoreError, type StoredDoc } from '../ports/store';
import { AppError, defineHandlers, type Deps } from '../router';
import { toCsv } from '../csv';
import { loadCalendar } from '../working-calendar';

export const CONSULTATION_COLLECTIONS = { consultations: 'consultations', idempotency: 'idempotencyKeys' } as const;
/** Comments one person may post a day across consultations. */
export const DAILY_COMMENT_LIMIT = 10;

interface CommentDoc {
  id: string;
  sectionId: string | null;
  text: string;
  openid: string;
  display: 'realName' | 'anonymous';
  realName?: string;
  at: string;
  date: IsoDate;
  status: 'pending' | 'shown' | 'rejected';
  rejectionReason?: string;
  decision?: { decision: Decision; reason: string };
}

interface ConsultationDoc {
  title: string;
  kind: ConsultationKind;
  marketRelated: boolean;
  summary: string;
  sections: Array<{ id: string; heading: string; text: string }>;
  startDate: IsoDate;
  endDate: IsoDate;
  shortPeriodReason?: string;
  createdAt: string;
  comments: CommentDoc[];
  feedback?: { publishedOn: IsoDate; statement: string };
}


function today(deps: Deps): IsoDate {
  return shanghaiDate(deps.clock.now());
}

function summary(doc: StoredDoc<ConsultationDoc>, now: IsoDate) {
  const phase = phaseOf({ startDate: doc.startDate, endDate: doc.endDate, ...(doc.feedback ? { feedbackPublishedOn: doc.feedback.publishedOn } : {}) }, now);
  return {
    id: doc._id,
    title: doc.title,
    kind: doc.kind,
    kindLabel: CONSULTATION_KIND_LABELS[doc.kind],
    startDate: doc.startDate,
    endDate: doc.endDate,
    phase,
    phaseLabel: PHASE_LABELS[phase],
    daysLeft: daysLeft(doc, now),
    commentCount: doc.comments.filter((c) => c.status === 'shown').length,
  };
}

function detail(doc: StoredDoc<ConsultationDoc>, now: IsoDate, viewer: { openid: string | null; staff: boolean }) {
  const visible = doc.comments.filter((c) => viewer.staff || c.status === 'shown' || (viewer.openid !== null && c.openid === viewer.openid));
  return {
    ...summary(doc, now),
    summary: doc.summary,
    marketRelated: doc.marketRelated,
    ...(doc.shortPeriodReason ? { shortPeriodReason: doc.shortPeriodReason } : {}),
    sections: doc.sections,
    comments: visible.map((c) => ({
      id: c.id,
      sectionId: c.sectionId,
      text: c.text,
      author: c.display === 'realName' && c.realName ? maskName(c.realName) : '匿名网友',
      at: c.at,
      status: c.status,
      ...(c.rejectionReason && (viewer.staff || c.openid === viewer.openid) ? { rejectionReason: c.rejectionReason } : {}),
      ...(c.decision && (doc.feedback || viewer.staff) ? { decision: { ...c.decision, label: DECISION_LABELS[c.decision.decision] } } : {}),
      mine: viewer.openid !== null && c.openid === viewer.openid,
    })),
    ...(doc.feedback ? { feedback: doc.feedback } : {}),
    version: doc._version,
  };
}

async function load(deps: Deps, id: string): Promise<StoredDoc<ConsultationDoc>> {
  const doc = await deps.store.get<ConsultationDoc>(CONSULTATION_COLLECTIONS.consultations, id);
  if (!doc) throw new AppError('NOT_FOUND', '未找到该征集事项');
  return doc;
}

/** Applies a change to one consultation with a version check, retrying once on a concurrent write. */
async function change(deps: Deps, id: string, mutate: (doc: StoredDoc<ConsultationDoc>) => Partial<ConsultationDoc>): Promise<StoredDoc<ConsultationDoc>> {
  for (let attempt = 0; ; attempt++) {
    const doc = await load(deps, id);
    try {
      return await deps.store.update<ConsultationDoc>(CONSULTATION_COLLECTIONS.consultations, id, mutate(doc), { ifVersion: doc._version });
    } catch (error) {
      if (error instanceof StoreError && error.code === 'conflict' && attempt < 2) continue;
      throw error;
    }
  }
}

export const consultationsHandlers = defineHandlers('consultations', {
  async list(input, { deps }) {
    const now = today(deps);
    const docs = await deps.store.find<ConsultationDoc>(CONSULTATION_COLLECTIONS.consultations, { orderBy: [['startDate', 'desc']], limit: 100 });
    return docs.map((doc) => summary(doc, now)).filter((s) => s.phase !== 'upcoming' || input?.phase === 'upcoming').filter((s) => !input?.phase || s.phase === input.phase);
  },

  async get(input, { caller, deps }) {
    return detail(await load(deps, input.id), today(deps), { openid: caller.openid, staff: false });
  },

  async staffView(input, { caller, deps }) {
    return detail(await load(deps, input.id), today(deps), { openid: caller.openid, staff: true });
  },

  async comment(input, { caller, deps }) {
    const openid = caller.openid!;
    const now = deps.clock.now();
    const date = shanghaiDate(now);
    const replayKey = `${openid}:${input.idempotencyKey}`;
    const earlier = await deps.store.get<{ commentId?: string; consultationId?: string }>(CONSULTATION_COLLECTIONS.idempotency, replayKey);
    if (earlier?.commentId) {
      const doc = await load(deps, input.consultationId);
      const found = detail(doc, date, { openid, staff: false }).comments.find((c) => c.id === earlier.commentId);
      if (found) return found;
    }
    const doc = await load(deps, input.consultationId);
    if (phaseOf(doc, date) !== 'open') throw new AppError('CONFLICT', `该事项${phaseOf(doc, date) === 'upcoming' ? `将于 ${doc.startDate} 开始征集` : `已于 ${doc.endDate} 截止征集`}，不能再提交意见`);
    if (input.sectionId && !doc.sections.some((s) => s.id === input.sectionId)) throw new AppError('VALIDATION_FAILED', '所选条款不存在', [{ path: 'sectionId', message: '所选条款不存在' }]);
    if (input.display === 'realName' && !input.realName) throw new AppError('VALIDATION_FAILED', '实名发表请填写姓名', [{ path: 'realName', message: '实名发表请填写姓名' }]);
    const all = await deps.store.find<ConsultationDoc>(CONSULTATION_COLLECTIONS.consultations, { limit: 100 });
    const postedToday = all.flatMap((c) => c.comments).filter((c) => c.openid === openid && c.date === date).length;
    if (postedToday >= DAILY_COMMENT_LIMIT) throw new AppError('RATE_LIMITED', `每人每天最多提交 ${DAILY_COMMENT_LIMIT} 条意见，请明天再提交`);
    const verdict = await deps.contentCheck.check(input.text, { openid, scene: 'comment' });
    if (verdict.suggest === 'risky') throw new AppError('VALIDATION_FAILED', '意见内容包含不当信息，请修改后再提交', [{ path: 'text', message: '意见内容包含不当信息，请修改后再提交' }]);
    const comment: CommentDoc = {
      id: `c${randomUUID().replace(/-/g, '').slice(0, 16)}`,
      sectionId: input.sectionId ?? null,
      text: input.text,
      openid,
      display: input.display,
      ...(input.display === 'realName' && input.realName ? { realName: input.realName } : {}),
      at: now.toISOString(),
      date,
      // Every comment is moderated before it is shown (the check only decides what is refused outright).
      status: 'pending',
    };
    // The idempotency key and the comment are written in one transaction: a crash between them
    // cannot leave a key that names a comment that was never saved.
    const replayed = async () => {
      const key = await deps.store.get<{ commentId?: string; consultationId?: string }>(CONSULTATION_COLLECTIONS.idempotency, replayKey);
      const current = key?.consultationId ? await load(deps, key.consultationId) : null;
      return current ? detail(current, date, { openid, staff: false }).comments.find((c) => c.id === key?.commentId) : undefined;
    };
    let saved: StoredDoc<ConsultationDoc> | null = null;
    try {
      for (let attempt = 0; saved === null; attempt++) {
        try {
          saved = await deps.store.transaction(async (tx) => {
            if (await tx.get(CONSULTATION_COLLECTIONS.idempotency, replayKey)) throw new StoreError('duplicate', 'idempotency key taken');
            const current = await tx.get<ConsultationDoc>(CONSULTATION_COLLECTIONS.consultations, doc._id);
            if (!current) throw new AppError('NOT_FOUND', '未找到该征集事项');
            await tx.insert(CONSULTATION_COLLECTIONS.idempotency, { _id: replayKey, commentId: comment.id, consultationId: doc._id, at: now.toISOString() });
            return tx.update<ConsultationDoc>(CONSULTATION_COLLECTIONS.consultations, doc._id, { comments: [...current.comments, comment] }, { ifVersion: current._version });
          });
        } catch (error) {
          if (error instanceof StoreError && error.code === 'conflict' && attempt < 4) continue;
          throw error;
        }
      }
    } catch (error) {
      if (error instanceof StoreError && error.code === 'duplicate') {
        const found = await replayed();
        if (found) return found;
        throw new AppError('CONFLICT', '该意见正在提交，请稍后刷新查看');
      }
      throw error;
    }
    return detail(saved, date, { openid, staff: false }).comments.find((c) => c.id === comment.id)!;
  },

  async create(input, { deps }) {
    const now = deps.clock.now();
    const problem = periodProblem(input.kind, input.startDate, input.endDate, input.marketRelated, input.shortPeriodReason, await loadCalendar(deps.store));
    if (problem) throw new AppError('VALIDATION_FAILED', problem, [{ path: input.endDate < input.startDate ? 'endDate' : 'shortPeriodReason', message: problem }]);
    const doc: ConsultationDoc = {
      title: input.title,
      kind: input.kind,
      marketRelated: input.marketRelated,
      summary: input.summary,
      sections: input.sections.map((s, i) => ({ id: `s${i + 1}`, heading: s.heading, text: s.text })),
      startDate: input.startDate,
      endDate: input.endDate,
      ...(input.shortPeriodReason ? { shortPeriodReason: input.shortPeriodReason } : {}),
      createdAt: now.toISOString(),
      comments: [],
    };
    const saved = await deps.store.insert<ConsultationDoc>(CONSULTATION_COLLECTIONS.consultations, doc);
    return detail(saved, shanghaiDate(now), { openid: null, staff: true });
  },

  async moderate(input, { caller, deps }) {
    const saved = await change(deps, input.consultationId, (doc) => {
      const target = doc.comments.find((c) => c.id === input.commentId);
      if (!target) throw new AppError('NOT_FOUND', '未找到该意见');
      if (target.status !== 'pending') throw new AppError('CONFLICT', '该意见已审核');
      if (!input.show && !input.reason) throw new AppError('VALIDATION_FAILED', '不予展示请写明理由', [{ path: 'reason', message: '请写明理由' }]);
      return { comments: doc.comments.map((c) => (c.id === input.commentId ? { ...c, status: input.show ? 'shown' : 'rejected', ...(input.reason ? { rejectionReason: input.reason } : {}) } : c)) };
    });
    return detail(saved, today(deps), { openid: caller.openid, staff: true });
  },

  async decide(input, { caller, deps }) {
    const now = today(deps);
    const saved = await change(deps, input.consultationId, (doc) => {
      if (phaseOf(doc, now) === 'open' || phaseOf(doc, now) === 'upcoming') throw new AppError('CONFLICT', `征集截止（${doc.endDate}）后才能答复采纳情况`);
      if (doc.feedback) throw new AppError('CONFLICT', '采纳情况已发布');
      const ids = new Set(input.commentIds);
      const targets = doc.comments.filter((c) => ids.has(c.id));
      if (targets.length !== ids.size) throw new AppError('NOT_FOUND', '部分意见不存在');
      if (targets.some((c) => c.status !== 'shown')) throw new AppError('CONFLICT', '只能对已展示的意见答复采纳情况');
      return { comments: doc.comments.map((c) => (ids.has(c.id) ? { ...c, decision: { decision: input.decision, reason: input.reason } } : c)) };
    });
    return detail(saved, now, { openid: caller.openid, staff: true });
  },

  async publishFeedback(input, { caller, deps }) {
    const now = today(deps);
    const saved = await change(deps, input.consultationId, (doc) => {
      if (phaseOf(doc, now) !== 'closed') throw new AppError('CONFLICT', doc.feedback ? '采纳情况已发布' : `征集截止（${doc.endDate}）后才能发布采纳情况`);
      const pendingModeration = doc.comments.filter((c) => c.status === 'pending').length;
      if (pendingModeration > 0) throw new AppError('CONFLICT', `还有 ${pendingModeration} 条意见未审核`);
      const undecided = doc.comments.filter((c) => c.status === 'shown' && !c.decision).length;
      if (undecided > 0) throw new AppError('CONFLICT', `还有 ${undecided} 条意见未答复采纳情况`);
      return { feedback: { publishedOn: now, statement: input.statement } };
    });
    return detail(saved, now, { openid: caller.openid, staff: true });
  },

  async exportComments(input, { deps }) {
    const doc = await load(deps, input.consultationId);
    const rows = [['序号', '条款', '意见', '提交人', '提交时间', '审核', '采纳情况', '理由']];
    doc.comments.forEach((c, i) => {
      const section = c.sectionId ? doc.sections.find((s) => s.id === c.sectionId)?.heading ?? c.sectionId : '全文';
      rows.push([
        String(i + 1),
        section,
        c.text,
        c.display === 'realName' && c.realName ? maskName(c.realName) : '匿名网友',
        c.at.replace('T', ' ').slice(0, 19),
        { pending: '待审核', shown: '已展示', rejected: `不予展示：${c.rejectionReason ?? ''}` }[c.status],
        c.decision ? DECISION_LABELS[c.decision.decision] : '',
        c.decision?.reason ?? '',
      ]);
    });
    return { filename: `${doc.title}-意见汇总.csv`, mimeType: 'text/csv;charset=utf-8', content: toCsv(rows) };
  },
});
