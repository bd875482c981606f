// 我的评价: the caller's own ratings, newest first: level, service, dates and whether the comment is
// public; for a bad rating the rectification case, its deadline and the center's reply once answered.
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { RatingView } from '@/contracts/ratings';
import { call } from '@/services/api';
import { useRemote } from '@/hooks/useRemote';
import { PageShell } from '@/components/PageShell';
import { RemoteView } from '@/components/RemoteView';
import { formatDate, MODERATION_LABELS, RATE_ROUTES } from '../shared';
import '../rate.css';

function MyRating({ rating }: { rating: RatingView }) {
  const rect = rating.rectification;
  const answered = rect?.state === 'answered' || rect?.state === 'closed';
  return (
    <View className='rate-item' data-testid='my-rating' id={`my-rating-${rating.id}`} role='listitem' data-level={rating.level}>
      <View className='rate-item-head'>
        <Text className={rect ? 'rate-item-level rate-item-level-bad' : 'rate-item-level'}>{`${rating.levelLabel} · ${rating.serviceItemLabel}`}</Text>
        <Text className={rating.moderation === 'shown' ? 'rate-tag rate-tag-done' : 'rate-tag rate-tag-wait'} data-moderation={rating.moderation}>
          {rating.comment || rating.moderation !== 'shown' ? MODERATION_LABELS[rating.moderation] : '评价已公开'}
        </Text>
      </View>
      <Text className='rate-item-meta muted'>{`办事日期 ${formatDate(rating.serviceDate)} · 评价于 ${formatDate(rating.ratedOn)} · 展示为 ${rating.rater}`}</Text>
      {rating.indicators.length > 0 ? <Text className='rate-item-meta'>{rating.indicators.join('、')}</Text> : null}
      {rating.comment ? <Text className='rate-item-comment'>{rating.comment}</Text> : null}
      {rect ? (
        <View className='rate-rect' data-testid='rating-rectification' data-state={rect.state}>
          <Text className='rate-rect-state'>{`整改情况：${rect.stateLabel}`}</Text>
          <Text className='muted rate-item-meta'>{answered && rect.answeredOn ? `答复期限 ${formatDate(rect.due)}，已于 ${formatDate(rect.answeredOn)} 答复` : `答复期限 ${formatDate(rect.due)}`}</Text>
          {rect.reply ? (
            <>
              <Text className='rate-item-meta'>本中心的答复：</Text>
              <Text className='rate-reply' data-testid='rating-reply'>
                {rect.reply}
              </Text>
            </>
          ) : null}
        </View>
      ) : null}
    </View>
  );
}

export default function RateMine() {
  // Answers arrive while the page sits in the stack: load again when it comes back into view.
  const mine = useRemote(() => call('ratings', 'listMine', {}), [], { refreshOnShow: true });
  return (
    <PageShell testId='rate-mine'>
      <RemoteView state={mine}>
        {(items) =>
          items.length === 0 ? (
            <View className='state' id='rate-mine-empty'>
              <Text className='muted'>您还没有评价过本中心的服务。</Text>
              <View className='button' id='rate-mine-new' role='link' onClick={() => void Taro.navigateTo({ url: RATE_ROUTES.home })}>
                去评价
              </View>
            </View>
          ) : (
            <View className='card' role='list' aria-label='我的评价'>
              <Text className='card-title'>{`我的评价（共 ${items.length} 条）`}</Text>
              {items.map((rating) => (
                <MyRating key={rating.id} rating={rating} />
              ))}
            </View>
          )
        }
      </RemoteView>
    </PageShell>
  );
}
