// Handlers of the `corrections` function (找错). Rules live in src/domain/corrections; this module
// stores a report with its idempotency key in one transaction, checks the reader's words through the
// content-security port, limits reports per person and day, and lets staff answer each report once.
import type { CorrectionView } from '../../../src/contracts/corrections';
import { shanghaiDate, type IsoDate } from '../../../src/domain/calendar/dates';
import {
  checkCorrection,
  CORRECTION_STATE_LABELS,
  correctionDue,
  CorrectionError,
  correctionOverdue,
  DAILY_CORRECTION_LIMIT,
  handleCorrection,
  type CorrectionState,
} from '../../../src/domain/corrections/rules';
import { maskMobile } from '../../../src/domain/requests/identity-documents';
import { OUTBOX_COLLECTION, type OutboxDoc } from '../notifications/deliver';
import type { Caller } from '../identity/caller';
import { StoreError, type StoredDoc } from '../ports/store';
import { AppError, defineHandlers, type Deps } from '../router';
import { loadCalendar } from '../working-calendar';

export const CORRECTION_COLLECTIONS = { reports: 'corrections', idempotency: 'idempotencyKeys' } as const;

export interface CorrectionDoc {
  openid: string;
  route: string;
  pageTitle: string;
  quote: string;
  problem: string;
  contact?: string;
  state: CorrectionState;
  receivedOn: IsoDate;
  due: IsoDate;
  at: string;
  reply?: string;
  handledOn?: IsoDate;
  handledBy?: string;
}

function view(doc: StoredDoc<CorrectionDoc>): CorrectionView {
  return {
    id: doc._id,
    route: doc.route,
    pageTitle: doc.pageTitle,
    quote: doc.quote,
    problem: doc.problem,
    state: doc.state,
    stateLabel: CORRECTION_STATE_LABELS[doc.state],
    receivedOn: doc.receivedOn,
    due: doc.due,
    ...(doc.reply ? { reply: doc.reply } : {}),
    ...(doc.handledOn ? { handledOn: doc.handledOn } : {}),
  };
}

/** Phones keep their first three and last four digits; anything else (an e-mail, a name) its ends. */
function maskContact(contact: string): string {
  if (/^\d{11}$/.test(contact)) return maskMobile(contact);
  const at = contact.indexOf('@');
  if (at > 0) return `${contact.slice(0, 1)}***${contact.slice(at)}`;
  return contact.length <= 2 ? `${contact.slice(0, 1)}*` : `${contact.slice(0, 1)}***${contact.slice(-1)}`;
}

function staffLabel(caller: Caller): string {
  return caller.roles.includes('clerk') ? '受理员' : '管理员';
}

async function staffView(doc: StoredDoc<CorrectionDoc>, deps: Deps) {
  const calendar = await loadCalendar(deps.store);
  const today = shanghaiDate(deps.clock.now());
  return {
    ...view(doc),
    version: doc._version,
    ...(doc.contact ? { contactMasked: maskContact(doc.contact) } : {}),
    overdueWorkingDays: doc.state === 'pending' ? correctionOverdue(calendar, today, doc.due) : 0,
    ...(doc.handledBy ? { handledBy: doc.handledBy } : {}),
  };
}

export const correctionsHandlers = defineHandlers('corrections', {
  async submit(input, { caller, deps }) {
    const openid = caller.openid!;
    const now = deps.clock.now();
    const date = shanghaiDate(now);
    const { report } = input;
    const problems = checkCorrection(report);
    if (problems.length > 0) {
      throw new AppError('VALIDATION_FAILED', problems[0]!.message, problems.map((p) => ({ path: `report.${p.path}`, message: p.message })));
    }
    const replayKey = `${openid}:correction:${input.idempotencyKey}`;
    const earlier = await deps.store.get<{ correctionId?: string }>(CORRECTION_COLLECTIONS.idempotency, replayKey);
    if (earlier?.correctionId) {
      const doc = await deps.store.get<CorrectionDoc>(CORRECTION_COLLECTIONS.reports, earlier.correctionId);
      if (doc && doc.openid === openid) return { report: view(doc), replayed: true };
    }
    if ((await deps.store.count(CORRECTION_COLLECTIONS.reports, { openid, receivedOn: date })) >= DAILY_CORRECTION_LIMIT) {
      throw new AppError('RATE_LIMITED', `每人每天最多提交 ${DAILY_CORRECTION_LIMIT} 条找错，请明天再提交`);
    }
    for (const field of ['quote', 'problem'] as const) {
      const verdict = await deps.contentCheck.check(report[field], { openid, scene: 'comment' });
      if (verdict.suggest === 'risky') throw new AppError('VALIDATION_FAILED', '内容包含不当信息，请修改后再提交', [{ path: `report.${field}`, message: '内容包含不当信息，请修改后再提交' }]);
    }
    const calendar = await loadCalendar(deps.store);
    const doc: CorrectionDoc = {
      openid,
      route: report.route,
      pageTitle: report.pageTitle,
      quote: report.quote,
      problem: report.problem,
      ...(report.contact ? { contact: report.contact } : {}),
      state: 'pending',
      receivedOn: date,
      due: correctionDue(calendar, date),
      at: now.toISOString(),
    };
    try {
      const saved = await deps.store.transaction(async (tx) => {
        const inserted = await tx.insert<CorrectionDoc>(CORRECTION_COLLECTIONS.reports, doc);
        await tx.insert(CORRECTION_COLLECTIONS.idempotency, { _id: replayKey, correctionId: inserted._id, at: now.toISOString() });
        await tx.insert<OutboxDoc>(OUTBOX_COLLECTION, {
          at: now.toISOString(),
          audience: 'staff',
          recipient: 'role:clerk',
          kind: 'correctionReport',
          title: '收到找错报告，请核实处理',
          body: `${report.pageTitle.slice(0, 30)}：处理期限 ${doc.due}`,
          caseId: inserted._id,
          status: 'pending',
        });
        return inserted;
      });
      return { report: view(saved), replayed: false };
    } catch (error) {
      if (error instanceof StoreError && error.code === 'duplicate') {
        const replay = await deps.store.get<{ correctionId?: string }>(CORRECTION_COLLECTIONS.idempotency, replayKey);
        const again = replay?.correctionId ? await deps.store.get<CorrectionDoc>(CORRECTION_COLLECTIONS.reports, replay.correctionId) : null;
        if (again) return { report: view(again), replayed: true };
      }
      throw error;
    }
  },

  async listMine(_input, { caller, deps }) {
    const docs = await deps.store.find<CorrectionDoc>(CORRECTION_COLLECTIONS.reports, { where: { openid: caller.openid }, orderBy: [['at', 'desc']], limit: 100 });
    return docs.map(view);
  },

  async staffList(input, { deps }) {
    const docs = await deps.store.find<CorrectionDoc>(CORRECTION_COLLECTIONS.reports, {
      ...(input?.includeHandled ? {} : { where: { state: 'pending' } }),
      orderBy: [['at', 'desc']],
      limit: 100,
    });
    const rows = await Promise.all(docs.map((doc) => staffView(doc, deps)));
    const rank = (state: CorrectionState) => (state === 'pending' ? 0 : 1);
    return rows.sort((a, b) => rank(a.state) - rank(b.state) || a.due.localeCompare(b.due));
  },

  async handle(input, { caller, deps }) {
    const doc = await deps.store.get<CorrectionDoc>(CORRECTION_COLLECTIONS.reports, input.id);
    if (!doc) throw new AppError('NOT_FOUND', '未找到该找错报告');
    if (doc._version !== input.expectedVersion) throw new AppError('CONFLICT', '该报告已被更新，请刷新后再操作');
    let state: CorrectionState;
    try {
      state = handleCorrection(doc.state, input.outcome, input.reply);
    } catch (error) {
      if (error instanceof CorrectionError) throw new AppError(error.code, error.message);
      throw error;
    }
    const now = deps.clock.now();
    try {
      const saved = await deps.store.transaction(async (tx) => {
        const updated = await tx.update<CorrectionDoc>(
          CORRECTION_COLLECTIONS.reports,
          doc._id,
          { state, reply: input.reply.trim(), handledOn: shanghaiDate(now), handledBy: staffLabel(caller) },
          { ifVersion: input.expectedVersion },
        );
        // The reporter is told the outcome (我的消息 and, where consented, a subscription message).
        await tx.insert<OutboxDoc>(OUTBOX_COLLECTION, {
          at: now.toISOString(),
          audience: 'applicant',
          recipient: doc.openid,
          kind: 'correctionHandled',
          title: `找错处理结果：${CORRECTION_STATE_LABELS[state]}`,
          body: input.reply.trim().slice(0, 100),
          caseId: doc._id,
          status: 'pending',
        });
        return updated;
      });
      return staffView(saved, deps);
    } catch (error) {
      if (error instanceof StoreError && error.code === 'conflict') throw new AppError('CONFLICT', '该报告已被更新，请刷新后再操作');
      throw error;
    }
  },
});
