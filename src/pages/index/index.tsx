// Home: the center's name, its columns and the 长辈版 switch.
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { Column } from '@/contracts/portal';
import { call } from '@/services/api';
import { useRemote } from '@/hooks/useRemote';
import { PageShell } from '@/components/PageShell';
import { RemoteView } from '@/components/RemoteView';
import { ElderSwitch } from '@/components/ElderSwitch';
import { PersonaSwitcher } from '@/components/PersonaSwitcher';

function openColumn(column: Column) {
  if (column.status === 'available' && column.route) {
    void Taro.navigateTo({ url: column.route });
  } else {
    void Taro.navigateTo({ url: `/packages/about/coming/index?title=${encodeURIComponent(column.title)}` });
  }
}

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
            <View className='card'>
              <ElderSwitch />
              {process.env.APP_MODE === 'local' && process.env.TARO_ENV === 'h5' ? <PersonaSwitcher /> : null}
            </View>
            <View className='card' role='list' aria-label='栏目'>
              <Text className='card-title'>栏目</Text>
              {agency.columns.map((column) => (
                <View
                  key={column.key}
                  className='list-item tap'
                  role='listitem'
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
          </>
        )}
      </RemoteView>
    </PageShell>
  );
}
