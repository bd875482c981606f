// 交易统计: today's notices, projects by transaction type and by district, and notices per month over
// the last 12 months. Charts are plain Views: each bar's length is its share, and its number is always
// written beside it (never colour or length alone); the bar itself is hidden from screen readers.
import { Text, View } from '@tarojs/components';
import { call } from '@/services/api';
import { useRemote } from '@/hooks/useRemote';
import { PageShell } from '@/components/PageShell';
import { RemoteView } from '@/components/RemoteView';
import { formatDate } from '../shared';
import '../trading.css';

interface Bar {
  key: string;
  label: string;
  count: number;
}

function BarChart({ id, title, unit, bars }: { id: string; title: string; unit: string; bars: Bar[] }) {
  const max = Math.max(1, ...bars.map((b) => b.count));
  return (
    <View className='card' id={id}>
      <Text className='card-title'>{title}</Text>
      {bars.map((bar) => (
        <View className='td-bar-row' key={bar.key} data-testid={`${id}-row`} data-key={bar.key} data-value={bar.count}>
          <Text className='td-bar-label'>{bar.label}</Text>
          <View className='td-bar-track' aria-hidden='true'>
            <View className='td-bar-fill' style={{ width: `${Math.round((bar.count / max) * 100)}%` }} />
          </View>
          <Text className='td-bar-value'>{`${bar.count} ${unit}`}</Text>
        </View>
      ))}
    </View>
  );
}

export default function TradingStatsPage() {
  const state = useRemote(() => call('trading', 'stats', {}), []);
  return (
    <PageShell testId='trading-stats'>
      <RemoteView state={state}>
        {(stats) => (
          <>
            <View className='card'>
              <View className='td-stat-big'>
                <Text>{`今日（${formatDate(stats.today)}）发布公告`}</Text>
                <Text className='td-stat-value' id='stats-today' data-value={stats.todayNotices}>{`${stats.todayNotices} 条`}</Text>
              </View>
              <View className='td-stat-big'>
                <Text>交易项目总数</Text>
                <Text className='td-stat-value' id='stats-total' data-value={stats.totalProjects}>{`${stats.totalProjects} 个`}</Text>
              </View>
              {stats.includesDemo ? (
                <Text className='muted list-item-meta' id='stats-demo-note'>
                  含演示数据：统计按已公开的交易项目与公告计算，演示项目并非真实交易。
                </Text>
              ) : null}
            </View>
            <BarChart id='stats-type' title='按交易类型（项目数）' unit='个' bars={stats.byType} />
            <BarChart id='stats-district' title='按交易地区（项目数）' unit='个' bars={stats.byDistrict} />
            <BarChart
              id='stats-monthly'
              title='近 12 个月发布公告（条）'
              unit='条'
              bars={stats.monthly.map((m) => ({ key: m.month, label: `${m.month.slice(0, 4)}年${Number(m.month.slice(5, 7))}月`, count: m.count }))}
            />
          </>
        )}
      </RemoteView>
    </PageShell>
  );
}
