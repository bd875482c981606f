// Loading, error-with-retry and content states for anything fetched from a cloud function.
import type { ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import type { RemoteState } from '@/hooks/useRemote';

export function RemoteView<T>({ state, children }: { state: RemoteState<T>; children: (data: T) => ReactNode }) {
  if (state.error) {
    return (
      <View className='state state-error' role='alert'>
        <Text>{state.error.message}</Text>
        <View className='button button-secondary' role='button' onClick={state.reload} id='retry'>
          重试
        </View>
      </View>
    );
  }
  if (state.loading && state.data === undefined) {
    return (
      <View className='state muted' aria-busy='true'>
        <Text>正在加载…</Text>
      </View>
    );
  }
  if (state.data === undefined) return null;
  return <>{children(state.data)}</>;
}
