// One guide: its steps in order (numbered, in plain words), the materials to bring, whom to ask, and
// its attachments to download (a link from the server, opened by the platform's own viewer).
import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { ApiCallError, call } from '@/services/api';
import { openAttachment } from '@/services/files';
import { useRemote } from '@/hooks/useRemote';
import { PageShell } from '@/components/PageShell';
import { ReportError } from '@/components/ReportError';
import { RemoteView } from '@/components/RemoteView';
import { DemoBadge } from '@/components/DemoBadge';
import { RateFloat } from '@/components/RateFloat';
import { formatDate, type Guide } from '../shared';
import '../guides.css';

function sizeLabel(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

function Attachments({ guide }: { guide: Guide }) {
  const [busy, setBusy] = useState<string>();
  const [error, setError] = useState<string>();
  async function download(attachment: Guide['attachments'][number]) {
    if (busy) return;
    setBusy(attachment.fileId);
    setError(undefined);
    try {
      const { url } = await call('guides', 'attachmentUrl', { guideId: guide.id, fileId: attachment.fileId });
      await openAttachment(url, attachment.name);
    } catch (cause) {
      setError(cause instanceof ApiCallError || cause instanceof Error ? cause.message : '附件下载失败，请稍后重试');
    } finally {
      setBusy(undefined);
    }
  }
  if (guide.attachments.length === 0) return null;
  return (
    <View className='card' role='group' aria-label='附件下载'>
      <Text className='card-title'>附件下载</Text>
      {guide.attachments.map((attachment, index) => (
        <View
          key={attachment.fileId}
          id={`attachment-${index}`}
          data-testid='guide-attachment'
          className='gd-link tap'
          role='button'
          aria-busy={busy === attachment.fileId}
          onClick={() => void download(attachment)}
        >
          <Text>{busy === attachment.fileId ? `正在打开：${attachment.name}` : `⇩ ${attachment.name}（${sizeLabel(attachment.size)}）`}</Text>
        </View>
      ))}
      {error ? (
        <View className='gd-error' role='alert' id='attachment-error'>
          {error}
        </View>
      ) : null}
    </View>
  );
}

export default function GuideDetail() {
  const { params } = useRouter();
  const id = params.id ?? '';
  const guide = useRemote(() => call('guides', 'getGuide', { id }), [id]);
  return (
    <PageShell testId='guide-detail'>
      <RemoteView state={guide}>
        {(doc) => (
          <>
            <View className='card'>
              <Text className='card-title' id='guide-title'>
                {doc.title}
                {doc.demo ? <DemoBadge /> : null}
              </Text>
              <View className='gd-tags'>
                <Text className='gd-tag' id='guide-type'>
                  {doc.typeLabel}
                </Text>
                <Text className='gd-tag gd-tag-kind' id='guide-kind'>
                  {doc.kindLabel}
                </Text>
              </View>
              {doc.summary ? <Text className='paragraph'>{doc.summary}</Text> : null}
              <Text className='muted' id='guide-updated'>{`更新日期：${formatDate(doc.updatedOn)}`}</Text>
            </View>
            <View className='card'>
              <Text className='card-title'>{`办理步骤（共 ${doc.steps.length} 步）`}</Text>
              <View className='gd-steps' role='list' aria-label='办理步骤'>
                {doc.steps.map((step, index) => (
                  <View key={index} className='gd-step' role='listitem' data-testid='guide-step' aria-label={`第 ${index + 1} 步：${step}`}>
                    <Text className='gd-step-no' aria-hidden='true'>
                      {index + 1}
                    </Text>
                    <Text className='gd-step-text'>{step}</Text>
                  </View>
                ))}
              </View>
            </View>
            {doc.materials.length > 0 ? (
              <View className='card' role='list' aria-label='所需材料'>
                <Text className='card-title'>所需材料</Text>
                {doc.materials.map((material, index) => (
                  <View key={index} className='gd-bullet' role='listitem' data-testid='guide-material'>
                    {`· ${material}`}
                  </View>
                ))}
              </View>
            ) : null}
            <Attachments guide={doc} />
            {doc.contacts.length > 0 ? (
              <View className='card'>
                <Text className='card-title'>咨询联系</Text>
                {doc.contacts.map((contact, index) => (
                  <View key={index} id={`contact-${index}`} className='gd-link tap' role='button' aria-label={`${contact.name}：${contact.phone}，点按拨打`} onClick={() => void Taro.makePhoneCall({ phoneNumber: contact.phone })}>
                    <Text>{`${contact.name}：${contact.phone}`}</Text>
                  </View>
                ))}
              </View>
            ) : null}
          </>
        )}
      </RemoteView>
      {guide.data ? <ReportError title={guide.data.title} /> : null}
      <RateFloat service='guides' />
    </PageShell>
  );
}
