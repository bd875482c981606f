// 下载与打印: the report's tables as CSV (opens in Excel), the whole report as JSON (open data), and
// printing on the web. The platform part (download, share, print) lives in export.h5.ts /
// export.weapp.ts; this file only asks the server for the file and says what happened.
import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { ApiCallError, call } from '@/services/api';
import { CAN_PRINT, deliverExport, printReport } from './export';

type Format = 'csv' | 'json';

const FORMATS: Array<{ format: Format; label: string; hint: string }> = [
  { format: 'csv', label: '下载表格（CSV）', hint: '表二至表四，可用 Excel 打开' },
  { format: 'json', label: '开放数据（JSON）', hint: '完整报告，供程序读取' },
];

export function ReportExport({ year, version }: { year: number; version: number }) {
  const [busy, setBusy] = useState<Format>();
  const [status, setStatus] = useState<{ ok: boolean; text: string }>();

  async function exportAs(format: Format) {
    if (busy) return;
    setBusy(format);
    setStatus(undefined);
    try {
      const file = await call('report', 'exportReport', { year, version, format });
      setStatus({ ok: true, text: await deliverExport(file) });
    } catch (cause) {
      setStatus({ ok: false, text: cause instanceof ApiCallError ? cause.message : '导出失败，请稍后重试' });
    } finally {
      setBusy(undefined);
    }
  }

  return (
    <View className='card report-actions no-print' id='report-export' role='group' aria-label='下载与打印'>
      <Text className='card-title'>下载与打印</Text>
      <View className='report-actions-row'>
        {FORMATS.map(({ format, label, hint }) => (
          <View
            key={format}
            className={`report-action tap${busy === format ? ' report-action-busy' : ''}`}
            id={`export-${format}`}
            role='button'
            aria-disabled={busy !== undefined}
            aria-label={`${label}，${hint}`}
            onClick={() => void exportAs(format)}
          >
            <Text className='report-action-label'>{busy === format ? '正在导出…' : label}</Text>
            <Text className='report-action-hint'>{hint}</Text>
          </View>
        ))}
        {CAN_PRINT ? (
          <View className='report-action tap' id='export-print' role='button' onClick={printReport}>
            <Text className='report-action-label'>打印</Text>
            <Text className='report-action-hint'>表格完整打印</Text>
          </View>
        ) : null}
      </View>
      {status ? (
        <View className={status.ok ? 'report-export-status' : 'report-export-status report-export-error'} id='export-status' role={status.ok ? 'status' : 'alert'}>
          <Text>{status.text}</Text>
        </View>
      ) : null}
    </View>
  );
}
