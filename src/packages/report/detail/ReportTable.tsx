// Renders one annual-report table from its layout model (src/domain/report/layout.ts) as a CSS grid
// of Views, each cell placed explicitly from its spans, inside a sideways-scrolling ScrollView.
// NOTE: mini-programs have no <table>; CSS grid works in the weapp webview renderer and on h5.
import { ScrollView, Text, View } from '@tarojs/components';
import { gridPlacement, type LayoutCell, type TableLayout } from '@/domain/report/layout';
import './ReportTable.css';

function cellClass(cell: LayoutCell): string {
  switch (cell.kind) {
    case 'header':
      return `rt-cell rt-header${cell.variant ? ` rt-header-${cell.variant}` : ''}`;
    case 'label':
      // A top-level label spanning several rows (三、本年度办理结果) stands in a one-character column.
      return `rt-cell rt-label rt-label-${cell.level}${cell.rowSpan > 1 ? ' rt-label-span' : ''}${
        cell.level === 1 && cell.rowSpan > 1 ? ' rt-label-vertical' : ''
      }`;
    default:
      return 'rt-cell rt-value';
  }
}

function Cell({ cell }: { cell: LayoutCell }) {
  if (cell.kind === 'value') {
    return (
      <View className={cellClass(cell)} style={gridPlacement(cell)} data-cell={cell.cellId} aria-label={cell.ariaLabel}>
        {String(cell.value)}
      </View>
    );
  }
  return (
    <View className={cellClass(cell)} style={gridPlacement(cell)}>
      {cell.text}
    </View>
  );
}

/** `caption` names the table for screen readers (the section heading above it is the visible title). */
export function ReportTable({ layout, caption }: { layout: TableLayout; caption: string }) {
  const wide = layout.columnCount > 4;
  return (
    <View className='rt' id={`report-${layout.id}`}>
      {wide ? <Text className='rt-hint muted'>表格较宽，可左右滑动查看</Text> : null}
      <ScrollView scrollX className='rt-scroll' enhanced showScrollbar>
        <View className={`rt-grid rt-${layout.id}`} role='group' aria-label={caption} data-table={layout.id}>
          {layout.rows.flat().map((cell) => (
            <Cell key={`${cell.row}-${cell.column}`} cell={cell} />
          ))}
        </View>
      </ScrollView>
    </View>
  );
}
