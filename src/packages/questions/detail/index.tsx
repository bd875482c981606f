// 留言详情: one question and its answer. Anybody reads an answered public question; the asker also
// reads their own (private or not yet answered) one. The asker is shown masked (张**) or as 匿名.
import { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { call } from '@/services/api';
import { useRemote } from '@/hooks/useRemote';
import { PageShell } from '@/components/PageShell';
import { RemoteView } from '@/components/RemoteView';
import { DemoBadge } from '@/components/DemoBadge';
import { formatDate, stateHint } from '../shared';
import '../questions.css';

export default function QuestionDetail() {
  const { params } = useRouter();
  const id = params.id ?? '';
  const detail = useRemote(() => call('questions', 'get', { id }), [id]);
  return (
    <PageShell testId='question-detail'>
      <RemoteView state={detail}>
        {({ question, mine }) => (
          <View className='card' id='question-detail-card' data-state={question.state}>
            <Text className='card-title' id='question-title'>
              {question.title}
              {question.demo ? <DemoBadge /> : null}
            </Text>
            <Text className='qa-meta muted' id='question-meta'>{`${question.categoryLabel} · 留言人 ${question.asker} · ${formatDate(question.askedOn)} 留言`}</Text>
            <Text className={`qa-state qa-state-${question.state}`}>{question.stateLabel}</Text>
            {mine ? <Text className='qa-meta'>{stateHint(mine)}</Text> : null}
            <Text className='qa-body' id='question-body'>
              {question.body}
            </Text>
            {question.answer ? (
              <View className='qa-answer' id='question-answer'>
                <Text className='qa-answer-label'>{`本中心的答复（${formatDate(question.answer.on)}）`}</Text>
                <Text>{question.answer.text}</Text>
              </View>
            ) : null}
          </View>
        )}
      </RemoteView>
    </PageShell>
  );
}
