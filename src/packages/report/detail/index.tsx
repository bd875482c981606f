// One annual report (政府信息公开工作年度报告) in full: title, preamble, its versions when corrected,
// charts of the applications, export and print, the six fixed sections with their narrative, and
// Tables 2–4 in the official layout of 国办公开办函〔2021〕30号.
import { useMemo, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { Report } from '@/contracts/report';
import { REPORT_SECTIONS, type ReportSectionKey } from '@/domain/report/tables';
import { table2Layout, table3Layout, table4Layout, type TableLayout } from '@/domain/report/layout';
import { ApiCallError, call } from '@/services/api';
import { useRemote } from '@/hooks/useRemote';
import { PageShell } from '@/components/PageShell';
import { ReportError } from '@/components/ReportError';
import { RemoteView } from '@/components/RemoteView';
import { ReportTable } from './ReportTable';
import { ReportCharts } from './ReportCharts';
import { ReportExport } from './ReportExport';
import { ReportVersions } from './ReportVersions';
import { reportCharts } from './charts';
import './index.css';
import { RateFloat } from '@/components/RateFloat';

/** The table that belongs to a section, if any. */
const SECTION_TABLES: Partial<Record<ReportSectionKey, { caption: string; build: (report: Report) => TableLayout }>> = {
  proactive: { caption: '主动公开政府信息情况统计表', build: (r) => table2Layout(r.table2) },
  requests: { caption: '收到和处理政府信息公开申请情况统计表', build: (r) => table3Layout(r.table3) },
  appeals: { caption: '政府信息公开行政复议、行政诉讼情况统计表', build: (r) => table4Layout(r.table4) },
};

function ReportBody({ report, onOpenVersion }: { report: Report; onOpenVersion: (version: number) => void }) {
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
  const charts = useMemo(() => reportCharts(report), [report]);
  const corrected = report.versions.length > 1;

  return (
    <>
      <View className='header report-header'>
        <View className='header-title' id='report-title' role='heading' aria-level={1}>
          {report.title}
        </View>
        <Text className='header-sub'>
          发布日期 {report.publishedAt}
          {corrected ? ` · 第 ${report.version} 版` : ''}
        </Text>
      </View>
      {corrected ? <ReportVersions report={report} onOpen={onOpenVersion} /> : null}
      <View className='card report-preamble'>
        <Text className='paragraph' id='report-preamble'>
          {report.preamble}
        </Text>
      </View>
      <ReportExport year={report.year} version={report.version} />
      <ReportCharts charts={charts} />
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
  // A link may name a version (?version=1); the versions block switches between them in place.
  const [version, setVersion] = useState<number | undefined>(() => {
    const asked = Number(params.version);
    return Number.isInteger(asked) && asked >= 1 ? asked : undefined;
  });
  const report = useRemote(
    () =>
      Number.isInteger(year)
        ? call('report', 'getReport', { year, ...(version ? { version } : {}) })
        : Promise.reject(new ApiCallError('VALIDATION_FAILED', '链接中的年份不正确，请从年度报告列表进入')),
    [year, version],
  );

  function openVersion(next: number) {
    setVersion(next);
    void Taro.pageScrollTo({ scrollTop: 0, duration: 200 });
  }

  return (
    <PageShell testId='report-detail'>
      <RemoteView state={report}>{(data) => <ReportBody report={data} onOpenVersion={openVersion} />}</RemoteView>
      {report.data ? <ReportError title={report.data.title} /> : null}
      <RateFloat service='website' />
    </PageShell>
  );
}
