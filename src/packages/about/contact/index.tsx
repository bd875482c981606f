// 联系我们: the agency's contact details, from its profile (read from the annual report).
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { call } from '@/services/api';
import { useRemote } from '@/hooks/useRemote';
import { PageShell } from '@/components/PageShell';
import { RemoteView } from '@/components/RemoteView';

export default function Contact() {
  const profile = useRemote(() => call('portal', 'getProfile', {}), []);
  return (
    <PageShell testId='contact'>
      <RemoteView state={profile}>
        {(agency) => (
          <View className='card'>
            <Text className='card-title'>{agency.name}</Text>
            <View className='tap'>
              <Text className='muted'>地址：</Text>
              <Text id='contact-address'>{agency.address}</Text>
            </View>
            <View className='tap'>
              <Text className='muted'>邮编：</Text>
              <Text id='contact-postcode'>{agency.postcode}</Text>
            </View>
            <View className='tap' role='button' aria-label={`电话：${agency.phone}，点按拨打`} onClick={() => void Taro.makePhoneCall({ phoneNumber: agency.phone }).catch(() => undefined)}>
              <Text className='muted'>电话：</Text>
              <Text id='contact-phone'>{agency.phone}</Text>
            </View>
            <View
              className='tap'
              role='button'
              aria-label={`邮箱：${agency.email}，点按复制`}
              onClick={() => void Taro.setClipboardData({ data: agency.email }).catch(() => undefined)}
            >
              <Text className='muted'>邮箱：</Text>
              <Text id='contact-email'>{agency.email}</Text>
            </View>
            <Text className='muted'>来源：{agency.source}</Text>
          </View>
        )}
      </RemoteView>
    </PageShell>
  );
}
