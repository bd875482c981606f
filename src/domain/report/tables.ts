// The statutory annual-report tables (国办公开办函〔2021〕30号) as data: their rows, columns and
// official labels. Pure TypeScript: shared by the compiler, the checker, the seed importer and both
// renderers, so the layout exists once. Must not import Taro, SDKs or Node built-ins.

/** Table 3 columns, in official order (申请人情况). */
export const TABLE3_COLUMNS = [
  { key: 'natural', label: '自然人' },
  { key: 'commercial', label: '商业企业' },
  { key: 'research', label: '科研机构' },
  { key: 'publicInterest', label: '社会公益组织' },
  { key: 'legalService', label: '法律服务机构' },
  { key: 'otherOrg', label: '其他' },
  { key: 'total', label: '总计' },
] as const;
export type Table3ColumnKey = (typeof TABLE3_COLUMNS)[number]['key'];
export type ApplicantType = Exclude<Table3ColumnKey, 'total'>;
/** The applicant-type columns that the 总计 column sums. */
export const TABLE3_APPLICANT_COLUMNS = TABLE3_COLUMNS.slice(0, 6) as ReadonlyArray<{ key: ApplicantType; label: string }>;

/** The outcome groups of section 三（三）…（六）, each with numbered reason rows. */
export const TABLE3_OUTCOME_GROUPS = [
  {
    key: 'refused',
    label: '（三）不予公开',
    rows: [
      { key: 'refusedStateSecret', label: '1.属于国家秘密' },
      { key: 'refusedLawProhibited', label: '2.其他法律行政法规禁止公开' },
      { key: 'refusedSafetyStability', label: '3.危及“三安全一稳定”' },
      { key: 'refusedThirdPartyRights', label: '4.保护第三方合法权益' },
      { key: 'refusedInternalAffairs', label: '5.属于三类内部事务信息' },
      { key: 'refusedProcessInfo', label: '6.属于四类过程性信息' },
      { key: 'refusedEnforcementFile', label: '7.属于行政执法案卷' },
      { key: 'refusedInquiryMatter', label: '8.属于行政查询事项' },
    ],
  },
  {
    key: 'unable',
    label: '（四）无法提供',
    rows: [
      { key: 'unableNotHeld', label: '1.本机关不掌握相关政府信息' },
      { key: 'unableNeedsCreation', label: '2.没有现成信息需要另行制作' },
      { key: 'unableStillUnclear', label: '3.补正后申请内容仍不明确' },
    ],
  },
  {
    key: 'notProcessed',
    label: '（五）不予处理',
    rows: [
      { key: 'notProcessedPetition', label: '1.信访举报投诉类申请' },
      { key: 'notProcessedRepeated', label: '2.重复申请' },
      { key: 'notProcessedPublication', label: '3.要求提供公开出版物' },
      { key: 'notProcessedExcessive', label: '4.无正当理由大量反复申请' },
      { key: 'notProcessedConfirmation', label: '5.要求行政机关确认或重新出具已获取信息' },
    ],
  },
  {
    key: 'other',
    label: '（六）其他处理',
    rows: [
      { key: 'otherNoCorrection', label: '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请' },
      { key: 'otherUnpaidFee', label: '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请' },
      { key: 'otherOther', label: '3.其他' },
    ],
  },
] as const;

export type OutcomeGroupKey = (typeof TABLE3_OUTCOME_GROUPS)[number]['key'];
export type GroupedOutcomeKey = (typeof TABLE3_OUTCOME_GROUPS)[number]['rows'][number]['key'];
/** Every reply outcome a case can end with: exactly one Table 3 row each. */
export type OutcomeKey = 'granted' | 'partial' | GroupedOutcomeKey;

export const TABLE3_SECTION_LABELS = {
  newReceived: '一、本年新收政府信息公开申请数量',
  carriedIn: '二、上年结转政府信息公开申请数量',
  results: '三、本年度办理结果',
  granted: '（一）予以公开',
  partial: '（二）部分公开（区分处理的，只计这一情形，不计其他情形）',
  resultsTotal: '（七）总计',
  carriedOver: '四、结转下年度继续办理',
} as const;

/** Table 3 numeric rows in official order (25 rows × 7 columns). */
export const TABLE3_ROW_KEYS = [
  'newReceived',
  'carriedIn',
  'granted',
  'partial',
  ...TABLE3_OUTCOME_GROUPS.flatMap((group) => group.rows.map((row) => row.key)),
  'resultsTotal',
  'carriedOver',
] as const;
export type Table3RowKey = 'newReceived' | 'carriedIn' | OutcomeKey | 'resultsTotal' | 'carriedOver';

export const OUTCOME_KEYS: readonly OutcomeKey[] = [
  'granted',
  'partial',
  ...TABLE3_OUTCOME_GROUPS.flatMap((group) => group.rows.map((row) => row.key)),
];

/** Label of any Table 3 row, as printed in the official form. */
export function table3RowLabel(key: Table3RowKey): string {
  if (key in TABLE3_SECTION_LABELS) return TABLE3_SECTION_LABELS[key as keyof typeof TABLE3_SECTION_LABELS];
  for (const group of TABLE3_OUTCOME_GROUPS) {
    const row = group.rows.find((r) => r.key === key);
    if (row) return `${group.label}${row.label}`;
  }
  return key;
}

/** Seven counts per row, in TABLE3_COLUMNS order. */
export type Table3 = Record<Table3RowKey, number[]>;

/** Table 2 (第二十条 blocks). Counts are integers; the fee amount is in 万元 and may have decimals. */
export interface Table2 {
  regulations: { issued: number; repealed: number; inForce: number };
  normativeDocuments: { issued: number; repealed: number; inForce: number };
  licensing: { decisions: number };
  penalties: { decisions: number };
  enforcement: { decisions: number };
  fees: { amountWan: number };
}

export const TABLE2_BLOCKS = [
  {
    heading: '第二十条第（一）项',
    columns: ['本年制发件数', '本年废止件数', '现行有效件数'],
    rows: [
      { label: '规章', key: 'regulations', fields: ['issued', 'repealed', 'inForce'] },
      { label: '行政规范性文件', key: 'normativeDocuments', fields: ['issued', 'repealed', 'inForce'] },
    ],
  },
  {
    heading: '第二十条第（五）项',
    columns: ['本年处理决定数量'],
    rows: [{ label: '行政许可', key: 'licensing', fields: ['decisions'] }],
  },
  {
    heading: '第二十条第（六）项',
    columns: ['本年处理决定数量'],
    rows: [
      { label: '行政处罚', key: 'penalties', fields: ['decisions'] },
      { label: '行政强制', key: 'enforcement', fields: ['decisions'] },
    ],
  },
  {
    heading: '第二十条第（八）项',
    columns: ['本年收费金额（单位：万元）'],
    rows: [{ label: '行政事业性收费', key: 'fees', fields: ['amountWan'] }],
  },
] as const;

/** Table 4: three blocks of five columns (the fifth is the block's 总计). */
export const TABLE4_RESULT_COLUMNS = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'] as const;
export const TABLE4_BLOCKS = [
  { key: 'review', label: '行政复议', parent: null },
  { key: 'litigationDirect', label: '未经复议直接起诉', parent: '行政诉讼' },
  { key: 'litigationAfterReview', label: '复议后起诉', parent: '行政诉讼' },
] as const;
export type Table4BlockKey = (typeof TABLE4_BLOCKS)[number]['key'];
/** Five counts per block, in TABLE4_RESULT_COLUMNS order. */
export type Table4 = Record<Table4BlockKey, number[]>;

/** The six fixed sections of the report. */
export const REPORT_SECTIONS = [
  { key: 'overview', label: '一、总体情况' },
  { key: 'proactive', label: '二、主动公开政府信息情况' },
  { key: 'requests', label: '三、收到和处理政府信息公开申请情况' },
  { key: 'appeals', label: '四、政府信息公开行政复议、行政诉讼情况' },
  { key: 'problems', label: '五、政府信息公开工作存在的主要问题及改进情况' },
  { key: 'other', label: '六、其他需要报告的事项' },
] as const;
export type ReportSectionKey = (typeof REPORT_SECTIONS)[number]['key'];

export function emptyTable3(): Table3 {
  return Object.fromEntries(TABLE3_ROW_KEYS.map((key) => [key, TABLE3_COLUMNS.map(() => 0)])) as Table3;
}

export function emptyTable4(): Table4 {
  return Object.fromEntries(TABLE4_BLOCKS.map((block) => [block.key, TABLE4_RESULT_COLUMNS.map(() => 0)])) as Table4;
}
