// 交易创新展示: the trading innovations the home page's 飘窗 shows, each with when, what, where it
// comes from, and its 交易公告 chain when there is one.
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { call } from '@/services/api';
import { useRemote } from '@/hooks/useRemote';
import { PageShell } from '@/components/PageShell';
import { RemoteView } from '@/components/RemoteView';
import { DemoBadge } from '@/components/DemoBadge';
import { formatDate, GUIDES_ROUTES } from '../shared';
import '../guides.css';

export default function Showcase() {
  const cases = useRemote(() => call('guides', 'listShowcase', {}), []);
  return (
    <PageShell testId='showcase'>
      <View className='header'>
        <Text className='header-title'>交易创新展示</Text>
        <Text className='header-sub'>交易品种与方式上的创新突破</Text>
      </View>
      <RemoteView state={cases}>
        {({ items }) => (
          <View role='list' aria-label='交易创新案例'>
            {items.map((item) => (
              <View key={item.id} className='list-item' role='listitem' data-testid='showcase-case' id={`case-${item.id}`}>
                <Text className='list-item-title gd-item-title'>
                  {item.title}
                  {item.demo ? <DemoBadge /> : null}
                </Text>
                <Text className='muted list-item-meta'>{formatDate(item.period)}</Text>
                <Text className='paragraph'>{item.summary}</Text>
                {item.source ? <Text className='muted list-item-meta'>{`来源：${item.source}`}</Text> : null}
                {item.projectId ? (
                  <View className='gd-link tap' id={`case-chain-${item.id}`} role='link' aria-label={`查看交易公告：${item.title}`} onClick={() => void Taro.navigateTo({ url: GUIDES_ROUTES.chain(item.projectId!) })}>
                    <Text>查看交易公告</Text>
                    <Text aria-hidden='true'> ›</Text>
                  </View>
                ) : null}
              </View>
            ))}
          </View>
        )}
      </RemoteView>
    </PageShell>
  );
}
