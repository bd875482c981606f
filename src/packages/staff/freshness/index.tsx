// 更新雷达: each publishing column against its freshness class (动态/要闻 2 weeks; 通知公告 and 政策
// 6 months; 人事/规划 1 year), dated by its newest publication, and the app as a whole against two weeks
// without any update (单项否决). Stale and soon-due columns come first; states are said in words.
import { Text, View } from '@tarojs/components';
import type { FreshnessRadar } from '@/contracts/portal';
import { call } from '@/services/api';
import { useRemote } from '@/hooks/useRemote';
import { PageShell } from '@/components/PageShell';
import { RemoteView } from '@/components/RemoteView';
import { isNotStaff, StaffOnly, useReloadOnShow } from '../shared';
import '../staff.css';

type Verdict = Pick<FreshnessRadar['site'], 'state' | 'stateLabel' | 'due' | 'daysLeft'>;

function leftText(v: Verdict): string {
  if (v.daysLeft === null || v.due === null) return '尚无任何发布';
  if (v.daysLeft < 0) return `已超期 ${-v.daysLeft} 天（期限 ${v.due}）`;
  if (v.daysLeft === 0) return `今天到期（${v.due}）`;
  return `还剩 ${v.daysLeft} 天（期限 ${v.due}）`;
}

const MARK: Record<Verdict['state'], string> = { stale: '✕', empty: '✕', dueSoon: '！', fresh: '✓' };

export default function StaffFreshness() {
  const radar = useRemote(() => call('portal', 'freshness', {}), []);
  useReloadOnShow(radar);
  if (radar.error && isNotStaff(radar.error)) {
    return (
      <PageShell testId='staff-freshness'>
        <StaffOnly />
      </PageShell>
    );
  }
  return (
    <PageShell testId='staff-freshness'>
      <View className='header'>
        <Text className='header-title'>更新雷达</Text>
        <Text className='header-sub'>政务新媒体检查：各栏目按更新频率要求，全站两周内须有更新</Text>
      </View>
      <RemoteView state={radar}>
        {(data) => (
          <>
            <View className='card' id='freshness-site' data-state={data.site.state}>
              <Text className='card-title'>{`${MARK[data.site.state]} 全站：${data.site.stateLabel}`}</Text>
              <Text className='list-item-meta'>{`最近更新 ${data.site.lastUpdate ?? '无'} · ${data.site.limitDays} 天内须有更新 · ${leftText(data.site)}`}</Text>
              {data.site.state === 'dueSoon' || data.site.state === 'stale' ? (
                <Text className='list-item-meta'>{`提醒：全站即将或已经超过两周未更新，请尽快发布内容（提前 ${data.warnDays} 天提醒）。`}</Text>
              ) : null}
            </View>
            <View className='card'>
              <Text className='card-title'>{`各栏目（今天 ${data.today}）`}</Text>
              {data.columns.map((column) => (
                <View key={column.key} className='st-freshness-row' data-testid='freshness-column' id={`freshness-${column.key}`} data-state={column.state}>
                  <Text className='list-item-title'>{`${MARK[column.state]} ${column.title}：${column.stateLabel}`}</Text>
                  <Text className='list-item-meta muted'>{`${column.classLabel}，${column.limitLabel}内须更新 · 最近 ${column.lastUpdate ?? '无'} · ${leftText(column)}`}</Text>
                  {column.lastTitle ? <Text className='list-item-meta muted'>{`最新：${column.lastTitle}`}</Text> : null}
                </View>
              ))}
            </View>
          </>
        )}
      </RemoteView>
    </PageShell>
  );
}
