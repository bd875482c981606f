// Local mode only: choose who you are (市民, 受理员, …). The gateway keeps the choice in its session.
// Rendered only when APP_MODE === 'local' on h5, so production builds drop it entirely.
import { useEffect, useState } from 'react';
import Taro from '@tarojs/taro';
import { Picker, Text, View } from '@tarojs/components';
import { localSessionSchema, type LocalSession } from '@/contracts/local';

export function PersonaSwitcher() {
  const [session, setSession] = useState<LocalSession>();
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    Taro.request({ url: '/local/session', method: 'GET', credentials: 'include' })
      .then((response) => setSession(localSessionSchema.parse(response.data)))
      .catch(() => setFailed(true));
  }, []);

  if (failed) return <Text className='muted'>身份切换不可用</Text>;
  if (!session) return null;
  const index = Math.max(0, session.personas.findIndex((p) => p.key === session.current));

  return (
    <Picker
      mode='selector'
      range={session.personas.map((p) => p.label)}
      value={index}
      onChange={async (event) => {
        const persona = session.personas[Number(event.detail.value)];
        if (!persona) return;
        const response = await Taro.request({
          url: '/local/session',
          method: 'POST',
          data: { persona: persona.key },
          header: { 'content-type': 'application/json' },
          credentials: 'include',
        });
        setSession(localSessionSchema.parse(response.data));
        Taro.showToast({ title: `已切换为${persona.label}`, icon: 'none' });
      }}
    >
      <View className='row tap' id='persona-switcher' aria-label='切换本地演示身份'>
        <Text>本地演示身份</Text>
        <Text id='persona-current'>{session.personas[index]?.label ?? '未知'} ▾</Text>
      </View>
    </Picker>
  );
}
