// 评价统计: the public statistics of 好差评 (satisfaction, bad ratings and their rectification, counts
// by level, service item and month as bars drawn with Views, numbers always as text), the total
// received before this system as the 2023 annual report states it, and the recent public ratings.
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { ActionOutput } from '@/contracts';
import { SERVICE_ITEMS, type RatingView } from '@/contracts/ratings';
import { call } from '@/services/api';
import { useRemote } from '@/hooks/useRemote';
import { PageShell } from '@/components/PageShell';
import { RemoteView } from '@/components/RemoteView';
import { formatDate, percentText, RATE_ROUTES } from '../shared';
import '../rate.css';

type Stats = ActionOutput<'ratings', 'stats'>;

interface Bar {
  key: string;
  label: string;
  value: number;
  /** Extra words after the number (e.g. how many were bad). */
  note?: string;
}

function Chart({ id, title, bars, unit = '条' }: { id: string; title: string; bars: Bar[]; unit?: string }) {
  const max = Math.max(0, ...bars.map((bar) => bar.value));
  const titleId = `chart-${id}-title`;
  return (
    <View className='rate-chart' id={`chart-${id}`}>
      <Text className='rate-chart-title' id={titleId}>
        {title}
      </Text>
      {bars.length === 0 ? (
        <Text className='rate-empty muted'>暂无数据</Text>
      ) : (
        <View role='list' aria-labelledby={titleId}>
          {bars.map((bar) => (
            <View
              key={bar.key}
              className='rate-bar'
              role='listitem'
              aria-label={`${bar.label} ${bar.value} ${unit}${bar.note ? `，${bar.note}` : ''}`}
              data-testid='chart-bar'
              data-key={bar.key}
              data-value={bar.value}
            >
              <Text className='rate-bar-label' aria-hidden='true'>
                {bar.label}
              </Text>
              <View className='rate-bar-track' aria-hidden='true'>
                <View className='rate-bar-fill' style={{ width: `${max > 0 ? Math.round((bar.value / max) * 1000) / 10 : 0}%` }} />
              </View>
              <Text className='rate-bar-value' aria-hidden='true'>
                {bar.note ? `${bar.value}（${bar.note}）` : String(bar.value)}
              </Text>
            </View>
          ))}
        </View>
      )}
    </View>
  );
}

function Figure({ id, label, value, sub }: { id: string; label: string; value: string; sub?: string }) {
  return (
    <View className='rate-figure' id={id} role='listitem' aria-label={`${label} ${value}${sub ? `，${sub}` : ''}`}>
      <Text className='rate-figure-value' aria-hidden='true'>
        {value}
      </Text>
      <Text className='rate-figure-label' aria-hidden='true'>
        {label}
      </Text>
      {sub ? (
        <Text className='rate-figure-sub' aria-hidden='true'>
          {sub}
        </Text>
      ) : null}
    </View>
  );
}

function Summary({ stats }: { stats: Stats }) {
  const byLevel: Bar[] = Object.entries(stats.byLevel).map(([label, value]) => ({ key: label, label, value }));
  // Every service item in its usual order (a zero is worth seeing), then any the list does not know.
  const known: string[] = SERVICE_ITEMS.map((item) => item.label);
  const byItem: Bar[] = [...known, ...Object.keys(stats.byServiceItem).filter((label) => !known.includes(label))].map((label) => ({ key: label, label, value: stats.byServiceItem[label] ?? 0 }));
  const byMonth: Bar[] = stats.byMonth.map((m) => ({ key: m.month, label: `${m.month.slice(0, 4)}年${Number(m.month.slice(5, 7))}月`, value: m.total, ...(m.bad > 0 ? { note: `差评 ${m.bad}` } : {}) }));
  const rectification = stats.bad === 0 ? '暂无差评' : percentText(stats.rectificationRate);
  return (
    <>
      <View className='card' id='stats-summary'>
        <Text className='card-title'>评价概况</Text>
        <View className='rate-figures' role='list' aria-label='评价概况'>
          <Figure id='stats-total' label='本系统收到评价' value={`${stats.total} 条`} sub={stats.excluded > 0 ? `另有 ${stats.excluded} 条经复核为恶意评价，不计入` : undefined} />
          <Figure id='stats-satisfaction' label='满意率' value={percentText(stats.satisfactionRate)} sub='非常满意、满意、基本满意的占比' />
          <Figure id='stats-bad' label='差评' value={`${stats.bad} 条`} sub='不满意、非常不满意' />
          <Figure
            id='stats-rectification'
            label='差评整改率'
            value={rectification}
            sub={stats.averageRectificationDays === null ? '已整改答复的差评占比' : stats.averageRectificationDays === 0 ? '平均当天答复' : `平均 ${stats.averageRectificationDays} 天答复`}
          />
        </View>
        <Text className='muted rate-intro' id='stats-imported' data-total={stats.imported.total}>
          {`本系统上线前累计接收评价 ${stats.imported.total} 条，未计入以上统计。来源：${stats.imported.source}`}
        </Text>
      </View>
      <View className='card' id='stats-charts'>
        <Text className='card-title'>分类统计</Text>
        <Chart id='level' title='按评价等级' bars={byLevel} />
        <Chart id='item' title='按服务事项' bars={byItem} />
        <Chart id='month' title='按月份' bars={byMonth} />
        <Text className='muted rate-intro'>条形长度按各图最大值折算，数字为评价条数。</Text>
      </View>
    </>
  );
}

function PublicRating({ rating }: { rating: RatingView }) {
  const hidden = !rating.comment && rating.moderation === 'pending';
  return (
    <View className='rate-item' data-testid='public-rating' id={`public-rating-${rating.id}`} role='listitem'>
      <View className='rate-item-head'>
        <Text className={rating.rectification ? 'rate-item-level rate-item-level-bad' : 'rate-item-level'}>{`${rating.levelLabel} · ${rating.serviceItemLabel}`}</Text>
        <Text className='muted'>{formatDate(rating.ratedOn)}</Text>
      </View>
      <Text className='rate-item-meta muted'>{rating.rater}</Text>
      {rating.indicators.length > 0 ? <Text className='rate-item-meta'>{rating.indicators.join('、')}</Text> : null}
      {hidden ? <Text className='rate-item-hidden'>评价内容审核中</Text> : rating.comment ? <Text className='rate-item-comment'>{rating.comment}</Text> : null}
      {rating.rectification ? (
        <View className='rate-rect' data-state={rating.rectification.state}>
          <Text className='rate-rect-state'>{`整改情况：${rating.rectification.stateLabel}`}</Text>
          {rating.rectification.reply ? <Text className='rate-reply'>{rating.rectification.reply}</Text> : <Text className='muted rate-item-meta'>{`答复期限 ${formatDate(rating.rectification.due)}`}</Text>}
        </View>
      ) : null}
    </View>
  );
}

export default function RateStats() {
  const stats = useRemote(() => call('ratings', 'stats', {}), [], { refreshOnShow: true });
  const recent = useRemote(() => call('ratings', 'publicList', {}), [], { refreshOnShow: true });
  return (
    <PageShell testId='rate-stats'>
      <View className='header'>
        <Text className='header-title'>评价统计</Text>
        <Text className='header-sub'>好差评结果和差评整改情况向社会公开</Text>
      </View>
      <RemoteView state={stats}>{(data) => <Summary stats={data} />}</RemoteView>
      <View className='card' id='public-ratings'>
        <Text className='card-title'>最新评价</Text>
        <RemoteView state={recent}>
          {(items) =>
            items.length === 0 ? (
              <Text className='muted' id='public-ratings-empty'>
                暂无评价。
              </Text>
            ) : (
              <View role='list' aria-label='最新评价'>
                {items.map((rating) => (
                  <PublicRating key={rating.id} rating={rating} />
                ))}
              </View>
            )
          }
        </RemoteView>
      </View>
      <View className='button button-secondary' id='stats-rate' role='link' onClick={() => void Taro.navigateTo({ url: RATE_ROUTES.home })}>
        我要评价
      </View>
    </PageShell>
  );
}
