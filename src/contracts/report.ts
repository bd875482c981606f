// Contract of the `report` cloud function: the statutory annual reports (政府信息公开工作年度报告).
import * as z from 'zod/mini';
import { defineAction, defineFunction } from './core';
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
});
export type Report = z.infer<typeof reportSchema>;
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
      summary: 'One published annual report with all six sections and Tables 2–4.',
      access: { kind: 'public' },
      input: z.object({ year: z.int().check(z.gte(2008, '年份不正确'), z.lte(2100, '年份不正确')) }),
      output: reportSchema,
    }),
  },
});
