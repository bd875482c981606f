// 回执: proof that the application arrived — its 查询码, the legal receipt date (条例第三十一条) and
// the reply deadline it starts (第三十三条), explained. Reloaded by id, so it can be opened again later.
import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { ApiCallError, call } from '@/services/api';
import { useRemote } from '@/hooks/useRemote';
import { PageShell } from '@/components/PageShell';
import { RemoteView } from '@/components/RemoteView';
import type { CitizenCase } from '@/contracts/requests';
import { DeadlineExplain, daysLeftClass, daysLeftText, formatDate, formatDateWithWeekday } from '../DeadlineExplain';
import '../apply.css';

function Receipt({ data, replayed }: { data: CitizenCase; replayed: boolean }) {
  const reply = data.deadlines.find((deadline) => deadline.key === 'reply');
  return (
    <>
      <View className='header'>
        <Text className='header-title'>申请已收到</Text>
        <Text className='header-sub'>请保存查询码，用于查询办理进度</Text>
      </View>
      {replayed ? (
        <View className='card apply-notice apply-notice-ok' id='receipt-replayed' role='status'>
          <Text>您之前的提交已经成功送达，以下是该申请的回执（没有重复提交）。</Text>
        </View>
      ) : null}
      <View className='card' role='region' aria-labelledby='receipt-code-label'>
        <Text className='apply-field-label' id='receipt-code-label'>
          查询码
        </Text>
        <Text className='receipt-code' id='receipt-query-code' aria-label={`查询码 ${data.queryCode.split('').join(' ')}`}>
          {data.queryCode}
        </Text>
        <View
          className='button button-secondary'
          id='receipt-copy'
          role='button'
          onClick={() => void Taro.setClipboardData({ data: data.queryCode })}
        >
          复制查询码
        </View>
      </View>
      <View className='card'>
        <Text className='apply-field-label'>收到申请之日</Text>
        <Text className='receipt-big' id='receipt-date' data-date={data.receiptDate}>
          {formatDateWithWeekday(data.receiptDate)}
        </Text>
        <Text className='muted apply-intro'>网上提交的申请，以提交并经系统确认之日为收到申请之日（条例第三十一条）。</Text>
      </View>
      <View className='card'>
        <Text className='apply-field-label'>答复期限</Text>
        {reply?.due ? (
          <>
            <Text className='receipt-big' id='receipt-due' data-due={reply.due}>
              {`${formatDateWithWeekday(reply.due)}前${reply.provisional ? '（暂定）' : ''}`}
            </Text>
            <Text className={daysLeftClass(reply.workingDaysLeft)} id='receipt-due-left'>
              {daysLeftText(reply.workingDaysLeft)}
            </Text>
            <Text className='apply-guide-text' id='receipt-due-explain'>
              {`本中心将自收到申请之日（${formatDate(data.receiptDate)}）的次日起 ${reply.workingDays} 个工作日内答复您（条例第三十三条）。需要您补正的，会在 7 个工作日内一次性告知，答复期限自收到补正后的申请之日起重新计算（第三十条）；确需延长的，经负责人同意并告知您，最长延长 20 个工作日。`}
            </Text>
            <DeadlineExplain deadline={reply} />
          </>
        ) : (
          <Text className='receipt-big' id='receipt-due'>
            {data.stateLabel}
          </Text>
        )}
      </View>
      <View className='button-row'>
        <View
          className='button'
          id='receipt-case'
          role='button'
          onClick={() => void Taro.navigateTo({ url: `/packages/apply/case/index?id=${encodeURIComponent(data.id)}` })}
        >
          查看办理进度
        </View>
        <View className='button button-secondary' id='receipt-mine' role='button' onClick={() => void Taro.navigateTo({ url: '/packages/apply/mine/index' })}>
          我的申请
        </View>
      </View>
    </>
  );
}

export default function ApplyReceipt() {
  const { params } = useRouter();
  const id = params.id ?? '';
  const state = useRemote(
    () => (id ? call('requests', 'getMine', { id }) : Promise.reject(new ApiCallError('VALIDATION_FAILED', '链接中缺少申请编号，请从“我的申请”进入'))),
    [id],
  );
  return (
    <PageShell testId='apply-receipt'>
      <RemoteView state={state}>{(data) => <Receipt data={data} replayed={params.replayed === '1'} />}</RemoteView>
    </PageShell>
  );
}
