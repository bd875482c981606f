// 开标大厅: the server's today with its bid openings (time, room, project, type, status in words).
// Refreshed every 60 s while the page is shown (the timer stops when it is hidden or closed), on
// coming back into view, and by the 刷新 button.
import { useEffect, useState } from 'react';
import Taro, { useDidHide, useDidShow } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { call } from '@/services/api';
import { useRemote } from '@/hooks/useRemote';
import { PageShell } from '@/components/PageShell';
import { RemoteView } from '@/components/RemoteView';
import { DemoBadge } from '@/components/DemoBadge';
import { formatDate, TRADING_ROUTES, type Opening } from '../shared';
import '../trading.css';

const HALL_REFRESH_MS = 60_000;

// Component tests render with a Taro stand-in that may not provide every page hook.
const usePageHide: typeof useDidHide = typeof useDidHide === 'function' ? useDidHide : () => undefined;

/** The server's clock, read in Beijing time (HH:mm). */
function beijingTime(iso: string): string {
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? '' : new Date(ms + 8 * 3_600_000).toISOString().slice(11, 16);
}

function OpeningRow({ opening }: { opening: Opening }) {
  return (
    <View
      className='list-item tap td-opening'
      data-testid='opening'
      data-status={opening.status}
      id={`opening-${opening.projectId}`}
      role='link'
      onClick={() => void Taro.navigateTo({ url: TRADING_ROUTES.chain(opening.projectId) })}
    >
      <View className='td-item-head'>
        <View>
          <Text className='td-opening-time' data-testid='opening-time'>
            {opening.time}
          </Text>
          <Text data-testid='opening-room'>{opening.room}</Text>
        </View>
        <Text className={`td-status td-status-${opening.status}`} data-testid='opening-status'>
          {opening.statusLabel}
        </Text>
      </View>
      <Text className='td-item-title list-item-meta' data-testid='opening-name'>
        {opening.name}
        {opening.demo ? <DemoBadge /> : null}
      </Text>
      <Text className='muted list-item-meta'>{`${opening.typeLabel} · 项目编号 ${opening.code}`}</Text>
    </View>
  );
}

export default function TradingHall() {
  const hall = useRemote(() => call('trading', 'todayOpenings', {}), [], { refreshOnShow: true });
  const [shown, setShown] = useState(true);
  useDidShow(() => setShown(true));
  usePageHide(() => setShown(false));

  const { reload } = hall;
  useEffect(() => {
    if (!shown) return undefined;
    const timer = setInterval(reload, HALL_REFRESH_MS);
    return () => clearInterval(timer);
  }, [shown, reload]);

  return (
    <PageShell testId='trading-hall'>
      <View className='header'>
        <Text className='header-title'>开标大厅</Text>
        <Text className='header-sub'>今日开标项目及开标状态，每分钟自动更新</Text>
      </View>
      <RemoteView state={hall}>
        {(day) => (
          <>
            <View className='card td-hall-date'>
              <View>
                <Text className='card-title' id='hall-date' data-date={day.date}>
                  {`${formatDate(day.date)} 开标安排`}
                </Text>
                <View role='status'>
                  <Text className='muted' id='hall-updated'>
                    {hall.loading ? '正在刷新…' : `更新于 ${beijingTime(day.now)}，共 ${day.openings.length} 场`}
                  </Text>
                </View>
              </View>
              <View id='hall-refresh' className='button button-secondary tap' role='button' aria-label='刷新开标状态' onClick={reload}>
                刷新
              </View>
            </View>
            {day.openings.length === 0 ? (
              <View className='td-empty' id='hall-empty' role='status'>
                <Text>今日无开标项目</Text>
              </View>
            ) : (
              <View role='group' aria-label='今日开标项目'>
                {day.openings.map((opening) => (
                  <OpeningRow key={opening.projectId} opening={opening} />
                ))}
              </View>
            )}
          </>
        )}
      </RemoteView>
    </PageShell>
  );
}
