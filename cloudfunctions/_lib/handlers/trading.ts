// Handlers of the `trading` function: projects with their notice chains, and the bid openings of a day.
import { createHash, randomUUID } from 'node:crypto';
import { NOTICE_STAGES, TRANSACTION_TYPES } from '../../../src/contracts/trading';
import { shanghaiDate } from '../../../src/domain/calendar/dates';
import { ChainError, checkNextNotice, type ChainStage } from '../../../src/domain/trading/chain';
import { noticeItem, recordPublication } from '../publication';
import type { NoticeDoc, ProjectDoc } from '../seed/trading-demo';
import { StoreError, type DocumentStore, type StoredDoc } from '../ports/store';
import { AppError, defineHandlers } from '../router';

export const TRADING_COLLECTIONS = { projects: 'tradingProjects', notices: 'tradingNotices', codes: 'tradingProjectCodes' } as const;

const stageIndex = (stage: string) => NOTICE_STAGES.findIndex((s) => s.key === stage);

async function chainOf(store: DocumentStore, project: StoredDoc<ProjectDoc>) {
  const notices = await store.find<NoticeDoc>(TRADING_COLLECTIONS.notices, { where: { projectId: project._id }, orderBy: [['order', 'asc'], ['publishedAt', 'asc']], limit: 100 });
  const reached = new Set(notices.map((n) => n.stage));
  const last = Math.max(...NOTICE_STAGES.map((s, i) => (reached.has(s.key) ? i : -1)));
  return {
    ...summary(project),
    owner: project.owner,
    ...(project.budget ? { budget: project.budget } : {}),
    ...(project.openingAt ? { openingAt: project.openingAt } : {}),
    ...(project.room ? { room: project.room } : {}),
    notices: notices.map((n) => ({ id: n._id, stage: n.stage, stageLabel: STAGE_LABELS[n.stage] ?? n.stage, title: n.title, publishedAt: n.publishedAt, paragraphs: n.paragraphs })),
    pendingStages: NOTICE_STAGES.slice(last + 1).map((s) => ({ stage: s.key, stageLabel: s.label })),
  };
}

const TYPE_LABELS: Record<string, string> = Object.fromEntries(TRANSACTION_TYPES.map((t) => [t.key, t.label]));
const STAGE_LABELS: Record<string, string> = Object.fromEntries(NOTICE_STAGES.map((s) => [s.key, s.label]));
/** An opening session is shown as in progress for this long after it starts. */
const SESSION_MINUTES = 60;

function summary(doc: StoredDoc<ProjectDoc>) {
  return {
    id: doc._id,
    code: doc.code,
    name: doc.name,
    type: doc.type,
    typeLabel: TYPE_LABELS[doc.type] ?? doc.type,
    stage: doc.stage,
    stageLabel: STAGE_LABELS[doc.stage] ?? doc.stage,
    latestAt: doc.latestAt,
    noticeCount: doc.noticeCount,
    demo: doc.demo,
  };
}

export const tradingHandlers = defineHandlers('trading', {
  async listProjects(input, { deps }) {
    const limit = input?.limit ?? 20;
    const docs = await deps.store.find<ProjectDoc>(TRADING_COLLECTIONS.projects, {
      where: {
        ...(input?.type ? { type: input.type } : {}),
        ...(input?.stage ? { stage: input.stage } : {}),
        ...(input?.cursor ? { sortKey: { $lt: input.cursor } } : {}),
      },
      orderBy: [['sortKey', 'desc'], ['_id', 'desc']],
      limit: limit + 1,
    });
    const page = docs.slice(0, limit);
    return { items: page.map(summary), nextCursor: docs.length > limit ? (page[page.length - 1]?.sortKey ?? null) : null };
  },

  async getChain(input, { deps }) {
    const project = await deps.store.get<ProjectDoc>(TRADING_COLLECTIONS.projects, input.projectId);
    if (!project) throw new AppError('NOT_FOUND', '未找到该交易项目');
    return chainOf(deps.store, project);
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
      return { chain: await chainOf(deps.store, project!), replayed: true };
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
      demo: false,
    };
    const projectFields = {
      stage: NOTICE_STAGES[furthest]!.key,
      latestAt: today,
      sortKey: `${today}|${projectId}`,
      noticeCount: published.length + 1,
      ...opening,
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
      return { chain: await chainOf(deps.store, saved), replayed: false };
    } catch (error) {
      if (error instanceof StoreError && error.code === 'duplicate') {
        if (await deps.store.get(TRADING_COLLECTIONS.notices, noticeId)) {
          const stored = await deps.store.get<ProjectDoc>(TRADING_COLLECTIONS.projects, projectId);
          return { chain: await chainOf(deps.store, stored!), replayed: true };
        }
        throw new AppError('CONFLICT', '项目编号已存在，请核对或在已有项目下发布公告');
      }
      if (error instanceof StoreError && error.code === 'conflict') throw new AppError('CONFLICT', '该项目刚刚发布了其他公告，请刷新后再操作');
      throw error;
    }
  },
});
