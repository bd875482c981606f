// One meeting: kind, date, attendance (e.g. 第三方机构列席), its topics (议题) each with the
// interpretations that explain it, and the meeting's own account.
import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { call } from '@/services/api';
import { useRemote } from '@/hooks/useRemote';
import { PageShell } from '@/components/PageShell';
import { ReportError } from '@/components/ReportError';
import { RemoteView } from '@/components/RemoteView';
import { DemoBadge } from '@/components/DemoBadge';
import { formatDate, POLICY_ROUTES } from '../shared';
import '../policy.css';

export default function MeetingDetail() {
  const { params } = useRouter();
  const id = params.id ?? '';
  const state = useRemote(() => call('policies', 'getMeeting', { id }), [id]);
  return (
    <PageShell testId='policy-meeting'>
      <RemoteView state={state}>
        {(meeting) => (
          <>
            <View className='card'>
              <Text className='card-title' id='meeting-title'>
                {meeting.title}
                {meeting.demo ? <DemoBadge /> : null}
              </Text>
              <View className='pl-tags'>
                <Text className='pl-tag pl-tag-form' id='meeting-kind'>{meeting.kindLabel}</Text>
              </View>
              <Text className='muted list-item-meta' id='meeting-date'>{`会议日期：${formatDate(meeting.date)}`}</Text>
              {meeting.attendance ? <Text className='muted list-item-meta' id='meeting-attendance'>{`列席情况：${meeting.attendance}`}</Text> : null}
            </View>
            <View className='card'>
              <Text className='card-title'>{`会议议题（${meeting.topics.length} 个）`}</Text>
              <View role='list' aria-label='会议议题'>
                {meeting.topics.map((topic, index) => (
                  <View key={index} className='pl-topic' role='listitem' data-testid='meeting-topic' id={`topic-${index}`}>
                    <Text className='list-item-title'>{`${index + 1}. ${topic.title}`}</Text>
                    {topic.interpretations.map((item) => (
                      <View
                        key={item.id}
                        className='pl-link tap'
                        id={`topic-interpretation-${item.id}`}
                        role='link'
                        aria-label={`议题解读（${item.formLabel}）：${item.title}`}
                        onClick={() => void Taro.navigateTo({ url: POLICY_ROUTES.interpretation(item.id) })}
                      >
                        <Text>{`解读（${item.formLabel}）：${item.title}`}</Text>
                        <Text aria-hidden='true'>›</Text>
                      </View>
                    ))}
                  </View>
                ))}
              </View>
            </View>
            {meeting.paragraphs.length > 0 ? (
              <View className='card'>
                <Text className='card-title'>会议情况</Text>
                {meeting.paragraphs.map((paragraph, index) => (
                  <Text key={index} className='paragraph'>
                    {paragraph}
                  </Text>
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
