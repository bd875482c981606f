// Handlers of the `questions` function (咨询留言). Rules live in src/domain/questions; this module
// stores questions with their idempotency key in one transaction, checks text through the
// content-security port, keeps the working-day deadline (restarted when the asker supplements),
// records the first clerk who takes a question (首问负责), publishes answers to public questions with
// recordPublication in the answering transaction, and escalates to the administrator once per
// question through the outbox. The asker's mobile is stored for follow-up, shown masked, never logged.
import type { MyQuestion, PublicQuestion, StaffQuestion } from '../../../src/contracts/questions';
import { shanghaiDate, type IsoDate } from '../../../src/domain/calendar/dates';
import type { WorkingCalendar } from '../../../src/domain/calendar/working-days';
import { maskMobile } from '../../../src/domain/requests/identity-documents';
import {
  answerDue,
  categoryLabel,
  checkDetailsRequest,
  DAILY_QUESTION_LIMIT,
  DEFAULT_ANSWER_WORKING_DAYS,
  ESCALATION_CALENDAR_DAYS,
  maskAsker,
  monthlyStats,
  QUESTION_CATEGORIES,
  QUESTION_STATE_LABELS,
  radar,
  staffActionRefusal,
  type QuestionState,
  type Urgency,
} from '../../../src/domain/questions/rules';
import { OUTBOX_COLLECTION, type OutboxDoc } from '../notifications/deliver';
import { STAFF_COLLECTION, type Caller, type StaffRecord } from '../identity/caller';
import type { StoredDoc } from '../ports/store';
import { StoreError } from '../ports/store';
import { recordPublication, type PublishedItem } from '../publication';
import { AppError, defineHandlers, type Deps } from '../router';
import { findAll } from '../find-all';
import { loadCalendar } from '../working-calendar';

export const QUESTION_COLLECTIONS = { questions: 'questions', idempotency: 'idempotencyKeys' } as const;
const SETTINGS = { collection: 'settings', id: 'questions' } as const;
export const QUESTION_ROUTES = {
  detail: (id: string) => `/packages/questions/detail/index?id=${id}`,
  mine: '/packages/questions/mine/index',
  staff: '/packages/staff/questions/index',
} as const;

export interface QuestionDoc {
  openid: string;
  category: string;
  title: string;
  body: string;
  private: boolean;
  name?: string;
  /** The asker's mobile, for follow-up only: masked in every view, never logged. */
  contact?: string;
  state: QuestionState;
  askedOn: IsoDate;
  askedAt: string;
  /** The day the answering clock last started: the ask, or the supplement (一次性告知 restarts it). */
  clockStart: IsoDate;
  due: IsoDate;
  /** 首问负责: the first clerk who claimed or answered it. */
  responsible?: { openid: string; name: string };
  detailsRequest?: { text: string; missing: string[]; on: IsoDate };
  supplement?: { text: string; on: IsoDate };
  answer?: { text: string; on: IsoDate };
  /** True once answered and public: the public list's filter. */
  published: boolean;
  /** `answeredAt|id`, newest first in the public list (keyset pagination). */
  sortKey: string;
  history: Array<{ at: string; actor: string; action: string; note?: string }>;
  demo: boolean;
}

function escalationOutboxId(questionId: string): string {
  return `question-escalation-${questionId}`;
}

export function questionItem(doc: QuestionDoc & { _id: string }): PublishedItem {
  return {
    kind: 'question',
    id: doc._id,
    column: 'questions',
    type: doc.category,
    title: doc.title,
    text: [doc.body, doc.answer?.text ?? ''].join('\n'),
    date: doc.answer?.on ?? doc.askedOn,
    route: QUESTION_ROUTES.detail(doc._id),
    demo: doc.demo,
  };
}

async function answerWorkingDays(deps: Deps): Promise<number> {
  const saved = await deps.store.get<{ answerWorkingDays?: number }>(SETTINGS.collection, SETTINGS.id);
  return saved?.answerWorkingDays ?? DEFAULT_ANSWER_WORKING_DAYS;
}

function publicView(doc: StoredDoc<QuestionDoc>): PublicQuestion {
  return {
    id: doc._id,
    category: doc.category,
    categoryLabel: categoryLabel(doc.category),
    title: doc.title,
    body: doc.body,
    asker: maskAsker(doc.name),
    askedOn: doc.askedOn,
    state: doc.state,
    stateLabel: QUESTION_STATE_LABELS[doc.state],
    ...(doc.answer ? { answer: { text: doc.answer.text, on: doc.answer.on } } : {}),
    demo: doc.demo,
  };
}

function myView(doc: StoredDoc<QuestionDoc>): MyQuestion {
  return {
    ...publicView(doc),
    version: doc._version,
    private: doc.private,
    ...(doc.contact ? { contactMasked: maskMobile(doc.contact) } : {}),
    due: doc.due,
    ...(doc.detailsRequest ? { detailsRequest: doc.detailsRequest } : {}),
    ...(doc.supplement ? { supplement: doc.supplement } : {}),
  };
}

type StaffActionName = 'claim' | 'answer' | 'requestDetails';

function availableActions(doc: QuestionDoc, caller: Caller): StaffActionName[] {
  if (!caller.roles.includes('clerk') || doc.state === 'answered') return [];
  // 首问负责: once a clerk has taken the question, it is theirs to see through.
  if (doc.responsible && doc.responsible.openid !== caller.openid) return [];
  const actions: StaffActionName[] = doc.responsible ? [] : ['claim'];
  actions.push('answer');
  if (!staffActionRefusal({ state: doc.state, detailsRequested: Boolean(doc.detailsRequest) }, 'requestDetails')) actions.push('requestDetails');
  return actions;
}

function staffView(doc: StoredDoc<QuestionDoc>, caller: Caller, today: IsoDate, calendar: WorkingCalendar, escalatedAt: string | undefined): StaffQuestion {
  const r = radar(calendar, today, { state: doc.state, askedOn: doc.askedOn, due: doc.due });
  return {
    ...myView(doc),
    urgency: r.urgency,
    workingDaysLeft: r.workingDaysLeft,
    ageDays: r.ageDays,
    escalated: r.escalated,
    ...(escalatedAt ? { escalatedAt } : {}),
    ...(doc.responsible ? { responsible: doc.responsible.name } : {}),
    askerMasked: maskAsker(doc.name),
    history: doc.history,
    availableActions: availableActions(doc, caller),
  };
}

const URGENCY_ORDER: Record<Urgency, number> = { overdue: 0, dueSoon: 1, ok: 2, waitingForAsker: 3, answered: 4 };

async function staffName(deps: Deps, openid: string): Promise<string> {
  const record = await deps.store.get<StaffRecord>(STAFF_COLLECTION, openid);
  return record?.name ?? '受理员';
}

async function escalationOf(deps: Deps, id: string): Promise<string | undefined> {
  return (await deps.store.get<OutboxDoc>(OUTBOX_COLLECTION, escalationOutboxId(id)))?.at;
}

async function loadQuestion(deps: Deps, id: string): Promise<StoredDoc<QuestionDoc>> {
  const doc = await deps.store.get<QuestionDoc>(QUESTION_COLLECTIONS.questions, id);
  if (!doc) throw new AppError('NOT_FOUND', '未找到该留言');
  return doc;
}

function conflictOnStale<T>(promise: Promise<T>): Promise<T> {
  return promise.catch((error: unknown) => {
    if (error instanceof StoreError && error.code === 'conflict') throw new AppError('CONFLICT', '该留言已被更新，请刷新后再操作');
    throw error;
  });
}

export const questionsHandlers = defineHandlers('questions', {
  async options(_input, { deps }) {
    return {
      categories: QUESTION_CATEGORIES.map((c) => ({ key: c.key, label: c.label })),
      answerWorkingDays: await answerWorkingDays(deps),
      dailyLimit: DAILY_QUESTION_LIMIT,
      today: shanghaiDate(deps.clock.now()),
    };
  },

  async ask(input, { caller, deps }) {
    const openid = caller.openid!;
    const now = deps.clock.now();
    const date = shanghaiDate(now);
    const replayKey = `questions:${openid}:${input.idempotencyKey}`;
    const replay = async () => {
      const earlier = await deps.store.get<{ questionId?: string }>(QUESTION_COLLECTIONS.idempotency, replayKey);
      return earlier?.questionId ? deps.store.get<QuestionDoc>(QUESTION_COLLECTIONS.questions, earlier.questionId) : null;
    };
    const earlier = await replay();
    if (earlier) return { question: myView(earlier), replayed: true };
    if ((await deps.store.count(QUESTION_COLLECTIONS.questions, { openid, askedOn: date })) >= DAILY_QUESTION_LIMIT) {
      throw new AppError('RATE_LIMITED', `每人每天最多留言 ${DAILY_QUESTION_LIMIT} 条，请明天再来`);
    }
    for (const field of ['title', 'body'] as const) {
      const verdict = await deps.contentCheck.check(input[field], { openid, scene: 'comment' });
      // A question is answered by a person anyway; only plainly unacceptable text is refused.
      if (verdict.suggest === 'risky') {
        const message = field === 'title' ? '标题包含不当信息，请修改后再提交' : '留言内容包含不当信息，请修改后再提交';
        throw new AppError('VALIDATION_FAILED', message, [{ path: field, message }]);
      }
    }
    const calendar = await loadCalendar(deps.store);
    const due = answerDue(calendar, date, await answerWorkingDays(deps));
    const doc: QuestionDoc = {
      openid,
      category: input.category,
      title: input.title,
      body: input.body,
      private: input.private ?? false,
      ...(input.name ? { name: input.name } : {}),
      ...(input.contact ? { contact: input.contact } : {}),
      state: 'pending',
      askedOn: date,
      askedAt: now.toISOString(),
      clockStart: date,
      due,
      published: false,
      sortKey: '',
      history: [{ at: now.toISOString(), actor: '留言人', action: '提交留言' }],
      demo: false,
    };
    try {
      const saved = await deps.store.transaction(async (tx) => {
        const inserted = await tx.insert<QuestionDoc>(QUESTION_COLLECTIONS.questions, doc);
        await tx.insert(QUESTION_COLLECTIONS.idempotency, { _id: replayKey, questionId: inserted._id, at: now.toISOString() });
        await tx.insert<OutboxDoc>(OUTBOX_COLLECTION, {
          at: now.toISOString(),
          audience: 'staff',
          recipient: 'role:clerk',
          kind: 'newQuestion',
          title: '收到新的咨询留言',
          body: `${categoryLabel(input.category)}：${input.title}（答复期限 ${due}）`,
          caseId: inserted._id,
          page: QUESTION_ROUTES.staff,
          status: 'pending',
        });
        return inserted;
      });
      return { question: myView(saved), replayed: false };
    } catch (error) {
      if (error instanceof StoreError && error.code === 'duplicate') {
        const doc2 = await replay();
        if (doc2) return { question: myView(doc2), replayed: true };
      }
      throw error;
    }
  },

  async mine(_input, { caller, deps }) {
    const docs = await deps.store.find<QuestionDoc>(QUESTION_COLLECTIONS.questions, { where: { openid: caller.openid }, orderBy: [['askedAt', 'desc']], limit: 100 });
    return docs.map(myView);
  },

  async supplement(input, { caller, deps }) {
    const now = deps.clock.now();
    const date = shanghaiDate(now);
    const doc = await loadQuestion(deps, input.id);
    // Another person's question is answered as if it did not exist.
    if (doc.openid !== caller.openid) throw new AppError('NOT_FOUND', '未找到该留言');
    if (doc.state !== 'needsDetails') throw new AppError('CONFLICT', doc.supplement ? '您已补充过，请等待答复' : '该留言当前不需要补充');
    const verdict = await deps.contentCheck.check(input.text, { openid: caller.openid!, scene: 'comment' });
    if (verdict.suggest === 'risky') throw new AppError('VALIDATION_FAILED', '补充内容包含不当信息，请修改后再提交', [{ path: 'text', message: '补充内容包含不当信息，请修改后再提交' }]);
    const calendar = await loadCalendar(deps.store);
    // The clock restarts on the day the details arrive.
    const due = answerDue(calendar, date, await answerWorkingDays(deps));
    await conflictOnStale(
      deps.store.transaction(async (tx) => {
        await tx.update<QuestionDoc>(
          QUESTION_COLLECTIONS.questions,
          doc._id,
          { state: 'pending', supplement: { text: input.text, on: date }, clockStart: date, due, history: [...doc.history, { at: now.toISOString(), actor: '留言人', action: '补充说明，重新计算答复期限', note: `答复期限 ${due}` }] },
          { ifVersion: doc._version },
        );
        await tx.insert<OutboxDoc>(OUTBOX_COLLECTION, {
          at: now.toISOString(),
          audience: 'staff',
          recipient: doc.responsible ? doc.responsible.openid : 'role:clerk',
          kind: 'questionSupplemented',
          title: '留言人已补充说明',
          body: `${doc.title}（答复期限 ${due}）`,
          caseId: doc._id,
          page: QUESTION_ROUTES.staff,
          status: 'pending',
        });
      }),
    );
    return myView((await deps.store.get<QuestionDoc>(QUESTION_COLLECTIONS.questions, doc._id))!);
  },

  async list(input, { deps }) {
    const limit = input?.limit ?? 20;
    const docs = await deps.store.find<QuestionDoc>(QUESTION_COLLECTIONS.questions, {
      where: { published: true, ...(input?.category ? { category: input.category } : {}), ...(input?.cursor ? { sortKey: { $lt: input.cursor } } : {}) },
      orderBy: [['sortKey', 'desc']],
      limit: limit + 1,
    });
    const page = docs.slice(0, limit);
    return { items: page.map(publicView), nextCursor: docs.length > limit ? (page[page.length - 1]?.sortKey ?? null) : null };
  },

  async get(input, { caller, deps }) {
    const doc = await deps.store.get<QuestionDoc>(QUESTION_COLLECTIONS.questions, input.id);
    const own = doc !== null && caller.openid !== null && doc.openid === caller.openid;
    if (!doc || (!own && !doc.published)) throw new AppError('NOT_FOUND', '未找到该留言，或该留言尚未公开答复');
    return { question: publicView(doc), ...(own ? { mine: myView(doc) } : {}) };
  },

  async stats(input, { deps }) {
    const calendar = await loadCalendar(deps.store);
    const month = input?.month ?? shanghaiDate(deps.clock.now()).slice(0, 7);
    // Demo questions are illustrations, not service records: they are left out of the statistics.
    const docs = (await findAll<QuestionDoc>(deps.store, QUESTION_COLLECTIONS.questions)).filter((d) => !d.demo);
    const stats = monthlyStats(
      calendar,
      month,
      docs.map((d) => ({ askedOn: d.askedOn, clockStart: d.clockStart, ...(d.answer ? { answeredOn: d.answer.on } : {}) })),
    );
    return { ...stats, answerWorkingDays: await answerWorkingDays(deps) };
  },

  async queue(input, { caller, deps }) {
    const today = shanghaiDate(deps.clock.now());
    const calendar = await loadCalendar(deps.store);
    const open = await deps.store.find<QuestionDoc>(QUESTION_COLLECTIONS.questions, { where: { state: { $in: ['pending', 'needsDetails'] } }, orderBy: [['askedAt', 'asc']], limit: 100 });
    const answered = input?.includeAnswered
      ? await deps.store.find<QuestionDoc>(QUESTION_COLLECTIONS.questions, { where: { state: 'answered', demo: false }, orderBy: [['askedAt', 'desc']], limit: 50 })
      : [];
    const views = await Promise.all([...open, ...answered].map(async (doc) => staffView(doc, caller, today, calendar, await escalationOf(deps, doc._id))));
    return views.sort(
      (a, b) => Number(b.escalated) - Number(a.escalated) || URGENCY_ORDER[a.urgency] - URGENCY_ORDER[b.urgency] || a.due.localeCompare(b.due) || a.askedOn.localeCompare(b.askedOn),
    );
  },

  async claim(input, { caller, deps }) {
    const now = deps.clock.now();
    const doc = await loadQuestion(deps, input.id);
    if (doc._version !== input.expectedVersion) throw new AppError('CONFLICT', '该留言已被更新，请刷新后再操作');
    if (doc.state === 'answered') throw new AppError('CONFLICT', '该留言已答复');
    if (doc.responsible) {
      if (doc.responsible.openid === caller.openid) throw new AppError('CONFLICT', '您已是该留言的首问责任人');
      throw new AppError('CONFLICT', `该留言已由${doc.responsible.name}首问负责`);
    }
    const name = await staffName(deps, caller.openid!);
    await conflictOnStale(
      deps.store.update<QuestionDoc>(
        QUESTION_COLLECTIONS.questions,
        doc._id,
        { responsible: { openid: caller.openid!, name }, history: [...doc.history, { at: now.toISOString(), actor: name, action: '首问负责：认领留言' }] },
        { ifVersion: doc._version },
      ),
    );
    const saved = await loadQuestion(deps, doc._id);
    return staffView(saved, caller, shanghaiDate(now), await loadCalendar(deps.store), await escalationOf(deps, doc._id));
  },

  async answer(input, { caller, deps }) {
    const now = deps.clock.now();
    const date = shanghaiDate(now);
    const doc = await loadQuestion(deps, input.id);
    if (doc._version !== input.expectedVersion) throw new AppError('CONFLICT', '该留言已被更新，请刷新后再操作');
    if (doc.responsible && doc.responsible.openid !== caller.openid) throw new AppError('FORBIDDEN', `该留言由首问责任人${doc.responsible.name}负责答复`);
    const refusal = staffActionRefusal({ state: doc.state, detailsRequested: Boolean(doc.detailsRequest) }, input.kind);
    if (refusal) throw new AppError('CONFLICT', refusal);
    const missing = (input.missing ?? []).map((m) => m.trim()).filter(Boolean);
    if (input.kind === 'requestDetails') {
      const problems = checkDetailsRequest(input.text, missing);
      if (problems.length > 0) throw new AppError('VALIDATION_FAILED', problems[0]!.message, problems);
    }
    const name = await staffName(deps, caller.openid!);
    const responsible = doc.responsible ?? { openid: caller.openid!, name };
    const claimed = doc.responsible ? [] : [{ at: now.toISOString(), actor: name, action: '首问负责：认领留言' }];
    let patch: Partial<QuestionDoc>;
    if (input.kind === 'answer') {
      const published = !doc.private;
      patch = {
        state: 'answered',
        answer: { text: input.text, on: date },
        published,
        sortKey: `${now.toISOString()}|${doc._id}`,
        history: [...doc.history, ...claimed, { at: now.toISOString(), actor: name, action: published ? '答复并公开' : '答复（不公开）', note: input.text }],
      };
    } else {
      patch = {
        state: 'needsDetails',
        detailsRequest: { text: input.text, missing, on: date },
        history: [...doc.history, ...claimed, { at: now.toISOString(), actor: name, action: '一次性告知需补充的内容', note: missing.join('；') }],
      };
    }
    await conflictOnStale(
      deps.store.transaction(async (tx) => {
        const updated = await tx.update<QuestionDoc>(QUESTION_COLLECTIONS.questions, doc._id, { ...patch, responsible }, { ifVersion: doc._version });
        if (input.kind === 'answer' && updated.published) await recordPublication(tx, questionItem(updated), now);
        await tx.insert<OutboxDoc>(OUTBOX_COLLECTION, {
          at: now.toISOString(),
          audience: 'applicant',
          recipient: doc.openid,
          kind: input.kind === 'answer' ? 'questionAnswered' : 'questionNeedsDetails',
          title: input.kind === 'answer' ? '您的留言已答复' : '您的留言需要补充说明',
          body: input.kind === 'answer' ? `“${doc.title}”已答复` : `“${doc.title}”请一次性补充：${missing.join('；')}`,
          caseId: doc._id,
          page: QUESTION_ROUTES.mine,
          status: 'pending',
        });
      }),
    );
    const saved = await loadQuestion(deps, doc._id);
    return staffView(saved, caller, date, await loadCalendar(deps.store), await escalationOf(deps, doc._id));
  },

  async saveSettings(input, { deps }) {
    const value = { answerWorkingDays: input.answerWorkingDays };
    if (await deps.store.get(SETTINGS.collection, SETTINGS.id)) await deps.store.update(SETTINGS.collection, SETTINGS.id, value);
    else await deps.store.insert(SETTINGS.collection, { _id: SETTINGS.id, ...value });
    // Applies to questions asked (or supplemented) from now on; open ones keep their due date.
    return value;
  },

  async escalate(_input, { deps }) {
    const now = deps.clock.now();
    const today = shanghaiDate(now);
    const calendar = await loadCalendar(deps.store);
    const open = await deps.store.find<QuestionDoc>(QUESTION_COLLECTIONS.questions, { where: { state: 'pending' }, orderBy: [['askedAt', 'asc']], limit: 100 });
    let escalated = 0;
    for (const doc of open) {
      const r = radar(calendar, today, { state: doc.state, askedOn: doc.askedOn, due: doc.due });
      if (!r.escalated) break; // oldest first: the rest are younger
      try {
        // The outbox id is the question's: a second run (or a concurrent one) cannot notify twice.
        await deps.store.insert<OutboxDoc>(OUTBOX_COLLECTION, {
          _id: escalationOutboxId(doc._id),
          at: now.toISOString(),
          audience: 'staff',
          recipient: 'role:admin',
          kind: 'questionEscalated',
          title: `咨询留言超过 ${ESCALATION_CALENDAR_DAYS} 天未答复，请督办`,
          body: `${doc.title}（${doc.askedOn} 留言，已 ${r.ageDays} 天；超过 3 个月未答复将导致检查不合格）`,
          caseId: doc._id,
          page: QUESTION_ROUTES.staff,
          status: 'pending',
        });
        escalated += 1;
      } catch (error) {
        if (!(error instanceof StoreError && error.code === 'duplicate')) throw error;
      }
    }
    return { escalated };
  },
});
