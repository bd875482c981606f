// The records Tables 2 and 4 are compiled from, kept here for the staff: administrative reviews and
// lawsuits about disclosure decisions (Table 4), and 规章 / 行政规范性文件 with their issue and repeal
// dates (Table 2). Saving one re-compiles the tables above.
import { useState } from 'react';
import { Input, Picker, Text, View } from '@tarojs/components';
import type { ActionInput, ActionOutput } from '@/contracts';
import { ApiCallError, call } from '@/services/api';
import { useRemote } from '@/hooks/useRemote';
import { RemoteView } from '@/components/RemoteView';
import { errorText } from '../shared';
import { fieldErrors } from './model';

type Appeal = ActionOutput<'report', 'listAppeals'>[number];
type RegulatoryDocument = ActionOutput<'report', 'listRegulatoryDocuments'>[number];

const APPEAL_KINDS = [
  { value: 'review', label: '行政复议' },
  { value: 'litigationDirect', label: '行政诉讼（未经复议直接起诉）' },
  { value: 'litigationAfterReview', label: '行政诉讼（复议后起诉）' },
] as const;
const APPEAL_RESULTS = [
  { value: undefined, label: '尚未审结' },
  { value: 'upheld', label: '结果维持' },
  { value: 'corrected', label: '结果纠正' },
  { value: 'other', label: '其他结果' },
] as const;
const DOC_KINDS = [
  { value: 'regulation', label: '规章' },
  { value: 'normative', label: '行政规范性文件' },
] as const;

const labelOf = <T extends string | undefined>(list: ReadonlyArray<{ value: T; label: string }>, value: T) => list.find((item) => item.value === value)?.label ?? '';

interface PanelProps {
  year: number;
  today: string;
  canEdit: boolean;
  /** After a save: the tables depend on the records. */
  onChanged: () => void;
}

function DateField({ id, label, value, end, onChange, onClear, error }: { id: string; label: string; value: string; end?: string; onChange: (value: string) => void; onClear?: () => void; error?: string }) {
  return (
    <View>
      <Text className='st-form-label' id={`${id}-label`}>
        {label}
      </Text>
      <View className='srp-date-row'>
        <Picker mode='date' id={id} className='srp-date-picker' value={value} start='2008-01-01' end={end ?? '2100-12-31'} onChange={(event) => onChange(String(event.detail.value))}>
          <View className='row tap st-picker-row' role='button' aria-labelledby={`${id}-label`}>
            <Text>{value || '请选择'}</Text>
            <Text className='st-picker-value'>▾</Text>
          </View>
        </Picker>
        {onClear && value ? (
          <View className='st-remove srp-clear' id={`${id}-clear`} role='button' aria-label={`清除${label}`} onClick={onClear}>
            清除
          </View>
        ) : null}
      </View>
      {error ? (
        <Text className='st-field-error' id={`error-${id}`}>
          {error}
        </Text>
      ) : null}
    </View>
  );
}

function Message({ id, message }: { id: string; message?: { ok: boolean; text: string } }) {
  if (!message) return null;
  return (
    <View className={message.ok ? 'st-form-success' : 'st-form-error'} id={`${id}-${message.ok ? 'saved' : 'error'}`} role={message.ok ? 'status' : 'alert'}>
      <Text>{message.text}</Text>
    </View>
  );
}

/** Runs a save: inline errors from the issues, a message either way. */
async function runSave<T>(save: () => Promise<T>, setErrors: (errors: Record<string, string>) => void, setMessage: (message: { ok: boolean; text: string }) => void, done: string): Promise<T | undefined> {
  try {
    const saved = await save();
    setErrors({});
    setMessage({ ok: true, text: done });
    return saved;
  } catch (cause) {
    if (cause instanceof ApiCallError && cause.issues.length > 0) setErrors(fieldErrors(cause.issues));
    setMessage({ ok: false, text: errorText(cause) });
    return undefined;
  }
}

// ---------------------------------------------------------------------------------------------

interface AppealForm {
  id?: string;
  kind?: Appeal['kind'];
  filedOn: string;
  result?: NonNullable<Appeal['result']>;
  decidedOn: string;
}
const EMPTY_APPEAL: AppealForm = { filedOn: '', decidedOn: '' };

export function AppealsPanel({ year, today, canEdit, onChanged }: PanelProps) {
  const list = useRemote(() => call('report', 'listAppeals', {}), [], { refreshOnShow: true });
  const [form, setForm] = useState<AppealForm>(EMPTY_APPEAL);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<{ ok: boolean; text: string }>();
  const [sending, setSending] = useState(false);

  function edit(patch: Partial<AppealForm>) {
    setForm((current) => ({ ...current, ...patch }));
    setErrors((current) => Object.fromEntries(Object.entries(current).filter(([key]) => !(key in patch))));
    setMessage(undefined);
  }

  async function save() {
    if (sending) return;
    const local: Record<string, string> = {};
    if (!form.kind) local.kind = '请选择行政复议或行政诉讼类型';
    if (!form.filedOn) local.filedOn = '请选择受理（立案）日期';
    if (Object.keys(local).length > 0) {
      setErrors(local);
      return;
    }
    const input: ActionInput<'report', 'saveAppeal'> = {
      ...(form.id ? { id: form.id } : {}),
      kind: form.kind!,
      filedOn: form.filedOn,
      ...(form.result ? { result: form.result, ...(form.decidedOn ? { decidedOn: form.decidedOn } : {}) } : {}),
    };
    setSending(true);
    const saved = await runSave(() => call('report', 'saveAppeal', input), setErrors, setMessage, form.id ? '已更新，表四已重新汇总' : '已登记，表四已重新汇总');
    setSending(false);
    if (saved) {
      setForm(EMPTY_APPEAL);
      list.reload();
      onChanged();
    }
  }

  const kindIndex = form.kind ? APPEAL_KINDS.findIndex((k) => k.value === form.kind) : 0;
  const resultIndex = Math.max(0, APPEAL_RESULTS.findIndex((r) => r.value === form.result));
  return (
    <View className='card' id='appeals' role='group' aria-labelledby='appeals-title'>
      <Text className='card-title' id='appeals-title'>
        行政复议和行政诉讼（表四）
      </Text>
      <RemoteView state={list}>
        {(appeals) => {
          const inYear = appeals.filter((a) => a.filedOn.startsWith(`${year}-`)).length;
          return appeals.length === 0 ? (
            <Text className='muted' id='appeals-empty'>
              暂无记录
            </Text>
          ) : (
            <View role='list' aria-label='行政复议和行政诉讼记录'>
              <Text className='st-form-hint muted'>
                共 {appeals.length} 件，其中 {year} 年受理 {inYear} 件（表四统计本年受理的件数，按年底的结果归类）
              </Text>
              {appeals.map((appeal) => (
                <View key={appeal.id} className={`srp-record${appeal.id === form.id ? ' srp-record-editing' : ''}`} data-testid='appeal-item' id={`appeal-${appeal.id}`} role='listitem'>
                  <View className='srp-record-main'>
                    <Text className='list-item-title'>{labelOf(APPEAL_KINDS, appeal.kind)}</Text>
                    <Text className='list-item-meta muted'>
                      受理 {appeal.filedOn} · {labelOf(APPEAL_RESULTS, appeal.result)}
                      {appeal.decidedOn ? `（${appeal.decidedOn} 审结）` : ''}
                    </Text>
                  </View>
                  {canEdit ? (
                    <View
                      className='srp-edit'
                      id={`appeal-edit-${appeal.id}`}
                      role='button'
                      aria-label={`修改这条${labelOf(APPEAL_KINDS, appeal.kind)}记录`}
                      onClick={() => {
                        setForm({ id: appeal.id, kind: appeal.kind, filedOn: appeal.filedOn, result: appeal.result, decidedOn: appeal.decidedOn ?? '' });
                        setErrors({});
                        setMessage(undefined);
                      }}
                    >
                      修改
                    </View>
                  ) : null}
                </View>
              ))}
            </View>
          );
        }}
      </RemoteView>

      {canEdit ? (
        <View className='st-action-form' id='appeal-form'>
          <Text className='srp-form-title'>{form.id ? '修改记录' : '登记一件'}</Text>
          <Text className='st-form-label' id='appeal-kind-label'>
            类型
          </Text>
          <Picker mode='selector' id='appeal-kind' range={APPEAL_KINDS.map((k) => k.label)} value={kindIndex} onChange={(event) => edit({ kind: APPEAL_KINDS[Number(event.detail.value)]?.value })}>
            <View className='row tap st-picker-row' role='button' aria-labelledby='appeal-kind-label'>
              <Text>{form.kind ? labelOf(APPEAL_KINDS, form.kind) : '请选择'}</Text>
              <Text className='st-picker-value'>▾</Text>
            </View>
          </Picker>
          {errors.kind ? (
            <Text className='st-field-error' id='error-appeal-kind'>
              {errors.kind}
            </Text>
          ) : null}
          <DateField id='appeal-filedOn' label='受理（立案）日期' value={form.filedOn} end={today} error={errors.filedOn} onChange={(filedOn) => edit({ filedOn })} />
          <Text className='st-form-label' id='appeal-result-label'>
            结果
          </Text>
          <Picker mode='selector' id='appeal-result' range={APPEAL_RESULTS.map((r) => r.label)} value={resultIndex} onChange={(event) => edit({ result: APPEAL_RESULTS[Number(event.detail.value)]?.value })}>
            <View className='row tap st-picker-row' role='button' aria-labelledby='appeal-result-label'>
              <Text>{labelOf(APPEAL_RESULTS, form.result)}</Text>
              <Text className='st-picker-value'>▾</Text>
            </View>
          </Picker>
          {form.result ? (
            <DateField id='appeal-decidedOn' label='审结日期（有结果时必填）' value={form.decidedOn} end={today} error={errors.decidedOn} onChange={(decidedOn) => edit({ decidedOn })} onClear={() => edit({ decidedOn: '' })} />
          ) : null}
          <Message id='appeal' message={message} />
          <View className='st-button-row'>
            <View className={sending ? 'button st-button-disabled' : 'button'} id='appeal-save' role='button' aria-disabled={sending} onClick={sending ? undefined : () => void save()}>
              {sending ? '正在保存…' : form.id ? '保存修改' : '登记'}
            </View>
            {form.id ? (
              <View className='button button-secondary' id='appeal-cancel' role='button' onClick={() => setForm(EMPTY_APPEAL)}>
                取消修改
              </View>
            ) : null}
          </View>
        </View>
      ) : null}
    </View>
  );
}

// ---------------------------------------------------------------------------------------------

interface DocForm {
  id?: string;
  kind?: RegulatoryDocument['kind'];
  title: string;
  docNo: string;
  issuedOn: string;
  repealedOn: string;
}
const EMPTY_DOC: DocForm = { title: '', docNo: '', issuedOn: '', repealedOn: '' };

export function DocumentsPanel({ year, today, canEdit, onChanged }: PanelProps) {
  const list = useRemote(() => call('report', 'listRegulatoryDocuments', {}), [], { refreshOnShow: true });
  const [form, setForm] = useState<DocForm>(EMPTY_DOC);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<{ ok: boolean; text: string }>();
  const [sending, setSending] = useState(false);

  function edit(patch: Partial<DocForm>) {
    setForm((current) => ({ ...current, ...patch }));
    setErrors((current) => Object.fromEntries(Object.entries(current).filter(([key]) => !(key in patch))));
    setMessage(undefined);
  }

  async function save() {
    if (sending) return;
    const local: Record<string, string> = {};
    if (!form.kind) local.kind = '请选择规章或行政规范性文件';
    if (!form.title.trim()) local.title = '请填写文件名称';
    if (!form.issuedOn) local.issuedOn = '请选择制发日期';
    if (Object.keys(local).length > 0) {
      setErrors(local);
      return;
    }
    const input: ActionInput<'report', 'saveRegulatoryDocument'> = {
      ...(form.id ? { id: form.id } : {}),
      kind: form.kind!,
      title: form.title.trim(),
      ...(form.docNo.trim() ? { docNo: form.docNo.trim() } : {}),
      issuedOn: form.issuedOn,
      ...(form.repealedOn ? { repealedOn: form.repealedOn } : {}),
    };
    setSending(true);
    const saved = await runSave(() => call('report', 'saveRegulatoryDocument', input), setErrors, setMessage, form.id ? '已更新，表二已重新汇总' : '已登记，表二已重新汇总');
    setSending(false);
    if (saved) {
      setForm(EMPTY_DOC);
      list.reload();
      onChanged();
    }
  }

  return (
    <View className='card' id='documents' role='group' aria-labelledby='documents-title'>
      <Text className='card-title' id='documents-title'>
        规章和行政规范性文件（表二）
      </Text>
      <RemoteView state={list}>
        {(docs) =>
          docs.length === 0 ? (
            <Text className='muted' id='documents-empty'>
              暂无记录
            </Text>
          ) : (
            <View role='list' aria-label='规章和行政规范性文件'>
              <Text className='st-form-hint muted'>表二按制发、废止日期统计 {year} 年制发、废止的件数和年底现行有效的件数。</Text>
              {docs.map((doc) => (
                <View key={doc.id} className={`srp-record${doc.id === form.id ? ' srp-record-editing' : ''}`} data-testid='doc-item' id={`doc-${doc.id}`} role='listitem'>
                  <View className='srp-record-main'>
                    <Text className='list-item-title'>{doc.title}</Text>
                    <Text className='list-item-meta muted'>
                      {labelOf(DOC_KINDS, doc.kind)}
                      {doc.docNo ? ` · ${doc.docNo}` : ''} · {doc.issuedOn} 制发{doc.repealedOn ? ` · ${doc.repealedOn} 废止` : ' · 现行有效'}
                    </Text>
                  </View>
                  {canEdit ? (
                    <View
                      className='srp-edit'
                      id={`doc-edit-${doc.id}`}
                      role='button'
                      aria-label={`修改《${doc.title}》`}
                      onClick={() => {
                        setForm({ id: doc.id, kind: doc.kind, title: doc.title, docNo: doc.docNo ?? '', issuedOn: doc.issuedOn, repealedOn: doc.repealedOn ?? '' });
                        setErrors({});
                        setMessage(undefined);
                      }}
                    >
                      修改
                    </View>
                  ) : null}
                </View>
              ))}
            </View>
          )
        }
      </RemoteView>

      {canEdit ? (
        <View className='st-action-form' id='doc-form'>
          <Text className='srp-form-title'>{form.id ? '修改文件' : '登记一件'}</Text>
          <Text className='st-form-label' id='doc-kind-label'>
            类别
          </Text>
          <View className='st-choice-row' id='doc-kind' role='radiogroup' aria-labelledby='doc-kind-label'>
            {DOC_KINDS.map((kind) => (
              <View key={kind.value} id={`doc-kind-${kind.value}`} className={form.kind === kind.value ? 'st-choice st-selected' : 'st-choice'} role='radio' aria-checked={form.kind === kind.value} onClick={() => edit({ kind: kind.value })}>
                {form.kind === kind.value ? '● ' : '○ '}
                {kind.label}
              </View>
            ))}
          </View>
          {errors.kind ? (
            <Text className='st-field-error' id='error-doc-kind'>
              {errors.kind}
            </Text>
          ) : null}
          <Text className='st-form-label' id='doc-title-label'>
            文件名称
          </Text>
          <Input id='doc-title' className='st-input' value={form.title} maxlength={200} placeholder='如：淄博市公共资源交易中心交易服务规范' aria-labelledby='doc-title-label' onInput={(event) => edit({ title: event.detail.value })} />
          {errors.title ? (
            <Text className='st-field-error' id='error-doc-title'>
              {errors.title}
            </Text>
          ) : null}
          <Text className='st-form-label' id='doc-no-label'>
            文号（可选）
          </Text>
          <Input id='doc-no' className='st-input' value={form.docNo} maxlength={100} placeholder='如：淄公管字〔2025〕1号' aria-labelledby='doc-no-label' onInput={(event) => edit({ docNo: event.detail.value })} />
          {errors.docNo ? (
            <Text className='st-field-error' id='error-doc-no'>
              {errors.docNo}
            </Text>
          ) : null}
          <DateField id='doc-issuedOn' label='制发日期' value={form.issuedOn} end={today} error={errors.issuedOn} onChange={(issuedOn) => edit({ issuedOn })} />
          <DateField id='doc-repealedOn' label='废止日期（未废止的留空）' value={form.repealedOn} error={errors.repealedOn} onChange={(repealedOn) => edit({ repealedOn })} onClear={() => edit({ repealedOn: '' })} />
          <Message id='doc' message={message} />
          <View className='st-button-row'>
            <View className={sending ? 'button st-button-disabled' : 'button'} id='doc-save' role='button' aria-disabled={sending} onClick={sending ? undefined : () => void save()}>
              {sending ? '正在保存…' : form.id ? '保存修改' : '登记'}
            </View>
            {form.id ? (
              <View className='button button-secondary' id='doc-cancel' role='button' onClick={() => setForm(EMPTY_DOC)}>
                取消修改
              </View>
            ) : null}
          </View>
        </View>
      ) : null}
    </View>
  );
}
