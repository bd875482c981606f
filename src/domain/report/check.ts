// Consistency rules (勾稽关系) of the annual-report tables. Pure: returns every violation, each naming
// the cell and the rule in Chinese, so a screen can show exactly what is wrong.
import {
  OUTCOME_KEYS,
  TABLE2_BLOCKS,
  TABLE3_APPLICANT_COLUMNS,
  TABLE3_COLUMNS,
  TABLE3_OUTCOME_GROUPS,
  TABLE3_ROW_KEYS,
  TABLE4_BLOCKS,
  TABLE4_RESULT_COLUMNS,
  table3RowLabel,
  type Table2,
  type Table3,
  type Table3RowKey,
  type Table4,
} from './tables';

export interface Violation {
  table: 2 | 3 | 4;
  /** Machine-readable cell reference, e.g. `newReceived/natural`. */
  cell: string;
  rule: 'non_negative_integer' | 'non_negative' | 'row_total' | 'column_total' | 'balance' | 'shape';
  message: string;
}

const TOTAL_INDEX = TABLE3_COLUMNS.length - 1;

function sum(values: number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

function cellValue(table: Table3, row: Table3RowKey, col: number): number {
  return table[row]?.[col] ?? Number.NaN;
}

export function checkTable3(table: Table3): Violation[] {
  const violations: Violation[] = [];
  for (const row of TABLE3_ROW_KEYS) {
    const values = table[row];
    if (!Array.isArray(values) || values.length !== TABLE3_COLUMNS.length) {
      violations.push({ table: 3, cell: row, rule: 'shape', message: `表三“${table3RowLabel(row)}”应有 ${TABLE3_COLUMNS.length} 列数值` });
      continue;
    }
    values.forEach((value, col) => {
      if (!Number.isInteger(value) || value < 0) {
        violations.push({
          table: 3,
          cell: `${row}/${TABLE3_COLUMNS[col]!.key}`,
          rule: 'non_negative_integer',
          message: `表三“${table3RowLabel(row)}”的“${TABLE3_COLUMNS[col]!.label}”列应为非负整数，现为 ${String(value)}`,
        });
      }
    });
  }
  if (violations.length > 0) return violations;

  // 总计 column = 自然人 + the five organisation columns, on every row.
  for (const row of TABLE3_ROW_KEYS) {
    const expected = sum(TABLE3_APPLICANT_COLUMNS.map((_, col) => cellValue(table, row, col)));
    const actual = cellValue(table, row, TOTAL_INDEX);
    if (actual !== expected) {
      violations.push({
        table: 3,
        cell: `${row}/total`,
        rule: 'row_total',
        message: `表三“${table3RowLabel(row)}”的总计应等于各申请人列之和 ${expected}，现为 ${actual}`,
      });
    }
  }

  TABLE3_COLUMNS.forEach((column, col) => {
    // （七）总计 = （一）…（六）, where each of （三）…（六） is the sum of its numbered rows.
    const outcomesSum = sum(OUTCOME_KEYS.map((key) => cellValue(table, key, col)));
    const resultsTotal = cellValue(table, 'resultsTotal', col);
    if (resultsTotal !== outcomesSum) {
      violations.push({
        table: 3,
        cell: `resultsTotal/${column.key}`,
        rule: 'column_total',
        message: `表三“（七）总计”的“${column.label}”列应等于（一）至（六）之和 ${outcomesSum}，现为 ${resultsTotal}`,
      });
    }
    // 一 + 二 = 三（七） + 四.
    const inflow = cellValue(table, 'newReceived', col) + cellValue(table, 'carriedIn', col);
    const outflow = resultsTotal + cellValue(table, 'carriedOver', col);
    if (inflow !== outflow) {
      violations.push({
        table: 3,
        cell: `carriedOver/${column.key}`,
        rule: 'balance',
        message: `表三“${column.label}”列：第一项加第二项（${inflow}）应等于第三项总计加第四项（${outflow}）`,
      });
    }
  });
  return violations;
}

/** Sub-row sums of the outcome groups （三）…（六）, for display. */
export function table3GroupTotals(table: Table3): Record<string, number[]> {
  return Object.fromEntries(
    TABLE3_OUTCOME_GROUPS.map((group) => [
      group.key,
      TABLE3_COLUMNS.map((_, col) => sum(group.rows.map((row) => cellValue(table, row.key, col)))),
    ]),
  );
}

export function checkTable4(table: Table4): Violation[] {
  const violations: Violation[] = [];
  for (const block of TABLE4_BLOCKS) {
    const values = table[block.key];
    if (!Array.isArray(values) || values.length !== TABLE4_RESULT_COLUMNS.length) {
      violations.push({ table: 4, cell: block.key, rule: 'shape', message: `表四“${block.label}”应有 5 列数值` });
      continue;
    }
    const bad = values.findIndex((v) => !Number.isInteger(v) || v < 0);
    if (bad >= 0) {
      violations.push({
        table: 4,
        cell: `${block.key}/${bad}`,
        rule: 'non_negative_integer',
        message: `表四“${block.label}·${TABLE4_RESULT_COLUMNS[bad]}”应为非负整数，现为 ${String(values[bad])}`,
      });
      continue;
    }
    const expected = sum(values.slice(0, 4));
    if (values[4] !== expected) {
      violations.push({
        table: 4,
        cell: `${block.key}/4`,
        rule: 'row_total',
        message: `表四“${block.label}·总计”应等于前四项之和 ${expected}，现为 ${values[4]}`,
      });
    }
  }
  return violations;
}

export function checkTable2(table: Table2): Violation[] {
  const violations: Violation[] = [];
  for (const block of TABLE2_BLOCKS) {
    for (const row of block.rows) {
      const values = table[row.key] as Record<string, number> | undefined;
      for (const field of row.fields) {
        const value = values?.[field];
        const isFee = row.key === 'fees';
        const ok = typeof value === 'number' && value >= 0 && (isFee ? Number.isFinite(value) : Number.isInteger(value));
        if (!ok) {
          violations.push({
            table: 2,
            cell: `${row.key}/${field}`,
            rule: isFee ? 'non_negative' : 'non_negative_integer',
            message: `表二“${row.label}”应为${isFee ? '非负数' : '非负整数'}，现为 ${String(value)}`,
          });
        }
      }
    }
  }
  return violations;
}

export function checkReportTables(tables: { table2: Table2; table3: Table3; table4: Table4 }): Violation[] {
  return [...checkTable2(tables.table2), ...checkTable3(tables.table3), ...checkTable4(tables.table4)];
}
