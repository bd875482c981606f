// 平台开放日管理 (clerk, admin): publish an event (title, date and times, place, places, sign-up
// close, description), see each coming event's sign-ups (phones masked) and cancel an event with a
// reason, which notifies everyone signed up through the notification outbox. Defaults for the dates
// come from the server's clock, not the device's.
import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Input, Picker, Text, Textarea, View } from '@tarojs/components';
import { eventInputSchema, type EventSummary } from '@/contracts/open-days';
import { issuesFromZod, type ErrorIssue } from '@/contracts/core';
import { addDays } from '@/domain/calendar/dates';
import { ApiCallError, call } from '@/services/api';
import { useRemote } from '@/hooks/useRemote';
import { PageShell } from '@/components/PageShell';
import { RemoteView } from '@/components/RemoteView';
import { errorText, isNotStaff, newIdempotencyKey, StaffOnly } from '../shared';
import '../staff.css';

const DEFAULT_PLACE = '淄博市公共资源交易中心 开标大厅及评标区';
const DETAIL_ROUTE = (id: string) => `/packages/opendays/detail/index?id=${encodeURIComponent(id)}`;

function byPath(issues: readonly ErrorIssue[]): Record<string, string> {
  const found: Record<string, string> = {};
  for (const issue of issues) {
    const path = issue.path.replace(/^event\./, '');
    if (!found[path]) found[path] = issue.message;
  }
  return found;
}

function FieldError({ id, message }: { id: string; message?: string }) {
  if (!message) return null;
  return (
    <View className='st-field-error' id={id} role='alert'>
      {message}
    </View>
  );
}

function PickerField({ id, label, mode, value, onChange }: { id: string; label: string; mode: 'date' | 'time'; value: string; onChange: (value: string) => void }) {
  return (
    <>
      <Text className='st-form-label' id={`${id}-label`}>
        {label}
      </Text>
      <Picker mode={mode} id={id} value={value} onChange={(event) => onChange(String(event.detail.value))}>
        <View className='row tap st-picker-row' role='button' aria-labelledby={`${id}-label`} aria-label={`${label}：${value}`}>
          <Text id={`${id}-value`}>{value}</Text>
          <Text className='st-picker-value'>▾</Text>
        </View>
      </Picker>
    </>
  );
}

function CreateForm({ today, onCreated }: { today: string; onCreated: (event: EventSummary) => void }) {
  const firstDate = addDays(today, 14);
  const [title, setTitle] = useState('');
  const [date, setDate] = useState(firstDate);
  const [startTime, setStartTime] = useState('09:30');
  const [endTime, setEndTime] = useState('11:30');
  const [place, setPlace] = useState(DEFAULT_PLACE);
  const [capacity, setCapacity] = useState('30');
  const [signUpCloseDate, setCloseDate] = useState(addDays(firstDate, -2));
  const [signUpCloseTime, setCloseTime] = useState('17:00');
  const [invitees, setInvitees] = useState('人大代表、政协委员、企业代表、媒体代表及市民');
  const [description, setDescription] = useState('');
  const [key, setKey] = useState(() => newIdempotencyKey());
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string>();
  const [sending, setSending] = useState(false);

  function clear(path: string) {
    if (errors[path]) setErrors((all) => Object.fromEntries(Object.entries(all).filter(([p]) => p !== path)));
  }

  async function submit() {
    if (sending) return;
    setFormError(undefined);
    const input = { title, date, startTime, endTime, place, capacity: Number(capacity.trim() || 'NaN'), signUpCloseDate, signUpCloseTime, description, ...(invitees.trim() ? { invitees } : {}) };
    const parsed = eventInputSchema.safeParse(input);
    if (!parsed.success) {
      setErrors(byPath(issuesFromZod(parsed.error)));
      setFormError('请按提示修改后再发布');
      return;
    }
    setErrors({});
    setSending(true);
    try {
      const created = await call('openDays', 'createEvent', { idempotencyKey: key, event: parsed.data });
      setKey(newIdempotencyKey());
      setTitle('');
      setDescription('');
      void Taro.showToast({ title: '已发布', icon: 'success' });
      onCreated(created.event);
    } catch (cause) {
      if (cause instanceof ApiCallError && cause.code === 'VALIDATION_FAILED' && cause.issues.length > 0) {
        setErrors(byPath(cause.issues));
        setFormError(cause.message);
      } else {
        setFormError(errorText(cause));
      }
    } finally {
      setSending(false);
    }
  }

  return (
    <View className='card' id='od-form' role='form' aria-labelledby='od-form-title'>
      <Text className='card-title' id='od-form-title'>
        发布开放日活动
      </Text>
      <Text className='st-form-label' id='od-title-label'>
        活动名称（必填）
      </Text>
      <Input id='od-title' className='st-input' value={title} maxlength={60} placeholder='如：“走进交易中心”平台开放日' aria-labelledby='od-title-label' onInput={(event) => (setTitle(event.detail.value), clear('title'))} />
      <FieldError id='error-title' message={errors.title} />

      <PickerField id='od-date' label='活动日期' mode='date' value={date} onChange={(value) => (setDate(value), clear('date'))} />
      <FieldError id='error-date' message={errors.date} />
      <PickerField id='od-start' label='开始时间' mode='time' value={startTime} onChange={(value) => (setStartTime(value), clear('startTime'))} />
      <FieldError id='error-startTime' message={errors.startTime} />
      <PickerField id='od-end' label='结束时间' mode='time' value={endTime} onChange={(value) => (setEndTime(value), clear('endTime'))} />
      <FieldError id='error-endTime' message={errors.endTime} />

      <Text className='st-form-label' id='od-place-label'>
        活动地点（必填）
      </Text>
      <Input id='od-place' className='st-input' value={place} maxlength={100} aria-labelledby='od-place-label' onInput={(event) => (setPlace(event.detail.value), clear('place'))} />
      <FieldError id='error-place' message={errors.place} />

      <Text className='st-form-label' id='od-capacity-label'>
        名额（人，必填）
      </Text>
      <Input id='od-capacity' className='st-input' type='number' value={capacity} maxlength={3} aria-labelledby='od-capacity-label' onInput={(event) => (setCapacity(event.detail.value), clear('capacity'))} />
      <FieldError id='error-capacity' message={errors.capacity} />

      <PickerField id='od-close-date' label='报名截止日期' mode='date' value={signUpCloseDate} onChange={(value) => (setCloseDate(value), clear('signUpCloseDate'))} />
      <FieldError id='error-signUpCloseDate' message={errors.signUpCloseDate} />
      <PickerField id='od-close-time' label='报名截止时间' mode='time' value={signUpCloseTime} onChange={(value) => (setCloseTime(value), clear('signUpCloseTime'))} />
      <Text className='muted st-form-hint'>报名截止须早于活动开始；市民可在活动开始 24 小时前在线取消报名。</Text>

      <Text className='st-form-label' id='od-invitees-label'>
        邀请对象（选填）
      </Text>
      <Input id='od-invitees' className='st-input' value={invitees} maxlength={200} aria-labelledby='od-invitees-label' onInput={(event) => setInvitees(event.detail.value)} />

      <Text className='st-form-label' id='od-description-label'>
        活动介绍（必填）
      </Text>
      <Textarea id='od-description' className='st-textarea' value={description} maxlength={2000} placeholder='活动内容、流程和注意事项，每段一行' aria-labelledby='od-description-label' onInput={(event) => (setDescription(event.detail.value), clear('description'))} />
      <FieldError id='error-description' message={errors.description} />

      {formError ? (
        <View className='st-form-error' id='od-form-error' role='alert'>
          {formError}
        </View>
      ) : null}
      <View className={sending ? 'button st-button-disabled' : 'button'} id='od-create' role='button' aria-disabled={sending} onClick={sending ? undefined : () => void submit()}>
        {sending ? '正在发布…' : '发布活动'}
      </View>
    </View>
  );
}

function SignUps({ eventId }: { eventId: string }) {
  const list = useRemote(() => call('openDays', 'signUps', { eventId }), [eventId]);
  return (
    <View id={`signups-list-${eventId}`} role='region' aria-label='报名名单'>
      <RemoteView state={list}>
        {(data) => (
          <>
            <Text className='muted st-form-hint' id={`signups-count-${eventId}`} data-active={data.active}>{`已报名 ${data.active} 人，已取消 ${data.cancelled} 人`}</Text>
            {data.signUps.length === 0 ? <Text className='muted'>暂无报名</Text> : null}
            {data.signUps.map((s) => (
              <View key={s.id} className='st-field' data-testid='staff-signup' data-status={s.status}>
                <Text className='st-field-label'>{`${s.receiptNo} · ${s.statusLabel}`}</Text>
                <Text className='st-field-value'>{`${s.name} · ${s.phoneMasked} · ${s.roleLabel}${s.organisation ? ` · ${s.organisation}` : ''}`}</Text>
              </View>
            ))}
          </>
        )}
      </RemoteView>
    </View>
  );
}

function EventCard({ event, onChanged }: { event: EventSummary; onChanged: (notice: string) => void }) {
  const [open, setOpen] = useState(false);
  const [cancelling, setCancelling] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string>();
  const [sending, setSending] = useState(false);
  const taken = event.capacity !== null && event.remaining !== null ? event.capacity - event.remaining : 0;

  async function cancelEvent() {
    if (sending) return;
    if (reason.trim().length < 2) {
      setError('请填写取消原因');
      return;
    }
    const answer = await Taro.showModal({ title: '取消活动', content: `确定取消“${event.title}”吗？所有已报名者将收到取消通知。`, confirmText: '取消活动', cancelText: '不取消' });
    if (!answer.confirm) return;
    setSending(true);
    try {
      const done = await call('openDays', 'cancelEvent', { eventId: event.id, reason });
      setCancelling(false);
      onChanged(`已取消“${event.title}”，已通知报名者 ${done.notified} 人`);
    } catch (cause) {
      setError(errorText(cause));
    } finally {
      setSending(false);
    }
  }

  return (
    <View className='card' data-testid='staff-openday' data-state={event.state} id={`staff-openday-${event.id}`}>
      <Text className='card-title'>{event.title}</Text>
      <Text className='muted'>{`${event.timeText} · ${event.place}`}</Text>
      <Text className='st-state-label' data-testid='staff-openday-state'>{`${event.stateLabel} · 已报名 ${taken}/${event.capacity ?? 0}`}</Text>
      <View className='st-button-row'>
        <View className='button button-secondary' id={`signups-${event.id}`} role='button' aria-expanded={open} onClick={() => setOpen((value) => !value)}>
          {open ? '收起名单' : '查看报名'}
        </View>
        <View className='button button-secondary' id={`view-${event.id}`} role='link' onClick={() => void Taro.navigateTo({ url: DETAIL_ROUTE(event.id) })}>
          查看活动页
        </View>
        {event.state !== 'cancelled' && !cancelling ? (
          <View className='button button-secondary' id={`cancel-event-${event.id}`} role='button' onClick={() => setCancelling(true)}>
            取消活动
          </View>
        ) : null}
      </View>
      {open ? <SignUps eventId={event.id} /> : null}
      {cancelling ? (
        <View className='st-action-form'>
          <Text className='st-form-label' id={`cancel-reason-${event.id}-label`}>
            取消原因（必填，将通知已报名者）
          </Text>
          <Textarea id={`cancel-reason-${event.id}`} className='st-textarea' value={reason} maxlength={200} aria-labelledby={`cancel-reason-${event.id}-label`} onInput={(e) => (setReason(e.detail.value), setError(undefined))} />
          {error ? (
            <View className='st-field-error' role='alert'>
              {error}
            </View>
          ) : null}
          <View className='st-button-row'>
            <View className={sending ? 'button st-button-disabled' : 'button'} id={`cancel-confirm-${event.id}`} role='button' aria-disabled={sending} onClick={() => void cancelEvent()}>
              确认取消活动
            </View>
            <View className='button button-secondary' role='button' id={`cancel-back-${event.id}`} onClick={() => setCancelling(false)}>
              返回
            </View>
          </View>
        </View>
      ) : null}
    </View>
  );
}

export default function StaffOpenDays() {
  const events = useRemote(() => call('openDays', 'staffEvents', {}), []);
  const [created, setCreated] = useState<EventSummary>();
  const [notice, setNotice] = useState<string>();

  if (events.error && isNotStaff(events.error)) {
    return (
      <PageShell testId='staff-opendays'>
        <StaffOnly />
      </PageShell>
    );
  }

  return (
    <PageShell testId='staff-opendays'>
      <View className='header'>
        <Text className='header-title'>平台开放日管理</Text>
        <Text className='header-sub'>发布活动、查看报名名单、取消活动并通知报名者</Text>
      </View>
      <RemoteView state={events}>
        {(data) => (
          <>
            <CreateForm
              today={data.now.slice(0, 10)}
              onCreated={(event) => {
                setCreated(event);
                events.reload();
              }}
            />
            {created ? (
              <View className='st-form-success' id='od-created' data-id={created.id} role='status'>
                {`已发布：${created.title}（${created.timeText}，名额 ${created.capacity ?? 0} 个）`}
              </View>
            ) : null}
            {notice ? (
              <View className='st-form-success' id='od-cancelled' role='status'>
                {notice}
              </View>
            ) : null}
            <Text className='card-title' id='od-events-title'>
              未结束的活动
            </Text>
            {data.items.length === 0 ? <Text className='muted state'>暂无活动</Text> : null}
            {data.items.map((event) => (
              <EventCard key={`${event.id}-${event.state}-${event.remaining ?? ''}`} event={event} onChanged={(text) => {
                  setNotice(text);
                  events.reload();
                }}
              />
            ))}
          </>
        )}
      </RemoteView>
    </PageShell>
  );
}
