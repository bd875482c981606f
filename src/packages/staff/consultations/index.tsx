// 意见征集管理: every consultation (upcoming ones included) with its phase and the counts of comments
// waiting for moderation, shown, and answered; a link to publish a new one.
// NOTE: the contract has no staff list, so the page reads the public list and then each
// consultation's staff view for its counts (one call per consultation: a handful a year).
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { call, ApiCallError } from '@/services/api';
import { useRemote } from '@/hooks/useRemote';
import { PageShell } from '@/components/PageShell';
import { RemoteView } from '@/components/RemoteView';
import { isNotStaff } from '../shared';
import { canEdit, commentCounts, CONSULT_STAFF_ROUTES, type StaffConsultation } from './model';
import { ConsultStaffOnly, PhaseTag } from './parts';
import '../staff.css';
import './consultations.css';

async function loadAll() {
  const [me, published, upcoming] = await Promise.all([call('portal', 'whoami', {}), call('consultations', 'list', {}), call('consultations', 'list', { phase: 'upcoming' })]);
  if (me.roles.length === 0) throw new ApiCallError('FORBIDDEN', '您没有权限进行此操作');
  const summaries = [...upcoming, ...published].filter((item, index, all) => all.findIndex((other) => other.id === item.id) === index);
  const items = await Promise.all(summaries.map((item) => call('consultations', 'staffView', { id: item.id })));
  items.sort((a, b) => b.startDate.localeCompare(a.startDate) || a.title.localeCompare(b.title));
  return { roles: me.roles, items };
}

function Row({ item }: { item: StaffConsultation }) {
  const counts = commentCounts(item);
  return (
    <View
      className='list-item tap'
      data-testid='staff-consultation'
      id={`staff-consultation-${item.id}`}
      data-pending={counts.pending}
      data-shown={counts.shown}
      data-decided={counts.decided}
      role='link'
      aria-label={`${item.title}，${item.phaseLabel}，待审核 ${counts.pending} 条，已展示 ${counts.shown} 条，已答复 ${counts.decided} 条`}
      onClick={() => void Taro.navigateTo({ url: CONSULT_STAFF_ROUTES.detail(item.id) })}
    >
      <View>
        <View className='sc-item-head'>
          <Text className='sc-item-title'>{item.title}</Text>
          <PhaseTag item={item} />
        </View>
        <Text className='list-item-meta muted'>{`${item.kindLabel} · ${item.startDate} 至 ${item.endDate}${item.daysLeft !== null && item.phase === 'open' ? ` · ${item.daysLeft === 0 ? '今天截止' : `还剩 ${item.daysLeft} 天`}` : ''}`}</Text>
        <View className='sc-counts'>
          <Text className={counts.pending > 0 ? 'sc-count sc-count-alert' : 'sc-count'} data-testid='count-pending'>{`待审核 ${counts.pending}`}</Text>
          <Text className='sc-count' data-testid='count-shown'>{`已展示 ${counts.shown}`}</Text>
          <Text className={item.phase === 'closed' && counts.undecided > 0 ? 'sc-count sc-count-alert' : 'sc-count'} data-testid='count-decided'>{`已答复 ${counts.decided}/${counts.shown}`}</Text>
          {counts.rejected > 0 ? <Text className='sc-count'>{`不予展示 ${counts.rejected}`}</Text> : null}
        </View>
      </View>
    </View>
  );
}

export default function StaffConsultations() {
  const remote = useRemote(loadAll, [], { refreshOnShow: true });

  if (remote.error && isNotStaff(remote.error)) {
    return (
      <PageShell testId='staff-consults'>
        <ConsultStaffOnly />
      </PageShell>
    );
  }

  return (
    <PageShell testId='staff-consults'>
      <View className='header'>
        <Text className='header-title'>意见征集管理</Text>
        <Text className='header-sub'>发布征求意见稿 → 审核意见 → 截止后逐条答复 → 公布采纳情况</Text>
      </View>
      <RemoteView state={remote}>
        {({ roles, items }) => (
          <>
            {canEdit(roles) ? (
              <View className='st-staff-links'>
                <View className='st-staff-link tap' id='staff-consult-new' role='link' onClick={() => void Taro.navigateTo({ url: CONSULT_STAFF_ROUTES.create })}>
                  <Text>＋ 发布意见征集</Text>
                </View>
              </View>
            ) : null}
            {items.length === 0 ? (
              <View className='state muted' id='staff-consults-empty'>
                <Text>还没有发布过意见征集。</Text>
              </View>
            ) : (
              <View className='card st-card-flush' role='list' aria-label='意见征集列表'>
                {items.map((item) => (
                  <Row key={item.id} item={item} />
                ))}
              </View>
            )}
          </>
        )}
      </RemoteView>
    </PageShell>
  );
}
