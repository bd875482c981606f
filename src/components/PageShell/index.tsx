// Every page's root: applies 长辈版 and keeps the page structure consistent.
import type { PropsWithChildren } from 'react';
import { View } from '@tarojs/components';
import { useElderMode } from '@/hooks/useElderMode';

export function PageShell({ children, testId }: PropsWithChildren<{ testId?: string }>) {
  const [elder] = useElderMode();
  return (
    <View className={elder ? 'page elder' : 'page'} data-testid={testId} data-elder={elder ? 'on' : 'off'}>
      {children}
    </View>
  );
}
