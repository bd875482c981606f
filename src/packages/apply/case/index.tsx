// One of my applications: where it stands, the deadlines in force (each explained), every public
// step so far (登记 → 审核 → 办理 → 答复 → 归档), the 补正 request with its answer form, withdrawal,
// and the reply letter in full.
import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Text, Textarea, View } from '@tarojs/components';
import { APPLICANT_TYPE_LABELS, type CitizenCase, type DeadlineView } from '@/contracts/requests';
import { ApiCallError, call } from '@/services/api';
import { chooseAndUpload, openAttachment, type Attachment } from '@/services/files';
import { deliverExport } from '@/packages/report/detail/export';
import { MAX_CORRECTION_ATTACHMENTS } from '@/contracts/files';
import { useRemote } from '@/hooks/useRemote';
import { PageShell } from '@/components/PageShell';
import { RemoteView } from '@/components/RemoteView';
import { DeadlineCard, formatDate } from '../DeadlineExplain';
import '../apply.css';

type Command = { type: 'submitCorrection'; answer: string; attachments?: Attachment[] } | { type: 'withdraw' };

function sizeText(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

function replyLetterFile(data: CitizenCase) {
  const reply = data.reply!;
  const content = [`查询码：${data.queryCode}`, `答复结果：${reply.outcomeLabel}`, `出具日期：${reply.sentOn}`, '', reply.text, ''].join('\r\n');
  return { filename: `答复书-${data.queryCode}.txt`, mimeType: 'text/plain;charset=utf-8', content };
}

function startLabel(deadline: DeadlineView, data: CitizenCase): string {
  if (deadline.key === 'correctionDue') return '告知补正之日';
  if (deadline.key === 'reply' && deadline.start !== data.receiptDate) return '收到补正后的申请之日';
  return '收到申请之日';
}

function Row({ label, value, id, pre }: { label: string; value?: string; id?: string; pre?: boolean }) {
  if (!value) return null;
  return (
    <View className='apply-kv'>
      <Text className='apply-kv-key'>{label}</Text>
      <Text className={pre ? 'apply-kv-value apply-pre' : 'apply-kv-value'} id={id}>
        {value}
      </Text>
    </View>
  );
}

const FEE_BASIS_LABELS: Record<string, string> = { perApplication: '按件', perPage: '按量' };
const FEE_BASIS_NOTES: Record<string, string> = {
  perApplication: '同一申请人一个自然月内申请超过 10 件的，超出部分按件计收',
  perPage: '答复材料超过 30 页的，超出部分按页计收',
};

/** Whether the reply clock waits for the payment, read from the deadlines the server computed. */
function feeClockText(data: CitizenCase, fee: NonNullable<CitizenCase['fee']>): string | undefined {
  const reply = data.deadlines.find((deadline) => deadline.key === 'reply');
  if (!fee.paidOn) {
    if (data.state !== 'feePending') return undefined;
    return reply && reply.due === null ? '缴费期间答复期限暂停计算，自缴费之日起恢复计算。' : '缴费期间答复期限照常计算。';
  }
  const pausedDays = reply ? reply.pausedWorkingDays.filter((day) => day > fee.noticeOn && day <= fee.paidOn!).length : 0;
  return pausedDays > 0 ? `等待缴费期间的 ${pausedDays} 个工作日不计入答复期限。` : undefined;
}

function FeeNotice({ data, fee }: { data: CitizenCase; fee: NonNullable<CitizenCase['fee']> }) {
  const clock = feeClockText(data, fee);
  const ended = ['replied', 'closed', 'archived'].includes(data.state);
  return (
    <View className='card' id='fee-notice' role='region' aria-labelledby='fee-notice-title'>
      <Text className='card-title' id='fee-notice-title'>
        信息处理费缴费通知
      </Text>
      <Text className='muted'>您申请公开政府信息的数量或频次明显超过合理范围，本中心依照国办函〔2020〕109号收取信息处理费。</Text>
      <Row label='收费金额' value={`${fee.amount} 元`} id='fee-amount' />
      <Row label='计收方式' value={`${FEE_BASIS_LABELS[fee.basis] ?? fee.basis}（${FEE_BASIS_NOTES[fee.basis] ?? ''}）`} id='fee-basis' />
      <Row label='通知日期' value={formatDate(fee.noticeOn)} id='fee-notice-date' />
      <Row label='缴费期限' value={`${formatDate(fee.dueBy)}前`} id='fee-due' />
      {fee.paidOn ? (
        <View className='apply-notice apply-notice-ok' id='fee-paid'>
          <Text>{`已缴纳（${formatDate(fee.paidOn)}），本申请继续办理。`}</Text>
        </View>
      ) : ended ? (
        <View className='apply-notice' id='fee-unpaid'>
          <Text>未缴纳；本申请已终止办理。</Text>
        </View>
      ) : (
        <View className='apply-notice apply-notice-error' id='fee-deadline'>
          <Text>{`请于 ${fee.dueBy} 前缴纳；逾期未缴纳的，视为放弃申请（国办函〔2020〕109号）。`}</Text>
        </View>
      )}
      {clock ? (
        <Text className='muted' id='fee-clock'>
          {clock}
        </Text>
      ) : null}
      {!fee.paidOn && !ended ? (
        <Text className='muted' id='fee-how-to-pay'>
          缴费方式：到中心服务窗口或按缴费通知书所列方式缴纳。本小程序不提供在线缴费；缴费后本中心确认到账即恢复办理。
        </Text>
      ) : null}
    </View>
  );
}

function CaseBody({ data, reload }: { data: CitizenCase; reload: () => void }) {
  const [answer, setAnswer] = useState('');
  const [answerError, setAnswerError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [actionError, setActionError] = useState<string>();
  const [attachments, setAttachments] = useState<Attachment[]>([]);
  const [attachError, setAttachError] = useState<string>();
  const [uploading, setUploading] = useState(false);
  const [replyStatus, setReplyStatus] = useState<string>();
  const canCorrect = data.availableCommands.includes('submitCorrection');
  const canWithdraw = data.availableCommands.includes('withdraw');

  async function run(command: Command, done: string): Promise<boolean> {
    if (busy) return false;
    setBusy(true);
    setActionError(undefined);
    try {
      await call('requests', 'actMine', { id: data.id, expectedVersion: data.version, command });
      void Taro.showToast({ title: done, icon: 'none' });
      reload();
      return true;
    } catch (error) {
      if (error instanceof ApiCallError && error.code === 'CONFLICT') {
        // Someone (staff) changed the case meanwhile: show it as it is now, and let the person decide again.
        setActionError('该申请刚刚有了新的进展，页面已刷新，请查看后再操作。');
        reload();
      } else if (error instanceof ApiCallError && error.code === 'VALIDATION_FAILED' && command.type === 'submitCorrection') {
        setAnswerError(error.issues[0]?.message ?? error.message);
      } else {
        setActionError(error instanceof ApiCallError ? error.message : '操作失败，请稍后重试');
      }
      return false;
    } finally {
      setBusy(false);
    }
  }

  async function submitCorrection() {
    const text = answer.trim();
    if (!text) {
      setAnswerError('请填写补正内容');
      return;
    }
    setAnswerError(undefined);
    if (uploading) return;
    const command: Command = attachments.length > 0 ? { type: 'submitCorrection', answer: text, attachments } : { type: 'submitCorrection', answer: text };
    if (await run(command, '补正已提交')) {
      setAnswer('');
      setAttachments([]);
    }
  }

  async function attach() {
    if (uploading || busy) return;
    setAttachError(undefined);
    setUploading(true);
    try {
      const added = await chooseAndUpload(MAX_CORRECTION_ATTACHMENTS - attachments.length);
      setAttachments((current) => [...current, ...added].slice(0, MAX_CORRECTION_ATTACHMENTS));
    } catch (error) {
      setAttachError(error instanceof Error ? error.message : '附件上传失败，请重试');
    } finally {
      setUploading(false);
    }
  }

  async function open(attachment: { fileId: string; name: string }) {
    setAttachError(undefined);
    try {
      const { url } = await call('requests', 'attachmentUrl', { id: data.id, fileId: attachment.fileId });
      await openAttachment(url, attachment.name);
    } catch (error) {
      setAttachError(error instanceof Error ? error.message : '无法打开附件');
    }
  }

  async function downloadReply() {
    try {
      setReplyStatus(await deliverExport(replyLetterFile(data)));
    } catch {
      setReplyStatus('下载失败，请使用“复制全文”');
    }
  }

  async function withdraw() {
    const answerModal = await Taro.showModal({
      title: '撤回申请',
      content: `撤回后，查询码 ${data.queryCode} 的申请将终止办理，且不能恢复。如仍需要该信息，需要重新申请。确定撤回吗？`,
      confirmText: '确定撤回',
      cancelText: '不撤回',
    });
    if (answerModal.confirm) await run({ type: 'withdraw' }, '申请已撤回');
  }

  const { applicant } = data;
  return (
    <>
      <View className='header'>
        <Text className='header-sub'>{`查询码 ${data.queryCode}`}</Text>
        <Text className='header-title' id='case-state' data-state={data.state}>
          {data.stateLabel}
        </Text>
        <Text className='header-sub'>{`收到申请之日 ${formatDate(data.receiptDate)} · ${data.channel}`}</Text>
      </View>

      {actionError ? (
        <View className='card apply-notice apply-notice-error' id='case-action-error' role='alert'>
          <Text>{actionError}</Text>
        </View>
      ) : null}

      {data.reply ? (
        <View className='card' id='reply-letter' role='region' aria-labelledby='reply-title'>
          <Text className='card-title' id='reply-title'>
            答复书
          </Text>
          <Row label='答复结果' value={data.reply.outcomeLabel} id='reply-outcome' />
          <Row label='出具日期' value={formatDate(data.reply.sentOn)} id='reply-sent' />
          <Text className='reply-text' id='reply-text' selectable>
            {data.reply.text}
          </Text>
          <View
            className='button button-secondary'
            id='reply-copy'
            role='button'
            onClick={() => void Taro.setClipboardData({ data: data.reply?.text ?? '' })}
          >
            复制全文
          </View>
          <View className='button button-secondary' id='reply-download' role='button' onClick={() => void downloadReply()}>
            下载答复书
          </View>
          {replyStatus ? (
            <Text className='muted' id='reply-download-status'>
              {replyStatus}
            </Text>
          ) : null}
        </View>
      ) : null}

      {data.fee ? <FeeNotice data={data} fee={data.fee} /> : null}

      {data.correction ? (
        <View className='card' id='correction' role='region' aria-labelledby='correction-title'>
          <Text className='card-title' id='correction-title'>
            补正通知
          </Text>
          <Text className='muted'>{`本中心于 ${formatDate(data.correction.requestedOn)} 一次性告知，请补正以下事项（条例第三十条）：`}</Text>
          <View className='correction-items' id='correction-items' role='list'>
            {data.correction.items.map((item, index) => (
              <View key={index} className='correction-item' role='listitem'>
                {`${index + 1}. ${item}`}
              </View>
            ))}
          </View>
          <Row label='补正期限' value={`${formatDate(data.correction.dueBy)}前`} id='correction-due' />
          {data.correction.answeredOn ? (
            <>
              <Row label='补正日期' value={formatDate(data.correction.answeredOn)} id='correction-answered' />
              <Row label='补正内容' value={data.correction.answer} id='correction-answer-text' pre />
              {data.correction.attachments?.length ? (
                <View className='apply-kv' id='correction-attached'>
                  <Text className='apply-kv-key'>补正附件</Text>
                  <View role='list'>
                    {data.correction.attachments.map((attachment) => (
                      <View key={attachment.fileId} className='correction-item' role='listitem' data-testid='correction-attached'>
                        <Text>{`${attachment.name}（${sizeText(attachment.size)}）`}</Text>
                        <View className='attachment-link' role='button' onClick={() => void open(attachment)}>
                          查看
                        </View>
                      </View>
                    ))}
                  </View>
                </View>
              ) : null}
            </>
          ) : null}
          {canCorrect ? (
            <View className='correction-form' id='correction-form'>
              <Text className='apply-field-label' id='correction-answer-label'>
                补正内容（必填）
              </Text>
              <Textarea
                id='correction-answer'
                className='correction-textarea'
                value={answer}
                maxlength={5000}
                placeholder='请逐项写明补正的内容'
                disabled={busy}
                aria-label='补正内容'
                {...(process.env.TARO_ENV === 'h5' ? { nativeProps: { 'aria-label': '补正内容', 'aria-describedby': answerError ? 'error-correction-answer' : undefined } } : {})}
                onInput={(event) => {
                  setAnswer(event.detail.value);
                  if (answerError) setAnswerError(undefined);
                }}
              />
              {answerError ? (
                <Text className='apply-error' id='error-correction-answer'>
                  {`！${answerError}`}
                </Text>
              ) : null}
              <Text className='apply-field-label'>{`附件（可选，最多 ${MAX_CORRECTION_ATTACHMENTS} 个，每个不超过 10 MB，PDF、图片、Word 或文本）`}</Text>
              {attachments.length > 0 ? (
                <View role='list' id='correction-attachments'>
                  {attachments.map((attachment, index) => (
                    <View key={attachment.fileId} className='correction-item' role='listitem' data-testid='correction-attachment'>
                      <Text>{`${attachment.name}（${sizeText(attachment.size)}）`}</Text>
                      <View
                        className='attachment-link'
                        role='button'
                        data-testid='correction-attachment-remove'
                        aria-label={`移除附件 ${attachment.name}`}
                        onClick={() => setAttachments((current) => current.filter((_, i) => i !== index))}
                      >
                        移除
                      </View>
                    </View>
                  ))}
                </View>
              ) : null}
              {attachments.length < MAX_CORRECTION_ATTACHMENTS ? (
                <View
                  className={uploading || busy ? 'button button-secondary button-disabled' : 'button button-secondary'}
                  id='correction-attach'
                  role='button'
                  aria-disabled={uploading || busy}
                  onClick={() => void attach()}
                >
                  {uploading ? '正在上传…' : '添加附件'}
                </View>
              ) : null}
              {attachError ? (
                <Text className='apply-error' id='error-correction-attach'>
                  {`！${attachError}`}
                </Text>
              ) : null}
              <View
                className={busy ? 'button button-disabled' : 'button'}
                id='correction-submit'
                role='button'
                aria-disabled={busy}
                onClick={() => void submitCorrection()}
              >
                {busy ? '正在提交…' : '提交补正'}
              </View>
            </View>
          ) : null}
        </View>
      ) : null}

      {data.deadlines.length > 0 ? (
        <View className='card' id='case-deadlines' role='region' aria-labelledby='deadlines-title'>
          <Text className='card-title' id='deadlines-title'>
            正在计算的期限
          </Text>
          {data.deadlines.map((deadline) =>
            data.state === 'feePending' && deadline.due === null ? (
              // DeadlineCard words a stopped clock as a consultation; here it waits for the fee.
              <View key={deadline.key} className='deadline' data-testid='deadline' id={`deadline-${deadline.key}`} data-due='' data-key={deadline.key}>
                <View className='deadline-head'>
                  <Text className='deadline-label'>{deadline.label}</Text>
                  <Text className='deadline-article muted'>{`条例${deadline.article} · ${deadline.workingDays} 个工作日`}</Text>
                </View>
                <Text className='deadline-due' id={`deadline-${deadline.key}-due`}>
                  期限暂停计算（待缴纳信息处理费）
                </Text>
                <Text className='deadline-purpose muted'>自缴费之日起恢复计算，届时显示答复期限。</Text>
              </View>
            ) : (
              <DeadlineCard key={deadline.key} deadline={deadline} startLabel={startLabel(deadline, data)} />
            ),
          )}
        </View>
      ) : null}

      <View className='card' id='case-timeline' role='region' aria-labelledby='timeline-title'>
        <Text className='card-title' id='timeline-title'>
          办理过程
        </Text>
        <View role='list'>
          {data.timeline.map((entry, index) => (
            <View key={`${entry.at}-${index}`} className='timeline-entry' data-testid='timeline-entry' data-step={entry.step} role='listitem'>
              <Text className='timeline-date'>{formatDate(entry.date)}</Text>
              <View className='timeline-body'>
                <Text className='timeline-step'>{entry.step}</Text>
                <Text className='timeline-label'>{entry.label}</Text>
                {entry.article ? <Text className='timeline-meta'>{`依据：条例${entry.article}`}</Text> : null}
                {entry.note ? <Text className='timeline-meta'>{entry.note}</Text> : null}
              </View>
            </View>
          ))}
        </View>
      </View>

      <View className='card' id='case-application' role='region' aria-labelledby='application-title'>
        <Text className='card-title' id='application-title'>
          申请内容
        </Text>
        <Row label='申请人类型' value={APPLICANT_TYPE_LABELS[data.applicantType]} />
        <Row label='单位名称' value={applicant.organisationName} id='case-organisation' />
        <Row label={applicant.organisationName ? '联系人' : '姓名'} value={applicant.name} id='case-name' />
        <Row label='证件类型' value={applicant.idType} />
        <Row label='证件号码' value={applicant.idNumberMasked} id='case-idNumber' />
        <Row label='手机号码' value={applicant.mobileMasked} />
        <Row label='电子邮箱' value={applicant.email} />
        <Row label='所需信息' value={data.description} id='case-description' pre />
        <Row label='文号' value={data.docNo} />
        <Row label='其他特征' value={data.features} pre />
        <Row label='提供形式' value={data.deliveryForm} />
        <Row label='获取方式' value={data.deliveryChannel} />
      </View>

      {canWithdraw ? (
        <View className={busy ? 'button button-disabled' : 'button button-secondary'} id='withdraw' role='button' aria-disabled={busy} onClick={() => void withdraw()}>
          撤回申请
        </View>
      ) : null}
    </>
  );
}

export default function ApplyCase() {
  const { params } = useRouter();
  const id = params.id ?? '';
  const state = useRemote(
    () => (id ? call('requests', 'getMine', { id }) : Promise.reject(new ApiCallError('VALIDATION_FAILED', '链接中缺少申请编号，请从“我的申请”进入'))),
    [id],
  );
  return (
    <PageShell testId='apply-case'>
      <RemoteView state={state}>{(data) => <CaseBody data={data} reload={state.reload} />}</RemoteView>
    </PageShell>
  );
}
