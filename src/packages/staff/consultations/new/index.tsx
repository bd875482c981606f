// 发布意见征集: title, kind (and, for a normative document, whether it is closely tied to market
// activity), 起草说明, the draft's sections (added and removed as needed), and the period. The legal
// minimum period is the server's to check: when it says the period is too short, the field for the
// recorded reason appears. Errors are shown under their fields, by the issue's path.
import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Input, Picker, Text, Textarea, View } from '@tarojs/components';
import { consultationInputSchema } from '@/contracts/consultations';
import { issuesFromZod, type ErrorIssue } from '@/contracts/core';
import { addDays, shanghaiDate } from '@/domain/calendar/dates';
import { CONSULTATION_KIND_LABELS, CONSULTATION_KINDS, type ConsultationKind } from '@/domain/consultations/rules';
import { ApiCallError, call } from '@/services/api';
import { useRemote } from '@/hooks/useRemote';
import { PageShell } from '@/components/PageShell';
import { RemoteView } from '@/components/RemoteView';
import { errorText } from '../../shared';
import { canEdit, CONSULT_STAFF_ROUTES } from '../model';
import { ConsultStaffOnly } from '../parts';
import '../../staff.css';
import '../consultations.css';

const MAX_SECTIONS = 60;

/** The legal minimum for each kind, in words (the server computes the dates). */
const PERIOD_RULES: Record<ConsultationKind, string> = {
  rulesDraft: '规章草案征求意见期限不少于 30 日。',
  normativeDocument: '规范性文件征求意见期限不少于 7 个工作日；与市场主体生产经营活动密切相关的，不少于 30 日。',
  majorDecision: '重大决策事项征求意见期限不少于 30 日。',
  other: '无法定最短期限，请根据事项合理确定。',
};

interface SectionDraft {
  key: number;
  heading: string;
  text: string;
}

/** Field messages by the issue's path ("title", "sections.0.heading", "shortPeriodReason", …). */
function byPath(issues: readonly ErrorIssue[]): Record<string, string> {
  const found: Record<string, string> = {};
  for (const issue of issues) if (!found[issue.path]) found[issue.path] = issue.message;
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

function NewForm() {
  const today = shanghaiDate(new Date());
  const [title, setTitle] = useState('');
  const [kind, setKind] = useState<ConsultationKind>();
  const [marketRelated, setMarketRelated] = useState(false);
  const [summary, setSummary] = useState('');
  const [sections, setSections] = useState<SectionDraft[]>([{ key: 1, heading: '', text: '' }]);
  const [nextKey, setNextKey] = useState(2);
  const [startDate, setStartDate] = useState(today);
  const [endDate, setEndDate] = useState(() => addDays(today, 29));
  const [askReason, setAskReason] = useState(false);
  const [shortPeriodReason, setShortPeriodReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string>();
  const [sending, setSending] = useState(false);

  function clear(...paths: string[]) {
    if (paths.some((path) => errors[path])) setErrors((all) => Object.fromEntries(Object.entries(all).filter(([path]) => !paths.includes(path))));
  }

  function editSection(index: number, patch: Partial<SectionDraft>) {
    setSections((all) => all.map((section, i) => (i === index ? { ...section, ...patch } : section)));
    clear(`sections.${index}.heading`, `sections.${index}.text`, 'sections');
  }

  function removeSection(index: number) {
    setSections((all) => all.filter((_, i) => i !== index));
    // Messages are by position: after a removal they would point at the wrong section.
    setErrors((all) => Object.fromEntries(Object.entries(all).filter(([path]) => !path.startsWith('sections'))));
  }

  function addSection() {
    if (sections.length >= MAX_SECTIONS) return;
    setSections((all) => [...all, { key: nextKey, heading: '', text: '' }]);
    setNextKey((n) => n + 1);
    clear('sections');
  }

  function show(found: Record<string, string>, message: string) {
    setErrors(found);
    setFormError(message);
    if (found.shortPeriodReason) setAskReason(true);
    const first = Object.keys(found)[0];
    // Scroll to the field's label, so the label and the message are both in view.
    const selector = first ? { title: '#field-title-label', kind: '#field-kind-label', summary: '#field-summary-label', startDate: '#field-startDate-label', endDate: '#field-endDate-label', shortPeriodReason: '#wrap-shortPeriodReason' }[first] : undefined;
    const section = first?.match(/^sections\.(\d+)/);
    const target = selector ?? (section ? `#section-${section[1]}` : first === 'sections' ? '#section-add' : undefined);
    if (target) setTimeout(() => void Taro.pageScrollTo({ selector: target, duration: 200 }).catch(() => undefined), 50);
  }

  async function submit() {
    if (sending) return;
    setFormError(undefined);
    const input = {
      title,
      kind,
      marketRelated: kind === 'normativeDocument' && marketRelated,
      summary,
      sections: sections.map(({ heading, text }) => ({ heading, text })),
      startDate,
      endDate,
      ...(askReason && shortPeriodReason.trim() ? { shortPeriodReason } : {}),
    };
    // The same schema the server checks with: most mistakes are shown without a round trip.
    const parsed = consultationInputSchema.safeParse(input);
    if (!parsed.success) {
      show(byPath(issuesFromZod(parsed.error)), '请按提示修改后再发布');
      return;
    }
    setErrors({});
    setSending(true);
    try {
      const created = await call('consultations', 'create', parsed.data);
      void Taro.showToast({ title: '已发布', icon: 'success' });
      void Taro.redirectTo({ url: CONSULT_STAFF_ROUTES.detail(created.id) });
    } catch (cause) {
      if (cause instanceof ApiCallError && cause.code === 'VALIDATION_FAILED' && cause.issues.length > 0) {
        show(byPath(cause.issues), cause.message);
      } else {
        setFormError(errorText(cause));
      }
    } finally {
      setSending(false);
    }
  }

  return (
    <>
      <View className='card' role='group' aria-labelledby='new-basic-title'>
        <Text className='card-title' id='new-basic-title'>
          征集事项
        </Text>
        <Text className='st-form-label' id='field-title-label'>
          标题（必填）
        </Text>
        <Input
          id='field-title'
          className='st-input'
          value={title}
          maxlength={100}
          placeholder='如：××办法（征求意见稿）'
          aria-labelledby='field-title-label'
          onInput={(event) => {
            setTitle(event.detail.value);
            clear('title');
          }}
        />
        <FieldError id='error-title' message={errors.title} />

        <Text className='st-form-label' id='field-kind-label'>
          事项类型（必填）
        </Text>
        <Picker
          mode='selector'
          id='field-kind'
          range={CONSULTATION_KINDS.map((value) => CONSULTATION_KIND_LABELS[value])}
          value={Math.max(0, kind ? CONSULTATION_KINDS.indexOf(kind) : 0)}
          onChange={(event) => {
            const next = CONSULTATION_KINDS[Number(event.detail.value)];
            setKind(next);
            if (next !== 'normativeDocument') setMarketRelated(false);
            clear('kind', 'shortPeriodReason');
          }}
        >
          <View className='row tap st-picker-row' role='button' aria-labelledby='field-kind-label'>
            <Text id='field-kind-value'>{kind ? CONSULTATION_KIND_LABELS[kind] : '请选择'}</Text>
            <Text className='st-picker-value'>▾</Text>
          </View>
        </Picker>
        <FieldError id='error-kind' message={errors.kind} />
        {kind === 'normativeDocument' ? (
          <View
            className='sc-checkbox-row tap'
            id='field-marketRelated'
            role='checkbox'
            aria-checked={marketRelated}
            onClick={() => {
              setMarketRelated((value) => !value);
              clear('shortPeriodReason');
            }}
          >
            <View className={marketRelated ? 'sc-checkbox sc-checkbox-on' : 'sc-checkbox'} aria-hidden='true'>
              {marketRelated ? '✓' : ''}
            </View>
            <Text>与市场主体生产经营活动密切相关</Text>
          </View>
        ) : null}
        {kind ? (
          <Text className='st-form-hint muted' id='period-rule'>
            {PERIOD_RULES[kind]}
          </Text>
        ) : null}

        <Text className='st-form-label' id='field-summary-label'>
          起草说明（必填）
        </Text>
        <Textarea
          id='field-summary'
          className='st-textarea'
          value={summary}
          maxlength={2000}
          placeholder='起草的背景、依据和主要内容'
          aria-labelledby='field-summary-label'
          onInput={(event) => {
            setSummary(event.detail.value);
            clear('summary');
          }}
        />
        <Text className='sc-count-text'>{`${[...summary].length}/2000 字`}</Text>
        <FieldError id='error-summary' message={errors.summary} />
      </View>

      <View className='card' role='group' aria-labelledby='new-sections-title'>
        <Text className='card-title' id='new-sections-title'>{`征求意见稿条款（${sections.length} 条）`}</Text>
        <Text className='st-form-hint muted'>公众可以对每一条分别提出意见；条款标题如“第一条 适用范围”。</Text>
        <FieldError id='error-sections' message={errors.sections} />
        {sections.map((section, index) => (
          <View key={section.key} className='sc-section-edit' id={`section-${index}`} data-testid='section-edit'>
            <View className='sc-section-edit-head'>
              <Text className='sc-section-edit-title'>{`第 ${index + 1} 段`}</Text>
              {sections.length > 1 ? (
                <View className='st-remove' id={`section-remove-${index}`} role='button' aria-label={`删除第 ${index + 1} 段`} onClick={() => removeSection(index)}>
                  删除
                </View>
              ) : null}
            </View>
            <Text className='st-form-label' id={`section-heading-${index}-label`}>
              条款标题
            </Text>
            <Input
              id={`section-heading-${index}`}
              className='st-input'
              value={section.heading}
              maxlength={50}
              placeholder={`如：第${['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'][index] ?? index + 1}条`}
              aria-labelledby={`section-heading-${index}-label`}
              onInput={(event) => editSection(index, { heading: event.detail.value })}
            />
            <FieldError id={`error-section-heading-${index}`} message={errors[`sections.${index}.heading`]} />
            <Text className='st-form-label' id={`section-text-${index}-label`}>
              条款内容
            </Text>
            <Textarea
              id={`section-text-${index}`}
              className='st-textarea'
              value={section.text}
              maxlength={5000}
              aria-labelledby={`section-text-${index}-label`}
              onInput={(event) => editSection(index, { text: event.detail.value })}
            />
            <FieldError id={`error-section-text-${index}`} message={errors[`sections.${index}.text`]} />
          </View>
        ))}
        <View
          className={sections.length >= MAX_SECTIONS ? 'button button-secondary st-button-disabled' : 'button button-secondary'}
          id='section-add'
          role='button'
          aria-disabled={sections.length >= MAX_SECTIONS}
          onClick={addSection}
        >
          {sections.length >= MAX_SECTIONS ? `最多 ${MAX_SECTIONS} 条` : '＋ 添加一条'}
        </View>
      </View>

      <View className='card' role='group' aria-labelledby='new-period-title'>
        <Text className='card-title' id='new-period-title'>
          征集期限
        </Text>
        <Text className='st-form-label' id='field-startDate-label'>
          开始日期
        </Text>
        <Picker
          mode='date'
          id='field-startDate'
          value={startDate}
          start={today}
          end='2099-12-31'
          onChange={(event) => {
            setStartDate(String(event.detail.value));
            clear('startDate', 'endDate', 'shortPeriodReason');
          }}
        >
          <View className='row tap st-picker-row' role='button' aria-labelledby='field-startDate-label'>
            <Text id='field-startDate-value'>{startDate}</Text>
            <Text className='st-picker-value'>▾</Text>
          </View>
        </Picker>
        <FieldError id='error-startDate' message={errors.startDate} />
        <Text className='st-form-label' id='field-endDate-label'>
          截止日期（含当日）
        </Text>
        <Picker
          mode='date'
          id='field-endDate'
          value={endDate}
          start={startDate}
          end='2099-12-31'
          onChange={(event) => {
            setEndDate(String(event.detail.value));
            clear('endDate', 'shortPeriodReason');
          }}
        >
          <View className='row tap st-picker-row' role='button' aria-labelledby='field-endDate-label'>
            <Text id='field-endDate-value'>{endDate}</Text>
            <Text className='st-picker-value'>▾</Text>
          </View>
        </Picker>
        <FieldError id='error-endDate' message={errors.endDate} />
        <Text className='st-form-hint muted'>开始日期当天计入期限。开始日期晚于今天的，到期自动开始征集，此前不在公众列表中显示。</Text>
        {askReason ? (
          <View id='wrap-shortPeriodReason'>
            <Text className='st-form-label' id='field-shortPeriodReason-label'>
              期限短于法定最短期限的理由
            </Text>
            <Textarea
              id='field-shortPeriodReason'
              className='st-textarea'
              value={shortPeriodReason}
              maxlength={200}
              placeholder='如：上级文件要求限期出台（至少 5 个字，将随征集事项公开）'
              aria-labelledby='field-shortPeriodReason-label'
              onInput={(event) => {
                setShortPeriodReason(event.detail.value);
                clear('shortPeriodReason');
              }}
            />
            <FieldError id='error-shortPeriodReason' message={errors.shortPeriodReason} />
          </View>
        ) : null}
      </View>

      {formError ? (
        <View className='card'>
          <View className='st-form-error' id='create-error' role='alert'>
            <Text>{formError}</Text>
          </View>
        </View>
      ) : null}
      <View className={sending ? 'button st-button-disabled' : 'button'} id='consult-create' role='button' aria-disabled={sending} onClick={sending ? undefined : () => void submit()}>
        {sending ? '正在发布…' : '发布'}
      </View>
    </>
  );
}

export default function StaffConsultationNew() {
  const whoami = useRemote(() => call('portal', 'whoami', {}), []);

  if (whoami.data && whoami.data.roles.length === 0) {
    return (
      <PageShell testId='staff-consult-new'>
        <ConsultStaffOnly />
      </PageShell>
    );
  }

  return (
    <PageShell testId='staff-consult-new'>
      <View className='header'>
        <Text className='header-title'>发布意见征集</Text>
        <Text className='header-sub'>征求意见稿按条款发布，公众可逐条提出意见；截止后须公布意见采纳情况</Text>
      </View>
      <RemoteView state={whoami}>
        {(me) =>
          canEdit(me.roles) ? (
            <NewForm />
          ) : (
            <View className='card'>
              <Text className='st-form-error' id='consult-new-forbidden'>
                发布意见征集须由受理员或管理员办理；您当前的身份只能查看。
              </Text>
            </View>
          )
        }
      </RemoteView>
    </PageShell>
  );
}
