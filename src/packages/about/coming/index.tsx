// Columns that are not built yet say so plainly instead of pretending.
import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { PageShell } from '@/components/PageShell';

export default function ComingSoon() {
  const { params } = useRouter();
  const title = params.title ? decodeURIComponent(params.title) : '该栏目';
  return (
    <PageShell testId='coming-soon'>
      <View className='state'>
        <Text className='card-title' id='coming-title'>{title}</Text>
        <Text className='muted'>本栏目正在建设中，暂未开放。如需办理，请致电中心或前往服务大厅。</Text>
        <View className='button button-secondary' role='button' onClick={() => void Taro.navigateBack().catch(() => Taro.reLaunch({ url: '/pages/index/index' }))}>
          返回
        </View>
      </View>
    </PageShell>
  );
}
