import { Switch, Text, View } from '@tarojs/components';
import { useElderMode } from '@/hooks/useElderMode';

/** The visible 长辈版 entry: larger text and targets, stronger contrast. */
export function ElderSwitch() {
  const [elder, setElder] = useElderMode();
  return (
    <View className='row tap' id='elder-switch-row'>
      <Text id='elder-label'>长辈版（大字模式）</Text>
      <Switch
        id='elder-switch'
        checked={elder}
        color='#b71c1c'
        aria-labelledby='elder-label'
        onChange={(event) => setElder(Boolean(event.detail.value))}
      />
    </View>
  );
}
