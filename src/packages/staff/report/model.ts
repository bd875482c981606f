// Plain helpers of the staff report page: which year to open first, the 31 January reminder, and the
// draft form's text ⇄ values. No Taro or React here.
import type { ActionOutput } from '@/contracts';
import type { ReportDraft } from '@/contracts/report';

export type Compiled = ActionOutput<'report', 'compile'>;

/** Last year's report against its Art. 49 deadline (31 January). */
export interface DeadlineStatus {
  year: number;
  published: boolean;
  deadline: string;
  daysToDeadline: number;
}

export function deadlineStatus(compiled: Compiled): DeadlineStatus {
  return { year: compiled.year, published: compiled.latest !== undefined, deadline: compiled.publicationDeadline, daysToDeadline: compiled.daysToDeadline };
}

/** The Shanghai year of the server's date (`asOf`), which decides; the phone's clock may be wrong. */
export function serverYearOf(compiled: Compiled): number {
  return Number(compiled.asOf.slice(0, 4));
}

/** Until 31 January an unpublished report of last year is the one to work on. */
export function lastYearComesFirst(status: DeadlineStatus): boolean {
  return !status.published && status.daysToDeadline >= 0;
}

/** "2024 年度报告须于 2025-01-31 前发布，还有 21 天" / "…已逾期 3 天"; undefined once published. */
export function reminderText(status: DeadlineStatus): string | undefined {
  if (status.published) return undefined;
  const head = `${status.year} 年度报告须于 ${status.deadline} 前发布，`;
  if (status.daysToDeadline > 0) return `${head}还有 ${status.daysToDeadline} 天`;
  if (status.daysToDeadline === 0) return `${head}今天是最后一天`;
  return `${head}已逾期 ${-status.daysToDeadline} 天`;
}

export const TABLE2_INPUT_FIELDS = [
  { key: 'licensing', label: '行政许可：本年处理决定数量', integer: true },
  { key: 'penalties', label: '行政处罚：本年处理决定数量', integer: true },
  { key: 'enforcement', label: '行政强制：本年处理决定数量', integer: true },
  { key: 'feesWan', label: '行政事业性收费：本年收费金额（万元）', integer: false },
] as const;
export type Table2InputKey = (typeof TABLE2_INPUT_FIELDS)[number]['key'];

export const TEXT_FIELDS = [
  { key: 'overview', label: '一、总体情况（必填）' },
  { key: 'problems', label: '五、政府信息公开工作存在的主要问题及改进情况' },
  { key: 'other', label: '六、其他需要报告的事项' },
] as const;
export type TextKey = (typeof TEXT_FIELDS)[number]['key'];

export type DraftForm = Record<TextKey | Table2InputKey, string>;

export function formOf(draft: ReportDraft): DraftForm {
  const inputs = draft.table2Inputs;
  return {
    overview: draft.overview,
    problems: draft.problems,
    other: draft.other,
    licensing: String(inputs.licensing),
    penalties: String(inputs.penalties),
    enforcement: String(inputs.enforcement),
    feesWan: String(inputs.feesWan),
  };
}

export function sameForm(a: DraftForm, b: DraftForm): boolean {
  return (Object.keys(a) as Array<keyof DraftForm>).every((key) => a[key] === b[key]);
}

/**
 * The form as a draft for saveDraft, or the fields the form can already tell are wrong. Empty number
 * fields are left out, so the contract's own message (请填写…) names them.
 */
export function draftOf(form: DraftForm): { draft: ReportDraft; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const inputs: Record<string, number | undefined> = {};
  for (const field of TABLE2_INPUT_FIELDS) {
    const text = form[field.key].trim();
    if (text === '') {
      inputs[field.key] = undefined;
      continue;
    }
    const value = Number(text);
    if (!Number.isFinite(value) || value < 0 || (field.integer && !Number.isInteger(value))) {
      errors[field.key] = field.integer ? '请填写非负整数' : '请填写不小于 0 的金额';
    }
    inputs[field.key] = value;
  }
  return {
    draft: { overview: form.overview, problems: form.problems, other: form.other, table2Inputs: inputs as ReportDraft['table2Inputs'] },
    errors,
  };
}

/** Server (or contract) issues by form field: `draft.table2Inputs.licensing` → `licensing`. */
export function fieldErrors(issues: ReadonlyArray<{ path: string; message: string }>): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of issues) {
    const field = issue.path.split('.').pop() || '_form';
    if (!(field in errors)) errors[field] = issue.message;
  }
  return errors;
}
