// The floating 好差评 entry (the seed report: "在网站首页以飘窗的形式展示"), on the home page and every
// service page. 长辈版 removes floating windows (工信部 2021), so it is hidden there.
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { useElderMode } from '@/hooks/useElderMode';

const RATE_FLOAT_STYLE = {
  position: 'fixed',
  right: '16px',
  bottom: '32px',
  zIndex: 100,
  width: '56px',
  height: '56px',
  borderRadius: '28px',
  background: '#b71c1c',
  color: '#fff',
  display: 'flex',
  alignItems: 'center',
  justifyContent: 'center',
  fontSize: '16px',
  fontWeight: 600,
  boxShadow: '0 2px 8px rgba(0, 0, 0, 0.3)',
} as const;

/** `service` preselects the service item being rated (a key of SERVICE_ITEMS). */
export function RateFloat({ service }: { service?: string }) {
  const [elder] = useElderMode();
  if (elder) return null;
  return (
    <>
      {/* Room at the end of the page, so the button never covers the last column. */}
      <View style={{ height: '64px' }} aria-hidden='true' />
      <View id='rate-float' role='link' aria-label='好差评：评价我们的服务' style={RATE_FLOAT_STYLE} onClick={() => void Taro.navigateTo({ url: `/packages/rate/index/index${service ? `?service=${service}` : ''}` })}>
        <Text aria-hidden='true'>评价</Text>
      </View>
    </>
  );
}

