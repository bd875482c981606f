// Handlers of the `report` function: published annual reports for readers; for staff, the tables
// compiled from the records (information requests → Table 3, appeals → Table 4, regulatory documents
// and yearly figures → Table 2), the draft text, and publishing immutable versions.
import { randomUUID } from 'node:crypto';
import type { ReportDraft } from '../../../src/contracts/report';
import { shanghaiDate, daysBetween } from '../../../src/domain/calendar/dates';
import { checkReportTables } from '../../../src/domain/report/check';
import { compileTable2, compileTable3, compileTable4, type AppealForReport, type CaseForReport, type RegulatoryDocumentForReport } from '../../../src/domain/report/compile';
import { blocksToText, textToBlocks } from '../../../src/domain/report/sections';
import {
  REPORT_SECTIONS,
  TABLE2_BLOCKS,
  TABLE3_COLUMNS,
  TABLE3_ROW_KEYS,
  TABLE4_BLOCKS,
  TABLE4_RESULT_COLUMNS,
  table3RowLabel,
} from '../../../src/domain/report/tables';
import { AGENCY_PROFILE_ID, COLLECTIONS, type AgencyDoc, type ReportDoc } from '../collections';
import type { StoredDoc } from '../ports/store';
import { AppError, defineHandlers, type Deps } from '../router';
import { toCsv } from '../csv';
import { findAll } from '../find-all';
import { REQUEST_COLLECTIONS, type RequestDoc } from './requests';

interface DraftDoc extends ReportDraft {
  year: number;
  updatedAt: string;
}

type AppealDoc = AppealForReport & { caseId?: string; note?: string };
type RegulatoryDoc = RegulatoryDocumentForReport & { title: string; docNo?: string };

const EMPTY_INPUTS = { licensing: 0, penalties: 0, enforcement: 0, feesWan: 0 };
export const COMPILED_SOURCE = '依据本系统政府信息公开申请、行政复议和行政诉讼记录汇编';

async function publishedVersions(deps: Deps, year?: number): Promise<Array<StoredDoc<ReportDoc>>> {
  return deps.store.find<ReportDoc>(COLLECTIONS.reports, {
    where: { status: 'published', ...(year ? { year } : {}) },
    orderBy: [['year', 'desc'], ['version', 'desc']],
    limit: 100,
  });
}

function summaryOf(doc: ReportDoc) {
  return { year: doc.year, title: doc.title, publishedAt: doc.publishedAt, version: doc.version, ...(doc.note ? { note: doc.note } : {}) };
}

function latestPerYear(docs: ReportDoc[]): ReportDoc[] {
  const seen = new Set<number>();
  return docs.filter((doc) => (seen.has(doc.year) ? false : (seen.add(doc.year), true)));
}

async function draftOf(deps: Deps, year: number): Promise<ReportDraft> {
  const saved = await deps.store.get<DraftDoc>(COLLECTIONS.reportDrafts, `draft-${year}`);
  if (saved) return { overview: saved.overview, problems: saved.problems, other: saved.other, table2Inputs: saved.table2Inputs };
  // Start from the latest published text, so a correction keeps what was said.
  const [latest] = await publishedVersions(deps, year);
  const text = (key: string) => blocksToText(latest?.sections.find((s) => s.key === key)?.blocks ?? []);
  const t2 = latest?.table2;
  return {
    overview: text('overview'),
    problems: text('problems'),
    other: text('other'),
    table2Inputs: t2 ? { licensing: t2.licensing.decisions, penalties: t2.penalties.decisions, enforcement: t2.enforcement.decisions, feesWan: t2.fees.amountWan } : EMPTY_INPUTS,
  };
}

async function compileYear(deps: Deps, year: number) {
  const end = `${year}-12-31`;
  const cases = await findAll<RequestDoc>(deps.store, REQUEST_COLLECTIONS.cases, { receiptDate: { $lte: end } });
  const appeals = await findAll<AppealDoc>(deps.store, COLLECTIONS.appeals, { filedOn: { $lte: end } });
  const documents = await findAll<RegulatoryDoc>(deps.store, COLLECTIONS.regulatoryDocuments);
  const draft = await draftOf(deps, year);
  const forReport: CaseForReport[] = cases.map((c) => ({ applicantType: c.applicantType, receiptDate: c.receiptDate, ...(c.outcome && c.endedOn ? { outcome: c.outcome, endedOn: c.endedOn } : {}) }));
  const table3 = compileTable3(forReport, year);
  const table4 = compileTable4(appeals, year);
  const table2 = compileTable2(documents, draft.table2Inputs, year);
  const today = shanghaiDate(deps.clock.now());
  const [latest] = await publishedVersions(deps, year);
  const deadline = `${year + 1}-01-31`;
  return {
    year,
    asOf: today,
    yearComplete: today > end,
    table2,
    table3,
    table4,
    violations: checkReportTables({ table2, table3, table4 }),
    caseCount: cases.filter((c) => !(c.endedOn && c.endedOn < `${year}-01-01`)).length,
    appealCount: appeals.filter((a) => a.filedOn >= `${year}-01-01`).length,
    draft,
    ...(latest ? { latest: summaryOf(latest) } : {}),
    publicationDeadline: deadline,
    daysToDeadline: daysBetween(today, deadline),
  };
}

async function readReport(deps: Deps, year: number, version?: number) {
  const versions = await publishedVersions(deps, year);
  const doc = version ? versions.find((v) => v.version === version) : versions[0];
  if (!doc) throw new AppError('NOT_FOUND', version ? `${year} 年度报告没有第 ${version} 版` : `${year} 年度报告尚未发布`);
  const history = latestPerYear(await publishedVersions(deps))
    .map((r) => ({ year: r.year, received: r.table3.newReceived[TABLE3_COLUMNS.length - 1] ?? 0 }))
    .sort((a, b) => a.year - b.year);
  const { _id: _i, _version: _v, ...report } = doc;
  return { ...report, versions: versions.map(summaryOf), history };
}

function reportCsv(report: ReportDoc): string {
  const rows: Array<Array<string | number>> = [[report.title], [`版本 ${report.version}，发布日期 ${report.publishedAt}`], []];
  rows.push(['表二 主动公开政府信息情况']);
  for (const block of TABLE2_BLOCKS) {
    rows.push([block.heading, ...block.columns]);
    for (const row of block.rows) {
      const values = report.table2[row.key] as Record<string, number>;
      rows.push([row.label, ...row.fields.map((f) => values[f] ?? 0)]);
    }
  }
  rows.push([], ['表三 收到和处理政府信息公开申请情况'], ['项目', ...TABLE3_COLUMNS.map((c) => c.label)]);
  for (const key of TABLE3_ROW_KEYS) rows.push([table3RowLabel(key), ...report.table3[key]]);
  rows.push([], ['表四 政府信息公开行政复议、行政诉讼情况'], ['类别', ...TABLE4_RESULT_COLUMNS]);
  for (const block of TABLE4_BLOCKS) rows.push([block.parent ? `${block.parent}·${block.label}` : block.label, ...report.table4[block.key]]);
  return toCsv(rows);
}

export const reportHandlers = defineHandlers('report', {
  async listReports(_input, { deps }) {
    return latestPerYear(await publishedVersions(deps)).map(summaryOf);
  },

  async getReport(input, { deps }) {
    return readReport(deps, input.year, input.version);
  },

  async exportReport(input, { deps }) {
    const report = await readReport(deps, input.year, input.version);
    const base = `${report.agencyName}${report.year}年政府信息公开工作年度报告-第${report.version}版`;
    if (input.format === 'json') {
      return { filename: `${base}.json`, mimeType: 'application/json', content: JSON.stringify({ ...report, versions: undefined, history: undefined }, null, 2) };
    }
    return { filename: `${base}.csv`, mimeType: 'text/csv;charset=utf-8', content: reportCsv(report) };
  },

  async compile(input, { deps }) {
    return compileYear(deps, input.year);
  },

  async saveDraft(input, { deps }) {
    const id = `draft-${input.year}`;
    const doc = { ...input.draft, year: input.year, updatedAt: deps.clock.now().toISOString() };
    if (await deps.store.get(COLLECTIONS.reportDrafts, id)) await deps.store.update(COLLECTIONS.reportDrafts, id, doc);
    else await deps.store.insert(COLLECTIONS.reportDrafts, { _id: id, ...doc });
    return compileYear(deps, input.year);
  },

  async publish(input, { deps }) {
    const compiled = await compileYear(deps, input.year);
    if (!compiled.yearComplete) throw new AppError('CONFLICT', `${input.year} 年尚未结束，年度报告须在年度结束后发布`);
    if (compiled.violations.length > 0) {
      throw new AppError('VALIDATION_FAILED', `报表未通过勾稽关系校验：${compiled.violations[0]!.message}`, compiled.violations.map((v) => ({ path: v.cell, message: v.message })));
    }
    if (!compiled.draft.overview.trim()) throw new AppError('VALIDATION_FAILED', '请先填写“一、总体情况”', [{ path: 'overview', message: '请填写总体情况' }]);
    const note = input.note?.trim();
    if (compiled.latest && !note) throw new AppError('VALIDATION_FAILED', '更正已发布的报告须填写更正说明', [{ path: 'note', message: '请填写更正说明' }]);
    const agency = await deps.store.get<AgencyDoc>(COLLECTIONS.agency, AGENCY_PROFILE_ID);
    if (!agency) throw new AppError('NOT_FOUND', '机构信息尚未配置');
    const version = (compiled.latest?.version ?? 0) + 1;
    const text: Record<string, string> = { overview: compiled.draft.overview, problems: compiled.draft.problems, other: compiled.draft.other };
    const doc: ReportDoc & { _id: string } = {
      _id: `report-${input.year}-v${version}-${randomUUID().slice(0, 8)}`,
      year: input.year,
      version,
      title: `${agency.name}${input.year}年政府信息公开工作年度报告`,
      publishedAt: compiled.asOf,
      agencyName: agency.name,
      preamble: `本年度报告中所列数据的统计期限自${input.year}年1月1日起，至${input.year}年12月31日止。如对报告内容有疑问，请与${agency.name}联系（地址：${agency.address}；邮编：${agency.postcode}；电话：${agency.phone}；邮箱：${agency.email}）。`,
      sections: REPORT_SECTIONS.map((section) => ({ key: section.key, label: section.label, blocks: text[section.key] ? textToBlocks(text[section.key]!) : [] })),
      table2: compiled.table2,
      table3: compiled.table3,
      table4: compiled.table4,
      source: COMPILED_SOURCE,
      status: 'published',
      ...(note ? { note } : {}),
    };
    // Versions are immutable: a new document each time; the version number cannot be taken twice.
    const [clash] = await publishedVersions(deps, input.year);
    if (clash && clash.version >= version) throw new AppError('CONFLICT', '报告已被他人发布，请刷新后重试');
    await deps.store.insert(COLLECTIONS.reports, doc);
    return summaryOf(doc);
  },

  async listAppeals(_input, { deps }) {
    const docs = await findAll<AppealDoc>(deps.store, COLLECTIONS.appeals);
    return docs.map(({ _id, _version: _v, ...appeal }) => ({ ...appeal, id: _id })).sort((a, b) => b.filedOn.localeCompare(a.filedOn));
  },

  async saveAppeal(input, { deps }) {
    const { id, ...appeal } = input;
    if (appeal.result && !appeal.decidedOn) throw new AppError('VALIDATION_FAILED', '有结果的复议或诉讼须填写结案日期', [{ path: 'decidedOn', message: '请填写结案日期' }]);
    if (appeal.decidedOn && appeal.decidedOn < appeal.filedOn) throw new AppError('VALIDATION_FAILED', '结案日期不能早于受理日期', [{ path: 'decidedOn', message: '结案日期不能早于受理日期' }]);
    if (appeal.caseId && !(await deps.store.get(REQUEST_COLLECTIONS.cases, appeal.caseId))) throw new AppError('NOT_FOUND', '关联的申请不存在');
    if (id) {
      const saved = await deps.store.update<AppealDoc>(COLLECTIONS.appeals, id, appeal);
      return { ...appeal, id: saved._id };
    }
    const saved = await deps.store.insert<AppealDoc>(COLLECTIONS.appeals, appeal);
    return { ...appeal, id: saved._id };
  },

  async listRegulatoryDocuments(_input, { deps }) {
    const docs = await findAll<RegulatoryDoc>(deps.store, COLLECTIONS.regulatoryDocuments);
    return docs.map(({ _id, _version: _v, ...doc }) => ({ ...doc, id: _id })).sort((a, b) => b.issuedOn.localeCompare(a.issuedOn));
  },

  async saveRegulatoryDocument(input, { deps }) {
    const { id, ...doc } = input;
    if (doc.repealedOn && doc.repealedOn < doc.issuedOn) throw new AppError('VALIDATION_FAILED', '废止日期不能早于制发日期', [{ path: 'repealedOn', message: '废止日期不能早于制发日期' }]);
    const saved = id ? await deps.store.update<RegulatoryDoc>(COLLECTIONS.regulatoryDocuments, id, doc) : await deps.store.insert<RegulatoryDoc>(COLLECTIONS.regulatoryDocuments, doc);
    return { ...doc, id: saved._id };
  },
});
