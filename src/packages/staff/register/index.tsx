// 登记申请: a clerk registers an application received by letter, fax, in person or orally, with the
// real receipt date (条例第三十一条), then every application field. A retried submit reuses the same
// idempotency key, so a lost answer never creates a second case.
import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Picker, Text, View } from '@tarojs/components';
import { OFFLINE_CHANNELS } from '@/contracts/requests';
import { shanghaiDate } from '@/domain/calendar/dates';
import { CHANNEL_LABELS } from '@/domain/requests/workflow';
import { ApiCallError, call } from '@/services/api';
import { useRemote } from '@/hooks/useRemote';
import { PageShell } from '@/components/PageShell';
import { RemoteView } from '@/components/RemoteView';
import { ApplicationFields, EMPTY_APPLICATION, errorsFromIssues, firstErrorField, validateApplication, type ApplicationDraft, type ApplicationField } from '@/components/ApplicationFields';
import { errorText, newIdempotencyKey, StaffOnly, STAFF_ROUTES } from '../shared';
import '../staff.css';

type OfflineChannel = (typeof OFFLINE_CHANNELS)[number];

/** 条例第三十一条 (and 第二十九条 for oral requests): which day counts as the receipt date. */
const RECEIPT_RULES: Record<OfflineChannel, string> = {
  letter: '邮政特快专递、挂号信等需签收的，以签收之日为收到申请之日；平常信函等无需签收的，以与申请人确认之日为收到申请之日。',
  fax: '以双方确认之日为收到申请之日。',
  inPerson: '以申请人提交之日为收到申请之日。',
  oral: '申请人书面申请确有困难、口头提出的，由工作人员代为填写申请，以提出之日为收到申请之日。',
};

export default function StaffRegister() {
  const whoami = useRemote(() => call('portal', 'whoami', {}), []);
  // The server's today (the device's clock may be off, or past midnight in Shanghai before the server).
  const today = whoami.data?.today ?? shanghaiDate(new Date());
  const [channel, setChannel] = useState<OfflineChannel>();
  const [chosenDate, setReceiptDate] = useState<string>();
  const receiptDate = chosenDate ?? today;
  const [draft, setDraft] = useState<ApplicationDraft>(EMPTY_APPLICATION);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [focusField, setFocusField] = useState<ApplicationField>();
  const [formError, setFormError] = useState<string>();
  const [sending, setSending] = useState(false);
  // Kept for retries: the same key makes the server answer with the case it already created.
  const [idempotencyKey] = useState(newIdempotencyKey);

  function showErrors(next: Record<string, string>) {
    setErrors(next);
    const first = next.channel ? 'channel' : next.receiptDate ? 'receiptDate' : firstErrorField(next);
    if (first === 'channel' || first === 'receiptDate') {
      void Taro.pageScrollTo({ selector: `#register-${first === 'channel' ? 'channel' : 'date'}`, duration: 200 });
    } else if (first) {
      setFocusField(first);
      void Taro.pageScrollTo({ selector: `#wrap-${first}`, duration: 200 });
    }
  }

  async function submit() {
    if (sending) return;
    setFormError(undefined);
    setFocusField(undefined);
    const checked = validateApplication(draft);
    const local: Record<string, string> = { ...checked.errors };
    if (!channel) local.channel = '请选择收到申请的方式';
    if (!receiptDate || receiptDate > today) local.receiptDate = '收到申请日期不能晚于今天';
    if (!checked.application || Object.keys(local).length > 0) {
      showErrors(local);
      setFormError('请按提示修改后再提交');
      return;
    }
    setErrors({});
    setSending(true);
    try {
      const receipt = await call('requests', 'register', { idempotencyKey, channel: channel!, receiptDate, application: checked.application });
      void Taro.showToast({ title: '已登记', icon: 'success' });
      void Taro.redirectTo({ url: STAFF_ROUTES.case(receipt.id) });
    } catch (cause) {
      if (cause instanceof ApiCallError && cause.code === 'VALIDATION_FAILED' && cause.issues.length > 0) {
        showErrors(errorsFromIssues(cause.issues));
      }
      setFormError(errorText(cause));
    } finally {
      setSending(false);
    }
  }

  if (whoami.data && whoami.data.roles.length === 0) {
    return (
      <PageShell testId='staff-register'>
        <StaffOnly />
      </PageShell>
    );
  }

  return (
    <PageShell testId='staff-register'>
      <View className='header'>
        <Text className='header-title'>登记纸质申请</Text>
        <Text className='header-sub'>信函、传真、当面提交或口头提出的申请，按实际收到之日登记（条例第二十九条、第三十一条）</Text>
      </View>
      <RemoteView state={whoami}>
        {(me) => (
          <>
            {!me.roles.includes('clerk') ? (
              <View className='card'>
                <Text className='st-form-error' id='register-not-clerk'>
                  登记申请须由受理员办理；您当前的身份无法提交登记。
                </Text>
              </View>
            ) : null}
            <View className='card' role='group' aria-labelledby='register-receipt-title'>
              <Text className='card-title' id='register-receipt-title'>
                收到申请
              </Text>
              <Text className='st-form-label' id='register-channel-label'>
                收到申请的方式（必填）
              </Text>
              <Picker
                mode='selector'
                id='register-channel'
                range={OFFLINE_CHANNELS.map((value) => CHANNEL_LABELS[value])}
                value={Math.max(0, channel ? OFFLINE_CHANNELS.indexOf(channel) : 0)}
                onChange={(event) => {
                  setChannel(OFFLINE_CHANNELS[Number(event.detail.value)]);
                  setErrors(({ channel: _gone, ...rest }) => rest);
                }}
              >
                <View className='row tap st-picker-row' role='button' aria-labelledby='register-channel-label'>
                  <Text>{channel ? CHANNEL_LABELS[channel] : '请选择'}</Text>
                  <Text className='st-picker-value'>▾</Text>
                </View>
              </Picker>
              {errors.channel ? (
                <Text className='st-field-error' id='error-channel'>
                  {errors.channel}
                </Text>
              ) : null}
              {channel ? (
                <Text className='st-form-hint muted' id='register-rule'>
                  {RECEIPT_RULES[channel]}
                </Text>
              ) : null}

              <Text className='st-form-label' id='register-date-label'>
                收到申请之日（必填，不能晚于今天）
              </Text>
              <Picker
                mode='date'
                id='register-date'
                value={receiptDate}
                start='2019-05-15'
                end={today}
                onChange={(event) => {
                  setReceiptDate(String(event.detail.value));
                  setErrors(({ receiptDate: _gone, ...rest }) => rest);
                }}
              >
                <View className='row tap st-picker-row' role='button' aria-labelledby='register-date-label'>
                  <Text>{receiptDate}</Text>
                  <Text className='st-picker-value'>▾</Text>
                </View>
              </Picker>
              {errors.receiptDate ? (
                <Text className='st-field-error' id='error-receiptDate'>
                  {errors.receiptDate}
                </Text>
              ) : null}
              <Text className='st-form-hint muted'>答复期限自收到申请之日起计算（不含当日），请按实际日期填写。</Text>
            </View>

            <ApplicationFields
              value={draft}
              errors={errors}
              focusField={focusField}
              disabled={sending}
              onChange={(next, field) => {
                setDraft(next);
                if (errors[field]) setErrors(({ [field]: _gone, ...rest }) => rest);
              }}
            />

            {formError ? (
              <View className='card'>
                <View className='st-form-error' id='register-error' role='alert'>
                  <Text>{formError}</Text>
                </View>
              </View>
            ) : null}
            <View className={sending ? 'button st-button-disabled' : 'button'} id='register-submit' role='button' aria-disabled={sending} onClick={sending ? undefined : () => void submit()}>
              {sending ? '正在登记…' : '登记'}
            </View>
          </>
        )}
      </RemoteView>
    </PageShell>
  );
}
