// 索引号 (index numbers) from a configurable rule: a pattern such as `{org}-{year}-{category}-{seq:5}`
// kept in a settings document. The sequence itself is counted per year and category by the store
// (atomically); this module only checks patterns and formats numbers. Pure.

export const DEFAULT_INDEX_PATTERN = '{org}-{year}-{category}-{seq:5}';
export const DEFAULT_INDEX_ORG = 'ZBGGZY';

const TOKEN = /\{(org|year|category|seq)(?::(\d))?\}/g;
const ALLOWED_LITERAL = /^[A-Za-z0-9\-_/.]*$/;

export interface IndexNumberParts {
  org: string;
  year: number;
  category: string;
  seq: number;
}

/** Problems with a pattern, in Chinese; empty when it can be used. */
export function checkIndexPattern(pattern: string): string[] {
  const problems: string[] = [];
  if (!pattern.includes('{seq')) problems.push('规则必须包含流水号 {seq} 或 {seq:位数}');
  if (!pattern.includes('{year}')) problems.push('规则必须包含年度 {year}（流水号按年度重新计数）');
  const literal = pattern.replace(TOKEN, '');
  if (/[{}]/.test(literal)) problems.push('规则中有无法识别的占位符（可用 {org} {year} {category} {seq:位数}）');
  else if (!ALLOWED_LITERAL.test(literal)) problems.push('规则中的分隔符只能是字母、数字或 - _ / .');
  if ((pattern.match(/\{seq/g) ?? []).length > 1) problems.push('流水号只能出现一次');
  if (pattern.length > 60) problems.push('规则过长');
  return problems;
}

/** The index number for one document. `seq` is 1-based and zero-padded to the pattern's width. */
export function formatIndexNumber(pattern: string, parts: IndexNumberParts): string {
  const problems = checkIndexPattern(pattern);
  if (problems.length > 0) throw new RangeError(problems[0]);
  if (!Number.isInteger(parts.seq) || parts.seq < 1) throw new RangeError('seq must be a positive integer');
  return pattern.replace(TOKEN, (_m, name: string, width?: string) => {
    switch (name) {
      case 'org':
        return parts.org;
      case 'year':
        return String(parts.year);
      case 'category':
        return parts.category.toUpperCase();
      default:
        return String(parts.seq).padStart(width ? Number(width) : 1, '0');
    }
  });
}

/** The counter a sequence is kept under: one per year and category (when the pattern names it). */
export function sequenceKey(pattern: string, year: number, category: string): string {
  return pattern.includes('{category}') ? `${year}:${category}` : `${year}`;
}
