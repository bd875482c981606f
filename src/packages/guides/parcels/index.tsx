// 拟出让土地市场推介: parcels by status, soonest planned transfer first. On the mini-program a map
// shows one marker per listed parcel (tap a marker to open the parcel); the list below is always
// there — it is the map's text alternative (address, coordinates, a link to open the location), and
// on the web, which has no native map, it is the whole page.
import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Map as TaroMap, ScrollView, Text, View } from '@tarojs/components';
import { call } from '@/services/api';
import { formatArea, formatCoordinates, mapCentre, parcelMarkers } from '@/domain/guides/land';
import { PageShell } from '@/components/PageShell';
import { DemoBadge } from '@/components/DemoBadge';
import { RateFloat } from '@/components/RateFloat';
import { formatDate, GUIDES_ROUTES, openParcelLocation, STATUS_TABS, type ParcelSummary, type StatusKey } from '../shared';
import { ListFooter, usePagedList } from '../paging';
import '../guides.css';

const PAGE_SIZE = 20;
/** Copied into the weapp package by config/index.ts (WeChat's map wants an image file). */
const MARKER_ICON = '/packages/guides/marker.png';

function ParcelRow({ item }: { item: ParcelSummary }) {
  return (
    <View className='list-item gd-item' data-testid='parcel' data-status={item.status} id={`parcel-${item.id}`}>
      <View
        className='tap gd-item-head'
        id={`open-parcel-${item.id}`}
        role='link'
        onClick={() => void Taro.navigateTo({ url: GUIDES_ROUTES.parcel(item.id) })}
      >
        <Text className='gd-item-title'>
          {`${item.name}`}
          {item.demo ? <DemoBadge /> : null}
        </Text>
        <Text className='gd-arrow' aria-hidden='true'>
          ›
        </Text>
      </View>
      <Text className='muted list-item-meta' data-testid='parcel-code'>{`宗地编号 ${item.code}`}</Text>
      <View className='gd-tags'>
        <Text className={`gd-tag gd-status-${item.status}`} data-testid='parcel-status'>
          {item.statusLabel}
        </Text>
        <Text className='gd-tag'>{item.use}</Text>
        <Text className='gd-tag'>{`${formatArea(item.areaSqm)} ㎡ / ${item.areaMu} 亩`}</Text>
      </View>
      <Text className='list-item-meta' data-testid='parcel-address'>{`${item.district} ${item.address}`}</Text>
      <Text className='muted list-item-meta' data-testid='parcel-coordinates'>
        {formatCoordinates(item)}
      </Text>
      <Text className='muted list-item-meta'>{`${item.transferMethod} · ${item.status === 'sold' ? '出让于' : '计划'} ${formatDate(item.plannedDate)}`}</Text>
      <View className='gd-link tap' id={`locate-${item.id}`} role='link' aria-label={`在地图中查看位置：${item.name}，${item.address}`} onClick={() => openParcelLocation(item)}>
        <Text>在地图中查看位置</Text>
      </View>
    </View>
  );
}

export default function Parcels() {
  const [status, setStatus] = useState<StatusKey>('all');
  const { listing, more } = usePagedList<ParcelSummary>(status, (cursor) => call('guides', 'listParcels', { ...(status === 'all' ? {} : { status }), cursor, limit: PAGE_SIZE }));
  const markers = parcelMarkers(listing.items).map((marker) => ({ ...marker, iconPath: MARKER_ICON }));
  const centre = mapCentre(listing.items);

  return (
    <PageShell testId='parcels'>
      <View className='header'>
        <Text className='header-title'>拟出让土地市场推介</Text>
        <Text className='header-sub'>宗地位置、面积、用途及计划出让时间</Text>
      </View>
      <ScrollView scrollX className='gd-tabs'>
        <View className='gd-tablist' role='tablist' aria-label='按推介状态查看'>
          {STATUS_TABS.map((entry) => (
            <View key={entry.key} id={`status-${entry.key}`} className={entry.key === status ? 'gd-tab tap gd-tab-active' : 'gd-tab tap'} role='tab' aria-selected={entry.key === status} onClick={() => setStatus(entry.key)}>
              {entry.label}
            </View>
          ))}
        </View>
      </ScrollView>
      {process.env.TARO_ENV === 'weapp' && listing.items.length > 0 ? (
        <TaroMap
          id='parcel-map'
          className='gd-map'
          latitude={centre.latitude}
          longitude={centre.longitude}
          scale={9}
          markers={markers}
          includePoints={listing.items.map((p) => ({ latitude: p.latitude, longitude: p.longitude }))}
          showScale
          // NOTE: Taro's MapProps require onError; a map that fails leaves the list, which says everything.
          onError={() => undefined}
          onMarkerTap={(event) => {
            const parcel = listing.items[Number(event.detail.markerId)];
            if (parcel) void Taro.navigateTo({ url: GUIDES_ROUTES.parcel(parcel.id) });
          }}
        />
      ) : null}
      <View role='tabpanel' aria-label='宗地列表'>
        <Text className='muted list-item-meta' id='parcels-note' style={{ padding: '0 28px' }}>
          坐标为国测局坐标（GCJ-02），可点“在地图中查看位置”打开地图。
        </Text>
        {listing.items.map((item) => (
          <ParcelRow key={item.id} item={item} />
        ))}
        <ListFooter listing={listing} more={more} empty='暂无该状态的宗地' />
      </View>
      <RateFloat service='trading' />
    </PageShell>
  );
}
