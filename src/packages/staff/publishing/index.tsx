// 主动公开发布: documents in the publishing workflow, in the server's order, with their Art. 26 time
// limit in words, the review or withdrawal reason, the history and exactly the commands the server
// offers now (`availableCommands`). Approval needs the 保密审查 confirmation ticked and confirmed.
// Clerks and admins create drafts here, with the disclosure attribute decided at source (源头认定).
// The server's Chinese messages are shown inline; a CONFLICT reloads the list.
import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Input, Picker, Text, Textarea, View } from '@tarojs/components';
import type { ActionInput, ActionOutput } from '@/contracts';
import type { ErrorIssue } from '@/contracts/core';
import { ApiCallError, call } from '@/services/api';
import { useRemote } from '@/hooks/useRemote';
import { PageShell } from '@/components/PageShell';
import { RemoteView } from '@/components/RemoteView';
import { errorText, isNotStaff, shanghaiDateTime } from '../shared';
import '../staff.css';

type StaffDocument = ActionOutput<'catalogue', 'staffDocuments'>[number];
type Category = ActionOutput<'catalogue', 'listCategories'>[number];
type DocumentInput = ActionInput<'catalogue', 'saveDocument'>;
type Command = ActionInput<'catalogue', 'publishing'>['command'];
type CommandType = Command['type'];

const COMMAND_LABELS: Record<CommandType, string> = {
  submit: '提交保密审查',
  approve: '审查通过并发布',
  reject: '审查不通过',
  revise: '退回修改',
  withdraw: '撤回',
};
const ATTRIBUTES: ReadonlyArray<DocumentInput['attribute']> = ['主动公开', '依申请公开', '不予公开'];
const TIME_LIMITS: ReadonlyArray<{ value: DocumentInput['timeLimit']; label: string }> = [
  { value: 'general', label: '一般信息：形成或变更之日起 20 个工作日内' },
  { value: 'licencePenalty', label: '行政许可、行政处罚：作出决定之日起 7 个工作日内' },
];
const CONFIRM_TEXT = '已完成保密审查，信息不涉及国家秘密、商业秘密和个人隐私';

function isCommand(type: string): type is CommandType {
  return type in COMMAND_LABELS;
}

export function timelinessText(doc: Pick<StaffDocument, 'timeliness' | 'workingDaysLeft'>): string {
  switch (doc.timeliness) {
    case 'late':
      return `已超期 ${-doc.workingDaysLeft} 个工作日`;
    case 'dueSoon':
    case 'ok':
      return `${doc.workingDaysLeft} 个工作日内到期`;
    case 'onTime':
      return '按时发布';
    case 'publishedLate':
      return '逾期发布';
  }
}

/** Field messages by the issue's path ("title", "paragraphs", …). */
function byPath(issues: readonly ErrorIssue[]): Record<string, string> {
  const found: Record<string, string> = {};
  for (const issue of issues) {
    const key = issue.path.split('.')[0] ?? issue.path;
    if (!found[key]) found[key] = issue.message;
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

interface CardProps {
  doc: StaffDocument;
  categoryName: string;
  error: string | undefined;
  sending: boolean;
  onSend: (command: Command) => Promise<void>;
}

function DocumentCard({ doc, categoryName, error, sending, onSend }: CardProps) {
  const [confirmed, setConfirmed] = useState(false);
  const [reason, setReason] = useState('');
  const commands = doc.availableCommands.filter(isCommand);
  const needsReason = commands.includes('reject') || commands.includes('withdraw');

  async function approve() {
    const answer = await Taro.showModal({ title: '审查通过并发布？', content: `《${doc.title}》将在主动公开目录中发布。`, confirmText: '发布', cancelText: '取消' });
    if (answer.confirm) await onSend({ type: 'approve', confirmNoSecrets: confirmed });
  }

  function run(type: CommandType) {
    if (sending) return;
    if (type === 'approve') void approve();
    else if (type === 'reject' || type === 'withdraw') void onSend({ type, reason });
    else void onSend({ type });
  }

  return (
    <View className='list-item' data-testid='pub-document' id={`pub-${doc.id}`} data-state={doc.state} role='listitem'>
      <Text className='list-item-title'>{doc.title}</Text>
      <Text className='list-item-meta'>{`${categoryName} · ${doc.attribute} · ${doc.stateLabel}`}</Text>
      <Text className='list-item-meta' data-due={doc.due} data-timeliness={doc.timeliness} id={`pub-timeliness-${doc.id}`}>
        {`公开时限 ${doc.due} · ${timelinessText(doc)}`}
      </Text>
      <Text className='list-item-meta muted'>{`起草人 ${doc.author} · 形成日期 ${doc.formedOn}`}</Text>
      {doc.reviewReason ? <Text className='list-item-meta'>{`审查意见：${doc.reviewReason}`}</Text> : null}
      {doc.withdrawalReason ? <Text className='list-item-meta'>{`撤回理由：${doc.withdrawalReason}`}</Text> : null}
      <View aria-label='处理记录'>
        {doc.history.map((entry, index) => (
          <Text key={index} className='list-item-meta muted' data-testid='pub-history'>
            {`${shanghaiDateTime(entry.at)} · ${entry.actor} · ${entry.action}${entry.note ? `（${entry.note}）` : ''}`}
          </Text>
        ))}
      </View>
      {commands.includes('approve') ? (
        <View
          id={`pub-confirm-${doc.id}`}
          className='row tap'
          role='checkbox'
          aria-checked={confirmed}
          onClick={() => setConfirmed((value) => !value)}
        >
          <Text>{`${confirmed ? '☑' : '☐'} ${CONFIRM_TEXT}`}</Text>
        </View>
      ) : null}
      {needsReason ? (
        <View>
          <Text className='st-form-label' id={`pub-reason-${doc.id}-label`}>
            {commands.includes('reject') ? '审查不通过的理由' : '撤回理由'}
          </Text>
          <Textarea id={`pub-reason-${doc.id}`} className='st-textarea' value={reason} maxlength={500} aria-labelledby={`pub-reason-${doc.id}-label`} onInput={(event) => setReason(event.detail.value)} />
        </View>
      ) : null}
      {commands.length > 0 ? (
        <View className='st-button-row'>
          {commands.map((type) => (
            <View
              key={type}
              id={`pub-${type}-${doc.id}`}
              className={`button${type === 'approve' || type === 'submit' ? '' : ' button-secondary'}${sending || (type === 'approve' && !confirmed) ? ' st-button-disabled' : ''}`}
              role='button'
              aria-disabled={sending || (type === 'approve' && !confirmed)}
              onClick={type === 'approve' && !confirmed ? undefined : () => run(type)}
            >
              {COMMAND_LABELS[type]}
            </View>
          ))}
        </View>
      ) : null}
      {error ? (
        <View className='st-form-error' id={`pub-error-${doc.id}`} role='alert'>
          <Text>{error}</Text>
        </View>
      ) : null}
    </View>
  );
}

function NewDraft({ categories, today, onSaved }: { categories: readonly Category[]; today: string; onSaved: () => void }) {
  const [categoryIndex, setCategoryIndex] = useState<number>();
  const [title, setTitle] = useState('');
  const [docNo, setDocNo] = useState('');
  const [subject, setSubject] = useState('');
  const [attribute, setAttribute] = useState<DocumentInput['attribute']>();
  const [timeLimit, setTimeLimit] = useState<DocumentInput['timeLimit']>('general');
  // The server's today: the device's clock may be off, and a date after the server's today is refused.
  const [formedOn, setFormedOn] = useState(today);
  const [body, setBody] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string>();
  const [message, setMessage] = useState<string>();
  const [sending, setSending] = useState(false);
  const category = categoryIndex === undefined ? undefined : categories[categoryIndex];

  async function save() {
    if (sending) return;
    setErrors({});
    setFormError(undefined);
    setMessage(undefined);
    setSending(true);
    try {
      const input = {
        categoryId: category?.id ?? '',
        title,
        ...(docNo.trim() ? { docNo: docNo.trim() } : {}),
        subject,
        attribute,
        timeLimit,
        formedOn,
        paragraphs: body
          .split('\n')
          .map((line) => line.trim())
          .filter(Boolean),
      } as DocumentInput;
      const saved = await call('catalogue', 'saveDocument', input);
      setMessage(`已保存草稿：${saved.title}`);
      setTitle('');
      setDocNo('');
      setBody('');
      onSaved();
    } catch (cause) {
      if (cause instanceof ApiCallError && cause.issues.length > 0) setErrors(byPath(cause.issues));
      setFormError(errorText(cause));
    } finally {
      setSending(false);
    }
  }

  return (
    <View className='card' id='pub-new'>
      <Text className='card-title'>新建草稿</Text>
      <Text className='st-form-label'>目录分类</Text>
      <Picker mode='selector' id='pub-category' range={categories.map((c) => c.name)} value={categoryIndex ?? 0} onChange={(event) => setCategoryIndex(Number(event.detail.value))}>
        <View className='row tap'>
          <Text>{category ? category.name : '请选择目录分类'}</Text>
        </View>
      </Picker>
      <FieldError id='pub-error-categoryId' message={errors.categoryId} />
      <Text className='st-form-label' id='pub-title-label'>标题</Text>
      <Input id='pub-title' value={title} maxlength={100} aria-labelledby='pub-title-label' onInput={(event) => setTitle(event.detail.value)} />
      <FieldError id='pub-error-title' message={errors.title} />
      <Text className='st-form-label' id='pub-docno-label'>文号（可选）</Text>
      <Input id='pub-docno' value={docNo} maxlength={50} aria-labelledby='pub-docno-label' onInput={(event) => setDocNo(event.detail.value)} />
      <FieldError id='pub-error-docNo' message={errors.docNo} />
      <Text className='st-form-label' id='pub-subject-label'>主题分类</Text>
      <Input id='pub-subject' value={subject} maxlength={20} aria-labelledby='pub-subject-label' onInput={(event) => setSubject(event.detail.value)} />
      <FieldError id='pub-error-subject' message={errors.subject} />
      <Text className='st-form-label'>公开属性</Text>
      <Text className='st-form-hint muted'>源头认定：不予公开的信息不会上网</Text>
      <View className='st-commands' role='radiogroup' aria-label='公开属性'>
        {ATTRIBUTES.map((value) => (
          <View key={value} id={`pub-attribute-${value}`} className={attribute === value ? 'st-command st-active' : 'st-command'} role='radio' aria-checked={attribute === value} onClick={() => setAttribute(value)}>
            {value}
          </View>
        ))}
      </View>
      <FieldError id='pub-error-attribute' message={errors.attribute} />
      <Text className='st-form-label'>公开时限</Text>
      <View className='st-commands' role='radiogroup' aria-label='公开时限'>
        {TIME_LIMITS.map((option) => (
          <View key={option.value} id={`pub-timelimit-${option.value}`} className={timeLimit === option.value ? 'st-command st-active' : 'st-command'} role='radio' aria-checked={timeLimit === option.value} onClick={() => setTimeLimit(option.value)}>
            {option.label}
          </View>
        ))}
      </View>
      <FieldError id='pub-error-timeLimit' message={errors.timeLimit} />
      <Text className='st-form-label'>形成日期</Text>
      <Picker mode='date' id='pub-formedOn' value={formedOn} start='2008-01-01' end='2099-12-31' onChange={(event) => setFormedOn(String(event.detail.value))}>
        <View className='row tap'>
          <Text>{formedOn}</Text>
        </View>
      </Picker>
      <FieldError id='pub-error-formedOn' message={errors.formedOn} />
      <Text className='st-form-label' id='pub-body-label'>正文</Text>
      <Text className='st-form-hint muted'>每行一段</Text>
      <Textarea id='pub-body' className='st-textarea' value={body} maxlength={-1} aria-labelledby='pub-body-label' onInput={(event) => setBody(event.detail.value)} />
      <FieldError id='pub-error-paragraphs' message={errors.paragraphs} />
      <View id='pub-save' className={`button${sending ? ' st-button-disabled' : ''}`} role='button' aria-disabled={sending} onClick={() => void save()}>
        {sending ? '正在保存…' : '保存草稿'}
      </View>
      {formError ? (
        <View className='st-form-error' id='pub-new-error' role='alert'>
          <Text>{formError}</Text>
        </View>
      ) : null}
      {message ? (
        <View className='st-form-success' id='pub-new-done' role='status'>
          <Text>{message}</Text>
        </View>
      ) : null}
    </View>
  );
}

async function load() {
  const [me, categories, documents] = await Promise.all([call('portal', 'whoami', {}), call('catalogue', 'listCategories', {}), call('catalogue', 'staffDocuments', {})]);
  return { me, categories, documents };
}

export default function StaffPublishing() {
  const page = useRemote(load, [], { refreshOnShow: true });
  const [error, setError] = useState<{ id: string; message: string }>();
  const [sending, setSending] = useState(false);

  if (page.error && isNotStaff(page.error)) {
    return (
      <PageShell testId='staff-publishing'>
        <View className='state st-staff-only' id='staff-only' role='alert'>
          <Text className='st-staff-only-title'>仅限工作人员使用</Text>
          <Text className='muted st-staff-only-sub'>本页面用于主动公开信息的起草、保密审查、发布和撤回，需以工作人员身份登录。</Text>
        </View>
      </PageShell>
    );
  }

  async function send(doc: StaffDocument, command: Command) {
    if (sending) return;
    setError(undefined);
    setSending(true);
    try {
      await call('catalogue', 'publishing', { id: doc.id, expectedVersion: doc.version, command });
      void Taro.showToast({ title: '已提交', icon: 'success' });
      page.reload();
    } catch (cause) {
      const issues = cause instanceof ApiCallError ? cause.issues.map((issue) => issue.message) : [];
      setError({ id: doc.id, message: issues.length > 0 ? issues.join('；') : errorText(cause) });
      if (cause instanceof ApiCallError && cause.code === 'CONFLICT') page.reload();
    } finally {
      setSending(false);
    }
  }

  return (
    <PageShell testId='staff-publishing'>
      <View className='header'>
        <Text className='header-title'>主动公开发布</Text>
        <Text className='header-sub'>源头认定公开属性；发布前由起草人以外的审核人进行保密审查；形成之日起 20 个工作日内公开</Text>
      </View>
      <RemoteView state={page}>
        {({ me, categories, documents }) => {
          const names = Object.fromEntries(categories.map((c) => [c.id, c.name]));
          const canDraft = me.roles.includes('clerk') || me.roles.includes('admin');
          return (
            <>
              {documents.length === 0 ? (
                <View className='state muted' id='pub-empty'>
                  <Text>暂无发布中的信息</Text>
                </View>
              ) : (
                <View className='card' role='list' aria-label='主动公开信息'>
                  {documents.map((doc) => (
                    <DocumentCard key={`${doc.id}-${doc.version}`} doc={doc} categoryName={names[doc.categoryId] ?? doc.categoryId} error={error?.id === doc.id ? error.message : undefined} sending={sending} onSend={(command) => send(doc, command)} />
                  ))}
                </View>
              )}
              {canDraft ? <NewDraft categories={categories} today={me.today} onSaved={page.reload} /> : null}
            </>
          );
        }}
      </RemoteView>
    </PageShell>
  );
}
