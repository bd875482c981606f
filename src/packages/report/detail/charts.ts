// The reader's charts as data: applications by outcome, by applicant type, and year over year, each a
// list of labelled bars with widths in % of the chart's largest value. Pure (no Taro, no React), so a
// chart is checked without rendering it.
import type { Report } from '@/contracts/report';
import { table3GroupTotals } from '@/domain/report/check';
import { TABLE3_APPLICANT_COLUMNS, TABLE3_COLUMNS, TABLE3_OUTCOME_GROUPS } from '@/domain/report/tables';

export interface ChartBar {
  key: string;
  label: string;
  value: number;
  /** Width of the bar in % of the largest value of its chart (0 when every value is 0). */
  percent: number;
  /** What a screen reader announces for the bar. */
  spoken: string;
  /** The bar of the report's own year in the year-over-year chart. */
  current?: boolean;
}

export interface Chart {
  id: 'outcomes' | 'applicants' | 'years';
  title: string;
  bars: ChartBar[];
  /** True when every value is 0: the chart says so instead of drawing empty bars. */
  empty: boolean;
  /** A sentence under the chart (year over year). */
  summary?: string;
}

const TOTAL = TABLE3_COLUMNS.length - 1;

/** Labels of the organisation columns are short in the form (其他); the chart names them in full. */
const APPLICANT_SPOKEN: Record<string, string> = { otherOrg: '其他法人或其他组织' };
const APPLICANT_SHORT: Record<string, string> = { otherOrg: '其他组织' };

function chart(id: Chart['id'], title: string, entries: Array<Omit<ChartBar, 'percent'>>, summary?: string): Chart {
  const max = Math.max(0, ...entries.map((entry) => entry.value));
  const bars = entries.map((entry) => ({ ...entry, percent: max > 0 ? Math.round((entry.value / max) * 1000) / 10 : 0 }));
  return { id, title, bars, empty: max === 0, ...(summary ? { summary } : {}) };
}

/** （三）不予公开 → 不予公开. */
function groupName(label: string): string {
  return label.replace(/^（.）/, '');
}

/** "与上年持平" / "比上年增加 N 件" / "比上年减少 N 件". */
export function yearOverYearText(current: number, previous: number): string {
  if (current === previous) return '与上年持平';
  return current > previous ? `比上年增加 ${current - previous} 件` : `比上年减少 ${previous - current} 件`;
}

export function reportCharts(report: Report): Chart[] {
  const t3 = report.table3;
  const groups = table3GroupTotals(t3);
  const outcomes = [
    { key: 'granted', label: '予以公开', value: t3.granted[TOTAL] ?? 0 },
    { key: 'partial', label: '部分公开', value: t3.partial[TOTAL] ?? 0 },
    ...TABLE3_OUTCOME_GROUPS.map((group) => ({ key: group.key, label: groupName(group.label), value: groups[group.key]?.[TOTAL] ?? 0 })),
  ].map((bar) => ({ ...bar, spoken: `${bar.label}：${bar.value} 件` }));

  const applicants = TABLE3_APPLICANT_COLUMNS.map((column, i) => {
    const value = t3.newReceived[i] ?? 0;
    return { key: column.key, label: APPLICANT_SHORT[column.key] ?? column.label, value, spoken: `${APPLICANT_SPOKEN[column.key] ?? column.label}：${value} 件` };
  });

  // Years up to the report's own (a 2023 report does not chart 2025), at most six; the report's own
  // year shows this version's figure, so the chart agrees with the tables on the page.
  const received = t3.newReceived[TOTAL] ?? 0;
  const history = new Map(report.history.filter((h) => h.year < report.year).map((h) => [h.year, h.received]));
  history.set(report.year, received);
  const years = [...history]
    .sort(([a], [b]) => a - b)
    .slice(-6)
    .map(([year, value]) => ({
      key: String(year),
      label: `${year} 年`,
      value,
      current: year === report.year,
      spoken: `${year} 年新收申请：${value} 件${year === report.year ? '（本年度）' : ''}`,
    }));
  const previous = history.get(report.year - 1);
  const summary =
    previous === undefined
      ? `${report.year} 年新收申请 ${received} 件；暂无 ${report.year - 1} 年度报告可供比较。`
      : `${report.year} 年新收申请 ${received} 件，${yearOverYearText(received, previous)}。`;

  return [
    chart('outcomes', '按办理结果（件）', outcomes),
    chart('applicants', '按申请人类型（本年新收，件）', applicants),
    chart('years', '历年新收申请（件）', years, summary),
  ];
}
