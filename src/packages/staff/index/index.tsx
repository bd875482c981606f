// 依申请公开办理台: the staff queue. Open cases by deadline (as the server sorts them), counts of
// overdue and due-soon cases, a state filter, and links to registration, the outbox, the calendar and
// the annual report.
import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Picker, Switch, Text, View } from '@tarojs/components';
import { STATES, type CaseSummary } from '@/contracts/requests';
import { STATE_LABELS } from '@/domain/requests/workflow';
import { call } from '@/services/api';
import { useRemote } from '@/hooks/useRemote';
import { PageShell } from '@/components/PageShell';
import { RemoteView } from '@/components/RemoteView';
import { isNotStaff, openCase, STAFF_ROUTES, StaffOnly, UrgencyBadge, useReloadOnShow } from '../shared';
import '../staff.css';

type State = (typeof STATES)[number];

/** The annual-report workbench (packages/staff/report). */
const STAFF_REPORT_ROUTE = '/packages/staff/report/index';
/** 好差评整改: bad ratings, moderation and appeals (packages/staff/ratings). */
const STAFF_RATINGS_ROUTE = '/packages/staff/ratings/index';
/** 意见征集 management (packages/staff/consultations). */
const STAFF_CONSULTATIONS_ROUTE = '/packages/staff/consultations/index';
/** 主动公开发布: drafts, 保密审查, publication and withdrawal (packages/staff/publishing). */
const STAFF_PUBLISHING_ROUTE = '/packages/staff/publishing/index';
/** 政策解读与会议发布 (packages/staff/policies). */
const STAFF_POLICIES_ROUTE = '/packages/staff/policies/index';
/** 平台开放日管理: publish open days, sign-up lists, cancellation (packages/staff/opendays). */
const STAFF_OPENDAYS_ROUTE = '/packages/staff/opendays/index';
/** 咨询留言答复: the radar of questions, claim, answer, 一次性告知 (packages/staff/questions). */
const STAFF_QUESTIONS_ROUTE = '/packages/staff/questions/index';
/** 找错处理: readers' error reports (packages/staff/corrections). */
const STAFF_CORRECTIONS_ROUTE = '/packages/staff/corrections/index';
/** 更新雷达: column freshness for the 政务新媒体 inspection (packages/staff/freshness). */
const STAFF_FRESHNESS_ROUTE = '/packages/staff/freshness/index';

const COUNTS = [
  { key: 'overdue', label: '已逾期', spoken: '已逾期' },
  { key: 'dueToday', label: '今天到期', spoken: '今天到期' },
  { key: 'due2', label: '1–2工作日', spoken: '剩余 1 至 2 个工作日' },
  { key: 'due5', label: '3–5工作日', spoken: '剩余 3 至 5 个工作日' },
  { key: 'open', label: '在办总数', spoken: '在办总数' },
] as const;

const FILTER_OPTIONS: Array<{ value: State | undefined; label: string }> = [{ value: undefined, label: '全部' }, ...STATES.map((state) => ({ value: state, label: STATE_LABELS[state] }))];

function QueueRow({ item }: { item: CaseSummary }) {
  const dueLabel = item.state === 'correctionRequested' ? '补正期限' : '答复期限';
  return (
    <View
      className='list-item tap st-queue-item'
      data-testid='queue-item'
      id={`queue-${item.id}`}
      role='link'
      aria-label={`查询码 ${item.queryCode}，${item.stateLabel}`}
      onClick={() => openCase(item.id)}
    >
      <View className='st-queue-item-body'>
        <View className='row st-queue-item-head'>
          <Text className='list-item-title st-queue-code'>查询码 {item.queryCode}</Text>
          <UrgencyBadge item={item} />
        </View>
        <Text className='st-queue-desc'>{item.description}</Text>
        <Text className='list-item-meta muted'>
          申请人 {item.applicantName} · {item.channel} · 收到 {item.receiptDate}
        </Text>
        <Text className='list-item-meta'>
          <Text className='st-state-label'>{item.stateLabel}</Text>
          {item.due ? (
            <Text className='st-queue-due' data-due={item.due}>
              {' '}
              · {dueLabel} {item.due}
            </Text>
          ) : null}
        </Text>
      </View>
    </View>
  );
}

export default function StaffQueue() {
  const [filter, setFilter] = useState(0);
  const [includeEnded, setIncludeEnded] = useState(false);
  const state = FILTER_OPTIONS[filter]?.value;
  const queue = useRemote(() => call('requests', 'queue', { ...(state ? { state } : {}), ...(includeEnded ? { includeEnded: true } : {}) }), [state, includeEnded]);
  useReloadOnShow(queue);

  if (queue.error && isNotStaff(queue.error)) {
    return (
      <PageShell testId='staff-queue'>
        <StaffOnly />
      </PageShell>
    );
  }

  return (
    <PageShell testId='staff-queue'>
      <View className='header'>
        <Text className='header-title'>依申请公开办理台</Text>
        <Text className='header-sub'>登记 → 审核 → 办理 → 答复 → 归档（条例第四十五条），按期限先后排列</Text>
      </View>

      <View className='st-staff-links' role='navigation' aria-label='办理台功能'>
        <View className='st-staff-link tap' id='staff-register' role='link' onClick={() => void Taro.navigateTo({ url: STAFF_ROUTES.register })}>
          <Text>登记纸质申请</Text>
        </View>
        <View className='st-staff-link tap' id='staff-outbox' role='link' onClick={() => void Taro.navigateTo({ url: STAFF_ROUTES.outbox })}>
          <Text>通知发件箱</Text>
        </View>
        <View className='st-staff-link tap' id='staff-calendar' role='link' onClick={() => void Taro.navigateTo({ url: STAFF_ROUTES.calendar })}>
          <Text>工作日历</Text>
        </View>
        <View className='st-staff-link tap' id='staff-report' role='link' onClick={() => void Taro.navigateTo({ url: STAFF_REPORT_ROUTE })}>
          <Text>年度报告编制</Text>
        </View>
        <View className='st-staff-link tap' id='staff-ratings' role='link' onClick={() => void Taro.navigateTo({ url: STAFF_RATINGS_ROUTE })}>
          <Text>好差评整改</Text>
        </View>
        <View className='st-staff-link tap' id='staff-consultations' role='link' onClick={() => void Taro.navigateTo({ url: STAFF_CONSULTATIONS_ROUTE })}>
          <Text>意见征集管理</Text>
        </View>
        <View className='st-staff-link tap' id='staff-publishing' role='link' onClick={() => void Taro.navigateTo({ url: STAFF_PUBLISHING_ROUTE })}>
          <Text>主动公开发布</Text>
        </View>
        <View className='st-staff-link tap' id='staff-policies' role='link' onClick={() => void Taro.navigateTo({ url: STAFF_POLICIES_ROUTE })}>
          <Text>政策解读与会议发布</Text>
        </View>
        <View className='st-staff-link tap' id='staff-opendays' role='link' onClick={() => void Taro.navigateTo({ url: STAFF_OPENDAYS_ROUTE })}>
          <Text>平台开放日管理</Text>
        </View>
        <View className='st-staff-link tap' id='staff-questions' role='link' onClick={() => void Taro.navigateTo({ url: STAFF_QUESTIONS_ROUTE })}>
          <Text>咨询留言答复</Text>
        </View>
        <View className='st-staff-link tap' id='staff-corrections' role='link' onClick={() => void Taro.navigateTo({ url: STAFF_CORRECTIONS_ROUTE })}>
          <Text>找错处理</Text>
        </View>
        <View className='st-staff-link tap' id='staff-freshness' role='link' onClick={() => void Taro.navigateTo({ url: STAFF_FRESHNESS_ROUTE })}>
          <Text>更新雷达</Text>
        </View>
      </View>

      <RemoteView state={queue}>
        {(data) => (
          <>
            <View className='st-counts' role='list' aria-label='期限统计'>
              {COUNTS.map((count) => (
                <View
                  key={count.key}
                  className={`st-count-tile st-count-${count.key}${data.counts[count.key] > 0 && count.key !== 'open' ? ' st-count-alert' : ''}`}
                  id={`count-${count.key}`}
                  data-count={data.counts[count.key]}
                  role='listitem'
                  aria-label={`${count.spoken} ${data.counts[count.key]} 件`}
                >
                  <Text className='st-count-value'>{data.counts[count.key]}</Text>
                  <Text className='st-count-label'>{count.label}</Text>
                </View>
              ))}
            </View>

            <View className='card st-filters'>
              <Picker mode='selector' id='state-filter' range={FILTER_OPTIONS.map((option) => option.label)} value={filter} onChange={(event) => setFilter(Number(event.detail.value))}>
                <View className='row tap' role='button' aria-label={`按状态筛选，当前：${FILTER_OPTIONS[filter]?.label ?? '全部'}`}>
                  <Text>状态</Text>
                  <Text className='st-picker-value'>{FILTER_OPTIONS[filter]?.label ?? '全部'} ▾</Text>
                </View>
              </Picker>
              <View className='row tap'>
                <Text id='include-ended-label'>含已办结</Text>
                <Switch id='include-ended' checked={includeEnded} color='#b71c1c' aria-labelledby='include-ended-label' onChange={(event) => setIncludeEnded(Boolean(event.detail.value))} />
              </View>
            </View>

            {data.items.length === 0 ? (
              <View className='state muted' id='queue-empty'>
                <Text>{state || includeEnded ? '没有符合条件的申请' : '暂无在办申请'}</Text>
              </View>
            ) : (
              <View className='card st-card-flush' role='list' aria-label='申请列表'>
                {data.items.map((item) => (
                  <QueueRow key={item.id} item={item} />
                ))}
              </View>
            )}
          </>
        )}
      </RemoteView>
    </PageShell>
  );
}
