// Versions of a corrected report: which one is shown, why it replaced the one before (更正说明), and
// links to the others. Shown only once a correction exists (more than one version).
import { Text, View } from '@tarojs/components';
import type { Report } from '@/contracts/report';

export function ReportVersions({ report, onOpen }: { report: Report; onOpen: (version: number) => void }) {
  const newest = report.versions[0]?.version ?? report.version;
  const isNewest = report.version === newest;
  const replacedBy = report.versions.find((v) => v.version === report.version + 1);
  return (
    <View className='card report-versions' id='report-versions' aria-labelledby='report-version'>
      <View className='report-version-head'>
        <Text className='report-version' id='report-version'>
          第 {report.version} 版
        </Text>
        <Text className={`report-version-state${isNewest ? '' : ' report-version-old'}`}>{isNewest ? '最新版本' : `已被第 ${newest} 版更正`}</Text>
      </View>
      <Text className='report-note' id='report-note'>
        {report.note ? `更正说明：${report.note}` : `首次发布的版本。${replacedBy?.note ? `第 ${replacedBy.version} 版的更正说明：${replacedBy.note}` : ''}`}
      </Text>
      <Text className='report-versions-title'>全部版本</Text>
      <View className='report-versions-list' role='navigation' aria-label='报告的全部版本'>
        {report.versions.map((v) => {
          const current = v.version === report.version;
          return (
            <View
              key={v.version}
              id={`version-${v.version}`}
              className={`report-versions-item tap${current ? ' report-versions-current' : ''}`}
              role={current ? undefined : 'link'}
              aria-current={current ? 'true' : undefined}
              aria-label={`第 ${v.version} 版，发布日期 ${v.publishedAt}${current ? '，正在查看' : ''}`}
              onClick={current ? undefined : () => onOpen(v.version)}
            >
              <Text className='report-versions-name'>
                第 {v.version} 版 · {v.publishedAt}
                {current ? '（正在查看）' : ''}
              </Text>
              {v.note ? <Text className='report-versions-note muted'>{v.note}</Text> : null}
              {current ? null : (
                <Text className='report-versions-arrow' aria-hidden='true'>
                  查看 ›
                </Text>
              )}
            </View>
          );
        })}
      </View>
    </View>
  );
}
