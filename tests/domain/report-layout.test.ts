// The layout model of the annual-report tables: official structure, spans and grid placement.
import {
  LayoutError,
  TABLE_HEADER_LABELS,
  gridPlacement,
  layoutCells,
  placeRows,
  table2Layout,
  table3Layout,
  table4Layout,
  valueCells,
  type CellSpec,
  type LayoutCell,
  type TableLayout,
} from '@/domain/report/layout';
import {
  TABLE2_BLOCKS,
  TABLE3_COLUMNS,
  TABLE3_OUTCOME_GROUPS,
  TABLE3_ROW_KEYS,
  TABLE3_SECTION_LABELS,
  TABLE4_BLOCKS,
  TABLE4_RESULT_COLUMNS,
  emptyTable3,
  emptyTable4,
  type Table2,
  type Table3,
  type Table4,
} from '@/domain/report/tables';

/** Distinct values everywhere, so a cell wired to the wrong row or column shows. */
function numberedTable3(): Table3 {
  const table = emptyTable3();
  TABLE3_ROW_KEYS.forEach((key, r) => {
    table[key] = TABLE3_COLUMNS.map((_, c) => r * 100 + c);
  });
  return table;
}

function numberedTable4(): Table4 {
  const table = emptyTable4();
  TABLE4_BLOCKS.forEach((block, b) => {
    table[block.key] = TABLE4_RESULT_COLUMNS.map((_, i) => b * 10 + i + 1);
  });
  return table;
}

const table2: Table2 = {
  regulations: { issued: 1, repealed: 2, inForce: 3 },
  normativeDocuments: { issued: 4, repealed: 5, inForce: 6 },
  licensing: { decisions: 7 },
  penalties: { decisions: 8 },
  enforcement: { decisions: 9 },
  fees: { amountWan: 1.25 },
};

function findText(layout: TableLayout, text: string): LayoutCell {
  const cell = layoutCells(layout).find((c) => c.kind !== 'value' && c.text === text);
  if (!cell) throw new Error(`no cell with text ${text}`);
  return cell;
}

/** Every grid slot is covered by exactly one cell. */
function coverage(layout: TableLayout): number[][] {
  const grid = Array.from({ length: layout.rowCount }, () => Array<number>(layout.columnCount).fill(0));
  for (const cell of layoutCells(layout)) {
    for (let r = cell.row; r < cell.row + cell.rowSpan; r += 1) {
      for (let c = cell.column; c < cell.column + cell.colSpan; c += 1) {
        grid[r - 1]![c - 1]! += 1;
      }
    }
  }
  return grid;
}

describe('placeRows', () => {
  it('skips the columns covered by row spans above', () => {
    const a: CellSpec = { kind: 'header', text: 'a', rowSpan: 2, colSpan: 1 };
    const b: CellSpec = { kind: 'header', text: 'b', rowSpan: 1, colSpan: 1 };
    const c: CellSpec = { kind: 'header', text: 'c', rowSpan: 1, colSpan: 1 };
    const rows = placeRows([[a, b], [c]], 2);
    expect(rows[1]![0]).toMatchObject({ text: 'c', row: 2, column: 2 });
  });

  it('rejects holes, overflow and overlap', () => {
    const one = (colSpan = 1, rowSpan = 1): CellSpec => ({ kind: 'header', text: 'x', rowSpan, colSpan });
    expect(() => placeRows([[one()]], 2)).toThrow(LayoutError);
    expect(() => placeRows([[one(3)]], 2)).toThrow(LayoutError);
    expect(() => placeRows([[one(1, 3)], [one()]], 2)).toThrow(LayoutError);
  });

  it('gives CSS grid placement strings', () => {
    expect(gridPlacement({ kind: 'header', text: 'x', row: 4, column: 1, rowSpan: 22, colSpan: 1 })).toEqual({
      gridRow: '4 / span 22',
      gridColumn: '1 / span 1',
    });
  });
});

describe('Table 3 layout', () => {
  const layout = table3Layout(numberedTable3());
  const cells = layoutCells(layout);

  it('is a 28 × 10 grid: 3 header rows + 25 numeric rows, 3 label columns + 7 value columns', () => {
    expect(layout.columnCount).toBe(10);
    expect(layout.rowCount).toBe(28);
    expect(layout.headerRows).toBe(3);
    expect(layout.labelColumns).toBe(3);
    expect(coverage(layout).flat().every((n) => n === 1)).toBe(true);
  });

  it('has 215 cells: 10 header, 30 label, 175 value', () => {
    expect(cells).toHaveLength(215);
    expect(cells.filter((c) => c.kind === 'header')).toHaveLength(10);
    expect(cells.filter((c) => c.kind === 'label')).toHaveLength(30);
    expect(valueCells(layout)).toHaveLength(175);
  });

  it('has the two-level column header of the official form', () => {
    expect(findText(layout, TABLE_HEADER_LABELS.table3Note)).toMatchObject({ row: 1, column: 1, rowSpan: 3, colSpan: 3 });
    expect(TABLE_HEADER_LABELS.table3Note).toBe('（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）');
    expect(findText(layout, '申请人情况')).toMatchObject({ row: 1, column: 4, rowSpan: 1, colSpan: 7 });
    expect(findText(layout, '自然人')).toMatchObject({ row: 2, column: 4, rowSpan: 2, colSpan: 1 });
    expect(findText(layout, '法人或其他组织')).toMatchObject({ row: 2, column: 5, rowSpan: 1, colSpan: 5 });
    expect(findText(layout, '总计')).toMatchObject({ row: 2, column: 10, rowSpan: 2, colSpan: 1 });
    expect(layout.rows[2]!.map((c) => (c.kind === 'header' ? c.text : null))).toEqual([
      '商业企业',
      '科研机构',
      '社会公益组织',
      '法律服务机构',
      '其他',
    ]);
    expect(layout.rows[2]!.map((c) => c.column)).toEqual([5, 6, 7, 8, 9]);
  });

  it('spans 三、本年度办理结果 over its 22 rows and each outcome group over its numbered rows', () => {
    expect(findText(layout, '三、本年度办理结果')).toMatchObject({ kind: 'label', row: 6, column: 1, rowSpan: 22, colSpan: 1 });
    expect(findText(layout, '（三）不予公开')).toMatchObject({ row: 8, column: 2, rowSpan: 8, colSpan: 1 });
    expect(findText(layout, '（四）无法提供')).toMatchObject({ row: 16, column: 2, rowSpan: 3 });
    expect(findText(layout, '（五）不予处理')).toMatchObject({ row: 19, column: 2, rowSpan: 5 });
    expect(findText(layout, '（六）其他处理')).toMatchObject({ row: 24, column: 2, rowSpan: 3 });
    expect(findText(layout, '1.属于国家秘密')).toMatchObject({ row: 8, column: 3, rowSpan: 1, colSpan: 1 });
    expect(findText(layout, '（一）予以公开')).toMatchObject({ row: 6, column: 2, colSpan: 2 });
    expect(findText(layout, TABLE3_SECTION_LABELS.partial)).toMatchObject({ row: 7, column: 2, colSpan: 2 });
    expect(findText(layout, '（七）总计')).toMatchObject({ row: 27, column: 2, colSpan: 2 });
    expect(findText(layout, '一、本年新收政府信息公开申请数量')).toMatchObject({ row: 4, column: 1, colSpan: 3 });
    expect(findText(layout, '四、结转下年度继续办理')).toMatchObject({ row: 28, column: 1, colSpan: 3 });
  });

  it('puts the label cells in official reading order', () => {
    const labels = cells.filter((c) => c.kind === 'label').map((c) => (c.kind === 'label' ? c.text : ''));
    const expected = [
      TABLE3_SECTION_LABELS.newReceived,
      TABLE3_SECTION_LABELS.carriedIn,
      TABLE3_SECTION_LABELS.results,
      TABLE3_SECTION_LABELS.granted,
      TABLE3_SECTION_LABELS.partial,
      ...TABLE3_OUTCOME_GROUPS.flatMap((g) => [g.label, ...g.rows.map((r) => r.label)]),
      TABLE3_SECTION_LABELS.resultsTotal,
      TABLE3_SECTION_LABELS.carriedOver,
    ];
    expect(labels).toEqual(expected);
  });

  it('has every Table 3 value cell exactly once, in its own row and column, with its value', () => {
    const table = numberedTable3();
    const ids = valueCells(layout).map((c) => c.cellId);
    const expected = TABLE3_ROW_KEYS.flatMap((row) => TABLE3_COLUMNS.map((col) => `table3:${row}:${col.key}`));
    expect(ids).toEqual(expected);
    expect(new Set(ids).size).toBe(175);
    for (const cell of valueCells(layout)) {
      const [, rowKey, colKey] = cell.cellId.split(':') as [string, (typeof TABLE3_ROW_KEYS)[number], string];
      const r = TABLE3_ROW_KEYS.indexOf(rowKey);
      const c = TABLE3_COLUMNS.findIndex((col) => col.key === colKey);
      expect(cell.value).toBe(table[rowKey][c]);
      expect(cell.row).toBe(4 + r);
      expect(cell.column).toBe(4 + c);
      expect(cell.rowSpan * cell.colSpan).toBe(1);
    }
  });

  it('gives value cells accessible labels naming the row and column', () => {
    const byId = new Map(valueCells(layout).map((c) => [c.cellId, c]));
    expect(byId.get('table3:newReceived:natural')!.ariaLabel).toBe('一、本年新收政府信息公开申请数量，自然人：0');
    expect(byId.get('table3:refusedStateSecret:commercial')!.ariaLabel).toBe(
      '三、本年度办理结果，（三）不予公开，1.属于国家秘密，法人或其他组织，商业企业：401',
    );
    expect(byId.get('table3:carriedOver:total')!.ariaLabel).toBe('四、结转下年度继续办理，总计：2406');
  });
});

describe('Table 4 layout', () => {
  const layout = table4Layout(numberedTable4());

  it('is 行政复议 {5} | 行政诉讼 {未经复议直接起诉 {5}, 复议后起诉 {5}} over one row of 15 values', () => {
    expect(layout.columnCount).toBe(15);
    expect(layout.rowCount).toBe(4);
    expect(coverage(layout).flat().every((n) => n === 1)).toBe(true);
    expect(findText(layout, '行政复议')).toMatchObject({ row: 1, column: 1, colSpan: 5, rowSpan: 1 });
    expect(findText(layout, '行政诉讼')).toMatchObject({ row: 1, column: 6, colSpan: 10, rowSpan: 1 });
    expect(findText(layout, '未经复议直接起诉')).toMatchObject({ row: 2, column: 6, colSpan: 5 });
    expect(findText(layout, '复议后起诉')).toMatchObject({ row: 2, column: 11, colSpan: 5 });
    expect(layout.rows[1]!.slice(0, 5).map((c) => [c.kind === 'header' && c.text, c.rowSpan, c.column])).toEqual(
      TABLE4_RESULT_COLUMNS.map((text, i) => [text, 2, i + 1]),
    );
    expect(layout.rows[2]).toHaveLength(10);
    expect(layout.rows[2]!.map((c) => c.column)).toEqual([6, 7, 8, 9, 10, 11, 12, 13, 14, 15]);
  });

  it('has the 15 value cells once each, with their values and labels', () => {
    const cells = valueCells(layout);
    expect(cells.map((c) => c.cellId)).toEqual(TABLE4_BLOCKS.flatMap((b) => [0, 1, 2, 3, 4].map((i) => `table4:${b.key}:${i}`)));
    expect(cells.map((c) => c.value)).toEqual([1, 2, 3, 4, 5, 11, 12, 13, 14, 15, 21, 22, 23, 24, 25]);
    expect(cells.every((c) => c.row === 4)).toBe(true);
    expect(cells[7]!.ariaLabel).toBe('行政诉讼，未经复议直接起诉，其他结果：13');
  });
});

describe('Table 2 layout', () => {
  const layout = table2Layout(table2);

  it('has the four 第二十条 blocks, each with heading, 信息内容 header and rows', () => {
    expect(layout.columnCount).toBe(4);
    expect(layout.rowCount).toBe(14);
    expect(coverage(layout).flat().every((n) => n === 1)).toBe(true);
    const headings = layoutCells(layout).filter((c) => c.kind === 'header' && c.variant === 'block');
    expect(headings.map((c) => (c.kind === 'header' ? c.text : ''))).toEqual(TABLE2_BLOCKS.map((b) => b.heading));
    expect(headings.every((c) => c.colSpan === 4)).toBe(true);
    expect(layoutCells(layout).filter((c) => c.kind === 'header' && c.text === '信息内容')).toHaveLength(4);
    expect(findText(layout, '本年收费金额（单位：万元）')).toMatchObject({ row: 13, column: 2, colSpan: 3 });
  });

  it('maps every field to one value cell', () => {
    const cells = valueCells(layout);
    expect(cells.map((c) => [c.cellId, c.value])).toEqual([
      ['table2:regulations:issued', 1],
      ['table2:regulations:repealed', 2],
      ['table2:regulations:inForce', 3],
      ['table2:normativeDocuments:issued', 4],
      ['table2:normativeDocuments:repealed', 5],
      ['table2:normativeDocuments:inForce', 6],
      ['table2:licensing:decisions', 7],
      ['table2:penalties:decisions', 8],
      ['table2:enforcement:decisions', 9],
      ['table2:fees:amountWan', 1.25],
    ]);
    expect(cells[0]!.ariaLabel).toBe('第二十条第（一）项，规章，本年制发件数：1');
    expect(cells[6]).toMatchObject({ colSpan: 3, column: 2 });
  });
});
