// The draft of a year's report: the narrative of sections 一、五、六 (one paragraph per line; lines such
// as “（一）主动公开方面” become headings) and the yearly Art. 20 figures of Table 2 that no record
// holds. Saving returns the report compiled again with the new figures.
import { useEffect, useState } from 'react';
import Taro from '@tarojs/taro';
import { Input, Text, Textarea, View } from '@tarojs/components';
import { ApiCallError, call } from '@/services/api';
import { errorText } from '../shared';
import { draftOf, fieldErrors, formOf, sameForm, TABLE2_INPUT_FIELDS, TEXT_FIELDS, type Compiled, type DraftForm } from './model';

interface Props {
  compiled: Compiled;
  canEdit: boolean;
  onSaved: (compiled: Compiled) => void;
  /** Told whenever the form starts or stops differing from what is saved. */
  onDirty: (dirty: boolean) => void;
}

export function DraftEditor({ compiled, canEdit, onSaved, onDirty }: Props) {
  const [saved, setSaved] = useState(() => formOf(compiled.draft));
  const [form, setForm] = useState(saved);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<{ ok: boolean; text: string }>();
  const [sending, setSending] = useState(false);
  const dirty = !sameForm(form, saved);

  useEffect(() => onDirty(dirty), [dirty, onDirty]);

  function edit(key: keyof DraftForm, value: string) {
    setForm((current) => ({ ...current, [key]: value }));
    if (errors[key]) setErrors(({ [key]: _gone, ...rest }) => rest);
    setMessage(undefined);
  }

  async function save() {
    if (sending || !canEdit) return;
    const { draft, errors: local } = draftOf(form);
    if (Object.keys(local).length > 0) {
      setErrors(local);
      setMessage({ ok: false, text: '请按提示修改后再保存' });
      return;
    }
    setSending(true);
    setMessage(undefined);
    try {
      const next = await call('report', 'saveDraft', { year: compiled.year, draft });
      const nextForm = formOf(next.draft);
      setSaved(nextForm);
      setForm(nextForm);
      setErrors({});
      setMessage({ ok: true, text: `草稿已保存，表格已按新数字重新汇总（${next.asOf}）` });
      void Taro.showToast({ title: '已保存', icon: 'success' });
      onSaved(next);
    } catch (cause) {
      if (cause instanceof ApiCallError && cause.issues.length > 0) setErrors(fieldErrors(cause.issues));
      setMessage({ ok: false, text: errorText(cause) });
    } finally {
      setSending(false);
    }
  }

  const error = (key: string) =>
    errors[key] ? (
      <Text className='st-field-error' id={`error-${key}`}>
        {errors[key]}
      </Text>
    ) : null;

  return (
    <View className='card' id='draft-editor' role='group' aria-labelledby='draft-title'>
      <Text className='card-title' id='draft-title'>
        报告正文与表二数字
      </Text>
      <Text className='st-form-hint muted' id='draft-hint'>
        每行一段；以“（一）”“（二）”等开头的一行作为小标题。二、三、四部分的表格由系统记录自动汇总。
      </Text>
      {canEdit ? null : (
        <Text className='st-form-hint' id='draft-readonly'>
          您当前的身份只能查看，草稿由受理员或管理员编辑。
        </Text>
      )}
      {TEXT_FIELDS.map((field) => (
        <View key={field.key}>
          <Text className='st-form-label' id={`draft-${field.key}-label`}>
            {field.label}
          </Text>
          {/* NOTE: Taro's Textarea cuts text at 140 characters unless `maxlength` is set. */}
          <Textarea
            id={`draft-${field.key}`}
            className={field.key === 'overview' ? 'st-textarea srp-textarea-long' : 'st-textarea'}
            value={form[field.key]}
            maxlength={20000}
            disabled={!canEdit}
            placeholder={field.key === 'overview' ? '例：本年度，本中心认真贯彻……\n（一）主动公开方面\n……' : '没有可留空'}
            aria-labelledby={`draft-${field.key}-label`}
            aria-describedby='draft-hint'
            onInput={(event) => edit(field.key, event.detail.value)}
          />
          {error(field.key)}
        </View>
      ))}

      <Text className='st-form-label srp-subtitle'>表二中需填写的数字（第二十条第（五）（六）（八）项）</Text>
      <Text className='st-form-hint muted'>规章和行政规范性文件的件数由“规章和行政规范性文件”记录汇总。</Text>
      {TABLE2_INPUT_FIELDS.map((field) => (
        <View key={field.key} className='srp-number-row'>
          <Text className='srp-number-label' id={`input-${field.key}-label`}>
            {field.label}
          </Text>
          <Input
            id={`input-${field.key}`}
            className='st-input srp-number-input'
            type={field.integer ? 'number' : 'digit'}
            value={form[field.key]}
            maxlength={12}
            disabled={!canEdit}
            aria-labelledby={`input-${field.key}-label`}
            onInput={(event) => edit(field.key, event.detail.value)}
          />
          {error(field.key)}
        </View>
      ))}

      {message ? (
        <View className={message.ok ? 'st-form-success' : 'st-form-error'} id={message.ok ? 'draft-saved' : 'draft-error'} role={message.ok ? 'status' : 'alert'}>
          <Text>{message.text}</Text>
        </View>
      ) : null}
      {canEdit ? (
        <View className={sending ? 'button st-button-disabled srp-button' : 'button srp-button'} id='draft-save' role='button' aria-disabled={sending} onClick={sending ? undefined : () => void save()}>
          {sending ? '正在保存…' : dirty ? '保存草稿（有未保存的修改）' : '保存草稿'}
        </View>
      ) : null}
    </View>
  );
}
