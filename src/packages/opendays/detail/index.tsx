// One 平台开放日 event: when and where, places left and the state in words, the description, and
// either the sign-up form (labelled fields, errors under each field in Chinese), the receipt of the
// caller's own sign-up with 取消报名 (after a confirmation), or why sign-up is not possible now.
// A retried submit reuses its idempotency key, so a dropped connection never takes two places.
import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Input, Text, View } from '@tarojs/components';
import { signUpInputSchema, type SignUpView } from '@/contracts/open-days';
import { issuesFromZod } from '@/contracts/core';
import { SIGN_UP_ROLES, type SignUpRole } from '@/domain/open-days/rules';
import { ApiCallError, call } from '@/services/api';
import { useRemote } from '@/hooks/useRemote';
import { PageShell } from '@/components/PageShell';
import { ReportError } from '@/components/ReportError';
import { RemoteView } from '@/components/RemoteView';
import { DemoBadge } from '@/components/DemoBadge';
import { newIdempotencyKey, OPENDAY_ROUTES, placesText, wallTime, type OpenDayDetail } from '../shared';
import '../opendays.css';

type Field = 'name' | 'phone' | 'organisation' | 'role';

function MetaRow({ label, value, id }: { label: string; value?: string; id: string }) {
  if (!value) return null;
  return (
    <View className='od-meta-row'>
      <Text className='muted od-meta-label'>{label}</Text>
      <Text className='od-meta-value' id={id}>
        {value}
      </Text>
    </View>
  );
}

function FieldError({ field, errors }: { field: Field; errors: Partial<Record<Field, string>> }) {
  if (!errors[field]) return null;
  return (
    <View className='od-error' id={`error-${field}`} role='alert'>
      {`！${errors[field]}`}
    </View>
  );
}

function TextField(props: { field: Field; label: string; value: string; errors: Partial<Record<Field, string>>; disabled: boolean; type?: 'text' | 'number'; maxlength: number; placeholder?: string; onChange: (value: string) => void }) {
  const { field, label, value, errors, disabled, type, maxlength, placeholder, onChange } = props;
  return (
    <View id={`wrap-${field}`}>
      <Text className='od-label' id={`field-${field}-label`}>
        {label}
      </Text>
      <Input
        id={`field-${field}`}
        className={errors[field] ? 'od-input od-invalid' : 'od-input'}
        value={value}
        type={type ?? 'text'}
        maxlength={maxlength}
        placeholder={placeholder}
        disabled={disabled}
        aria-labelledby={`field-${field}-label`}
        {...(process.env.TARO_ENV === 'h5' ? { nativeProps: { 'aria-label': label, 'aria-invalid': errors[field] ? 'true' : undefined, 'aria-describedby': errors[field] ? `error-${field}` : undefined } } : {})}
        onInput={(event) => onChange(event.detail.value)}
      />
      <FieldError field={field} errors={errors} />
    </View>
  );
}

function Receipt({ signUp, justNow, onCancel, cancelling }: { signUp: SignUpView; justNow: boolean; onCancel: () => void; cancelling: boolean }) {
  const active = signUp.status === 'active';
  return (
    <View className='card' id='signup-receipt' data-status={signUp.status} role='region' aria-labelledby='signup-receipt-title'>
      <Text className='card-title' id='signup-receipt-title'>
        {justNow ? '报名成功' : '我的报名'}
      </Text>
      <MetaRow label='报名编号' value={signUp.receiptNo} id='receipt-no' />
      <MetaRow label='状态' value={signUp.statusLabel} id='receipt-status' />
      <MetaRow label='姓名' value={signUp.name} id='receipt-name' />
      <MetaRow label='手机号码' value={signUp.phoneMasked} id='receipt-phone' />
      <MetaRow label='单位' value={signUp.organisation} id='receipt-organisation' />
      <MetaRow label='身份' value={signUp.roleLabel} id='receipt-role' />
      {active ? <Text className='muted od-source'>请携带本人有效证件，提前 15 分钟到一楼服务台签到，出示报名编号。</Text> : null}
      {signUp.cancellable ? (
        <>
          <Text className='muted od-source'>{`如不能参加，请在 ${wallTime(signUp.cancelDeadline)} 前取消报名，名额将留给其他人。`}</Text>
          <View className='od-buttons'>
            <View className={cancelling ? 'button button-secondary od-disabled' : 'button button-secondary'} id='signup-cancel' role='button' aria-disabled={cancelling} onClick={cancelling ? undefined : onCancel}>
              {cancelling ? '正在取消…' : '取消报名'}
            </View>
          </View>
        </>
      ) : active ? (
        <Text className='muted od-source' id='cancel-closed'>{`已过在线取消时限（${wallTime(signUp.cancelDeadline)}），如不能参加请致电联系我们。`}</Text>
      ) : null}
    </View>
  );
}

interface Form {
  name: string;
  phone: string;
  organisation: string;
  role: SignUpRole | undefined;
}

function SignUpForm({ eventId, onDone }: { eventId: string; onDone: (signUp: SignUpView) => void }) {
  const [form, setForm] = useState<Form>({ name: '', phone: '', organisation: '', role: undefined });
  const [key, setKey] = useState(() => newIdempotencyKey());
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [status, setStatus] = useState<{ kind: 'idle' } | { kind: 'sending' } | { kind: 'network' } | { kind: 'failed'; message: string }>({ kind: 'idle' });
  const sending = status.kind === 'sending';

  function change(field: Field, value: string) {
    setForm((previous) => ({ ...previous, [field]: value }));
    if (errors[field]) setErrors((previous) => ({ ...previous, [field]: undefined }));
  }

  async function submit() {
    if (sending) return;
    const input = { eventId, name: form.name, phone: form.phone, ...(form.organisation.trim() ? { organisation: form.organisation } : {}), role: form.role, idempotencyKey: key };
    // The same schema the server checks with: mistakes are shown without a round trip.
    const parsed = signUpInputSchema.safeParse(input);
    if (!parsed.success) {
      const found: Partial<Record<Field, string>> = {};
      for (const issue of issuesFromZod(parsed.error)) if (!found[issue.path as Field]) found[issue.path as Field] = issue.message;
      setErrors(found);
      setStatus({ kind: 'idle' });
      return;
    }
    setErrors({});
    setStatus({ kind: 'sending' });
    try {
      const result = await call('openDays', 'signUp', parsed.data);
      setKey(newIdempotencyKey());
      setStatus({ kind: 'idle' });
      void Taro.showToast({ title: '报名成功', icon: 'success' });
      onDone(result.signUp);
    } catch (error) {
      if (error instanceof ApiCallError && error.code === 'NETWORK') {
        // It may have arrived: keep the key, so 重新提交 cannot take a second place.
        setStatus({ kind: 'network' });
      } else if (error instanceof ApiCallError && error.code === 'UNAUTHENTICATED') {
        setStatus({ kind: 'failed', message: '请先登录（在微信中打开）后再报名' });
      } else if (error instanceof ApiCallError && error.code === 'VALIDATION_FAILED' && error.issues.length > 0) {
        const found: Partial<Record<Field, string>> = {};
        for (const issue of error.issues) if (['name', 'phone', 'organisation', 'role'].includes(issue.path)) found[issue.path as Field] ??= issue.message;
        if (error.issues.some((issue) => issue.path === 'idempotencyKey')) setKey(newIdempotencyKey());
        setErrors(found);
        setStatus(Object.keys(found).length > 0 ? { kind: 'idle' } : { kind: 'failed', message: error.message });
      } else {
        setStatus({ kind: 'failed', message: error instanceof ApiCallError ? error.message : '报名失败，请稍后重试' });
      }
    }
  }

  return (
    <View className='card' id='signup-form' role='form' aria-labelledby='signup-form-title'>
      <Text className='card-title' id='signup-form-title'>
        我要报名
      </Text>
      <TextField field='name' label='姓名（必填）' value={form.name} errors={errors} disabled={sending} maxlength={30} onChange={(value) => change('name', value)} />
      <TextField field='phone' label='手机号码（必填，11 位）' value={form.phone} errors={errors} disabled={sending} type='number' maxlength={11} onChange={(value) => change('phone', value)} />
      <TextField field='organisation' label='工作单位（选填）' value={form.organisation} errors={errors} disabled={sending} maxlength={100} onChange={(value) => change('organisation', value)} />
      <Text className='od-label' id='field-role-label'>
        身份（必填）
      </Text>
      <View className='od-choices' role='radiogroup' aria-labelledby='field-role-label' id='field-role'>
        {SIGN_UP_ROLES.map((role) => {
          const selected = form.role === role.key;
          return (
            <View
              key={role.key}
              id={`role-${role.key}`}
              className={selected ? 'od-choice tap od-choice-selected' : 'od-choice tap'}
              role='radio'
              aria-checked={selected}
              onClick={() => {
                if (!sending) change('role', role.key);
              }}
            >
              <Text>{selected ? `✓ ${role.label}` : role.label}</Text>
            </View>
          );
        })}
      </View>
      <FieldError field='role' errors={errors} />
      <Text className='muted od-source'>手机号码仅用于活动联系和现场签到，名单中只显示部分号码。</Text>
      {status.kind === 'network' ? (
        <View className='od-note od-note-error' id='signup-network-error' role='alert'>
          <Text className='od-note-title'>网络连接失败，报名可能尚未送达</Text>
          <Text>请点按“重新提交”。重新提交不会重复报名。</Text>
        </View>
      ) : null}
      {status.kind === 'failed' ? (
        <View className='od-note od-note-error' id='signup-error' role='alert'>
          <Text>{status.message}</Text>
        </View>
      ) : null}
      <View className={sending ? 'button od-disabled' : 'button'} id='signup-submit' role='button' aria-disabled={sending} onClick={sending ? undefined : () => void submit()}>
        {sending ? '正在提交…' : status.kind === 'network' ? '重新提交' : '提交报名'}
      </View>
    </View>
  );
}

function Body({ data, reload }: { data: OpenDayDetail; reload: () => void }) {
  const { event } = data;
  const [justSigned, setJustSigned] = useState<SignUpView>();
  const [cancelling, setCancelling] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string }>();
  const mine = justSigned ?? data.mine;
  const places = placesText(event);

  async function cancel() {
    if (!mine) return;
    const answer = await Taro.showModal({ title: '取消报名', content: `确定取消“${event.title}”的报名吗？取消后名额将留给其他人。`, confirmText: '取消报名', cancelText: '不取消' });
    if (!answer.confirm) return;
    setCancelling(true);
    try {
      await call('openDays', 'cancel', { signUpId: mine.id });
      setJustSigned(undefined);
      setMessage({ ok: true, text: '已取消报名，名额已释放。' });
      reload();
    } catch (error) {
      setMessage({ ok: false, text: error instanceof ApiCallError ? error.message : '取消失败，请稍后重试' });
    } finally {
      setCancelling(false);
    }
  }

  return (
    <>
      <View className='card' role='region' aria-labelledby='event-title'>
        <Text className='card-title' id='event-title'>
          {event.title}
          {event.demo ? <DemoBadge /> : null}
        </Text>
        <View className='od-tags'>
          <Text className={`od-state od-state-${event.state}`} id='event-state' data-state={event.state}>
            {event.stateLabel}
          </Text>
          {places ? (
            <Text className='od-places' id='event-places' data-remaining={event.remaining ?? ''}>
              {places}
            </Text>
          ) : null}
        </View>
        <MetaRow label='活动时间' value={event.timeText} id='event-time' />
        <MetaRow label='活动地点' value={event.place} id='event-place' />
        {event.capacity !== null ? <MetaRow label='报名截止' value={wallTime(event.signUpClosesAt)} id='event-close' /> : null}
        {event.capacity !== null ? <MetaRow label='取消报名' value={`活动开始 24 小时前（${wallTime(event.cancelDeadline)} 前）`} id='event-cancel-rule' /> : null}
        <MetaRow label='邀请对象' value={event.invitees} id='event-invitees' />
      </View>
      {event.cancellationReason ? (
        <View className='od-note od-note-error' id='event-cancelled' role='alert'>
          <Text className='od-note-title'>本次活动已取消</Text>
          <Text>{`原因：${event.cancellationReason}`}</Text>
        </View>
      ) : null}
      <View className='card' role='region' aria-label='活动介绍'>
        {event.description.map((paragraph, index) => (
          <Text key={index} className='paragraph'>
            {paragraph}
          </Text>
        ))}
      </View>
      {message ? (
        <View className={message.ok ? 'od-note od-note-ok' : 'od-note od-note-error'} id='signup-message' role={message.ok ? 'status' : 'alert'}>
          <Text>{message.text}</Text>
        </View>
      ) : null}
      {mine ? (
        <Receipt signUp={mine} justNow={Boolean(justSigned)} onCancel={() => void cancel()} cancelling={cancelling} />
      ) : event.signUpRefusal ? (
        <View className='od-note' id='signup-closed' data-state={event.state} role='status'>
          <Text className='od-note-title'>{`${event.stateLabel}，暂不能报名`}</Text>
          <Text>{event.signUpRefusal}</Text>
        </View>
      ) : event.capacity !== null ? (
        <SignUpForm
          eventId={event.id}
          onDone={(signUp) => {
            setMessage(undefined);
            setJustSigned(signUp);
            reload();
          }}
        />
      ) : null}
      <View className='button button-secondary' id='goto-mine' role='link' onClick={() => void Taro.navigateTo({ url: OPENDAY_ROUTES.mine })}>
        我的报名
      </View>
    </>
  );
}

export default function OpenDayDetailPage() {
  const { params } = useRouter();
  const id = params.id ?? '';
  const detail = useRemote(() => call('openDays', 'get', { id }), [id], { refreshOnShow: true });
  return (
    <PageShell testId='openday-detail'>
      <RemoteView state={detail}>{(data) => <Body data={data} reload={detail.reload} />}</RemoteView>
      {detail.data ? <ReportError title={detail.data.event.title} /> : null}
    </PageShell>
  );
}
