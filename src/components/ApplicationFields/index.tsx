// Every field of an information request (条例第二十九条), as one controlled component: the citizen's
// online form and the staff's registration of paper applications both use it. No submit logic here:
// the owner keeps the values, decides when to validate, and passes the errors back in.
//
// Ids are stable for tests and scrolling: the control of field X is `field-X` (radio options
// `field-X-<value>`), its label `label-X`, its error text `error-X`.
import type { ReactNode } from 'react';
import { Input, Picker, Text, Textarea, View } from '@tarojs/components';
import {
  APPLICANT_TYPE_LABELS,
  APPLICANT_TYPES,
  applicationSchema,
  DELIVERY_CHANNEL_LABELS,
  DELIVERY_CHANNELS,
  DELIVERY_FORM_LABELS,
  DELIVERY_FORMS,
  ID_TYPE_LABELS,
  type Application,
} from '@/contracts/requests';
import './index.css';

/** The fields in the order they are shown (and in which the first error is looked for). */
export const APPLICATION_FIELDS = [
  'applicantType',
  'organisationName',
  'name',
  'idType',
  'idNumber',
  'mobile',
  'email',
  'address',
  'postcode',
  'description',
  'docNo',
  'features',
  'deliveryForm',
  'deliveryChannel',
] as const;
export type ApplicationField = (typeof APPLICATION_FIELDS)[number];

export const APPLICATION_FIELD_LABELS: Record<ApplicationField, string> = {
  applicantType: '申请人类型',
  organisationName: '单位名称',
  name: '姓名',
  idType: '身份证明',
  idNumber: '证件号码',
  mobile: '手机号码',
  email: '电子邮箱',
  address: '通信地址',
  postcode: '邮政编码',
  description: '所需信息的描述',
  docNo: '文号',
  features: '其他特征描述',
  deliveryForm: '信息的提供形式',
  deliveryChannel: '获取信息的方式',
};

/** What the form holds while it is being filled in: every field as text, '' when empty or unchosen. */
export type ApplicationDraft = Record<ApplicationField, string>;

export const EMPTY_APPLICATION: ApplicationDraft = {
  applicantType: 'natural',
  name: '',
  organisationName: '',
  idType: 'residentId',
  idNumber: '',
  mobile: '',
  email: '',
  address: '',
  postcode: '',
  description: '',
  docNo: '',
  features: '',
  deliveryForm: '',
  deliveryChannel: '',
};

const PERSONAL_ID_TYPES = ['residentId', 'passport', 'hkMacaoPermit', 'taiwanPermit'] as const;
const MAX_LENGTH: Partial<Record<ApplicationField, number>> = {
  name: 50,
  organisationName: 100,
  idNumber: 30,
  mobile: 11,
  email: 100,
  address: 200,
  postcode: 6,
  description: 2000,
  docNo: 100,
  features: 500,
};

export function isOrganisation(draft: Pick<ApplicationDraft, 'applicantType'>): boolean {
  return draft.applicantType !== '' && draft.applicantType !== 'natural';
}

/** Restores a draft from anything (storage may hold an older or damaged copy). */
export function normaliseDraft(value: unknown): ApplicationDraft {
  const draft = { ...EMPTY_APPLICATION };
  if (value && typeof value === 'object') {
    for (const field of APPLICATION_FIELDS) {
      const stored = (value as Record<string, unknown>)[field];
      if (typeof stored === 'string') draft[field] = stored;
    }
  }
  return draft;
}

/** The draft as the contract's input: trimmed, empty optional fields left out. */
export function draftToApplication(draft: ApplicationDraft): Record<string, string> {
  const application: Record<string, string> = {};
  for (const field of APPLICATION_FIELDS) {
    const value = draft[field].trim();
    if (field === 'organisationName' && !isOrganisation(draft)) continue;
    if (value !== '') application[field] = field === 'idNumber' ? value.toUpperCase() : value;
  }
  return application;
}

/** Issues (from the schema or from the server) by field: `application.idNumber` and `idNumber` alike. */
export function errorsFromIssues(issues: ReadonlyArray<{ path: string | ReadonlyArray<PropertyKey>; message: string }>): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of issues) {
    const path = typeof issue.path === 'string' ? issue.path : issue.path.map(String).join('.');
    const field = path.replace(/^application\./, '') || '_form';
    if (!(field in errors)) errors[field] = issue.message;
  }
  return errors;
}

/**
 * Neutral, valid stand-ins for fields that already have an error. Zod runs the schema's cross-field
 * rules (contact, postcode, ID check digits…) only once every field has the right shape, so the
 * draft is checked a second time with these in place: every problem is then listed at once.
 */
const NEUTRAL: Partial<Record<ApplicationField, (application: Record<string, string>) => string>> = {
  applicantType: () => 'natural',
  organisationName: () => '单位',
  name: () => '申请人',
  idType: (a) => (a.applicantType === 'natural' ? 'residentId' : 'socialCreditCode'),
  idNumber: (a) => (a.idType === 'residentId' ? '11010519491231002X' : a.idType === 'socialCreditCode' ? '91350100M000100Y43' : 'A1234567'),
  email: () => 'name@example.com',
  address: () => '地址',
  description: () => '所需信息的描述',
  docNo: () => '文号',
  features: () => '特征',
  deliveryForm: () => 'electronic',
  deliveryChannel: () => 'online',
};

/** Checks the draft with the shared schema (the same rules as the server's). */
export function validateApplication(draft: ApplicationDraft): { application: Application; errors: Record<string, never> } | { application: undefined; errors: Record<string, string> } {
  const input = draftToApplication(draft);
  const result = applicationSchema.safeParse(input);
  if (result.success) return { application: result.data, errors: {} };
  const errors = errorsFromIssues(result.error.issues);
  const patched = { ...input };
  for (const field of APPLICATION_FIELDS) {
    const neutral = NEUTRAL[field];
    if (errors[field] && neutral) patched[field] = neutral(patched);
  }
  const second = applicationSchema.safeParse(patched);
  if (!second.success) {
    for (const [field, message] of Object.entries(errorsFromIssues(second.error.issues))) if (!(field in errors)) errors[field] = message;
  }
  return { application: undefined, errors };
}

/** The first field with an error, in display order. */
export function firstErrorField(errors: Record<string, string>): ApplicationField | undefined {
  return APPLICATION_FIELDS.find((field) => errors[field]);
}

export interface ApplicationFieldsProps {
  value: ApplicationDraft;
  /** Called with the whole next draft and the field the person changed. */
  onChange: (next: ApplicationDraft, field: ApplicationField) => void;
  onBlur?: (field: ApplicationField) => void;
  /** Messages by field name; shown under each field. */
  errors: Record<string, string>;
  /** A text field to focus (e.g. the first with an error). */
  focusField?: ApplicationField;
  disabled?: boolean;
}

function Field({ name, label, required, hint, error, children }: { name: ApplicationField; label: string; required: boolean; hint?: string; error?: string; children: ReactNode }) {
  return (
    <View className={error ? 'af-field af-field-invalid' : 'af-field'} id={`wrap-${name}`}>
      <Text className='af-label' id={`label-${name}`}>
        {label}
        <Text className='af-required'>{required ? '（必填）' : '（选填）'}</Text>
      </Text>
      {hint ? (
        <Text className='af-hint muted' id={`hint-${name}`}>
          {hint}
        </Text>
      ) : null}
      {children}
      {error ? (
        <Text className='af-error' id={`error-${name}`}>
          <Text className='af-error-mark' aria-hidden='true'>
            ！
          </Text>
          {error}
        </Text>
      ) : null}
    </View>
  );
}

/** Single choice among a few options, as large tappable rows (easier than a picker for most people). */
function Choice<T extends string>({ name, options, labels, value, disabled, onSelect }: { name: ApplicationField; options: readonly T[]; labels: Record<T, string>; value: string; disabled?: boolean; onSelect: (value: T) => void }) {
  return (
    <View className='af-choices' id={`field-${name}`} role='radiogroup' aria-labelledby={`label-${name}`}>
      {options.map((option) => {
        const selected = value === option;
        return (
          <View
            key={option}
            id={`field-${name}-${option}`}
            className={selected ? 'af-choice tap af-choice-selected' : 'af-choice tap'}
            role='radio'
            aria-checked={selected}
            aria-disabled={disabled}
            data-value={option}
            onClick={() => {
              if (!disabled) onSelect(option);
            }}
          >
            <View className='af-radio' aria-hidden='true'>
              {selected ? <View className='af-radio-dot' /> : null}
            </View>
            <Text className='af-choice-label'>{labels[option]}</Text>
            {selected ? <Text className='af-choice-state'>已选</Text> : null}
          </View>
        );
      })}
    </View>
  );
}

export function ApplicationFields({ value, onChange, onBlur, errors, focusField, disabled }: ApplicationFieldsProps) {
  const organisation = isOrganisation(value);
  const set = (field: ApplicationField, next: string) => {
    const draft = { ...value, [field]: next };
    // An organisation proves its identity with its 统一社会信用代码; a person with a personal document.
    if (field === 'applicantType') {
      if (next !== 'natural') draft.idType = 'socialCreditCode';
      else if (value.idType === 'socialCreditCode' || value.idType === '') draft.idType = 'residentId';
    }
    onChange(draft, field);
  };

  const text = (field: ApplicationField, label: string, options: { type?: 'text' | 'number' | 'idcard'; placeholder?: string } = {}) => (
    <Input
      id={`field-${field}`}
      className='af-input'
      type={options.type ?? 'text'}
      value={value[field]}
      placeholder={options.placeholder}
      maxlength={MAX_LENGTH[field] ?? 140}
      disabled={disabled}
      focus={focusField === field}
      aria-label={label}
      aria-invalid={errors[field] ? true : undefined}
      {...(process.env.TARO_ENV === 'h5'
        ? { nativeProps: { 'aria-label': label, 'aria-invalid': errors[field] ? 'true' : undefined, 'aria-describedby': errors[field] ? `error-${field}` : undefined } }
        : {})}
      onInput={(event) => set(field, event.detail.value)}
      onBlur={() => onBlur?.(field)}
    />
  );

  const area = (field: ApplicationField, label: string, placeholder: string) => (
    <>
      <Textarea
        id={`field-${field}`}
        className='af-textarea'
        value={value[field]}
        placeholder={placeholder}
        maxlength={MAX_LENGTH[field] ?? 140}
        disabled={disabled}
        focus={focusField === field}
        aria-label={label}
        aria-invalid={errors[field] ? true : undefined}
        {...(process.env.TARO_ENV === 'h5'
          ? { nativeProps: { 'aria-label': label, 'aria-invalid': errors[field] ? 'true' : undefined, 'aria-describedby': errors[field] ? `error-${field}` : undefined } }
          : {})}
        onInput={(event) => set(field, event.detail.value)}
        onBlur={() => onBlur?.(field)}
      />
      <Text className='af-count muted' id={`count-${field}`}>
        {`${[...value[field]].length}/${MAX_LENGTH[field] ?? 140} 字`}
      </Text>
    </>
  );

  const idTypeIndex = Math.max(0, PERSONAL_ID_TYPES.indexOf(value.idType as (typeof PERSONAL_ID_TYPES)[number]));
  const idTypeLabel = PERSONAL_ID_TYPES.includes(value.idType as (typeof PERSONAL_ID_TYPES)[number]) ? ID_TYPE_LABELS[value.idType as (typeof PERSONAL_ID_TYPES)[number]] : '请选择';
  const post = value.deliveryChannel === 'post';

  return (
    <View className='application-fields'>
      <View className='card af-section' role='group' aria-labelledby='af-section-applicant'>
        <Text className='card-title' id='af-section-applicant'>
          一、申请人信息
        </Text>
        <Field name='applicantType' label='申请人类型' required error={errors.applicantType}>
          <Choice name='applicantType' options={APPLICANT_TYPES} labels={APPLICANT_TYPE_LABELS} value={value.applicantType} disabled={disabled} onSelect={(next) => set('applicantType', next)} />
        </Field>
        {organisation ? (
          <Field name='organisationName' label='单位名称' required error={errors.organisationName}>
            {text('organisationName', '单位名称', { placeholder: '与营业执照或登记证书一致' })}
          </Field>
        ) : null}
        <Field name='name' label={organisation ? '联系人姓名' : '姓名'} required error={errors.name}>
          {text('name', organisation ? '联系人姓名' : '姓名')}
        </Field>
        <Field name='idType' label='身份证明' required hint={organisation ? '法人或其他组织使用统一社会信用代码' : undefined} error={errors.idType}>
          {organisation ? (
            <View className='af-fixed' id='field-idType' aria-labelledby='label-idType'>
              <Text>{ID_TYPE_LABELS.socialCreditCode}</Text>
            </View>
          ) : (
            <Picker
              mode='selector'
              id='field-idType'
              range={PERSONAL_ID_TYPES.map((type) => ID_TYPE_LABELS[type])}
              value={idTypeIndex}
              disabled={disabled}
              onChange={(event) => {
                const next = PERSONAL_ID_TYPES[Number(event.detail.value)];
                if (next) set('idType', next);
              }}
            >
              <View className='af-select tap'>
                <View role='button' aria-label={`证件类型：${idTypeLabel}，点按更换`}>
                  <Text>{idTypeLabel}</Text>
                </View>
                <Text className='af-select-arrow' aria-hidden='true'>
                  更换 ▾
                </Text>
              </View>
            </Picker>
          )}
        </Field>
        <Field name='idNumber' label={organisation ? '统一社会信用代码' : '证件号码'} required error={errors.idNumber}>
          {text('idNumber', organisation ? '统一社会信用代码' : '证件号码', { type: value.idType === 'residentId' ? 'idcard' : 'text', placeholder: organisation ? '18 位代码' : value.idType === 'residentId' ? '18 位身份证号码' : '' })}
        </Field>
        <Field name='mobile' label='手机号码' required={false} hint='手机号码和电子邮箱至少填写一项，便于联系您' error={errors.mobile}>
          {text('mobile', '手机号码', { type: 'number', placeholder: '11 位手机号码' })}
        </Field>
        <Field name='email' label='电子邮箱' required={value.deliveryChannel === 'email'} error={errors.email}>
          {text('email', '电子邮箱', { placeholder: '例如 name@example.com' })}
        </Field>
        <Field name='address' label='通信地址' required={post} hint={post ? '选择邮寄时必填' : undefined} error={errors.address}>
          {text('address', '通信地址')}
        </Field>
        <Field name='postcode' label='邮政编码' required={post} error={errors.postcode}>
          {text('postcode', '邮政编码', { type: 'number', placeholder: '6 位数字' })}
        </Field>
      </View>

      <View className='card af-section' role='group' aria-labelledby='af-section-info'>
        <Text className='card-title' id='af-section-info'>
          二、所需政府信息
        </Text>
        <Field name='description' label='所需信息的描述' required hint='请写明信息的名称、内容或时间范围，越具体越便于查找（至少 5 个字）' error={errors.description}>
          {area('description', '所需信息的描述', '例如：2023 年某某项目的开标记录')}
        </Field>
        <Field name='docNo' label='文号' required={false} hint='如知道文件的文号请填写，例如 淄公管字〔2023〕1号' error={errors.docNo}>
          {text('docNo', '文号')}
        </Field>
        <Field name='features' label='其他特征描述' required={false} hint='如发布机关、发布时间、项目编号等' error={errors.features}>
          {area('features', '其他特征描述', '可不填')}
        </Field>
      </View>

      <View className='card af-section' role='group' aria-labelledby='af-section-delivery'>
        <Text className='card-title' id='af-section-delivery'>
          三、获取信息的方式
        </Text>
        <Field name='deliveryForm' label='信息的提供形式' required error={errors.deliveryForm}>
          <Choice name='deliveryForm' options={DELIVERY_FORMS} labels={DELIVERY_FORM_LABELS} value={value.deliveryForm} disabled={disabled} onSelect={(next) => set('deliveryForm', next)} />
        </Field>
        <Field name='deliveryChannel' label='获取信息的方式' required error={errors.deliveryChannel}>
          <Choice name='deliveryChannel' options={DELIVERY_CHANNELS} labels={DELIVERY_CHANNEL_LABELS} value={value.deliveryChannel} disabled={disabled} onSelect={(next) => set('deliveryChannel', next)} />
        </Field>
      </View>
    </View>
  );
}
