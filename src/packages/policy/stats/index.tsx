// 解读与会议统计: a year's interpretations by form and interpreter, and its meetings and topics, compiled
// from the published records, beside the figures the year's annual report states (with its sentence).
import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { call } from '@/services/api';
import { useRemote } from '@/hooks/useRemote';
import { PageShell } from '@/components/PageShell';
import { RemoteView } from '@/components/RemoteView';
import '../policy.css';

function Row({ label, value, id }: { label: string; value: string; id?: string }) {
  return (
    <View className='pl-stat-row'>
      <Text>{label}</Text>
      <Text id={id}>{value}</Text>
    </View>
  );
}

export default function PolicyStatsPage() {
  const [year, setYear] = useState<number | undefined>(undefined);
  const state = useRemote(() => call('policies', 'stats', year === undefined ? {} : { year }), [year]);
  return (
    <PageShell testId='policy-stats'>
      <RemoteView state={state}>
        {(stats) => (
          <>
            <View className='pl-filters'>
              <View className='pl-chips' role='tablist' aria-label='选择年份'>
                {stats.years.map((y) => (
                  <View key={y} id={`year-${y}`} className={y === stats.year ? 'pl-chip pl-chip-active' : 'pl-chip'} role='tab' aria-selected={y === stats.year} onClick={() => setYear(y)}>
                    {y === stats.year ? `✓ ${y}年` : `${y}年`}
                  </View>
                ))}
              </View>
            </View>
            {stats.reported ? (
              <View className='card' id='stats-reported'>
                <Text className='card-title'>{`${stats.year}年度报告数据`}</Text>
                <Row label='发布解读类信息' value={`${stats.reported.interpretations} 次`} id='reported-interpretations' />
                <Row label='召开主任办公会' value={`${stats.reported.directorOfficeMeetings} 次`} id='reported-office' />
                <Row label='研究重要议题' value={`${stats.reported.directorOfficeTopics} 个`} id='reported-topics' />
                <Row label='邀请第三方机构列席' value={`${stats.reported.thirdPartyAttendance} 次`} />
                <Row label='召开“三提三争”工作推进会' value={`${stats.reported.sanTiSanZhengMeetings} 次`} id='reported-santi' />
                {stats.reported.sources.map((source, index) => (
                  <Text key={index} className='pl-source' data-testid='stats-source'>{`原文：“${source}”`}</Text>
                ))}
                <Text className='muted list-item-meta'>{`来源：${stats.reported.sourceTitle}`}</Text>
              </View>
            ) : null}
            <View className='card' id='stats-computed'>
              <Text className='card-title'>{`${stats.year}年已公开记录统计`}</Text>
              {stats.computed.includesDemo ? (
                <Text className='muted list-item-meta' id='stats-demo-note'>
                  含演示数据：演示解读篇数少于实际发布数，会议次数与议题数与年度报告一致，日期与议题内容为示意。
                </Text>
              ) : null}
              <Row label='政策解读' value={`${stats.computed.interpretations} 篇`} id='computed-interpretations' />
              {stats.computed.byForm.map((f) => (
                <Row key={f.key} label={`其中${f.label}解读`} value={`${f.count} 篇`} />
              ))}
              {stats.computed.byRole.map((r) => (
                <Row key={r.key} label={`${r.label}解读`} value={`${r.count} 篇`} />
              ))}
              {stats.computed.meetings.map((m) => (
                <Row key={m.kind} label={m.label} value={`${m.count} 次，议题 ${m.topics} 个${m.thirdPartyAttended ? `，第三方列席 ${m.thirdPartyAttended} 次` : ''}`} id={`computed-${m.kind}`} />
              ))}
            </View>
          </>
        )}
      </RemoteView>
    </PageShell>
  );
}
