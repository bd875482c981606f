// Handlers of the `trading` function: projects with their notice chains, and the bid openings of a day.
import { createHash, randomUUID } from 'node:crypto';
import { DISTRICTS, NOTICE_STAGES, TRANSACTION_TYPES } from '../../../src/contracts/trading';
import { addDays, shanghaiDate } from '../../../src/domain/calendar/dates';
import { projectBadge, publicityCountdown } from '../../../src/domain/trading/badges';
import { ChainError, checkNextNotice, type ChainStage } from '../../../src/domain/trading/chain';
import { publicNotice } from '../../../src/domain/trading/masking';
import { noticeItem, recordPublication } from '../publication';
import type { NoticeDoc, ProjectDoc } from '../seed/trading-demo';
import { StoreError, type DocumentStore, type StoredDoc } from '../ports/store';
import { AppError, defineHandlers } from '../router';

export const TRADING_COLLECTIONS = { projects: 'tradingProjects', notices: 'tradingNotices', codes: 'tradingProjectCodes' } as const;

const stageIndex = (stage: string) => NOTICE_STAGES.findIndex((s) => s.key === stage);

/** A project's chain as `now` sees it; `masked`: the public view (bidder names masked before candidates). */
async function chainOf(store: DocumentStore, project: StoredDoc<ProjectDoc>, now: Date, masked: boolean) {
  const notices = await store.find<NoticeDoc>(TRADING_COLLECTIONS.notices, { where: { projectId: project._id }, orderBy: [['order', 'asc'], ['publishedAt', 'asc']], limit: 100 });
  const reached = new Set(notices.map((n) => n.stage));
  const last = Math.max(...NOTICE_STAGES.map((s, i) => (reached.has(s.key) ? i : -1)));
  const today = shanghaiDate(now);
  return {
    ...summary(project, now),
    owner: project.owner,
    ...(project.budget ? { budget: project.budget } : {}),
    ...(project.openingAt ? { openingAt: project.openingAt } : {}),
    ...(project.room ? { room: project.room } : {}),
    ...(project.signUpEnds ? { signUpEnds: project.signUpEnds } : {}),
    notices: notices.map((doc) => {
      const n = masked ? publicNotice(doc) : doc;
      return {
        id: n._id,
        stage: n.stage,
        stageLabel: STAGE_LABELS[n.stage] ?? n.stage,
        title: n.title,
        publishedAt: n.publishedAt,
        paragraphs: n.paragraphs,
        ...(n.signUpEnds ? { signUpEnds: n.signUpEnds } : {}),
        ...(n.bidders?.length ? { bidders: n.bidders } : {}),
        ...(n.stage === 'candidates' ? { publicity: publicityCountdown(n.publishedAt.slice(0, 10), today) } : {}),
      };
    }),
    pendingStages: NOTICE_STAGES.slice(last + 1).map((s) => ({ stage: s.key, stageLabel: s.label })),
    masked,
  };
}

const isStaff = (roles: readonly string[]) => roles.length > 0;

const TYPE_LABELS: Record<string, string> = Object.fromEntries(TRANSACTION_TYPES.map((t) => [t.key, t.label]));
const STAGE_LABELS: Record<string, string> = Object.fromEntries(NOTICE_STAGES.map((s) => [s.key, s.label]));
const DISTRICT_LABELS: Record<string, string> = Object.fromEntries(DISTRICTS.map((d) => [d.key, d.label]));
/** Months in the statistics trend. */
const TREND_MONTHS = 12;
/** An opening session is shown as in progress for this long after it starts. */
const SESSION_MINUTES = 60;

function summary(doc: StoredDoc<ProjectDoc>, now: Date) {
  return {
    id: doc._id,
    code: doc.code,
    name: doc.name,
    type: doc.type,
    typeLabel: TYPE_LABELS[doc.type] ?? doc.type,
    district: doc.district,
    districtLabel: DISTRICT_LABELS[doc.district] ?? doc.district,
    stage: doc.stage,
    stageLabel: STAGE_LABELS[doc.stage] ?? doc.stage,
    latestAt: doc.latestAt,
    noticeCount: doc.noticeCount,
    badge: projectBadge(
      { stage: doc.stage, ...(doc.signUpEnds ? { signUpEnds: doc.signUpEnds } : {}), ...(doc.openingAt ? { openingAt: doc.openingAt } : {}), ...(doc.candidatesOn ? { candidatesOn: doc.candidatesOn } : {}) },
      now,
    ),
    demo: doc.demo,
  };
}

/** First day of the month `back` months before the month of `date`: ('2026-03-15', 2) → '2026-01-01'. */
function monthStart(date: string, back: number): string {
  const total = Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1 - back;
  return `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, '0')}-01`;
}

export const tradingHandlers = defineHandlers('trading', {
  async listProjects(input, { deps }) {
    const limit = input?.limit ?? 20;
    if (input?.from && input.to && input.from > input.to) throw new AppError('VALIDATION_FAILED', '开始日期不能晚于结束日期', [{ path: 'from', message: '开始日期不能晚于结束日期' }]);
    // The date window is a range on the keyset itself (`latestAt|id`), so it stays on the sortKey index.
    const upper = [input?.cursor ?? undefined, input?.to ? `${input.to}|~` : undefined].filter((v): v is string => !!v).sort()[0];
    const range = { ...(input?.from ? { $gte: input.from } : {}), ...(upper ? { $lt: upper } : {}) };
    const docs = await deps.store.find<ProjectDoc>(TRADING_COLLECTIONS.projects, {
      where: {
        ...(input?.type ? { type: input.type } : {}),
        ...(input?.stage ? { stage: input.stage } : {}),
        ...(input?.district ? { district: input.district } : {}),
        ...(input?.keyword ? { keywords: { $contains: input.keyword } } : {}),
        ...(Object.keys(range).length ? { sortKey: range } : {}),
      },
      orderBy: [['sortKey', 'desc'], ['_id', 'desc']],
      limit: limit + 1,
    });
    const page = docs.slice(0, limit);
    const now = deps.clock.now();
    return { items: page.map((doc) => summary(doc, now)), nextCursor: docs.length > limit ? (page[page.length - 1]?.sortKey ?? null) : null };
  },

  async getChain(input, { caller, deps }) {
    const project = await deps.store.get<ProjectDoc>(TRADING_COLLECTIONS.projects, input.projectId);
    if (!project) throw new AppError('NOT_FOUND', '未找到该交易项目');
    return chainOf(deps.store, project, deps.clock.now(), !isStaff(caller.roles));
  },

  async stats(_input, { deps }) {
    const today = shanghaiDate(deps.clock.now());
    const { store } = deps;
    const months = Array.from({ length: TREND_MONTHS }, (_, i) => monthStart(today, TREND_MONTHS - 1 - i));
    // Bounded: 1 + 1 + 5 + 9 + 12 + 1 counts, each on an indexed field.
    const [todayNotices, totalProjects, byType, byDistrict, monthly, demo] = await Promise.all([
      store.count(TRADING_COLLECTIONS.notices, { publishedAt: today }),
      store.count(TRADING_COLLECTIONS.projects),
      Promise.all(TRANSACTION_TYPES.map(async (t) => ({ key: t.key, label: t.label, count: await store.count(TRADING_COLLECTIONS.projects, { type: t.key }) }))),
      Promise.all(DISTRICTS.map(async (d) => ({ key: d.key, label: d.label, count: await store.count(TRADING_COLLECTIONS.projects, { district: d.key }) }))),
      Promise.all(
        months.map(async (month, i) => ({
          month: month.slice(0, 7),
          count: await store.count(TRADING_COLLECTIONS.notices, { publishedAt: { $gte: month, $lt: months[i + 1] ?? monthStart(today, -1) } }),
        })),
      ),
      store.count(TRADING_COLLECTIONS.projects, { demo: true }),
    ]);
    return { today, todayNotices, totalProjects, byType, byDistrict, monthly, includesDemo: demo > 0 };
  },

  async todayOpenings(input, { deps }) {
    const now = deps.clock.now();
    const date = input?.date ?? shanghaiDate(now);
    const docs = await deps.store.find<ProjectDoc>(TRADING_COLLECTIONS.projects, { where: { openingDate: date }, orderBy: [['openingAt', 'asc']], limit: 100 });
    return {
      date,
      now: now.toISOString(),
      openings: docs.map((doc) => {
        const start = Date.parse(doc.openingAt ?? '');
        const minutes = (now.getTime() - start) / 60_000;
        const status = minutes < 0 ? ('upcoming' as const) : minutes < SESSION_MINUTES ? ('inProgress' as const) : ('done' as const);
        return {
          projectId: doc._id,
          code: doc.code,
          name: doc.name,
          typeLabel: TYPE_LABELS[doc.type] ?? doc.type,
          time: (doc.openingAt ?? '').slice(11, 16),
          room: doc.room ?? '',
          status,
          statusLabel: { upcoming: '待开标', inProgress: '开标中', done: '已开标' }[status],
          demo: doc.demo,
        };
      }),
    };
  },

  async publishNotice(input, { caller, deps }) {
    const now = deps.clock.now();
    const today = shanghaiDate(now);
    // The notice id is derived from the caller and the idempotency key: a retried submit finds it.
    const noticeId = `ntc-${createHash('sha256').update(`${caller.openid}|${input.idempotencyKey}`).digest('hex').slice(0, 24)}`;
    const earlier = await deps.store.get<NoticeDoc>(TRADING_COLLECTIONS.notices, noticeId);
    if (earlier) {
      const project = await deps.store.get<ProjectDoc>(TRADING_COLLECTIONS.projects, earlier.projectId);
      return { chain: await chainOf(deps.store, project!, now, false), replayed: true };
    }
    const isNew = !('projectId' in input.project);
    let project: StoredDoc<ProjectDoc> | null = null;
    let published: Array<{ stage: ChainStage; date: string }> = [];
    if ('projectId' in input.project) {
      project = await deps.store.get<ProjectDoc>(TRADING_COLLECTIONS.projects, input.project.projectId);
      if (!project) throw new AppError('NOT_FOUND', '未找到该交易项目');
      const notices = await deps.store.find<NoticeDoc>(TRADING_COLLECTIONS.notices, { where: { projectId: project._id }, limit: 100 });
      published = notices.map((n) => ({ stage: n.stage, date: n.publishedAt.slice(0, 10) }));
    }
    try {
      checkNextNotice({ published }, input.stage, today);
    } catch (error) {
      if (error instanceof ChainError) throw new AppError('CONFLICT', error.message);
      throw error;
    }
    if (input.stage === 'tender' && !input.opening) throw new AppError('VALIDATION_FAILED', '招标公告须注明开标时间和地点', [{ path: 'opening', message: '请填写开标时间和地点' }]);
    if (input.opening && input.opening.date < today) throw new AppError('VALIDATION_FAILED', '开标日期不能早于今天', [{ path: 'opening.date', message: '开标日期不能早于今天' }]);
    const opening = input.opening ? { openingDate: input.opening.date, openingAt: `${input.opening.date}T${input.opening.time}:00+08:00`, room: input.opening.room } : {};
    // Sign-up closes on the given day, or the day before the opening; a change notice may move it.
    const signUpEnds = input.signUpEnds ?? (input.stage === 'tender' && input.opening ? addDays(input.opening.date, -1) : undefined);
    if (signUpEnds && (signUpEnds < today || (input.opening && signUpEnds >= input.opening.date) || (!input.opening && project?.openingDate && signUpEnds >= project.openingDate)))
      throw new AppError('VALIDATION_FAILED', '报名截止日期应在今天与开标日期之间', [{ path: 'signUpEnds', message: '报名截止日期应在今天与开标日期之间' }]);
    if (signUpEnds && !['tender', 'change'].includes(input.stage)) throw new AppError('VALIDATION_FAILED', '只有招标或变更公告可以规定报名截止日期', [{ path: 'signUpEnds', message: '只有招标或变更公告可以规定报名截止日期' }]);
    const furthest = Math.max(stageIndex(input.stage), ...published.map((p) => stageIndex(p.stage)));
    const projectId = project?._id ?? `prj-${randomUUID().replace(/-/g, '').slice(0, 16)}`;
    const notice: NoticeDoc & { _id: string } = {
      _id: noticeId,
      projectId,
      stage: input.stage,
      order: stageIndex(input.stage) * 10 + published.length,
      title: input.title,
      publishedAt: today,
      paragraphs: input.paragraphs.map((p) => p.trim()).filter(Boolean),
      ...(signUpEnds ? { signUpEnds } : {}),
      ...(input.bidders?.length ? { bidders: input.bidders } : {}),
      demo: false,
    };
    const projectFields = {
      stage: NOTICE_STAGES[furthest]!.key,
      latestAt: today,
      sortKey: `${today}|${projectId}`,
      noticeCount: published.length + 1,
      ...opening,
      ...(signUpEnds ? { signUpEnds } : {}),
      ...(input.stage === 'candidates' ? { candidatesOn: today } : {}),
    };
    try {
      const saved = await deps.store.transaction(async (tx) => {
        let stored: StoredDoc<ProjectDoc>;
        if (isNew && !('projectId' in input.project)) {
          const fresh = input.project;
          // Project codes are unique: the code is the id of a key document.
          await tx.insert(TRADING_COLLECTIONS.codes, { _id: fresh.code, projectId });
          stored = await tx.insert<ProjectDoc>(TRADING_COLLECTIONS.projects, {
            _id: projectId,
            code: fresh.code,
            name: fresh.name,
            type: fresh.type,
            owner: fresh.owner,
            district: fresh.district,
            keywords: `${fresh.code} ${fresh.name}`,
            ...(fresh.budget ? { budget: fresh.budget } : {}),
            ...projectFields,
            stage: input.stage,
            demo: false,
          } as ProjectDoc & { _id: string });
        } else {
          stored = await tx.update<ProjectDoc>(TRADING_COLLECTIONS.projects, projectId, projectFields, { ifVersion: project!._version });
        }
        await tx.insert<NoticeDoc>(TRADING_COLLECTIONS.notices, notice);
        await recordPublication(tx, noticeItem(notice, stored), now);
        return stored;
      });
      return { chain: await chainOf(deps.store, saved, now, false), replayed: false };
    } catch (error) {
      if (error instanceof StoreError && error.code === 'duplicate') {
        if (await deps.store.get(TRADING_COLLECTIONS.notices, noticeId)) {
          const stored = await deps.store.get<ProjectDoc>(TRADING_COLLECTIONS.projects, projectId);
          return { chain: await chainOf(deps.store, stored!, now, false), replayed: true };
        }
        throw new AppError('CONFLICT', '项目编号已存在，请核对或在已有项目下发布公告');
      }
      if (error instanceof StoreError && error.code === 'conflict') throw new AppError('CONFLICT', '该项目刚刚发布了其他公告，请刷新后再操作');
      throw error;
    }
  },
});
