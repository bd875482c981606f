// Reads an annual report in the text form of the seed document (a Word file saved as text) and
// returns its structured content: contact details, the six sections' text and Tables 2–4.
// Every figure comes from a delimited region of the text, and each region must hold exactly the
// number of cells the official table has, so a changed or damaged source fails loudly.
import {
  REPORT_SECTIONS,
  TABLE2_BLOCKS,
  TABLE3_COLUMNS,
  TABLE3_ROW_KEYS,
  TABLE4_BLOCKS,
  TABLE4_RESULT_COLUMNS,
  type ReportSectionKey,
  type Table2,
  type Table3,
  type Table4,
} from '../../../src/domain/report/tables';
import { textToBlocks, type TextBlock } from '../../../src/domain/report/sections';

export type ParsedBlock = TextBlock;

export interface ParsedReport {
  agencyName: string;
  year: number;
  title: string;
  preamble: string;
  contact: { address: string; postcode: string; phone: string; email: string };
  sections: Array<{ key: ReportSectionKey; label: string; blocks: ParsedBlock[] }>;
  table2: Table2;
  table3: Table3;
  table4: Table4;
}

// The seed numbers its first two headings "1、" and "2、" (a list-numbering artefact of the
// conversion); the official form uses 一 … 六, which is what we show.
const SECTION_HEADINGS: Array<[ReportSectionKey, RegExp]> = [
  ['overview', /^(?:1|一)、\s*总体情况$/],
  ['proactive', /^(?:2|二)、\s*主动公开政府信息情况$/],
  ['requests', /^(?:3|三)、\s*收到和处理政府信息公开申请情况$/],
  ['appeals', /^(?:4|四)、\s*政府信息公开行政复议、行政诉讼情况$/],
  ['problems', /^(?:5|五)、\s*政府信息公开工作存在的主要问题及改进情况$/],
  ['other', /^(?:6|六)、\s*其他需要报告的事项$/],
];


export class SeedFormatError extends Error {
  constructor(message: string) {
    super(`seed report: ${message}`);
    this.name = 'SeedFormatError';
  }
}

function cleanLine(line: string): string {
  return line.replace(/\[bookmark:[^\]]*\]/g, '').replace(/\s+/g, ' ').trim();
}

function integersIn(lines: string[]): number[] {
  return lines.filter((line) => /^\d+$/.test(line)).map(Number);
}

function expectCells(values: number[], count: number, what: string): number[] {
  if (values.length !== count) throw new SeedFormatError(`${what}: expected ${count} cells, found ${values.length}`);
  return values;
}

function chunk(values: number[], size: number): number[][] {
  const rows: number[][] = [];
  for (let i = 0; i < values.length; i += size) rows.push(values.slice(i, i + size));
  return rows;
}


export function parseAnnualReport(text: string): ParsedReport {
  const lines = text.split(/\r?\n/).map(cleanLine);
  const nonEmpty = lines.filter(Boolean);
  const agencyName = nonEmpty[0] ?? '';
  const title = nonEmpty[1] ?? '';
  const yearMatch = /^(\d{4})年政府信息公开工作年度报告$/.exec(title);
  if (!agencyName || !yearMatch) throw new SeedFormatError('the first two lines must be the agency name and "YYYY年政府信息公开工作年度报告"');
  const year = Number(yearMatch[1]);

  const preamble = nonEmpty.find((line) => line.startsWith('本年度报告中所列数据')) ?? '';
  const contactMatch = /地址：(.+?)；邮编：(\d{6})；电话：([\d-]+)；邮箱：([^\s）)]+)[）)]/.exec(preamble);
  if (!contactMatch) throw new SeedFormatError('the preamble must give 地址, 邮编, 电话 and 邮箱');
  const [, address = '', postcode = '', phone = '', email = ''] = contactMatch;

  // Locate the six section headings.
  const starts = SECTION_HEADINGS.map(([key, pattern]) => {
    const index = lines.findIndex((line) => pattern.test(line));
    if (index < 0) throw new SeedFormatError(`missing section heading for ${key}`);
    return index;
  });
  starts.forEach((start, i) => {
    if (i > 0 && start <= starts[i - 1]!) throw new SeedFormatError('section headings are out of order');
  });
  const region = (i: number) => lines.slice(starts[i]! + 1, i + 1 < starts.length ? starts[i + 1] : lines.length);

  // Table 2: 10 cells in block order (3 + 3 + 1 + 1 + 1 + 1).
  const table2Cells = expectCells(integersIn(region(1)), 10, 'Table 2');
  const table2 = {} as Record<string, Record<string, number>>;
  let cursor = 0;
  for (const block of TABLE2_BLOCKS) {
    for (const row of block.rows) {
      table2[row.key] = Object.fromEntries(row.fields.map((field) => [field, table2Cells[cursor++]!]));
    }
  }

  // Table 3: 25 rows × 7 columns in official row order.
  const table3Cells = expectCells(integersIn(region(2)), TABLE3_ROW_KEYS.length * TABLE3_COLUMNS.length, 'Table 3');
  const table3Rows = chunk(table3Cells, TABLE3_COLUMNS.length);
  const table3 = Object.fromEntries(TABLE3_ROW_KEYS.map((key, i) => [key, table3Rows[i]!])) as Table3;

  // Table 4: 3 blocks × 5 columns.
  const table4Cells = expectCells(integersIn(region(3)), TABLE4_BLOCKS.length * TABLE4_RESULT_COLUMNS.length, 'Table 4');
  const table4Rows = chunk(table4Cells, TABLE4_RESULT_COLUMNS.length);
  const table4 = Object.fromEntries(TABLE4_BLOCKS.map((block, i) => [block.key, table4Rows[i]!])) as Table4;

  const narrative = new Set<ReportSectionKey>(['overview', 'problems', 'other']);
  const sections = REPORT_SECTIONS.map((section, i) => ({
    key: section.key,
    label: section.label,
    blocks: narrative.has(section.key) ? textToBlocks(region(i)) : [],
  }));

  return {
    agencyName,
    year,
    title: `${agencyName}${title}`,
    preamble,
    contact: { address, postcode, phone, email },
    sections,
    table2: table2 as unknown as Table2,
    table3,
    table4,
  };
}
