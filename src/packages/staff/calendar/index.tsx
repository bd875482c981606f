// 工作日历: the working-day override table (holidays and make-up working days the packaged calendar
// lacks) and the years it covers. Admins add, replace and remove entries and declare a year complete;
// everyone else sees the table read-only (the server refuses them anyway). Below it, the agency's
// processing-fee settings (信息处理费, off by default): admins switch them, others read them.
import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Input, Picker, Switch, Text, View } from '@tarojs/components';
import type { ActionInput, ActionOutput } from '@/contracts';
import { shanghaiDate } from '@/domain/calendar/dates';
import { FEE_PAYMENT_WORKING_DAYS } from '@/domain/requests/fees';
import { ApiCallError, call } from '@/services/api';
import { useRemote } from '@/hooks/useRemote';
import { PageShell } from '@/components/PageShell';
import { RemoteView } from '@/components/RemoteView';
import { errorText, isNotStaff, StaffOnly } from '../shared';
import '../staff.css';

type Kind = 'holiday' | 'workday';
const KIND_LABELS: Record<Kind, string> = { holiday: '放假', workday: '调休上班' };

/** 2004, 2005, …, 2026, 2028 → "2004–2026、2028". */
function yearRanges(years: readonly number[]): string {
  const sorted = [...years].sort((a, b) => a - b);
  const ranges: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j += 1;
    ranges.push(i === j ? `${sorted[i]}` : `${sorted[i]}–${sorted[j]}`);
    i = j + 1;
  }
  return ranges.join('、') || '无';
}

type FeeSettings = ActionInput<'requests', 'saveSettings'>;

function FeeSettingsCard({ isAdmin }: { isAdmin: boolean }) {
  const remote = useRemote(() => call('requests', 'getSettings', {}), []);
  const [saved, setSaved] = useState<ActionOutput<'requests', 'getSettings'>>();
  const [draft, setDraft] = useState<FeeSettings>();
  const [sending, setSending] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string }>();
  const current = saved ?? remote.data;
  const values: FeeSettings | undefined = draft ?? (current ? { feesEnabled: current.feesEnabled, pauseWhileFeeUnpaid: current.pauseWhileFeeUnpaid } : undefined);

  async function save(next: FeeSettings) {
    if (sending) return;
    setSending(true);
    setMessage(undefined);
    try {
      setSaved(await call('requests', 'saveSettings', next));
      setDraft(undefined);
      setMessage({ ok: true, text: `已保存：${next.feesEnabled ? '收取' : '不收取'}信息处理费${next.feesEnabled ? `，待缴费期间答复期限${next.pauseWhileFeeUnpaid ? '暂停' : '照常'}计算` : ''}。` });
    } catch (cause) {
      setMessage({ ok: false, text: errorText(cause) });
    } finally {
      setSending(false);
    }
  }

  const row = (key: keyof FeeSettings, label: string, shown: FeeSettings, on: string, off: string) => (
    <View className='row tap'>
      <Text id={`setting-${key}-label`}>{label}</Text>
      {isAdmin ? (
        <Switch id={`setting-${key}`} checked={shown[key]} color='#b71c1c' aria-labelledby={`setting-${key}-label`} onChange={(event) => setDraft({ ...shown, [key]: Boolean(event.detail.value) })} />
      ) : (
        <Text className='st-picker-value' id={`setting-${key}`}>
          {shown[key] ? on : off}
        </Text>
      )}
    </View>
  );

  return (
    <View className='card' id='settings-fees' aria-label='信息处理费'>
      <Text className='card-title'>信息处理费</Text>
      <Text className='paragraph' id='settings-fees-explain'>
        按照国办函〔2020〕109号，申请人申请公开政府信息的数量、频次明显超过合理范围的，可以收取信息处理费；本中心默认不收费。
      </Text>
      {remote.error ? (
        <View className='st-form-error' role='alert'>
          <Text>{remote.error.message}</Text>
        </View>
      ) : !values ? (
        <Text className='muted'>正在加载…</Text>
      ) : (
        <>
          {row('feesEnabled', '收取信息处理费', values, '收取', '不收取')}
          {row('pauseWhileFeeUnpaid', '待缴费期间暂停计算答复期限', values, '暂停', '不暂停')}
          <Text className='muted list-item-meta'>{`启用后，受理员可对办理中的申请按件或按量发出缴费通知；申请人应在 ${FEE_PAYMENT_WORKING_DAYS} 个工作日内缴纳，逾期未缴纳的视为放弃申请。`}</Text>
          {isAdmin ? (
            <View className={sending ? 'button st-button-disabled' : 'button'} id='settings-save' role='button' aria-disabled={sending} onClick={sending ? undefined : () => void save(values)}>
              {sending ? '正在保存…' : '保存设置'}
            </View>
          ) : (
            <Text className='muted list-item-meta' id='settings-readonly'>
              仅管理员可以修改此设置。
            </Text>
          )}
        </>
      )}
      {message ? (
        <View className={message.ok ? 'st-form-success' : 'st-form-error'} id={message.ok ? 'settings-message' : 'settings-error'} role={message.ok ? 'status' : 'alert'}>
          <Text>{message.text}</Text>
        </View>
      ) : null}
    </View>
  );
}

export default function StaffCalendar() {
  const remote = useRemote(() => call('requests', 'listCalendarOverrides', {}), []);
  const whoami = useRemote(() => call('portal', 'whoami', {}), []);
  const [saved, setSaved] = useState<typeof remote.data>();
  const [date, setDate] = useState(() => shanghaiDate(new Date()));
  const [kind, setKind] = useState<Kind>('holiday');
  const [name, setName] = useState('');
  const [declareYear, setDeclareYear] = useState(false);
  const [sending, setSending] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string }>();
  const isAdmin = whoami.data?.roles.includes('admin') ?? false;
  const year = Number(date.slice(0, 4));

  if (remote.error && isNotStaff(remote.error)) {
    return (
      <PageShell testId='staff-calendar'>
        <StaffOnly />
      </PageShell>
    );
  }

  async function save(input: ActionInput<'requests', 'saveCalendarOverride'>, done: string) {
    if (sending) return;
    setSending(true);
    setMessage(undefined);
    try {
      const next = await call('requests', 'saveCalendarOverride', input);
      setSaved(next);
      setMessage({ ok: true, text: `${done}。在办申请的期限已按新日历重新计算。` });
      if (!input.remove) {
        setName('');
        setDeclareYear(false);
      }
    } catch (cause) {
      const issues = cause instanceof ApiCallError ? cause.issues.map((issue) => issue.message) : [];
      setMessage({ ok: false, text: issues.length > 1 ? `${errorText(cause)}（${issues.join('；')}）` : errorText(cause) });
    } finally {
      setSending(false);
    }
  }

  async function remove(entry: { date: string; kind: Kind; name: string }) {
    const answer = await Taro.showModal({ title: '删除这一天？', content: `${entry.date} ${KIND_LABELS[entry.kind]}（${entry.name}）将被删除，在办申请的期限会重新计算。`, confirmText: '删除', cancelText: '取消' });
    if (answer.confirm) await save({ override: entry, remove: true }, `已删除 ${entry.date}`);
  }

  return (
    <PageShell testId='staff-calendar'>
      <View className='header'>
        <Text className='header-title'>工作日历</Text>
        <Text className='header-sub'>期限按工作日计算：不计法定节假日和周末，计入调休上班日</Text>
      </View>
      <View className='card'>
        <Text className='paragraph' id='calendar-explain'>
          法定节假日数据覆盖至 2026 年；2027 年起的期限为暂定，录入国务院办公厅通知后请勾选‘该年度已完整录入’。
        </Text>
      </View>
      <RemoteView state={remote}>
        {(fetched) => {
          const data = saved ?? fetched;
          return (
            <>
              <View className='card'>
                <Text className='card-title'>已完整覆盖的年度</Text>
                <Text id='covered-years'>{yearRanges(data.coveredYears)}</Text>
              </View>

              <View className='card' aria-label='补充录入的日期'>
                <Text className='card-title'>补充录入的日期</Text>
                {data.overrides.length === 0 ? (
                  <Text className='muted' id='overrides-empty'>
                    暂无补充录入的日期
                  </Text>
                ) : (
                  <View role='list'>
                    {data.overrides.map((entry) => (
                      <View key={entry.date} className='st-override-row' data-testid='override-item' id={`override-${entry.date}`} role='listitem'>
                        <View className='st-override-main'>
                          <Text className='list-item-title'>
                            {entry.date} <Text className={`st-kind-${entry.kind}`}>{KIND_LABELS[entry.kind]}</Text>
                          </Text>
                          <Text className='list-item-meta muted'>{entry.name}</Text>
                        </View>
                        {isAdmin ? (
                          <View className='st-remove' id={`override-remove-${entry.date}`} role='button' aria-label={`删除 ${entry.date}`} aria-disabled={sending} onClick={sending ? undefined : () => void remove(entry)}>
                            删除
                          </View>
                        ) : null}
                      </View>
                    ))}
                  </View>
                )}
              </View>

              {isAdmin ? (
                <View className='card' id='override-form' aria-label='录入日期'>
                  <Text className='card-title'>录入或修改一天</Text>
                  <Text className='st-form-label' id='override-date-label'>
                    日期
                  </Text>
                  <Picker mode='date' id='override-date' value={date} start='2004-01-01' end='2099-12-31' onChange={(event) => setDate(String(event.detail.value))}>
                    <View className='row tap st-picker-row' role='button' aria-labelledby='override-date-label'>
                      <Text>{date}</Text>
                      <Text className='st-picker-value'>▾</Text>
                    </View>
                  </Picker>
                  <Text className='st-form-label' id='override-kind-label'>
                    类型
                  </Text>
                  <View className='st-choice-row' role='radiogroup' aria-labelledby='override-kind-label'>
                    {(['holiday', 'workday'] as const).map((value) => (
                      <View key={value} id={`override-kind-${value}`} className={kind === value ? 'st-choice st-selected' : 'st-choice'} role='radio' aria-checked={kind === value} onClick={() => setKind(value)}>
                        {kind === value ? '● ' : '○ '}
                        {KIND_LABELS[value]}
                      </View>
                    ))}
                  </View>
                  <Text className='st-form-label' id='override-name-label'>
                    节日名称
                  </Text>
                  <Input id='override-name' className='st-input' value={name} maxlength={20} placeholder='如：春节、国庆节' aria-labelledby='override-name-label' onInput={(event) => setName(event.detail.value)} />
                  <View className='row tap'>
                    <Text id='override-declare-year-label'>该年度（{year} 年）日历已完整录入</Text>
                    <Switch
                      id='override-declare-year'
                      checked={declareYear}
                      color='#b71c1c'
                      aria-labelledby='override-declare-year-label'
                      onChange={(event) => setDeclareYear(Boolean(event.detail.value))}
                    />
                  </View>
                  <View
                    className={sending ? 'button st-button-disabled' : 'button'}
                    id='override-save'
                    role='button'
                    aria-disabled={sending}
                    onClick={sending ? undefined : () => void save({ override: { date, kind, name }, ...(declareYear ? { declareYearCovered: year } : {}) }, `已保存 ${date} ${KIND_LABELS[kind]}`)}
                  >
                    {sending ? '正在保存…' : '保存'}
                  </View>
                </View>
              ) : (
                <View className='card'>
                  <Text className='muted' id='calendar-readonly'>
                    仅管理员可以修改工作日历；如发现节假日安排有误，请联系管理员。
                  </Text>
                </View>
              )}
              {message ? (
                <View className='card'>
                  <View className={message.ok ? 'st-form-success' : 'st-form-error'} id={message.ok ? 'calendar-message' : 'calendar-error'} role={message.ok ? 'status' : 'alert'}>
                    <Text>{message.text}</Text>
                  </View>
                </View>
              ) : null}
            </>
          );
        }}
      </RemoteView>
      <FeeSettingsCard isAdmin={isAdmin} />
    </PageShell>
  );
}
