// One annual report (政府信息公开工作年度报告) in full: title, preamble, the six fixed sections with
// their narrative, and Tables 2–4 in the official layout of 国办公开办函〔2021〕30号.
import { useMemo } from 'react';
import { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { Report } from '@/contracts/report';
import { REPORT_SECTIONS, type ReportSectionKey } from '@/domain/report/tables';
import { table2Layout, table3Layout, table4Layout, type TableLayout } from '@/domain/report/layout';
import { ApiCallError, call } from '@/services/api';
import { useRemote } from '@/hooks/useRemote';
import { PageShell } from '@/components/PageShell';
import { RemoteView } from '@/components/RemoteView';
import { ReportTable } from './ReportTable';
import './index.css';

/** The table that belongs to a section, if any. */
const SECTION_TABLES: Partial<Record<ReportSectionKey, { caption: string; build: (report: Report) => TableLayout }>> = {
  proactive: { caption: '主动公开政府信息情况统计表', build: (r) => table2Layout(r.table2) },
  requests: { caption: '收到和处理政府信息公开申请情况统计表', build: (r) => table3Layout(r.table3) },
  appeals: { caption: '政府信息公开行政复议、行政诉讼情况统计表', build: (r) => table4Layout(r.table4) },
};

function ReportBody({ report }: { report: Report }) {
  // Sections in the fixed official order, whatever order the data lists them in.
  const sections = useMemo(
    () =>
      REPORT_SECTIONS.map((official) => {
        const data = report.sections.find((section) => section.key === official.key);
        const table = SECTION_TABLES[official.key];
        return {
          key: official.key,
          label: data?.label || official.label,
          blocks: data?.blocks ?? [],
          table: table ? { caption: table.caption, layout: table.build(report) } : undefined,
        };
      }),
    [report],
  );

  return (
    <>
      <View className='header report-header'>
        <View className='header-title' id='report-title' role='heading' aria-level={1}>
          {report.title}
        </View>
        <Text className='header-sub'>发布日期 {report.publishedAt}</Text>
      </View>
      <View className='card report-preamble'>
        <Text className='paragraph' id='report-preamble'>
          {report.preamble}
        </Text>
      </View>
      {sections.map((section) => (
        <View key={section.key} className='card report-section'>
          <View className='report-section-title' id={`section-${section.key}`} role='heading' aria-level={2}>
            {section.label}
          </View>
          {section.blocks.map((block, b) => (
            <View key={b} className='report-block'>
              {block.heading ? (
                <View className='report-block-title' role='heading' aria-level={3}>
                  {block.heading}
                </View>
              ) : null}
              {block.paragraphs.map((paragraph, p) => (
                <Text key={p} className='paragraph'>
                  {paragraph}
                </Text>
              ))}
            </View>
          ))}
          {section.table ? <ReportTable layout={section.table.layout} caption={section.table.caption} /> : null}
        </View>
      ))}
      <View className='report-source muted' id='report-source'>
        <Text>数据来源：{report.source}</Text>
      </View>
    </>
  );
}

export default function ReportDetail() {
  const { params } = useRouter();
  const year = Number(params.year);
  const report = useRemote(
    () =>
      Number.isInteger(year)
        ? call('report', 'getReport', { year })
        : Promise.reject(new ApiCallError('VALIDATION_FAILED', '链接中的年份不正确，请从年度报告列表进入')),
    [year],
  );
  return (
    <PageShell testId='report-detail'>
      <RemoteView state={report}>{(data) => <ReportBody report={data} />}</RemoteView>
    </PageShell>
  );
}
