// First-start data: the agency profile and the 2023 annual report, both read from the seed report,
// plus the demo catalogue. Idempotent: a store that already has the profile is left alone.
import type { Column } from '../../../src/contracts/portal';
import { AGENCY_PROFILE_ID, COLLECTIONS, INDEXES, TEXT_INDEXES, type AgencyDoc, type ReportDoc } from '../collections';
import type { DocumentStore } from '../ports/store';
import { demoCatalogue } from './demo';
import { tradingDemo } from './trading-demo';
import { openDaysDemo } from './open-days-demo';
import { questionsDemo } from './questions-demo';
import { questionItem } from '../handlers/questions';
import { guidesDemo } from './guides-demo';
import { shanghaiDate } from '../../../src/domain/calendar/dates';
import { addDays } from '../../../src/domain/calendar/dates';
import { OUTCOME_KEYS, TABLE3_APPLICANT_COLUMNS, type Table3 } from '../../../src/domain/report/tables';
import { articleItem, disclosureItem, guideItem, interpretationItem, meetingItem, noticeItem, openDayItem, parcelItem, PUBLICATION_COLLECTIONS, searchEntryFor } from '../publication';
import { ARTICLES_COLLECTION, articleDoc } from '../handlers/articles';
import { DEMO_ARTICLES } from './articles-demo';
import { POLICY_COLLECTIONS, policiesDemo, policyFactsFromReport } from './policies-demo';
import { TOPIC_LINKS, topicLinks } from '../handlers/policies';
import { REQUEST_COLLECTIONS, type RequestDoc } from '../handlers/requests';
import { parseAnnualReport, type ParsedReport } from './parse-report';

/** Shown to readers under the report; the file itself is cloudfunctions/_lib/seed/zibo-2023-annual-report.txt. */
export const SEED_SOURCE = '依据《淄博市公共资源交易中心2023年政府信息公开工作年度报告》原文录入';

/** The columns of the home page. Routes exist only for what is built; the rest say so. */
// `freshness`: the inspectors' class of each publishing column (src/domain/freshness): 交易公告 and
// 公众号文章 are 动态 (2 weeks); the catalogue, 政策解读 and 办事指南 are 政策 (6 months); 会议 and 开放日
// are 通知公告 (6 months); 土地推介 is 规划 (1 year). Columns that do not publish have none.
export const DEFAULT_COLUMNS: Column[] = [
  { key: 'catalogue', title: '公开目录', description: '主动公开基本目录：机构概况、工作制度、财税信息等', status: 'available', route: '/pages/catalogue/index', freshness: 'policy' },
  { key: 'interpretation', title: '政策解读', description: '政策文件及其文稿、图片、动漫解读', status: 'available', route: '/packages/policy/list/index', freshness: 'policy' },
  { key: 'meetings', title: '会议公开', description: '主任办公会等会议的议题与解读', status: 'available', route: '/packages/policy/meetings/index', freshness: 'notice' },
  { key: 'announcements', title: '交易公告', description: '交易公告“一链式”全读', status: 'available', route: '/packages/trading/list/index', freshness: 'news' },
  { key: 'bidOpening', title: '开标大厅', description: '今日开标项目', status: 'available', route: '/packages/trading/hall/index' },
  { key: 'guides', title: '办事指南', description: '交易操作一点通：服务指南、操作手册、明白纸', status: 'available', route: '/packages/guides/list/index', freshness: 'policy' },
  { key: 'land', title: '土地推介', description: '拟出让土地市场推介：位置、面积、用途', status: 'available', route: '/packages/guides/parcels/index', freshness: 'planning' },
  { key: 'openDays', title: '平台开放日', description: '走进交易中心：活动报名与往期回顾', status: 'available', route: '/packages/opendays/list/index', freshness: 'notice' },
  { key: 'application', title: '依申请公开', description: '在线申请政府信息公开并查询办理进度', status: 'available', route: '/packages/apply/index/index' },
  { key: 'rating', title: '好差评', description: '对交易服务进行评价，查看整改情况与统计', status: 'available', route: '/packages/rate/index/index' },
  { key: 'consultation', title: '意见征集', description: '参与征集调查，查看采纳情况', status: 'available', route: '/packages/consult/list/index' },
  { key: 'questions', title: '咨询留言', description: '在线咨询，答复公开；5 个工作日内答复', status: 'available', route: '/packages/questions/list/index' },
  { key: 'articles', title: '公众号文章', description: '“淄博公共资源交易”微信公众号推文', status: 'available', route: '/packages/articles/list/index', freshness: 'news' },
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

export const HISTORICAL_NOTE = '据年度报告表三录入的历史申请记录（申请人信息与收到、答复日期为示意）';

/**
 * Case records behind a published Table 3, so the annual report can be compiled from records for the
 * seed's year too: one archived case per counted application, spread over the year. Only the
 * dimensions Table 3 knows are real (applicant type, outcome, year); dates are representative.
 */
export function historicalRequests(year: number, table3: Table3): Array<RequestDoc & { _id: string }> {
  const cases: Array<RequestDoc & { _id: string }> = [];
  const make = (applicantType: RequestDoc['applicantType'], receiptDate: string): RequestDoc & { _id: string } => ({
      _id: `hist-${year}-${String(cases.length + 1).padStart(3, '0')}`,
      queryCode: `HIST${year}${String(cases.length + 1).padStart(2, '0')}`,
      ownerOpenid: null,
      applicantType,
      channel: 'letter',
      receiptDate,
      clockStart: receiptDate,
      state: 'handling',
      consultations: [],
      applicant: { name: '历史申请人', idType: 'residentId', idNumber: '' },
      details: { description: HISTORICAL_NOTE, deliveryForm: 'paper', deliveryChannel: 'post' },
      createdAt: `${receiptDate}T00:00:00.000Z`,
      updatedAt: `${receiptDate}T00:00:00.000Z`,
  });
  TABLE3_APPLICANT_COLUMNS.forEach((column, col) => {
    const type = column.key;
    // Carried in: received in December of the year before.
    for (let i = 0; i < (table3.carriedIn[col] ?? 0); i++) cases.push(make(type, `${year - 1}-12-${String(10 + (i % 15)).padStart(2, '0')}`));
    const outcomes = OUTCOME_KEYS.flatMap((key) => Array<typeof key>(table3[key][col] ?? 0).fill(key));
    const fresh = table3.newReceived[col] ?? 0;
    for (let i = 0; i < fresh; i++) {
      const month = 1 + Math.floor((i * 11) / Math.max(1, fresh));
      cases.push(make(type, `${year}-${String(month).padStart(2, '0')}-10`));
    }
    // Hand the outcomes to the earliest cases; the rest stay open (结转下年度).
    const forThisColumn = cases.filter((c) => c.applicantType === type).sort((a, b) => a.receiptDate.localeCompare(b.receiptDate));
    forThisColumn.forEach((kase, i) => {
      const outcome = outcomes[i];
      if (!outcome) return;
      const endedOn = kase.receiptDate < `${year}-01-01` ? `${year}-01-05` : addDays(kase.receiptDate, 14);
      Object.assign(kase, { outcome, endedOn, archivedOn: endedOn, state: 'archived', updatedAt: `${endedOn}T00:00:00.000Z` });
    });
  });
  return cases;
}

export interface SeedOptions {
  reportText: string;
  /** Demo items per catalogue category (default: a small realistic set). */
  demoPerCategory?: number;
  /** The day demo bid openings are planned around (default: today in Shanghai). */
  today?: string;
}

export async function ensureIndexes(store: DocumentStore): Promise<void> {
  for (const [collection, fields] of INDEXES) await store.ensureIndex(collection, fields);
  for (const [collection, field] of TEXT_INDEXES) await store.ensureTextIndex(collection, field);
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
  batches.push(historicalRequests(report.year, report.table3).map((doc) => [REQUEST_COLLECTIONS.cases, doc] as const));
  const trading = tradingDemo(options.today ?? shanghaiDate(new Date()));
  batches.push(trading.projects.map((doc) => ['tradingProjects', doc] as const));
  batches.push(trading.notices.map((doc) => ['tradingNotices', doc] as const));
  const guides = guidesDemo(options.today ?? shanghaiDate(new Date()), trading.projects);
  batches.push([...guides.guides.map((doc) => ['guides', doc] as const), ...guides.parcels.map((doc) => ['landParcels', doc] as const), ...guides.showcase.map((doc) => ['showcaseCases', doc] as const)]);
  const articles = DEMO_ARTICLES.map(articleDoc);
  batches.push(articles.map((doc) => [ARTICLES_COLLECTION, doc] as const));
  // 政策解读 and 会议公开: the report's figures with their sentences, and demo records.
  const policies = policiesDemo(items);
  batches.push([[POLICY_COLLECTIONS.facts, policyFactsFromReport(options.reportText, report.year, report.title)]]);
  batches.push(policies.interpretations.map((doc) => [POLICY_COLLECTIONS.interpretations, doc] as const));
  batches.push(policies.meetings.map((doc) => [POLICY_COLLECTIONS.meetings, doc] as const));
  batches.push(policies.meetings.flatMap(topicLinks).map((doc) => [TOPIC_LINKS, doc] as const));
  const openDays = openDaysDemo(options.today ?? shanghaiDate(new Date()));
  batches.push(openDays.map((doc) => ['openDays', doc] as const));
  const questions = questionsDemo(options.today ?? shanghaiDate(new Date()));
  batches.push(questions.map((doc) => ['questions', doc] as const));
  // Everything public is searchable from the start (seeding announces nothing to followers).
  const projectById = new Map(trading.projects.map((p) => [p._id, p]));
  const searchable = [
    ...items.filter((doc) => doc.status === 'published').map((doc) => searchEntryFor(disclosureItem(doc))),
    ...trading.notices.map((doc) => searchEntryFor(noticeItem(doc, projectById.get(doc.projectId)!))),
    ...guides.guides.map((doc) => searchEntryFor(guideItem(doc))),
    ...guides.parcels.map((doc) => searchEntryFor(parcelItem(doc, options.today ?? shanghaiDate(new Date())))),
    ...articles.map((doc) => searchEntryFor(articleItem(doc))),
    ...policies.interpretations.map((doc) => searchEntryFor(interpretationItem(doc))),
    ...policies.meetings.map((doc) => searchEntryFor(meetingItem(doc))),
    ...openDays.map((doc) => searchEntryFor(openDayItem(doc))),
    ...questions.map((doc) => searchEntryFor(questionItem(doc))),
  ];
  for (let i = 0; i < searchable.length; i += 500) batches.push(searchable.slice(i, i + 500).map((doc) => [PUBLICATION_COLLECTIONS.searchIndex, doc] as const));
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
