// The notice chain's order rules (src/domain/trading/chain.ts).
import { ChainError, checkNextNotice, type ChainStage } from '../../src/domain/trading/chain';

const chain = (...stages: Array<[ChainStage, string]>) => ({ published: stages.map(([stage, date]) => ({ stage, date })) });
const refusal = (run: () => void) => {
  try {
    run();
  } catch (error) {
    if (error instanceof ChainError) return error.message;
    throw error;
  }
  return null;
};

test('a new project starts with its tender notice, and only once', () => {
  expect(refusal(() => checkNextNotice(chain(), 'tender', '2026-03-02'))).toBeNull();
  expect(refusal(() => checkNextNotice(chain(), 'candidates', '2026-03-02'))).toBe('新项目须先发布招标（采购、出让）公告');
  expect(refusal(() => checkNextNotice(chain(['tender', '2026-03-02']), 'tender', '2026-03-03'))).toMatch(/变更/);
});

test('changes are allowed until the candidates are published; stages never go back', () => {
  const tendered = chain(['tender', '2026-03-02']);
  expect(refusal(() => checkNextNotice(tendered, 'change', '2026-03-05'))).toBeNull();
  expect(refusal(() => checkNextNotice(chain(['tender', '2026-03-02'], ['change', '2026-03-05']), 'change', '2026-03-06'))).toBeNull();
  expect(refusal(() => checkNextNotice(tendered, 'candidates', '2026-03-20'))).toBeNull();
  const withCandidates = chain(['tender', '2026-03-02'], ['candidates', '2026-03-20']);
  expect(refusal(() => checkNextNotice(withCandidates, 'change', '2026-03-21'))).toMatch(/不能再发布变更/);
  expect(refusal(() => checkNextNotice(tendered, 'result', '2026-03-20'))).toBe('请先发布中标候选人公示');
  expect(refusal(() => checkNextNotice(tendered, 'contract', '2026-03-20'))).toBe('请先发布中标（成交）结果公告');
});

test('the result waits for 3 days of candidate publicity, counted from the last publicity', () => {
  const candidates = chain(['tender', '2026-03-02'], ['candidates', '2026-03-20']);
  expect(refusal(() => checkNextNotice(candidates, 'result', '2026-03-22'))).toMatch(/2026-03-23 起/);
  expect(refusal(() => checkNextNotice(candidates, 'result', '2026-03-23'))).toBeNull();
  const republished = chain(['tender', '2026-03-02'], ['candidates', '2026-03-20'], ['candidates', '2026-03-25']);
  expect(refusal(() => checkNextNotice(republished, 'result', '2026-03-26'))).toMatch(/2026-03-28 起/);
});

test('the contract follows the result and closes the chain', () => {
  const resulted = chain(['tender', '2026-03-02'], ['candidates', '2026-03-20'], ['result', '2026-03-24']);
  expect(refusal(() => checkNextNotice(resulted, 'candidates', '2026-03-25'))).toBe('该项目已公布结果，不能再发布中标候选人公示');
  expect(refusal(() => checkNextNotice(resulted, 'contract', '2026-04-01'))).toBeNull();
  const closed = chain(['tender', '2026-03-02'], ['candidates', '2026-03-20'], ['result', '2026-03-24'], ['contract', '2026-04-01']);
  expect(refusal(() => checkNextNotice(closed, 'change', '2026-04-02'))).toBe('该项目已发布合同公示，交易已结束');
});
