// Handlers of the `trading` function: projects with their notice chains, and the bid openings of a day.
import { NOTICE_STAGES, TRANSACTION_TYPES } from '../../../src/contracts/trading';
import { shanghaiDate } from '../../../src/domain/calendar/dates';
import type { NoticeDoc, ProjectDoc } from '../seed/trading-demo';
import type { StoredDoc } from '../ports/store';
import { AppError, defineHandlers } from '../router';

export const TRADING_COLLECTIONS = { projects: 'tradingProjects', notices: 'tradingNotices' } as const;

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
      orderBy: [['sortKey', 'desc']],
      limit: limit + 1,
    });
    const page = docs.slice(0, limit);
    return { items: page.map(summary), nextCursor: docs.length > limit ? (page[page.length - 1]?.sortKey ?? null) : null };
  },

  async getChain(input, { deps }) {
    const project = await deps.store.get<ProjectDoc>(TRADING_COLLECTIONS.projects, input.projectId);
    if (!project) throw new AppError('NOT_FOUND', '未找到该交易项目');
    const notices = await deps.store.find<NoticeDoc>(TRADING_COLLECTIONS.notices, { where: { projectId: project._id }, orderBy: [['order', 'asc'], ['publishedAt', 'asc']], limit: 100 });
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
});
