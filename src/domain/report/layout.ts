// Layout model of the annual-report tables (国办公开办函〔2021〕30号) for renderers that have no
// <table> (mini-programs): each table becomes rows of header / label / value cells with row and
// column spans, and every cell gets its explicit 1-based grid position computed from those spans
// (the HTML table algorithm). Pure TypeScript built from the definitions in ./tables: must not
// import Taro, React, SDKs or Node built-ins.
import {
  TABLE2_BLOCKS,
  TABLE3_APPLICANT_COLUMNS,
  TABLE3_COLUMNS,
  TABLE3_OUTCOME_GROUPS,
  TABLE3_SECTION_LABELS,
  TABLE4_BLOCKS,
  TABLE4_RESULT_COLUMNS,
  type Table2,
  type Table3,
  type Table3RowKey,
  type Table4,
} from './tables';

/** Header texts of the official form that are not row or column definitions. */
export const TABLE_HEADER_LABELS = {
  /** Table 2: the label column of every 第二十条 block. */
  table2Content: '信息内容',
  /** Table 3: the top-left cell, spanning the three header rows and the three label columns. */
  table3Note: '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）',
  table3Applicants: '申请人情况',
  table3Organisations: '法人或其他组织',
} as const;

interface CellBase {
  rowSpan: number;
  colSpan: number;
}

export interface HeaderCellSpec extends CellBase {
  kind: 'header';
  text: string;
  /** `note`: Table 3's 勾稽关系 note; `block`: a Table 2 第二十条 block heading. */
  variant?: 'note' | 'block';
}

export interface LabelCellSpec extends CellBase {
  kind: 'label';
  text: string;
  /** 1 = 一、…四、 (and Table 2 row labels), 2 = （一）…（七）, 3 = numbered reasons 1. 2. … */
  level: 1 | 2 | 3;
}

export interface ValueCellSpec extends CellBase {
  kind: 'value';
  /** Test and reference id, e.g. `table3:newReceived:natural` (the `data-cell` attribute). */
  cellId: string;
  value: number;
  /** Row path and column path, then the value: what a screen reader should announce. */
  ariaLabel: string;
}

export type CellSpec = HeaderCellSpec | LabelCellSpec | ValueCellSpec;

/** A cell with its grid placement: `row`/`column` are 1-based grid lines (CSS grid). */
export type LayoutCell = CellSpec & { row: number; column: number };
export type ValueCell = ValueCellSpec & { row: number; column: number };

export type TableId = 'table2' | 'table3' | 'table4';

export interface TableLayout {
  id: TableId;
  /** Grid size. */
  rowCount: number;
  columnCount: number;
  /** How many leading columns hold row labels (the rest hold values). */
  labelColumns: number;
  /** How many leading rows are column headers (Table 2 interleaves headers, so 0 there). */
  headerRows: number;
  /** Cells grouped by the row they start in, in reading order. */
  rows: LayoutCell[][];
}

export class LayoutError extends Error {
  override name = 'LayoutError';
}

/**
 * Places row-wise cell specs on a grid the way HTML tables do: each cell takes the first column not
 * already covered by a row-spanning cell above it. Throws when cells overlap, overflow the width, or
 * leave a hole, so a wrong definition fails loudly instead of rendering a skewed table.
 */
export function placeRows(specRows: CellSpec[][], columnCount: number): LayoutCell[][] {
  const occupied: boolean[][] = [];
  const isTaken = (r: number, c: number) => occupied[r]?.[c] === true;
  const take = (r: number, c: number) => {
    (occupied[r] ??= [])[c] = true;
  };

  const placed = specRows.map((specs, r) => {
    let c = 0;
    return specs.map((spec) => {
      if (spec.rowSpan < 1 || spec.colSpan < 1 || !Number.isInteger(spec.rowSpan) || !Number.isInteger(spec.colSpan)) {
        throw new LayoutError(`row ${r + 1}: spans must be positive integers`);
      }
      while (isTaken(r, c)) c += 1;
      if (c + spec.colSpan > columnCount) throw new LayoutError(`row ${r + 1}: cells overflow ${columnCount} columns`);
      if (r + spec.rowSpan > specRows.length) throw new LayoutError(`row ${r + 1}: a cell spans past the last row`);
      for (let dr = 0; dr < spec.rowSpan; dr += 1) {
        for (let dc = 0; dc < spec.colSpan; dc += 1) {
          if (isTaken(r + dr, c + dc)) throw new LayoutError(`row ${r + dr + 1}, column ${c + dc + 1}: cells overlap`);
          take(r + dr, c + dc);
        }
      }
      const cell = { ...spec, row: r + 1, column: c + 1 } as LayoutCell;
      c += spec.colSpan;
      return cell;
    });
  });

  for (let r = 0; r < specRows.length; r += 1) {
    for (let c = 0; c < columnCount; c += 1) {
      if (!isTaken(r, c)) throw new LayoutError(`row ${r + 1}, column ${c + 1}: no cell covers it`);
    }
  }
  return placed;
}

const header = (text: string, rowSpan = 1, colSpan = 1, variant?: HeaderCellSpec['variant']): HeaderCellSpec =>
  variant ? { kind: 'header', text, rowSpan, colSpan, variant } : { kind: 'header', text, rowSpan, colSpan };
const label = (text: string, level: LabelCellSpec['level'], rowSpan = 1, colSpan = 1): LabelCellSpec => ({
  kind: 'label',
  text,
  level,
  rowSpan,
  colSpan,
});
const value = (cellId: string, amount: number, path: readonly string[], colSpan = 1): ValueCellSpec => ({
  kind: 'value',
  cellId,
  value: amount,
  ariaLabel: `${path.join('，')}：${amount}`,
  rowSpan: 1,
  colSpan,
});

// ---------------------------------------------------------------------------------------------
// Table 2: four 第二十条 blocks, each a heading row, a column-header row and its data rows.

const TABLE2_COLUMNS = 4;

export function table2Layout(table: Table2): TableLayout {
  const rows: CellSpec[][] = [];
  for (const block of TABLE2_BLOCKS) {
    const dataColumns = TABLE2_COLUMNS - 1;
    const span = dataColumns / block.columns.length;
    if (!Number.isInteger(span)) throw new LayoutError(`${block.heading}: columns do not divide the table width`);
    rows.push([header(block.heading, 1, TABLE2_COLUMNS, 'block')]);
    rows.push([header(TABLE_HEADER_LABELS.table2Content), ...block.columns.map((text) => header(text, 1, span))]);
    for (const row of block.rows) {
      const values = table[row.key] as Record<string, number>;
      rows.push([
        label(row.label, 1),
        ...row.fields.map((field, i) =>
          value(`table2:${row.key}:${field}`, values[field] ?? 0, [block.heading, row.label, block.columns[i] ?? ''], span),
        ),
      ]);
    }
  }
  return { id: 'table2', rowCount: rows.length, columnCount: TABLE2_COLUMNS, labelColumns: 1, headerRows: 0, rows: placeRows(rows, TABLE2_COLUMNS) };
}

// ---------------------------------------------------------------------------------------------
// Table 3: three header rows (申请人情况 → 自然人 | 法人或其他组织 {…} | 总计) over 3 label columns and
// 7 value columns; the 25 numeric rows with 三、本年度办理结果 and each outcome group spanning rows.

const TABLE3_LABEL_COLUMNS = 3;

/** The header path of each Table 3 column, for accessible labels. */
function table3ColumnPaths(): string[][] {
  const organisations = new Set<string>(TABLE3_APPLICANT_COLUMNS.slice(1).map((column) => column.key));
  return TABLE3_COLUMNS.map((column) =>
    organisations.has(column.key) ? [TABLE_HEADER_LABELS.table3Organisations, column.label] : [column.label],
  );
}

export function table3Layout(table: Table3): TableLayout {
  const columnCount = TABLE3_LABEL_COLUMNS + TABLE3_COLUMNS.length;
  const [natural, ...organisations] = TABLE3_APPLICANT_COLUMNS;
  const total = TABLE3_COLUMNS[TABLE3_COLUMNS.length - 1];
  if (!natural || !total || organisations.length === 0) throw new LayoutError('Table 3 columns are incomplete');
  const columnPaths = table3ColumnPaths();

  const valuesOf = (key: Table3RowKey, rowPath: readonly string[]): ValueCellSpec[] =>
    TABLE3_COLUMNS.map((column, i) =>
      value(`table3:${key}:${column.key}`, table[key]?.[i] ?? 0, [...rowPath, ...(columnPaths[i] ?? [])]),
    );

  const rows: CellSpec[][] = [
    [
      header(TABLE_HEADER_LABELS.table3Note, 3, TABLE3_LABEL_COLUMNS, 'note'),
      header(TABLE_HEADER_LABELS.table3Applicants, 1, TABLE3_COLUMNS.length),
    ],
    [header(natural.label, 2), header(TABLE_HEADER_LABELS.table3Organisations, 1, organisations.length), header(total.label, 2)],
    organisations.map((column) => header(column.label)),
  ];

  const topRow = (key: 'newReceived' | 'carriedIn' | 'carriedOver') => {
    const text = TABLE3_SECTION_LABELS[key];
    return [label(text, 1, 1, TABLE3_LABEL_COLUMNS), ...valuesOf(key, [text])];
  };

  rows.push(topRow('newReceived'), topRow('carriedIn'));

  const results = TABLE3_SECTION_LABELS.results;
  const resultsSpan = 2 + TABLE3_OUTCOME_GROUPS.reduce((n, group) => n + group.rows.length, 0) + 1;
  const simpleOutcome = (key: 'granted' | 'partial' | 'resultsTotal') => {
    const text = TABLE3_SECTION_LABELS[key];
    return [label(text, 2, 1, 2), ...valuesOf(key, [results, text])];
  };
  rows.push([label(results, 1, resultsSpan), ...simpleOutcome('granted')]);
  rows.push(simpleOutcome('partial'));
  for (const group of TABLE3_OUTCOME_GROUPS) {
    group.rows.forEach((row, i) => {
      const cells: CellSpec[] = i === 0 ? [label(group.label, 2, group.rows.length)] : [];
      cells.push(label(row.label, 3), ...valuesOf(row.key, [results, group.label, row.label]));
      rows.push(cells);
    });
  }
  rows.push(simpleOutcome('resultsTotal'));
  rows.push(topRow('carriedOver'));

  return { id: 'table3', rowCount: rows.length, columnCount, labelColumns: TABLE3_LABEL_COLUMNS, headerRows: 3, rows: placeRows(rows, columnCount) };
}

// ---------------------------------------------------------------------------------------------
// Table 4: 行政复议 {5} | 行政诉讼 {未经复议直接起诉 {5}, 复议后起诉 {5}} over one row of 15 values.

export function table4Layout(table: Table4): TableLayout {
  const width = TABLE4_RESULT_COLUMNS.length;
  const columnCount = TABLE4_BLOCKS.length * width;

  // Consecutive blocks with the same parent share one top header (行政诉讼).
  type Group = { parent: string | null; blocks: Array<(typeof TABLE4_BLOCKS)[number]> };
  const groups: Group[] = [];
  for (const block of TABLE4_BLOCKS) {
    const last = groups[groups.length - 1];
    if (block.parent !== null && last && last.parent === block.parent) last.blocks.push(block);
    else groups.push({ parent: block.parent, blocks: [block] });
  }

  const nested = groups.some((group) => group.parent !== null);
  const resultHeaders = (rowSpan: number) => TABLE4_RESULT_COLUMNS.map((text) => header(text, rowSpan));
  const row1: CellSpec[] = [];
  const row2: CellSpec[] = [];
  const row3: CellSpec[] = [];
  for (const group of groups) {
    if (group.parent === null) {
      for (const block of group.blocks) {
        row1.push(header(block.label, 1, width));
        row2.push(...resultHeaders(nested ? 2 : 1));
      }
    } else {
      row1.push(header(group.parent, 1, width * group.blocks.length));
      for (const block of group.blocks) {
        row2.push(header(block.label, 1, width));
        row3.push(...resultHeaders(1));
      }
    }
  }
  const values: CellSpec[] = TABLE4_BLOCKS.flatMap((block) => {
    const path = block.parent ? [block.parent, block.label] : [block.label];
    return TABLE4_RESULT_COLUMNS.map((text, i) => value(`table4:${block.key}:${i}`, table[block.key]?.[i] ?? 0, [...path, text]));
  });
  const rows = nested ? [row1, row2, row3, values] : [row1, row2, values];
  return { id: 'table4', rowCount: rows.length, columnCount, labelColumns: 0, headerRows: rows.length - 1, rows: placeRows(rows, columnCount) };
}

/** Every cell of a layout in reading order. */
export function layoutCells(layout: TableLayout): LayoutCell[] {
  return layout.rows.flat();
}

/** The value cells of a layout, in reading order. */
export function valueCells(layout: TableLayout): ValueCell[] {
  return layoutCells(layout).filter((cell): cell is ValueCell => cell.kind === 'value');
}

/** CSS grid placement of a cell, e.g. `{ gridRow: '4 / span 22', gridColumn: '1 / span 1' }`. */
export function gridPlacement(cell: LayoutCell): { gridRow: string; gridColumn: string } {
  return { gridRow: `${cell.row} / span ${cell.rowSpan}`, gridColumn: `${cell.column} / span ${cell.colSpan}` };
}
