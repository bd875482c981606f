import { Text } from '@tarojs/components';

/** Marks invented demonstration content wherever it is shown. */
export function DemoBadge() {
  return (
    <Text className='badge badge-demo' data-testid='demo-badge' aria-label='演示数据，非真实公开信息'>
      演示
    </Text>
  );
}
