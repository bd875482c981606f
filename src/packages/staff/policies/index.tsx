// 政策解读与会议发布 (staff): clerks and admins record a 文稿 interpretation of a published 工作制度
// document (the four aspects, one paragraph per line); every record goes to 保密审查 at once, and a
// reviewer other than the author publishes it, rejects it or later withdraws it, with a reason.
// Media (图片/动漫/视频) and meetings are recorded through the `policies` API for now.
import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Input, Picker, Text, Textarea, View } from '@tarojs/components';
import type { ActionInput, ActionOutput } from '@/contracts';
import { INTERPRETATION_SECTIONS, INTERPRETER_ROLES } from '@/contracts/policies';
import { ApiCallError, call } from '@/services/api';
import { useRemote } from '@/hooks/useRemote';
import { PageShell } from '@/components/PageShell';
import { RemoteView } from '@/components/RemoteView';
import { errorText, isNotStaff, newIdempotencyKey, shanghaiDateTime, StaffOnly } from '../shared';
import '../staff.css';

type StaffItem = ActionOutput<'policies', 'staffItems'>[number];
type Command = ActionInput<'policies', 'review'>['command'];
type Role = (typeof INTERPRETER_ROLES)[number]['key'];
type SectionKey = (typeof INTERPRETATION_SECTIONS)[number]['key'];

const COMMAND_LABELS: Record<StaffItem['availableCommands'][number], string> = { approve: '审查通过并发布', reject: '审查不通过', withdraw: '撤回' };
const CONFIRM_TEXT = '已完成保密审查，信息不涉及国家秘密、商业秘密和个人隐私';

function ItemCard({ item, onDone }: { item: StaffItem; onDone: () => void }) {
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string>();
  const [sending, setSending] = useState(false);

  async function run(type: StaffItem['availableCommands'][number]) {
    let command: Command;
    if (type === 'approve') {
      const answer = await Taro.showModal({ title: '保密审查', content: CONFIRM_TEXT, confirmText: '确认发布' });
      if (!answer.confirm) return;
      command = { type, confirmNoSecrets: true };
    } else command = { type, reason };
    setSending(true);
    setError(undefined);
    try {
      await call('policies', 'review', { kind: item.kind, id: item.id, expectedVersion: item.version, command });
      setReason('');
      onDone();
    } catch (cause) {
      setError(errorText(cause));
      if (cause instanceof ApiCallError && cause.code === 'CONFLICT') onDone();
    } finally {
      setSending(false);
    }
  }

  const needsReason = item.availableCommands.some((c) => c !== 'approve');
  return (
    <View className='card' data-testid='policy-item' data-state={item.state} id={`policy-item-${item.id}`}>
      <Text className='card-title'>{`${item.kind === 'interpretation' ? '【解读】' : '【会议】'}${item.title}`}</Text>
      <Text className='muted list-item-meta' data-testid='policy-item-state'>{`${item.stateLabel} · 录入人：${item.author}`}</Text>
      {item.reviewReason ? <Text className='muted list-item-meta'>{`审查意见：${item.reviewReason}`}</Text> : null}
      {item.history.map((h, i) => (
        <Text key={i} className='muted list-item-meta'>{`${shanghaiDateTime(h.at)} ${h.actor} ${h.action}${h.note ? `：${h.note}` : ''}`}</Text>
      ))}
      {needsReason ? (
        <View className='st-field'>
          <Text className='muted'>理由（不通过或撤回时必填）</Text>
          <Input id={`reason-${item.id}`} value={reason} maxlength={500} aria-label='审查不通过或撤回的理由' onInput={(e) => setReason(e.detail.value)} />
        </View>
      ) : null}
      {error ? (
        <View className='st-field-error' role='alert' id={`policy-error-${item.id}`}>
          {error}
        </View>
      ) : null}
      {item.availableCommands.map((type) => (
        <View key={type} id={`cmd-${type}-${item.id}`} className={type === 'approve' ? 'button' : 'button button-secondary'} role='button' aria-disabled={sending} onClick={() => !sending && void run(type)}>
          {COMMAND_LABELS[type]}
        </View>
      ))}
    </View>
  );
}

function NewInterpretation({ onCreated }: { onCreated: () => void }) {
  const documents = useRemote(() => call('catalogue', 'listItems', { categoryId: 'gzzd', limit: 50 }), []);
  const [docIndex, setDocIndex] = useState(-1);
  const [roleIndex, setRoleIndex] = useState(0);
  const [title, setTitle] = useState('');
  const [interpreter, setInterpreter] = useState('');
  const [sections, setSections] = useState<Record<SectionKey, string>>({ background: '', basis: '', purpose: '', measures: '' });
  const [key, setKey] = useState(newIdempotencyKey);
  const [error, setError] = useState<string>();
  const [sending, setSending] = useState(false);
  const items = documents.data?.items ?? [];
  const chosen = items[docIndex];

  async function submit() {
    if (!chosen) return setError('请选择所解读的政策文件');
    setSending(true);
    setError(undefined);
    try {
      await call('policies', 'createInterpretation', {
        idempotencyKey: key,
        interpretation: {
          documentId: chosen.id,
          title,
          form: 'text',
          role: INTERPRETER_ROLES[roleIndex]!.key as Role,
          interpreter,
          sections: INTERPRETATION_SECTIONS.map((s) => ({ key: s.key, paragraphs: sections[s.key].split('\n') })),
          media: [],
        },
      });
      setKey(newIdempotencyKey());
      setTitle('');
      setSections({ background: '', basis: '', purpose: '', measures: '' });
      onCreated();
    } catch (cause) {
      setError(errorText(cause));
    } finally {
      setSending(false);
    }
  }

  return (
    <View className='card' id='new-interpretation'>
      <Text className='card-title'>录入文稿解读</Text>
      <Picker id='itp-document' mode='selector' range={items.map((d) => d.title)} value={Math.max(docIndex, 0)} onChange={(e) => setDocIndex(Number(e.detail.value))}>
        <View className='st-field tap' role='button' aria-label='选择所解读的政策文件'>
          <Text>{chosen ? `解读文件：${chosen.title}` : '选择所解读的政策文件 ›'}</Text>
        </View>
      </Picker>
      <View className='st-field'>
        <Text className='muted'>解读标题</Text>
        <Input id='itp-title' value={title} maxlength={100} aria-label='解读标题' onInput={(e) => setTitle(e.detail.value)} />
      </View>
      <Picker id='itp-role' mode='selector' range={INTERPRETER_ROLES.map((r) => r.label)} value={roleIndex} onChange={(e) => setRoleIndex(Number(e.detail.value))}>
        <View className='st-field tap' role='button' aria-label='选择解读人身份'>
          <Text>{`解读人身份：${INTERPRETER_ROLES[roleIndex]!.label}`}</Text>
        </View>
      </Picker>
      <View className='st-field'>
        <Text className='muted'>解读人</Text>
        <Input id='itp-interpreter' value={interpreter} maxlength={50} aria-label='解读人' onInput={(e) => setInterpreter(e.detail.value)} />
      </View>
      {INTERPRETATION_SECTIONS.map((s) => (
        <View className='st-field' key={s.key}>
          <Text className='muted'>{`${s.label}（每行一段）`}</Text>
          <Textarea id={`itp-${s.key}`} value={sections[s.key]} maxlength={4000} aria-label={s.label} onInput={(e) => setSections((prev) => ({ ...prev, [s.key]: e.detail.value }))} />
        </View>
      ))}
      {error ? (
        <View className='st-field-error' role='alert' id='itp-error'>
          {error}
        </View>
      ) : null}
      <View id='itp-submit' className='button' role='button' aria-disabled={sending} onClick={() => !sending && void submit()}>
        提交保密审查
      </View>
    </View>
  );
}

export default function StaffPolicies() {
  const list = useRemote(() => call('policies', 'staffItems', {}), []);
  if (list.error && isNotStaff(list.error)) {
    return (
      <PageShell testId='staff-policies'>
        <StaffOnly />
      </PageShell>
    );
  }
  return (
    <PageShell testId='staff-policies'>
      <View className='header'>
        <Text className='header-title'>政策解读与会议发布</Text>
        <Text className='header-sub'>录入后提交保密审查，由录入人以外的审核人发布</Text>
      </View>
      <NewInterpretation onCreated={list.reload} />
      <RemoteView state={list}>
        {(items) => (
          <View>
            {items.length === 0 ? <Text className='state muted'>暂无待处理的解读或会议</Text> : null}
            {items.map((item) => (
              <ItemCard key={`${item.id}-${item.version}`} item={item} onDone={list.reload} />
            ))}
          </View>
        )}
      </RemoteView>
    </PageShell>
  );
}
