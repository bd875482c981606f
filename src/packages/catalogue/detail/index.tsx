// One disclosed item: its metadata (索引号, 文号, dates, publisher, 主题分类, 有效性 with a link to the
// document that modifies or repeals it) and text; 找错 at the bottom.
import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { call } from '@/services/api';
import { useRemote } from '@/hooks/useRemote';
import { PageShell } from '@/components/PageShell';
import { ReportError } from '@/components/ReportError';
import { RemoteView } from '@/components/RemoteView';
import { DemoBadge } from '@/components/DemoBadge';

function MetaRow({ label, value, id }: { label: string; value?: string; id: string }) {
  if (!value) return null;
  return (
    <View className='row'>
      <Text className='muted'>{label}</Text>
      <Text id={id}>{value}</Text>
    </View>
  );
}

/** The 政策解读 of this document, when it has any (a failure to load them leaves the page as it is). */
function Interpretations({ documentId }: { documentId: string }) {
  const state = useRemote(() => call('policies', 'interpretationsOfDocument', { documentId }), [documentId]);
  if (!state.data || state.data.length === 0) return null;
  return (
    <View className='card' id='item-interpretations'>
      <Text className='card-title'>政策解读</Text>
      {state.data.map((item) => (
        <View
          key={item.id}
          className='row tap'
          id={`item-interpretation-${item.id}`}
          role='link'
          aria-label={`${item.formLabel}解读：${item.title}`}
          onClick={() => void Taro.navigateTo({ url: `/packages/policy/interpretation/index?id=${encodeURIComponent(item.id)}` })}
        >
          <Text>{`【${item.formLabel}】${item.title}`}</Text>
          <Text aria-hidden='true'>›</Text>
        </View>
      ))}
    </View>
  );
}

export default function CatalogueDetail() {
  const { params } = useRouter();
  const id = params.id ?? '';
  const item = useRemote(() => call('catalogue', 'getItem', { id }), [id]);
  return (
    <PageShell testId='catalogue-detail'>
      <RemoteView state={item}>
        {(doc) => (
          <>
            <View className='card'>
              <Text className='card-title' id='item-title'>
                {doc.title}
              </Text>
              {doc.demo ? <DemoBadge /> : null}
              <MetaRow label='索引号' value={doc.indexNo} id='item-indexNo' />
              <MetaRow label='文号' value={doc.docNo} id='item-docNo' />
              <MetaRow label='发布机构' value={doc.publisher} id='item-publisher' />
              <MetaRow label='成文日期' value={doc.writtenAt} id='item-writtenAt' />
              <MetaRow label='发布日期' value={doc.publishedAt} id='item-publishedAt' />
              <MetaRow label='所属目录' value={doc.categoryName} id='item-category' />
              <MetaRow label='主题分类' value={doc.subject} id='item-subject' />
              <MetaRow label='有效性' value={doc.validity} id='item-validity' />
              {doc.validity !== '现行有效' && doc.replacedBy ? (
                <View
                  className='row tap'
                  id='item-replaced-by'
                  role='link'
                  onClick={() => void Taro.navigateTo({ url: `/packages/catalogue/detail/index?id=${encodeURIComponent(doc.replacedBy!)}` })}
                >
                  <Text>{`${doc.validity === '已废止' ? '废止' : '修改'}后请见：${doc.replacedByTitle ?? '替代文件'}`}</Text>
                  <Text aria-hidden='true'>›</Text>
                </View>
              ) : null}
            </View>
            <View className='card'>
              {doc.paragraphs.map((paragraph, index) => (
                <Text key={index} className='paragraph'>
                  {paragraph}
                </Text>
              ))}
            </View>
            <Interpretations documentId={doc.id} />
          </>
        )}
      </RemoteView>
      {item.data ? <ReportError title={item.data.title} /> : null}
    </PageShell>
  );
}
