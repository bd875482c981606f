// Home: the center's name, its columns and the 长辈版 switch.
import { useCallback, useEffect, useRef, useState } from 'react';
import Taro, { useDidShow } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { STAFF_ROLE_LABELS } from '@/contracts/core';
import type { Column, Whoami } from '@/contracts/portal';
import { call } from '@/services/api';
import { useRemote } from '@/hooks/useRemote';
import { PageShell } from '@/components/PageShell';
import { RemoteView } from '@/components/RemoteView';
import { ElderSwitch } from '@/components/ElderSwitch';
import { PersonaSwitcher } from '@/components/PersonaSwitcher';
import { RateFloat } from '@/components/RateFloat';
import { ShowcaseFloat } from '@/components/ShowcaseFloat';

function openColumn(column: Column) {
  if (column.status === 'available' && column.route) {
    void Taro.navigateTo({ url: column.route });
  } else {
    void Taro.navigateTo({ url: `/packages/about/coming/index?title=${encodeURIComponent(column.title)}` });
  }
}

/** 工作台: the staff console's entry, shown only to callers with staff roles (never to citizens). */
function StaffEntry() {
  const [me, setMe] = useState<Whoami>();
  const inFlight = useRef(false);
  const check = useCallback(() => {
    if (inFlight.current) return;
    inFlight.current = true;
    call('portal', 'whoami', {})
      .then(setMe, () => setMe(undefined))
      .finally(() => {
        inFlight.current = false;
      });
  }, []);
  useEffect(check, [check]);
  // The identity can change while the page is in the stack (e.g. the local persona switcher).
  useDidShow(check);
  if (!me || me.roles.length === 0) return null;
  const roles = me.roles.map((role) => STAFF_ROLE_LABELS[role]).join('、');
  return (
    <View className='card tap' id='staff-entry' role='link' aria-label={`工作台：${me.staffName ?? '工作人员'}，${roles}`} onClick={() => void Taro.navigateTo({ url: '/packages/staff/index/index' })}>
      <View>
        <Text className='card-title'>工作台</Text>
        <Text className='muted' id='staff-entry-who'>
          {me.staffName ?? '工作人员'} · {roles}
        </Text>
        <Text className='list-item-meta muted'>依申请公开办理台：登记、审核、办理、答复、归档</Text>
      </View>
    </View>
  );
}

/** The floating 好差评 entry. 长辈版 shows no floating windows (适老化), so it is hidden there. */
export default function Home() {
  const profile = useRemote(() => call('portal', 'getProfile', {}), []);
  return (
    <PageShell testId='home'>
      <RemoteView state={profile}>
        {(agency) => (
          <>
            <View className='header'>
              <Text className='header-title' id='agency-name'>{agency.name}</Text>
              <Text className='header-sub'>政府信息公开</Text>
            </View>
            <View className='card tap' id='home-search' role='link' onClick={() => void Taro.navigateTo({ url: '/packages/search/index/index' })}>
              <Text className='muted'>搜索：公开文件、交易公告、办事指南…</Text>
            </View>
            <View className='card'>
              <ElderSwitch />
              {process.env.APP_MODE === 'local' && process.env.TARO_ENV === 'h5' ? <PersonaSwitcher /> : null}
            </View>
            <StaffEntry />
            <View className='card tap' id='home-follow' role='link' onClick={() => void Taro.navigateTo({ url: '/packages/follow/index/index' })}>
              <View>
                <Text className='card-title'>订阅更新</Text>
                <Text className='list-item-meta muted'>选择栏目，有新内容发布时通过微信通知我；查看我的消息</Text>
              </View>
            </View>
            <View className='card' role='navigation' aria-label='栏目'>
              <Text className='card-title'>栏目</Text>
              {agency.columns.map((column) => (
                <View
                  key={column.key}
                  className='list-item tap'
                  role='link'
                  id={`column-${column.key}`}
                  onClick={() => openColumn(column)}
                >
                  <View>
                    <Text className='list-item-title'>
                      {column.title}
                      {column.status === 'planned' ? <Text className='badge badge-planned'>即将上线</Text> : null}
                    </Text>
                    <Text className='list-item-meta muted'>{column.description}</Text>
                  </View>
                </View>
              ))}
            </View>
            {/* The 飘窗 comes with the page's content, after it has loaded. */}
            <ShowcaseFloat />
          </>
        )}
      </RemoteView>
      <RateFloat />
    </PageShell>
  );
}
