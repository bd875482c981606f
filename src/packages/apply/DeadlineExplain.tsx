// How a statutory deadline was counted, in words a person can check against a calendar: day zero,
// the holidays skipped and the 调休 working days counted (with their names), plain weekends, days
// paused while others were consulted, and whether the holiday table for a year is still provisional.
// Shared by the case page, the receipt and the public calculator (packages/apply only).
import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import type { DeadlineView } from '@/contracts/requests';
import { addDays, weekday } from '@/domain/calendar/dates';

const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六'];

/** 2026-03-16 → 2026年3月16日. */
export function formatDate(iso: string): string {
  const [year, month, day] = iso.split('-');
  if (!year || !month || !day) return iso;
  return `${year}年${Number(month)}月${Number(day)}日`;
}

/** 2026-03-16 → 2026年3月16日（星期一）. */
export function formatDateWithWeekday(iso: string): string {
  try {
    return `${formatDate(iso)}（星期${WEEKDAYS[weekday(iso)]}）`;
  } catch {
    return iso;
  }
}

/** "剩余 N 个工作日", "今天到期" or "已逾期 N 个工作日": the words carry the meaning, not a colour. */
export function daysLeftText(workingDaysLeft: number | null | undefined): string {
  if (workingDaysLeft === null || workingDaysLeft === undefined) return '';
  if (workingDaysLeft < 0) return `已逾期 ${-workingDaysLeft} 个工作日`;
  if (workingDaysLeft === 0) return '今天到期（剩余 0 个工作日）';
  return `剩余 ${workingDaysLeft} 个工作日`;
}

export function daysLeftClass(workingDaysLeft: number | null | undefined): string {
  if (workingDaysLeft === null || workingDaysLeft === undefined) return 'apply-left';
  if (workingDaysLeft < 0) return 'apply-left apply-left-overdue';
  if (workingDaysLeft <= 2) return 'apply-left apply-left-soon';
  return 'apply-left';
}

/** What each period means for the applicant. */
export const DEADLINE_PURPOSE: Record<string, string> = {
  correctionNotice: '申请内容需要补正的，本中心应在此日期前一次性告知需要补正的全部事项',
  correctionDue: '请在此日期前提交补正材料；无正当理由逾期不补正的，视为放弃申请',
  thirdPartyAnswer: '需要征求第三方意见的，第三方应在此期限内提出意见',
  reply: '本中心应在此日期前作出答复',
  replyExtended: '答复期限经批准延长 20 个工作日后的最后一日',
};

interface Range {
  from: string;
  to: string;
  days: number;
  name?: string;
}

/** Consecutive days with the same name become one range: 春节 2026-02-15 至 2026-02-23（9 天）. */
function ranges(days: ReadonlyArray<{ date: string; name?: string }>): Range[] {
  const result: Range[] = [];
  for (const day of days) {
    const last = result[result.length - 1];
    if (last && last.name === day.name && addDays(last.to, 1) === day.date) {
      last.to = day.date;
      last.days += 1;
    } else {
      result.push({ from: day.date, to: day.date, days: 1, ...(day.name ? { name: day.name } : {}) });
    }
  }
  return result;
}

function rangeText(range: Range): string {
  return range.from === range.to ? formatDateWithWeekday(range.from) : `${formatDate(range.from)} 至 ${formatDate(range.to)}，共 ${range.days} 天`;
}

export function DeadlineExplain({ deadline, startLabel = '收到申请之日' }: { deadline: DeadlineView; startLabel?: string }) {
  const [open, setOpen] = useState(false);
  const holidays = ranges(deadline.notableDays.filter((day) => day.kind === 'holiday'));
  const makeup = deadline.notableDays.filter((day) => day.kind === 'makeupWorkday');
  const paused = ranges(deadline.pausedWorkingDays.map((date) => ({ date })));
  const id = `explain-${deadline.key}`;
  return (
    <View className='explain'>
      <View
        className='explain-toggle tap'
        id={id}
        role='button'
        aria-expanded={open}
        aria-controls={`${id}-body`}
        onClick={() => setOpen((value) => !value)}
      >
        <Text>期限如何计算</Text>
        <Text className='explain-toggle-state'>{open ? '收起 ▴' : '展开 ▾'}</Text>
      </View>
      {open ? (
        <View className='explain-body' id={`${id}-body`}>
          <View className='explain-item'>
            <Text className='explain-head'>起算</Text>
            <Text className='explain-text'>
              {`${startLabel} ${formatDateWithWeekday(deadline.start)} 为第 0 日，从次日起计算 ${deadline.workingDays} 个工作日。`}
            </Text>
          </View>
          <View className='explain-item'>
            <Text className='explain-head'>跳过的法定节假日</Text>
            {holidays.length === 0 ? (
              <Text className='explain-text'>期间没有法定节假日。</Text>
            ) : (
              holidays.map((range) => (
                <Text key={range.from} className='explain-text explain-day' data-kind='holiday'>
                  {`${range.name ?? '节假日'}：${rangeText(range)}`}
                </Text>
              ))
            )}
          </View>
          <View className='explain-item'>
            <Text className='explain-head'>计入的调休上班日</Text>
            {makeup.length === 0 ? (
              <Text className='explain-text'>期间没有调休上班日。</Text>
            ) : (
              makeup.map((day) => (
                <Text key={day.date} className='explain-text explain-day' data-kind='makeupWorkday'>
                  {`${formatDateWithWeekday(day.date)}，${day.name ? `${day.name}调休` : '调休'}上班，计为工作日`}
                </Text>
              ))
            )}
          </View>
          <View className='explain-item'>
            <Text className='explain-head'>跳过的周末</Text>
            <Text className='explain-text'>{deadline.weekendsSkipped > 0 ? `另跳过普通周六、周日共 ${deadline.weekendsSkipped} 天。` : '期间没有需要跳过的普通周末。'}</Text>
          </View>
          {paused.length > 0 ? (
            <View className='explain-item'>
              <Text className='explain-head'>中止计算的工作日</Text>
              <Text className='explain-text'>{`征求第三方或其他机关意见（条例第三十三条）或等待缴纳信息处理费期间的 ${deadline.pausedWorkingDays.length} 个工作日不计入期限：`}</Text>
              {paused.map((range) => (
                <Text key={range.from} className='explain-text explain-day'>
                  {range.from === range.to ? formatDateWithWeekday(range.from) : `${formatDate(range.from)} 至 ${formatDate(range.to)}`}
                </Text>
              ))}
            </View>
          ) : null}
          <View className='explain-item'>
            <Text className='explain-head'>期满日</Text>
            <Text className='explain-text'>
              {deadline.due ? `第 ${deadline.workingDays} 个工作日为 ${formatDateWithWeekday(deadline.due)}${deadline.provisional ? '（暂定）' : ''}。` : '期限暂停计算（征求意见或等待缴纳信息处理费期间），结束后恢复计算。'}
            </Text>
          </View>
          {deadline.provisional ? (
            <Text className='explain-text explain-provisional' id={`${id}-provisional`}>
              （暂定）期限经过的年份尚未公布放假安排，暂按普通周末计算；国务院办公厅公布后将自动重新计算。
            </Text>
          ) : null}
        </View>
      ) : null}
    </View>
  );
}

/** One deadline with its date, days left and explanation (case page and calculator). */
export function DeadlineCard({ deadline, startLabel, showLeft = true }: { deadline: DeadlineView; startLabel?: string; showLeft?: boolean }) {
  const purpose = DEADLINE_PURPOSE[deadline.key];
  return (
    <View className='deadline' data-testid='deadline' id={`deadline-${deadline.key}`} data-due={deadline.due ?? ''} data-key={deadline.key}>
      <View className='deadline-head'>
        <Text className='deadline-label'>{deadline.label}</Text>
        <Text className='deadline-article muted'>{`条例${deadline.article} · ${deadline.workingDays} 个工作日`}</Text>
      </View>
      <Text className='deadline-due' id={`deadline-${deadline.key}-due`}>
        {deadline.due ? `${formatDateWithWeekday(deadline.due)}${deadline.provisional ? '（暂定）' : ''}` : '期限中止计算（征求意见或待缴费中）'}
      </Text>
      {showLeft && deadline.due ? (
        <Text className={daysLeftClass(deadline.workingDaysLeft)} id={`deadline-${deadline.key}-left`}>
          {daysLeftText(deadline.workingDaysLeft)}
        </Text>
      ) : null}
      {purpose ? <Text className='deadline-purpose muted'>{purpose}</Text> : null}
      <DeadlineExplain deadline={deadline} startLabel={startLabel} />
    </View>
  );
}
