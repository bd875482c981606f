// Staff view of one case: the applicant's personal data (staff only; the server logs each read), the
// application, its deadlines, consultations, extension, the current draft, the audit trail, and the
// action panel offering exactly the commands the server says are legal now.
import { useEffect, useState, type ReactNode } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { DeadlineView, StaffCase } from '@/contracts/requests';
import { call } from '@/services/api';
import { openAttachment } from '@/services/files';
import { useRemote } from '@/hooks/useRemote';
import { PageShell } from '@/components/PageShell';
import { RemoteView } from '@/components/RemoteView';
import { actionLabel, daysLeftText, isNotStaff, shanghaiDateTime, StaffOnly, stateLabel } from '../shared';
import { ActionPanel } from './ActionPanel';
import '../staff.css';

const CONSULT_KINDS: Record<string, string> = { thirdParty: '第三方', agency: '其他机关' };
const EXTENSION_STATUS: Record<string, string> = { pending: '待审核人批准', approved: '已批准', rejected: '不批准' };
const FEE_BASIS: Record<string, string> = { perApplication: '按件计收', perPage: '按量计收' };

type AuditEntry = StaffCase['audit'][number];

/** Consecutive reads of the personal data by the same actor, shown as one line with a count. */
function groupReads(audit: readonly AuditEntry[]): Array<{ entry: AuditEntry; count: number; lastAt: string }> {
  const rows: Array<{ entry: AuditEntry; count: number; lastAt: string }> = [];
  for (const entry of audit) {
    const previous = rows[rows.length - 1];
    if (previous && entry.action === 'viewPersonalData' && previous.entry.action === 'viewPersonalData' && previous.entry.actor === entry.actor) {
      previous.count += 1;
      previous.lastAt = entry.at;
    } else {
      rows.push({ entry, count: 1, lastAt: entry.at });
    }
  }
  return rows;
}

function Field({ label, value, id }: { label: string; value: ReactNode; id?: string }) {
  if (value === undefined || value === null || value === '') return null;
  return (
    <View className='st-field'>
      <Text className='st-field-label'>{label}</Text>
      <Text className='st-field-value' id={id}>
        {value}
      </Text>
    </View>
  );
}

type CorrectionAttachment = NonNullable<NonNullable<StaffCase['correction']>['attachments']>[number];

function sizeText(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/** The applicant's correction attachments, each opened through a short-lived link from the server. */
function CorrectionAttachments({ caseId, attachments }: { caseId: string; attachments: CorrectionAttachment[] }) {
  const [error, setError] = useState<string>();
  async function open(attachment: CorrectionAttachment) {
    setError(undefined);
    try {
      const { url } = await call('requests', 'attachmentUrl', { id: caseId, fileId: attachment.fileId });
      await openAttachment(url, attachment.name);
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : '无法打开附件');
    }
  }
  return (
    <View id='case-correction-attachments'>
      <Text className='st-form-label'>补正附件</Text>
      {attachments.map((attachment) => (
        <View key={attachment.fileId} className='list-item-meta' data-testid='staff-attachment'>
          <Text>{`${attachment.name}（${sizeText(attachment.size)}）`}</Text>
          <View className='st-attachment-open' role='button' data-testid='staff-attachment-open' aria-label={`查看附件 ${attachment.name}`} onClick={() => void open(attachment)}>
            查看
          </View>
        </View>
      ))}
      {error ? (
        <Text className='st-form-error' id='staff-attachment-error'>
          {error}
        </Text>
      ) : null}
    </View>
  );
}

/** Why a clock stops: an open consultation, or (when the setting says so) an unpaid processing fee. */
function pauseReasons(kase: StaffCase): string {
  const reasons = [kase.consultations.length > 0 ? '征求意见' : '', kase.fee ? '待缴纳信息处理费' : ''].filter(Boolean);
  return reasons.join('、') || '征求意见';
}

function Deadline({ deadline, pausedFor, pausedNow }: { deadline: DeadlineView; pausedFor: string; pausedNow: string }) {
  const holidays = deadline.notableDays.filter((d) => d.kind === 'holiday');
  const makeups = deadline.notableDays.filter((d) => d.kind === 'makeupWorkday');
  const explain = [
    `自 ${deadline.start} 起算 ${deadline.workingDays} 个工作日（条例${deadline.article}）`,
    deadline.weekendsSkipped > 0 ? `不计周末 ${deadline.weekendsSkipped} 天` : '',
    holidays.length > 0 ? `不计节假日 ${holidays.map((d) => `${d.date}${d.name ? d.name : ''}`).join('、')}` : '',
    makeups.length > 0 ? `调休上班日计入 ${makeups.map((d) => d.date).join('、')}` : '',
    deadline.pausedWorkingDays.length > 0 ? `${pausedFor}中止 ${deadline.pausedWorkingDays.length} 个工作日` : '',
  ].filter(Boolean);
  return (
    <View className='st-deadline' data-testid='deadline' id={`deadline-${deadline.key}`} data-due={deadline.due ?? ''} data-provisional={deadline.provisional ? 'yes' : 'no'}>
      <Text className='st-field-label'>{deadline.label}</Text>
      <View>
        <Text className='st-deadline-due'>{deadline.due ?? `期限中止（${pausedNow}）`}</Text>
        {deadline.provisional ? <Text className='st-provisional'>暂定</Text> : null}
        <Text className='st-deadline-left'> · {deadline.due ? daysLeftText(deadline.workingDaysLeft) : '恢复计算后重新确定'}</Text>
      </View>
      <Text className='muted list-item-meta'>{explain.join('；')}</Text>
      {deadline.provisional ? (
        <Text className='muted list-item-meta'>该期限跨越尚未录入法定节假日安排的年度，日期为暂定；管理员在工作日历中录入后自动重新计算。</Text>
      ) : null}
    </View>
  );
}

function CaseView({ kase, notice, onDone, onConflict }: { kase: StaffCase; notice?: string; onDone: (next: StaffCase, label: string) => void; onConflict: () => void }) {
  const { applicant } = kase;
  return (
    <>
      <View className='header'>
        <Text className='header-title' id='case-query-code'>
          查询码 {kase.queryCode}
        </Text>
        <Text className='header-sub'>
          <Text id='case-state'>{kase.stateLabel}</Text> · {kase.channel} · 收到申请 {kase.receiptDate}
        </Text>
      </View>

      <View className='card' id='case-deadlines' aria-label='期限'>
        <Text className='card-title'>期限</Text>
        {kase.deadlines.length === 0 ? <Text className='muted'>{['replied', 'closed', 'archived'].includes(kase.state) ? '已办结，无待计期限。' : '暂无期限。'}</Text> : null}
        {kase.deadlines.map((deadline) => (
          <Deadline key={deadline.key} deadline={deadline} pausedFor={pauseReasons(kase)} pausedNow={kase.state === 'feePending' ? '待缴纳信息处理费' : '征求意见中'} />
        ))}
      </View>

      <View className='card' id='case-applicant' aria-label='申请人信息'>
        <Text className='card-title'>申请人信息</Text>
        <Text className='muted st-section-note'>个人信息仅工作人员可见，每次查看均记入操作日志，请勿外传。</Text>
        <Field label='姓名' value={applicant.name} id='applicant-name' />
        <Field label='单位名称' value={applicant.organisationName} id='applicant-organisation' />
        <Field label='证件类型' value={applicant.idType} id='applicant-id-type' />
        <Field label='证件号码' value={applicant.idNumber} id='applicant-id-number' />
        <Field label='手机号码' value={applicant.mobile} id='applicant-mobile' />
        <Field label='电子邮箱' value={applicant.email} id='applicant-email' />
        <Field label='通信地址' value={applicant.address} id='applicant-address' />
        <Field label='邮政编码' value={applicant.postcode} id='applicant-postcode' />
      </View>

      <View className='card' id='case-application' aria-label='申请内容'>
        <Text className='card-title'>申请内容</Text>
        <Text className='st-text-block' id='case-description'>
          {kase.description}
        </Text>
        <Field label='文号' value={kase.docNo} />
        <Field label='其他特征' value={kase.features} />
        <Field label='提供形式' value={kase.deliveryForm} />
        <Field label='获取方式' value={kase.deliveryChannel} />
      </View>

      {kase.correction ? (
        <View className='card' id='case-correction' aria-label='补正'>
          <Text className='card-title'>补正</Text>
          <Field label='告知日期' value={kase.correction.requestedOn} />
          <Field label='补正期限' value={kase.correction.dueBy} />
          <Text className='st-form-label'>补正事项</Text>
          {kase.correction.items.map((item, index) => (
            <Text key={index} className='list-item-meta' data-testid='correction-item'>
              {index + 1}. {item}
            </Text>
          ))}
          <Field label='收到补正' value={kase.correction.answeredOn ?? '尚未收到'} />
          {kase.correction.answer ? <Text className='st-text-block'>{kase.correction.answer}</Text> : null}
          {kase.correction.attachments?.length ? <CorrectionAttachments caseId={kase.id} attachments={kase.correction.attachments} /> : null}
        </View>
      ) : null}

      {kase.consultations.length > 0 ? (
        <View className='card' id='case-consultations' aria-label='征求意见'>
          <Text className='card-title'>征求意见</Text>
          {kase.consultations.map((c, index) => (
            <View key={index} className='st-deadline' data-testid='consultation'>
              <Text className='list-item-title'>
                {c.party}（{CONSULT_KINDS[c.kind] ?? c.kind}）
              </Text>
              <Text className='muted list-item-meta'>
                {c.from} 起{c.to ? `，${c.to} 结束` : '，进行中（答复期限中止）'}；对方应于 {c.answerDue} 前提出意见
              </Text>
            </View>
          ))}
        </View>
      ) : null}

      {kase.extension ? (
        <View className='card' id='case-extension' aria-label='延期'>
          <Text className='card-title'>延长答复期限</Text>
          <Field label='状态' value={EXTENSION_STATUS[kase.extension.status] ?? kase.extension.status} id='extension-status' />
          <Field label='理由' value={kase.extension.reason} />
          <Field label='申请日期' value={kase.extension.requestedOn} />
          <Field label='审批日期' value={kase.extension.decidedOn} />
          <Field label='审批意见' value={kase.extension.note} />
        </View>
      ) : null}

      {kase.fee ? (
        <View className='card' id='fee-status' aria-label='信息处理费'>
          <Text className='card-title'>信息处理费</Text>
          <Field label='收费金额' value={`${kase.fee.amount} 元`} id='fee-status-amount' />
          <Field label='计收方式' value={FEE_BASIS[kase.fee.basis] ?? kase.fee.basis} id='fee-status-basis' />
          <Field label='通知日期' value={kase.fee.noticeOn} id='fee-status-notice' />
          <Field label='缴费期限' value={kase.fee.dueBy} id='fee-status-due' />
          <Field label='缴费日期' value={kase.fee.paidOn ?? (kase.state === 'feePending' ? '尚未缴纳' : '未缴纳')} id='fee-status-paid' />
        </View>
      ) : null}

      {kase.draft ? (
        <View className='card' id='case-draft' aria-label='答复书草稿'>
          <Text className='card-title'>答复书草稿</Text>
          {kase.draft.returnedNote ? <Text className='st-returned-note'>已退回修改：{kase.draft.returnedNote}</Text> : null}
          <Field label='答复类型' value={kase.draft.outcomeLabel} />
          <Field label='拟稿日期' value={kase.draft.draftedOn} />
          <Text className='st-text-block' id='draft-text'>
            {kase.draft.text}
          </Text>
        </View>
      ) : null}

      {kase.reply ? (
        <View className='card' id='case-reply' aria-label='答复书'>
          <Text className='card-title'>已送达的答复书</Text>
          <Field label='答复类型' value={kase.reply.outcomeLabel} />
          <Field label='送达日期' value={kase.reply.sentOn} />
          <Text className='st-text-block'>{kase.reply.text}</Text>
        </View>
      ) : null}

      {notice ? (
        <View className='card'>
          <View className='st-form-success' id='action-done' role='status'>
            <Text>{notice}</Text>
          </View>
        </View>
      ) : null}

      <ActionPanel kase={kase} onDone={onDone} onConflict={onConflict} />

      <View className='card' id='case-audit' aria-label='操作日志'>
        <Text className='card-title'>操作日志</Text>
        {groupReads(kase.audit).map(({ entry, count, lastAt }, index) => (
          <View key={index} className='st-audit-entry' data-testid='audit-entry'>
            <Text className='list-item-title'>
              {actionLabel(entry.action)}
              <Text className='muted'>（{entry.actor}）</Text>
            </Text>
            <Text className='muted list-item-meta'>
              {count > 1 ? `共 ${count} 次 · ${shanghaiDateTime(entry.at)} 至 ${shanghaiDateTime(lastAt).slice(entry.at.slice(0, 10) === lastAt.slice(0, 10) ? 11 : 0)}` : shanghaiDateTime(entry.at)}
              {entry.from !== entry.to ? ` · ${stateLabel(entry.from)} → ${stateLabel(entry.to)}` : ''}
            </Text>
            {entry.note ? <Text className='list-item-meta'>{entry.note}</Text> : null}
          </View>
        ))}
      </View>
    </>
  );
}

export default function StaffCasePage() {
  const { params } = useRouter();
  const id = params.id ?? '';
  const remote = useRemote(() => call('requests', 'getCase', { id }), [id]);
  // The case as the last action returned it; a fresh load replaces it.
  const [latest, setLatest] = useState<StaffCase>();
  const [notice, setNotice] = useState<string>();
  useEffect(() => setLatest(undefined), [remote.data]);

  if (remote.error && isNotStaff(remote.error)) {
    return (
      <PageShell testId='staff-case'>
        <StaffOnly />
      </PageShell>
    );
  }

  return (
    <PageShell testId='staff-case'>
      <RemoteView state={remote}>
        {(fetched) => (
          <CaseView
            kase={latest && latest.id === fetched.id ? latest : fetched}
            notice={notice}
            onDone={(next, label) => {
              setLatest(next);
              setNotice(`已完成：${label}。当前状态：${next.stateLabel}`);
              void Taro.showToast({ title: '已提交', icon: 'success' });
            }}
            onConflict={() => {
              setNotice(undefined);
              remote.reload();
            }}
          />
        )}
      </RemoteView>
    </PageShell>
  );
}
