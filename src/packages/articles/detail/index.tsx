// One public-account article: title, date, digest, its paragraphs and the 原文链接 on mp.weixin.qq.com.
import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { call } from '@/services/api';
import { useRemote } from '@/hooks/useRemote';
import { PageShell } from '@/components/PageShell';
import { ReportError } from '@/components/ReportError';
import { RemoteView } from '@/components/RemoteView';
import { DemoBadge } from '@/components/DemoBadge';
import { formatDate } from '../shared';
import '../articles.css';

function openOriginal(url: string) {
  if (process.env.TARO_ENV === 'h5') {
    window.open(url, '_blank', 'noopener');
    return;
  }
  // NOTE: a mini-program cannot open an arbitrary web page; the link is copied for the WeChat browser.
  void Taro.setClipboardData({ data: url }).then(() => Taro.showToast({ title: '链接已复制，可在微信中打开', icon: 'none' }));
}

export default function ArticleDetail() {
  const { params } = useRouter();
  const id = params.id ?? '';
  const article = useRemote(() => call('articles', 'get', { id }), [id]);
  return (
    <PageShell testId='article-detail'>
      <RemoteView state={article}>
        {(doc) => (
          <>
            <View className='header'>
              <Text className='header-title' id='article-title'>
                {doc.title}
                {doc.demo ? <DemoBadge /> : null}
              </Text>
              <Text className='header-sub' id='article-date'>{`${formatDate(doc.date)}${doc.author ? ` · ${doc.author}` : ''}`}</Text>
            </View>
            <View className='card'>
              {doc.digest ? (
                <Text className='muted list-item-meta' id='article-digest'>{`摘要：${doc.digest}`}</Text>
              ) : null}
              {doc.paragraphs.map((paragraph, index) => (
                <Text key={index} className='paragraph' data-testid='article-paragraph'>
                  {paragraph}
                </Text>
              ))}
            </View>
            {doc.url ? (
              <View className='card tap' id='article-original' role='link' aria-label='原文链接：在微信公众号中阅读' onClick={() => openOriginal(doc.url!)}>
                <View>
                  <Text className='list-item-title'>原文链接</Text>
                  <Text className='list-item-meta ar-link'>{doc.url}</Text>
                </View>
              </View>
            ) : null}
          </>
        )}
      </RemoteView>
      {article.data ? <ReportError title={article.data.title} /> : null}
    </PageShell>
  );
}
