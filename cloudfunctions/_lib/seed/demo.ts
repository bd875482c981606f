// Demonstration content for the catalogue. Everything here is invented and stored with `demo: true`,
// which the app shows as a 演示 badge; only category names follow the columns the seed report names
// (机构概况, 工作制度, 财税信息, 政务监督, 意见征集, 重点工作, meetings). Deterministic, so tests and
// benchmarks see the same data every run.
import type { CategoryDoc, DisclosureDoc } from '../collections';

export const DEMO_CATEGORIES: Array<CategoryDoc & { _id: string; titles: string[] }> = [
  { _id: 'jggk', order: 1, name: '机构概况', description: '机构职能、内设机构、领导信息、联系方式', titles: ['中心主要职责', '内设机构及职能', '中心领导信息', '办公地址及办公时间'] },
  { _id: 'gzzd', order: 2, name: '工作制度', description: '交易服务、内部管理等工作制度', titles: ['公共资源交易服务规程', '进场交易项目登记制度', '开评标现场管理制度', '专家抽取与管理办法', '交易档案管理制度', '网站信息发布审核制度'] },
  { _id: 'cszx', order: 3, name: '财税信息', description: '部门预算、决算及“三公”经费', titles: ['部门预算公开', '部门决算公开', '“三公”经费预算说明'] },
  { _id: 'zwjd', order: 4, name: '政务监督', description: '监督渠道、投诉处理、整改落实', titles: ['交易监督投诉渠道公告', '投诉处理情况通报', '巡察整改落实情况'] },
  { _id: 'yjzj', order: 5, name: '意见征集', description: '征集调查事项及结果反馈', titles: ['关于征集交易服务改进意见的公告', '市场主体满意度调查', '意见征集结果反馈'] },
  { _id: 'zdgz', order: 6, name: '重点工作', description: '年度工作要点、任务台账与推进情况', titles: ['政务公开工作要点', '政务公开工作任务台账', '优化营商环境工作推进情况'] },
  { _id: 'hygk', order: 7, name: '会议公开', description: '主任办公会、“三提三争”工作推进会', titles: ['主任办公会会议情况', '“三提三争”工作推进会会议情况'] },
];

/** Items per category in the default demo store: enough that 工作制度 needs more than one page. */
const DEFAULT_ITEMS_PER_CATEGORY: Record<string, number> = { jggk: 4, gzzd: 45, cszx: 6, zwjd: 8, yjzj: 7, zdgz: 10, hygk: 13 };

const SUBJECTS = ['综合政务', '公共资源交易', '财政', '监督检查'];

/** A small deterministic generator (LCG), so demo data is identical on every machine. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function isoDate(start: Date, dayOffset: number): string {
  const date = new Date(start.getTime() + dayOffset * 86_400_000);
  return date.toISOString().slice(0, 10);
}

export function demoDisclosure(categoryId: string, titles: string[], index: number, rand: () => number): DisclosureDoc & { _id: string } {
  const publishedAt = isoDate(new Date(Date.UTC(2023, 0, 3)), Math.floor(rand() * 700));
  const year = publishedAt.slice(0, 4);
  const title = titles[index % titles.length] ?? '信息公开';
  const edition = Math.floor(index / titles.length);
  const _id = `demo-${categoryId}-${String(index + 1).padStart(5, '0')}`;
  return {
    _id,
    categoryId,
    title: edition === 0 ? `${title}` : `${title}（${year}年第${edition}期）`,
    indexNo: `ZBGGZY-${year}-${categoryId.toUpperCase()}-${String(index + 1).padStart(5, '0')}`,
    ...(categoryId === 'gzzd' ? { docNo: `淄公管字〔${year}〕${index + 1}号` } : {}),
    publisher: '淄博市公共资源交易中心',
    publishedAt,
    writtenAt: publishedAt,
    subject: SUBJECTS[Math.floor(rand() * SUBJECTS.length)] ?? '综合政务',
    validity: '现行有效',
    attribute: '主动公开',
    paragraphs: [
      `【演示内容】本条为演示数据，用于展示“${title}”类信息的公开形式，并非淄博市公共资源交易中心发布的真实文件。`,
      '正式上线后，本栏目内容由中心工作人员按照《中华人民共和国政府信息公开条例》第二十条和主动公开基本目录录入，经保密审查后发布。',
    ],
    demo: true,
    status: 'published',
    sortKey: `${publishedAt}|${_id}`,
  };
}

/** The demo catalogue: `perCategory` overrides the default counts (the benchmark seeds 25,000 items). */
export function demoCatalogue(perCategory?: number): { categories: Array<CategoryDoc & { _id: string }>; items: Array<DisclosureDoc & { _id: string }> } {
  const rand = random(20231231);
  const categories = DEMO_CATEGORIES.map(({ titles: _titles, ...category }) => category);
  const items = DEMO_CATEGORIES.flatMap((category) => {
    const count = perCategory ?? DEFAULT_ITEMS_PER_CATEGORY[category._id] ?? 5;
    return Array.from({ length: count }, (_, index) => demoDisclosure(category._id, category.titles, index, rand));
  });
  return { categories, items };
}
