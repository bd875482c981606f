// 期限计算器: from any receipt date, the four statutory periods (7, 15, 20 and 40 working days) on
// the official calendar, each explained day by day. Public: no sign-in needed.
import { useState } from 'react';
import { Picker, Text, View } from '@tarojs/components';
import { shanghaiDate } from '@/domain/calendar/dates';
import { call } from '@/services/api';
import { useRemote } from '@/hooks/useRemote';
import { PageShell } from '@/components/PageShell';
import { RemoteView } from '@/components/RemoteView';
import { DeadlineCard, formatDateWithWeekday } from '../DeadlineExplain';
import '../apply.css';

export default function ApplyCalculator() {
  const [today] = useState(() => shanghaiDate(new Date()));
  const [date, setDate] = useState(today);
  const result = useRemote(() => call('requests', 'calculateDeadlines', { receiptDate: date }), [date]);
  return (
    <PageShell testId='apply-calculator'>
      <View className='card'>
        <Text className='card-title'>期限计算器</Text>
        <Text className='muted apply-intro'>
          选择收到申请之日，按国家公布的节假日和调休安排推算各项法定期限。收到申请之日为第 0 日，从次日起计算。结果仅供参考，具体以本中心的书面告知为准。
        </Text>
        <Text className='apply-field-label calc-label' id='calc-date-label'>
          收到申请之日
        </Text>
        <Picker mode='date' id='calc-date' value={date} start='2004-01-01' end={`${Number(today.slice(0, 4)) + 1}-12-31`} onChange={(event) => setDate(String(event.detail.value))}>
          <View className='calc-date tap'>
            <View role='button' aria-label={`收到申请之日：${formatDateWithWeekday(date)}，点按选择其他日期`}>
              <Text id='calc-date-value'>{formatDateWithWeekday(date)}</Text>
            </View>
            <Text className='calc-date-change' aria-hidden='true'>
              选择日期 ▾
            </Text>
          </View>
        </Picker>
      </View>
      <RemoteView state={result}>
        {(data) => (
          <View className='card' id='calc-result' role='region' aria-label='计算结果' aria-busy={result.loading}>
            <Text className='card-title'>{`自 ${formatDateWithWeekday(data.receiptDate)} 起`}</Text>
            {data.deadlines.map((deadline) => (
              <DeadlineCard key={deadline.key} deadline={deadline} showLeft={false} />
            ))}
          </View>
        )}
      </RemoteView>
    </PageShell>
  );
}
