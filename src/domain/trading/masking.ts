// Bidder names are not public before the bid opening (招标投标法 Art. 22: the tenderer must not
// disclose who has obtained the documents or will bid). Notices of the 招标 / 变更（澄清）stages may
// name a bidder (e.g. whose question a clarification answers); public views show those names masked,
// staff views show them in full. Only the names the notice lists as bidders are masked — no guessing
// at company names in free text. Pure.
import type { ChainStage } from './chain';

/** Stages whose notices are published before candidates are known (so before or around the opening). */
export const MASKED_STAGES: readonly ChainStage[] = ['tender', 'change'];

const SUFFIXES = ['股份有限公司', '有限责任公司', '集团有限公司', '有限公司', '合伙企业', '事务所', '研究院', '设计院', '公司', '中心'];
const MASK = '****';

/** 淄博某某建设有限公司 → 淄博****有限公司; a name without a known suffix keeps its first 2 characters. */
export function maskCompanyName(name: string): string {
  const chars = [...name.trim()];
  if (chars.length === 0) return '';
  const text = chars.join('');
  const suffix = SUFFIXES.find((s) => text.endsWith(s) && chars.length > [...s].length) ?? '';
  const head = chars.slice(0, Math.min(2, Math.max(0, chars.length - [...suffix].length - 1))).join('');
  return `${head}${MASK}${suffix}`;
}

export function mustMask(stage: ChainStage): boolean {
  return MASKED_STAGES.includes(stage);
}

/** Replaces every listed bidder name in `text` with its mask (longest names first). */
export function maskNames(text: string, names: readonly string[]): string {
  return [...names]
    .filter((n) => n.trim().length > 0)
    .sort((a, b) => b.length - a.length)
    .reduce((out, name) => out.split(name.trim()).join(maskCompanyName(name)), text);
}

export interface MaskableNotice {
  stage: ChainStage;
  title: string;
  paragraphs: string[];
  bidders?: string[];
}

/** The public view of a notice: bidder names masked in 招标/变更 notices; other stages as published. */
export function publicNotice<T extends MaskableNotice>(notice: T): T {
  const bidders = notice.bidders ?? [];
  if (!mustMask(notice.stage) || bidders.length === 0) return notice;
  return {
    ...notice,
    title: maskNames(notice.title, bidders),
    paragraphs: notice.paragraphs.map((p) => maskNames(p, bidders)),
    bidders: bidders.map(maskCompanyName),
  };
}
