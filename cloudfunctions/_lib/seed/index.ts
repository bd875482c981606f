// First-start data: the agency profile and the 2023 annual report, both read from the seed report,
// plus the demo catalogue. Idempotent: a store that already has the profile is left alone.
import type { Column } from '../../../src/contracts/portal';
import { AGENCY_PROFILE_ID, COLLECTIONS, INDEXES, type AgencyDoc, type ReportDoc } from '../collections';
import type { DocumentStore } from '../ports/store';
import { demoCatalogue } from './demo';
import { parseAnnualReport, type ParsedReport } from './parse-report';

/** Shown to readers under the report; the file itself is cloudfunctions/_lib/seed/zibo-2023-annual-report.txt. */
export const SEED_SOURCE = '依据《淄博市公共资源交易中心2023年政府信息公开工作年度报告》原文录入';

/** The columns of the home page. Routes exist only for what is built; the rest say so. */
export const DEFAULT_COLUMNS: Column[] = [
  { key: 'catalogue', title: '公开目录', description: '主动公开基本目录：机构概况、工作制度、财税信息等', status: 'available', route: '/pages/catalogue/index' },
  { key: 'interpretation', title: '政策解读', description: '政策文件及其文稿、图片、动漫解读', status: 'planned' },
  { key: 'announcements', title: '交易公告', description: '交易公告“一链式”全读', status: 'planned' },
  { key: 'bidOpening', title: '开标大厅', description: '今日开标项目', status: 'planned' },
  { key: 'guides', title: '办事指南', description: '交易操作一点通：服务指南、操作手册、明白纸', status: 'planned' },
  { key: 'application', title: '依申请公开', description: '在线申请政府信息公开并查询办理进度', status: 'available', route: '/packages/apply/index/index' },
  { key: 'rating', title: '好差评', description: '对交易服务进行评价', status: 'planned' },
  { key: 'consultation', title: '意见征集', description: '参与征集调查，查看采纳情况', status: 'planned' },
  { key: 'annualReport', title: '年度报告', description: '政府信息公开工作年度报告', status: 'available', route: '/packages/report/list/index' },
  { key: 'contact', title: '联系我们', description: '地址、邮编、电话、电子邮箱', status: 'available', route: '/packages/about/contact/index' },
];

export function agencyFromReport(report: ParsedReport): AgencyDoc {
  return {
    name: report.agencyName,
    shortName: '市公共资源交易中心',
    ...report.contact,
    source: `${report.year}年政府信息公开工作年度报告`,
    columns: DEFAULT_COLUMNS,
  };
}

export function reportDocFromSeed(report: ParsedReport): ReportDoc {
  return {
    year: report.year,
    title: report.title,
    // The statute's deadline for the 2023 report; the seed does not state its own publication date.
    publishedAt: `${report.year + 1}-01-31`,
    version: 1,
    agencyName: report.agencyName,
    preamble: report.preamble,
    sections: report.sections,
    table2: report.table2,
    table3: report.table3,
    table4: report.table4,
    source: SEED_SOURCE,
    status: 'published',
  };
}

export interface SeedOptions {
  reportText: string;
  /** Demo items per catalogue category (default: a small realistic set). */
  demoPerCategory?: number;
}

export async function ensureIndexes(store: DocumentStore): Promise<void> {
  for (const [collection, fields] of INDEXES) await store.ensureIndex(collection, fields);
}

/** Returns true when it seeded, false when the store already had data. */
export async function seedStore(store: DocumentStore, options: SeedOptions): Promise<boolean> {
  await ensureIndexes(store);
  if (await store.get(COLLECTIONS.agency, AGENCY_PROFILE_ID)) return false;

  const report = parseAnnualReport(options.reportText);
  const { categories, items } = demoCatalogue(options.demoPerCategory);
  // Batched transactions keep the SQLite store fast for the benchmark's 25,000 items. Each insert
  // skips documents a previous, interrupted seed already wrote.
  type SeedDoc = { _id: string } & object;
  const batches: Array<Array<readonly [string, SeedDoc]>> = [categories.map((doc) => [COLLECTIONS.categories, doc] as const)];
  for (let i = 0; i < items.length; i += 500) batches.push(items.slice(i, i + 500).map((doc) => [COLLECTIONS.disclosures, doc] as const));
  batches.push([[COLLECTIONS.reports, { _id: `report-${report.year}-v1`, ...reportDocFromSeed(report) }]]);
  for (const batch of batches) {
    await store.transaction(async (tx) => {
      for (const [collection, doc] of batch) {
        if (!(await tx.get(collection, doc._id))) await tx.insert(collection, doc);
      }
    });
  }
  // Last, so an interrupted seed is retried on the next start.
  await store.insert(COLLECTIONS.agency, { _id: AGENCY_PROFILE_ID, ...agencyFromReport(report) });
  return true;
}
