// Rules of a project's notice chain ("一链式"): which notice may be published next. Pure; the trading
// handler applies them before it writes. Stage keys follow NOTICE_STAGES in chain order.
import { addDays, type IsoDate } from '../calendar/dates';

export const CHAIN_ORDER = ['tender', 'change', 'candidates', 'result', 'contract'] as const;
export type ChainStage = (typeof CHAIN_ORDER)[number];

/** 中标候选人公示 lasts at least 3 days before the result may be announced (招标投标法实施条例 Art. 54). */
export const CANDIDATE_PUBLICITY_DAYS = 3;

export interface ChainState {
  /** Stages already published, with the date each was last published. */
  published: Array<{ stage: ChainStage; date: IsoDate }>;
}

export class ChainError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ChainError';
  }
}

const index = (stage: ChainStage) => CHAIN_ORDER.indexOf(stage);

/** The furthest stage a project must have reached before each stage may be published. */
const ALLOWED_AFTER: Record<ChainStage, readonly ChainStage[]> = {
  tender: [],
  change: ['tender', 'change'],
  // A re-run of the candidate publicity (e.g. after an objection) is a new candidates notice.
  candidates: ['tender', 'change', 'candidates'],
  result: ['candidates'],
  contract: ['result'],
};

const NEEDS: Record<ChainStage, string> = {
  tender: '',
  change: '已进入中标候选人公示阶段，不能再发布变更（澄清）公告',
  candidates: '该项目已公布结果，不能再发布中标候选人公示',
  result: '请先发布中标候选人公示',
  contract: '请先发布中标（成交）结果公告',
};

/** Throws a ChainError (message in Chinese) unless `stage` may be published on `date`. */
export function checkNextNotice(state: ChainState, stage: ChainStage, date: IsoDate): void {
  const { published } = state;
  if (published.length === 0) {
    if (stage !== 'tender') throw new ChainError('新项目须先发布招标（采购、出让）公告');
    return;
  }
  if (stage === 'tender') throw new ChainError('该项目已发布招标公告；如需修改，请发布变更（澄清）公告');
  const furthest = CHAIN_ORDER[Math.max(...published.map((p) => index(p.stage)))]!;
  if (furthest === 'contract') throw new ChainError('该项目已发布合同公示，交易已结束');
  if (!ALLOWED_AFTER[stage].includes(furthest)) throw new ChainError(index(stage) <= index(furthest) ? NEEDS[stage] || '公告阶段不能倒退' : NEEDS[stage]);
  if (stage === 'result') {
    const last = published.filter((p) => p.stage === 'candidates').map((p) => p.date).sort().pop()!;
    const earliest = addDays(last, CANDIDATE_PUBLICITY_DAYS);
    if (date < earliest) throw new ChainError(`中标候选人公示期不少于 ${CANDIDATE_PUBLICITY_DAYS} 日，${earliest} 起方可发布结果公告`);
  }
}
