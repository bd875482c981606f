// Loads remote data for a page: loading, error (with a retry) and data states in one place.
import { useCallback, useEffect, useRef, useState } from 'react';
import { useDidShow } from '@tarojs/taro';
import { ApiCallError } from '@/services/api';

export interface RemoteState<T> {
  data: T | undefined;
  error: ApiCallError | undefined;
  loading: boolean;
  reload: () => void;
}

/** `refreshOnShow`: load again whenever the page comes back into view (data another page may change). */
export function useRemote<T>(load: () => Promise<T>, deps: readonly unknown[], options: { refreshOnShow?: boolean } = {}): RemoteState<T> {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<ApiCallError>();
  const [loading, setLoading] = useState(true);
  const [attempt, setAttempt] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;

  useEffect(() => {
    let cancelled = false;
    setLoading(true);
    setError(undefined);
    loadRef
      .current()
      .then((value) => {
        if (!cancelled) setData(value);
      })
      .catch((cause: unknown) => {
        if (cancelled) return;
        setError(cause instanceof ApiCallError ? cause : new ApiCallError('INTERNAL', '加载失败，请稍后重试'));
      })
      .finally(() => {
        if (!cancelled) setLoading(false);
      });
    return () => {
      cancelled = true;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, attempt]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  const shown = useRef(false);
  useDidShow(() => {
    // The first show is the initial load above.
    if (shown.current && options.refreshOnShow) reload();
    shown.current = true;
  });
  return { data, error, loading, reload };
}
