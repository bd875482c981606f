// 咨询留言: answered public questions (newest answer first, by category, 加载更多 with the cursor), the
// month's statistics (received, answered, answer rate, average working days) and the entries to ask
// and to one's own questions. Askers are shown masked (张**) or as 匿名.
import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { PublicQuestion } from '@/contracts/questions';
import { QUESTION_CATEGORIES, type QuestionCategory } from '@/domain/questions/rules';
import { ApiCallError, call } from '@/services/api';
import { useRemote } from '@/hooks/useRemote';
import { PageShell } from '@/components/PageShell';
import { RemoteView } from '@/components/RemoteView';
import { DemoBadge } from '@/components/DemoBadge';
import { formatDate, formatMonth, QUESTION_ROUTES } from '../shared';
import '../questions.css';

const PAGE = 10;

function QuestionRow({ question }: { question: PublicQuestion }) {
  return (
    <View className='list-item tap qa-item' data-testid='question' id={`question-${question.id}`} role='link' onClick={() => void Taro.navigateTo({ url: QUESTION_ROUTES.detail(question.id) })}>
      <Text className='qa-title'>
        {question.title}
        {question.demo ? <DemoBadge /> : null}
      </Text>
      <Text className='qa-meta muted' data-testid='question-meta'>{`${question.categoryLabel} · 留言人 ${question.asker} · ${formatDate(question.askedOn)}`}</Text>
      {question.answer ? <Text className='qa-meta' data-testid='question-answered'>{`已答复 ${formatDate(question.answer.on)}：${question.answer.text.slice(0, 40)}${question.answer.text.length > 40 ? '…' : ''}`}</Text> : null}
    </View>
  );
}

function Stats() {
  const stats = useRemote(() => call('questions', 'stats', {}), [], { refreshOnShow: true });
  return (
    <RemoteView state={stats}>
      {(data) => (
        <View className='card' id='question-stats' role='region' aria-labelledby='question-stats-title' data-received={data.received} data-answered={data.answered}>
          <Text className='card-title' id='question-stats-title'>{`${formatMonth(data.month)}留言统计`}</Text>
          <View className='qa-stats'>
            <View className='qa-stat' id='stat-received'>
              <Text className='qa-stat-value'>{data.received}</Text>
              <Text className='qa-stat-label'>收到留言（条）</Text>
            </View>
            <View className='qa-stat' id='stat-answered'>
              <Text className='qa-stat-value'>{data.answered}</Text>
              <Text className='qa-stat-label'>答复留言（条）</Text>
            </View>
            <View className='qa-stat' id='stat-rate'>
              <Text className='qa-stat-value'>{data.answerRate === null ? '—' : `${data.answerRate}%`}</Text>
              <Text className='qa-stat-label'>本月留言答复率</Text>
            </View>
            <View className='qa-stat' id='stat-days'>
              <Text className='qa-stat-value'>{data.averageWorkingDays === null ? '—' : data.averageWorkingDays}</Text>
              <Text className='qa-stat-label'>平均答复用时（工作日）</Text>
            </View>
          </View>
          <Text className='muted qa-meta'>{`承诺 ${data.answerWorkingDays} 个工作日内答复（周末和法定节假日不计）；演示留言不计入统计。`}</Text>
        </View>
      )}
    </RemoteView>
  );
}

function Answered({ category }: { category: QuestionCategory | '' }) {
  const first = useRemote(() => call('questions', 'list', { limit: PAGE, ...(category ? { category } : {}) }), [category], { refreshOnShow: true });
  const [more, setMore] = useState<{ items: PublicQuestion[]; cursor: string | null }>();
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string>();
  return (
    <RemoteView state={first}>
      {(data) => {
        const items = [...data.items, ...(more?.items ?? [])];
        const cursor = more ? more.cursor : data.nextCursor;
        async function loadMore() {
          if (!cursor || loading) return;
          setLoading(true);
          setError(undefined);
          try {
            const page = await call('questions', 'list', { limit: PAGE, cursor, ...(category ? { category } : {}) });
            setMore({ items: [...(more?.items ?? []), ...page.items], cursor: page.nextCursor });
          } catch (cause) {
            setError(cause instanceof ApiCallError ? cause.message : '加载失败，请稍后重试');
          } finally {
            setLoading(false);
          }
        }
        return (
          <View role='region' aria-labelledby='answered-title'>
            <Text className='card-title qa-section' id='answered-title'>
              公开答复
            </Text>
            {items.length === 0 ? (
              <View className='state muted' id='questions-empty'>
                <Text>该类别暂无公开答复的留言</Text>
              </View>
            ) : (
              items.map((q) => <QuestionRow key={q.id} question={q} />)
            )}
            {error ? (
              <View className='state state-error' role='alert'>
                <Text>{error}</Text>
              </View>
            ) : null}
            {cursor ? (
              <View id='questions-more' className='button button-secondary' role='button' aria-disabled={loading} onClick={() => void loadMore()}>
                {loading ? '正在加载…' : '加载更多'}
              </View>
            ) : items.length > 0 ? (
              <View className='list-end muted state' id='questions-end'>
                已显示全部公开答复
              </View>
            ) : null}
          </View>
        );
      }}
    </RemoteView>
  );
}

export default function QuestionsList() {
  const [category, setCategory] = useState<QuestionCategory | ''>('');
  return (
    <PageShell testId='questions-list'>
      <View className='header'>
        <Text className='header-title'>咨询留言</Text>
        <Text className='header-sub'>交易、政策、平台使用等问题在线咨询；首问负责，需补充的内容一次性告知</Text>
      </View>
      <View className='qa-links' role='navigation' aria-label='咨询留言'>
        <View className='qa-link tap' id='questions-ask' role='link' onClick={() => void Taro.navigateTo({ url: QUESTION_ROUTES.ask })}>
          <Text>我要留言</Text>
        </View>
        <View className='qa-link tap' id='questions-mine' role='link' onClick={() => void Taro.navigateTo({ url: QUESTION_ROUTES.mine })}>
          <Text>我的留言</Text>
        </View>
      </View>
      <Stats />
      <View className='card'>
        <Text className='card-title' id='category-title'>
          按类别查看
        </Text>
        <View className='qa-chips' role='group' aria-labelledby='category-title'>
          {[{ key: '' as const, label: '全部' }, ...QUESTION_CATEGORIES].map((c) => (
            <View
              key={c.key || 'all'}
              id={`category-${c.key || 'all'}`}
              className={category === c.key ? 'qa-chip tap qa-chip-selected' : 'qa-chip tap'}
              role='button'
              aria-pressed={category === c.key}
              onClick={() => setCategory(c.key)}
            >
              {c.label}
            </View>
          ))}
        </View>
      </View>
      <Answered key={category} category={category} />
    </PageShell>
  );
}
