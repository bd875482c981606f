import { type PropsWithChildren } from 'react';
import Taro, { useLaunch } from '@tarojs/taro';
import { enableKeyboardAccess } from '@/platform/keyboard-access';
import './app.css';

function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    if (process.env.TARO_ENV === 'h5') enableKeyboardAccess();
    // NOTE: Taro.cloud is undefined on h5 although the types say otherwise; guard by TARO_ENV.
    if (process.env.TARO_ENV === 'weapp' && !process.env.GATEWAY_URL) {
      Taro.cloud.init(process.env.CLOUD_ENV ? { env: process.env.CLOUD_ENV, traceUser: true } : { traceUser: true });
    }
  });
  return children;
}

export default App;
