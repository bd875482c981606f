// A list loaded page by page with a keyset cursor (加载更多), reset whenever its filter key changes,
// and its footer: error with 重试, 正在加载…, 加载更多, or the end of the list.
import { useEffect, useRef, useState } from 'react';
import { Text, View } from '@tarojs/components';
import { ApiCallError } from '@/services/api';

interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

interface Listing<T> {
  key: string;
  items: T[];
  nextCursor: string | null;
  loading: boolean;
  error?: string;
}

export function usePagedList<T>(key: string, load: (cursor: string | null) => Promise<Page<T>>) {
  const [listing, setListing] = useState<Listing<T>>({ key, items: [], nextCursor: null, loading: true });
  const loadRef = useRef(load);
  loadRef.current = load;
  const current = useRef(key);

  async function loadPage(forKey: string, cursor: string | null, previous: T[]) {
    setListing({ key: forKey, items: previous, nextCursor: cursor, loading: true });
    try {
      const page = await loadRef.current(cursor);
      if (current.current !== forKey) return;
      setListing({ key: forKey, items: [...previous, ...page.items], nextCursor: page.nextCursor, loading: false });
    } catch (error) {
      if (current.current !== forKey) return;
      const message = error instanceof ApiCallError ? error.message : '加载失败，请稍后重试';
      setListing({ key: forKey, items: previous, nextCursor: cursor, loading: false, error: message });
    }
  }

  useEffect(() => {
    current.current = key;
    void loadPage(key, null, []);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);

  const more = () => void loadPage(listing.key, listing.nextCursor, listing.items);
  return { listing: listing.key === key ? listing : { key, items: [] as T[], nextCursor: null, loading: true }, more };
}

export function ListFooter({ listing, more, empty }: { listing: { items: unknown[]; nextCursor: string | null; loading: boolean; error?: string }; more: () => void; empty: string }) {
  if (listing.error) {
    return (
      <View className='state state-error' role='alert'>
        <Text>{listing.error}</Text>
        <View id='retry' className='button button-secondary' role='button' onClick={more}>
          重试
        </View>
      </View>
    );
  }
  if (listing.loading) {
    return (
      <View className='list-end muted state' aria-busy='true'>
        正在加载…
      </View>
    );
  }
  if (listing.nextCursor) {
    return (
      <View id='load-more' className='button button-secondary' role='button' onClick={more}>
        加载更多
      </View>
    );
  }
  return (
    <View className='list-end muted state' id='list-end'>
      {listing.items.length === 0 ? empty : '已显示全部'}
    </View>
  );
}
