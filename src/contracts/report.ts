// Contract of the `report` cloud function: the statutory annual reports (政府信息公开工作年度报告).
import * as z from 'zod/mini';
import { defineAction, defineFunction, idSchema, isoDateSchema } from './core';
import { TABLE3_COLUMNS, TABLE3_ROW_KEYS, TABLE4_BLOCKS, TABLE4_RESULT_COLUMNS, REPORT_SECTIONS } from '../domain/report/tables';

const count = z.int().check(z.gte(0));
const countRow = (length: number) => z.array(count).check(z.length(length));

export const table2Schema = z.object({
  regulations: z.object({ issued: count, repealed: count, inForce: count }),
  normativeDocuments: z.object({ issued: count, repealed: count, inForce: count }),
  licensing: z.object({ decisions: count }),
  penalties: z.object({ decisions: count }),
  enforcement: z.object({ decisions: count }),
  fees: z.object({ amountWan: z.number().check(z.gte(0)) }),
});

export const table3Schema = z.object(
  Object.fromEntries(TABLE3_ROW_KEYS.map((key) => [key, countRow(TABLE3_COLUMNS.length)])) as Record<
    (typeof TABLE3_ROW_KEYS)[number],
    ReturnType<typeof countRow>
  >,
);

export const table4Schema = z.object(
  Object.fromEntries(TABLE4_BLOCKS.map((block) => [block.key, countRow(TABLE4_RESULT_COLUMNS.length)])) as Record<
    (typeof TABLE4_BLOCKS)[number]['key'],
    ReturnType<typeof countRow>
  >,
);

export const reportBlockSchema = z.object({
  heading: z.optional(z.string()),
  paragraphs: z.array(z.string()),
});

export const reportSectionSchema = z.object({
  key: z.enum(REPORT_SECTIONS.map((s) => s.key) as [string, ...string[]]),
  label: z.string(),
  /** Narrative text; sections 二–四 also carry their table. */
  blocks: z.array(reportBlockSchema),
});

export const reportSummarySchema = z.object({
  year: z.int(),
  title: z.string(),
  publishedAt: z.string(),
  version: z.int(),
  /** Why this version replaced the previous one (更正说明); absent on a first version. */
  note: z.optional(z.string()),
});

export const reportSchema = z.extend(reportSummarySchema, {
  agencyName: z.string(),
  /** The statistics-period and contact preamble. */
  preamble: z.string(),
  sections: z.array(reportSectionSchema),
  table2: table2Schema,
  table3: table3Schema,
  table4: table4Schema,
  /** Where the figures come from (a seed document, or compiled from records). */
  source: z.string(),
  /** Every published version of this year's report, newest first. */
  versions: z.array(reportSummarySchema),
  /** Applications received (一、本年新收 总计) per published year, for year-over-year charts. */
  history: z.array(z.object({ year: z.int(), received: z.int() })),
});
export type Report = z.infer<typeof reportSchema>;

const yearSchema = z.int({ error: '年份不正确' }).check(z.gte(2008, '年份不正确'), z.lte(2100, '年份不正确'));

export const violationSchema = z.object({ table: z.int(), cell: z.string(), rule: z.string(), message: z.string() });

export const table2InputsSchema = z.object({
  licensing: z.int({ error: '请填写行政许可决定数量' }).check(z.gte(0, '数量不能为负')),
  penalties: z.int({ error: '请填写行政处罚决定数量' }).check(z.gte(0, '数量不能为负')),
  enforcement: z.int({ error: '请填写行政强制决定数量' }).check(z.gte(0, '数量不能为负')),
  feesWan: z.number({ error: '请填写收费金额' }).check(z.gte(0, '金额不能为负'), z.lte(1e7, '金额过大')),
});

const sectionText = (label: string) => z.string().check(z.maxLength(20000, `${label}不能超过 20000 字`));

export const reportDraftSchema = z.object({
  /** 一、总体情况: one paragraph per line; lines like “（一）主动公开方面” become headings. */
  overview: sectionText('总体情况'),
  problems: sectionText('存在的主要问题及改进情况'),
  other: sectionText('其他需要报告的事项'),
  table2Inputs: table2InputsSchema,
});
export type ReportDraft = z.infer<typeof reportDraftSchema>;

export const appealSchema = z.object({
  id: z.optional(idSchema),
  caseId: z.optional(idSchema),
  kind: z.enum(['review', 'litigationDirect', 'litigationAfterReview'], { error: '请选择行政复议或行政诉讼类型' }),
  filedOn: isoDateSchema,
  result: z.optional(z.enum(['upheld', 'corrected', 'other'])),
  decidedOn: z.optional(isoDateSchema),
  note: z.optional(z.string().check(z.maxLength(500, '备注不能超过 500 字'))),
});

export const regulatoryDocumentSchema = z.object({
  id: z.optional(idSchema),
  kind: z.enum(['regulation', 'normative'], { error: '请选择规章或行政规范性文件' }),
  title: z.string().check(z.trim(), z.minLength(1, '请填写文件名称'), z.maxLength(200, '文件名称过长')),
  docNo: z.optional(z.string().check(z.maxLength(100, '文号过长'))),
  issuedOn: isoDateSchema,
  repealedOn: z.optional(isoDateSchema),
});

export const compiledReportSchema = z.object({
  year: z.int(),
  /** The Shanghai date the figures were compiled on (a live view for the current year). */
  asOf: z.string(),
  yearComplete: z.boolean(),
  table2: table2Schema,
  table3: table3Schema,
  table4: table4Schema,
  violations: z.array(violationSchema),
  caseCount: z.int(),
  appealCount: z.int(),
  draft: reportDraftSchema,
  latest: z.optional(reportSummarySchema),
  /** Art. 49: last year's report is due by 31 January. */
  publicationDeadline: z.string(),
  daysToDeadline: z.int(),
});
export type ReportSummary = z.infer<typeof reportSummarySchema>;

export const reportContract = defineFunction({
  name: 'report',
  summary: '政府信息公开工作年度报告',
  actions: {
    listReports: defineAction({
      summary: 'Published annual reports, newest year first.',
      access: { kind: 'public' },
      input: z.optional(z.object({})),
      output: z.array(reportSummarySchema),
    }),
    getReport: defineAction({
      summary: 'One published annual report (the latest version, or the one asked for) with all six sections and Tables 2–4.',
      access: { kind: 'public' },
      input: z.object({ year: yearSchema, version: z.optional(z.int().check(z.gte(1))) }),
      output: reportSchema,
    }),
    exportReport: defineAction({
      summary: 'A published report as CSV (the tables, UTF-8 with BOM for Excel) or JSON (open data).',
      access: { kind: 'public' },
      input: z.object({ year: yearSchema, version: z.optional(z.int().check(z.gte(1))), format: z.enum(['csv', 'json'], { error: '导出格式应为 csv 或 json' }) }),
      output: z.object({ filename: z.string(), mimeType: z.string(), content: z.string() }),
    }),
    compile: defineAction({
      summary: 'Staff: Tables 2–4 compiled from the records for a year (live for the current year), checked, with the draft text.',
      access: { kind: 'staff', roles: ['clerk', 'reviewer', 'admin'] },
      input: z.object({ year: yearSchema }),
      output: compiledReportSchema,
    }),
    saveDraft: defineAction({
      summary: 'Staff: saves the narrative sections (一、五、六) and the yearly Art. 20 figures of a year’s report.',
      access: { kind: 'staff', roles: ['clerk', 'admin'] },
      input: z.object({ year: yearSchema, draft: reportDraftSchema }),
      output: compiledReportSchema,
    }),
    publish: defineAction({
      summary: 'Admin: publishes the compiled report as a new immutable version; refused while any consistency rule fails.',
      access: { kind: 'staff', roles: ['admin'] },
      input: z.object({ year: yearSchema, note: z.optional(z.string().check(z.trim(), z.maxLength(500, '更正说明不能超过 500 字'))) }),
      output: reportSummarySchema,
    }),
    listAppeals: defineAction({
      summary: 'Staff: recorded administrative reviews and lawsuits (Table 4).',
      access: { kind: 'staff', roles: ['clerk', 'reviewer', 'admin'] },
      input: z.optional(z.object({})),
      output: z.array(z.extend(appealSchema, { id: z.string() })),
    }),
    saveAppeal: defineAction({
      summary: 'Staff: records or updates an administrative review or lawsuit and its result.',
      access: { kind: 'staff', roles: ['clerk', 'admin'] },
      input: appealSchema,
      output: z.extend(appealSchema, { id: z.string() }),
    }),
    listRegulatoryDocuments: defineAction({
      summary: 'Staff: 规章 and 行政规范性文件 with issue and repeal dates (Table 2).',
      access: { kind: 'staff', roles: ['clerk', 'reviewer', 'admin'] },
      input: z.optional(z.object({})),
      output: z.array(z.extend(regulatoryDocumentSchema, { id: z.string() })),
    }),
    saveRegulatoryDocument: defineAction({
      summary: 'Staff: registers or updates a 规章 / 行政规范性文件 (issue and repeal dates).',
      access: { kind: 'staff', roles: ['clerk', 'admin'] },
      input: regulatoryDocumentSchema,
      output: z.extend(regulatoryDocumentSchema, { id: z.string() }),
    }),
  },
});
