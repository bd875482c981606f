// 找错: the small entry at the bottom of every content page. It passes the page (its route with the
// query and its title) to the report form in packages/feedback; the reader quotes the wrong text there.
import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import './index.css';

export const FEEDBACK_ROUTES = {
  form: '/packages/feedback/form/index',
  mine: '/packages/feedback/mine/index',
} as const;

/** The page's own route and query, without the router's private parameters ($taroTimestamp, stamp). */
export function currentRoute(path: string, params: Record<string, string | undefined>): string {
  const base = `/${path.split('?')[0]!.replace(/^\/+/, '')}`;
  const query = Object.entries(params)
    .filter(([key, value]) => value !== undefined && !key.startsWith('$') && key !== 'stamp')
    .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(value!)}`)
    .join('&');
  return query ? `${base}?${query}` : base;
}

export function reportErrorUrl(route: string, title: string): string {
  return `${FEEDBACK_ROUTES.form}?route=${encodeURIComponent(route)}&title=${encodeURIComponent(title.slice(0, 100))}`;
}

export function ReportError({ title }: { title: string }) {
  const router = useRouter();
  const route = currentRoute(router.path ?? '', router.params ?? {});
  return (
    <View className='report-error'>
      <Text className='muted report-error-hint'>发现错别字、数据或链接有误？</Text>
      <View
        className='report-error-link tap'
        id='report-error'
        data-testid='report-error'
        role='link'
        onClick={() => void Taro.navigateTo({ url: reportErrorUrl(route, title) })}
      >
        <Text>找错（报告本页错误）</Text>
      </View>
    </View>
  );
}
