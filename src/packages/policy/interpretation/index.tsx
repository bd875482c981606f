// One 政策解读: who interprets in which form, the four aspects (政策背景、决策依据、出台目的、重要举措),
// its pictures, animations or videos each with a text alternative shown under it, the policy
// document it interprets (a link to the catalogue), and the meetings whose topics it explains.
import Taro, { useRouter } from '@tarojs/taro';
import { Image, Text, Video, View } from '@tarojs/components';
import { call } from '@/services/api';
import { useRemote } from '@/hooks/useRemote';
import { PageShell } from '@/components/PageShell';
import { ReportError } from '@/components/ReportError';
import { RemoteView } from '@/components/RemoteView';
import { DemoBadge } from '@/components/DemoBadge';
import { formatDate, POLICY_ROUTES, type Interpretation } from '../shared';
import '../policy.css';

function Media({ media, index }: { media: Interpretation['media'][number]; index: number }) {
  return (
    <View className='pl-media' data-testid='interpretation-media' id={`media-${index}`}>
      {media.url === null ? (
        <Text className='muted'>{`该${media.kindLabel}文件暂时无法显示`}</Text>
      ) : media.kind === 'video' || media.contentType.startsWith('video/') ? (
        <Video className='pl-media-image' src={media.url} controls aria-label={media.alt} />
      ) : (
        // NOTE: the picture itself is hidden from screen readers: the wrapper carries the text alternative.
        <View role='img' aria-label={media.alt}>
          <Image className='pl-media-image' src={media.url} mode='widthFix' aria-hidden='true' />
        </View>
      )}
      <Text className='muted pl-media-alt' data-testid='media-alt'>{`${media.kindLabel}说明：${media.alt}`}</Text>
    </View>
  );
}

export default function InterpretationDetail() {
  const { params } = useRouter();
  const id = params.id ?? '';
  const state = useRemote(() => call('policies', 'getInterpretation', { id }), [id]);
  return (
    <PageShell testId='policy-interpretation'>
      <RemoteView state={state}>
        {(item) => (
          <>
            <View className='card'>
              <Text className='card-title' id='interpretation-title'>
                {item.title}
                {item.demo ? <DemoBadge /> : null}
              </Text>
              <View className='pl-tags'>
                <Text className='pl-tag pl-tag-form' id='interpretation-form'>{`${item.formLabel}解读`}</Text>
                <Text className='pl-tag' id='interpretation-role'>{item.roleLabel}</Text>
              </View>
              <Text className='muted list-item-meta' id='interpretation-interpreter'>{`解读人：${item.interpreter}`}</Text>
              <Text className='muted list-item-meta'>{`发布日期：${formatDate(item.publishedAt)}`}</Text>
            </View>
            <View className='card'>
              <Text className='card-title'>解读文件</Text>
              {item.document ? (
                <View
                  className='pl-link tap'
                  id='policy-document'
                  role='link'
                  onClick={() => void Taro.navigateTo({ url: item.document!.route })}
                >
                  <View>
                    <Text className='list-item-title'>{item.document.title}</Text>
                    <Text className='muted list-item-meta'>{[item.document.docNo, `发布日期 ${formatDate(item.document.publishedAt)}`].filter(Boolean).join(' · ')}</Text>
                  </View>
                  <Text aria-hidden='true'>›</Text>
                </View>
              ) : (
                <Text className='muted' id='policy-document-gone'>{`${item.documentTitle}（该文件已撤回）`}</Text>
              )}
            </View>
            {item.media.length > 0 ? (
              <View className='card'>
                <Text className='card-title'>{`${item.formLabel}解读`}</Text>
                {item.media.map((media, index) => (
                  <Media key={index} media={media} index={index} />
                ))}
              </View>
            ) : null}
            <View className='card'>
              {item.sections.map((section) => (
                <View key={section.key} data-testid='interpretation-section' id={`section-${section.key}`}>
                  <Text className='pl-section-title'>{section.label}</Text>
                  {section.paragraphs.map((paragraph, index) => (
                    <Text key={index} className='paragraph'>
                      {paragraph}
                    </Text>
                  ))}
                </View>
              ))}
            </View>
            {item.meetings.length > 0 ? (
              <View className='card'>
                <Text className='card-title'>相关会议</Text>
                {item.meetings.map((meeting) => (
                  <View
                    key={meeting.id}
                    className='pl-link tap'
                    id={`meeting-${meeting.id}`}
                    role='link'
                    onClick={() => void Taro.navigateTo({ url: POLICY_ROUTES.meeting(meeting.id) })}
                  >
                    <View>
                      <Text className='list-item-title'>{meeting.title}</Text>
                      <Text className='muted list-item-meta'>{`${formatDate(meeting.date)} · 议题：${meeting.topic}`}</Text>
                    </View>
                    <Text aria-hidden='true'>›</Text>
                  </View>
                ))}
              </View>
            ) : null}
          </>
        )}
      </RemoteView>
      {state.data ? <ReportError title={state.data.title} /> : null}
    </PageShell>
  );
}
