// 一链式全读: one project's header, then every notice in chain order as a timeline (each expandable),
// followed by the stages not reached yet ("尚未发布", said in words, not only greyed).
import { useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { call } from '@/services/api';
import { useRemote } from '@/hooks/useRemote';
import { PageShell } from '@/components/PageShell';
import { ReportError } from '@/components/ReportError';
import { RemoteView } from '@/components/RemoteView';
import { DemoBadge } from '@/components/DemoBadge';
import { formatDate, formatDateTime, type Chain } from '../shared';
import '../trading.css';

type Notice = Chain['notices'][number];

function MetaRow({ label, value, id }: { label: string; value?: string; id: string }) {
  if (!value) return null;
  return (
    <View className='td-meta-row'>
      <Text className='muted td-meta-label'>{label}</Text>
      <Text className='td-meta-value' id={id}>
        {value}
      </Text>
    </View>
  );
}

function NoticeStep({ notice, open, onToggle }: { notice: Notice; open: boolean; onToggle: () => void }) {
  return (
    <View className='td-step' data-testid='chain-notice' data-stage={notice.stage} id={`notice-${notice.id}`} role='listitem'>
      <View className='td-dot' aria-hidden='true' />
      <Text className='td-step-label'>{notice.stageLabel}</Text>
      <Text className='muted td-step-date'>{`发布日期 ${formatDate(notice.publishedAt)}`}</Text>
      <Text className='td-step-title'>{notice.title}</Text>
      {open
        ? notice.paragraphs.map((paragraph, index) => (
            <Text key={index} className='paragraph'>
              {paragraph}
            </Text>
          ))
        : null}
      <View
        className='td-toggle tap'
        id={`toggle-${notice.id}`}
        role='button'
        aria-expanded={open}
        aria-label={`${open ? '收起' : '展开'}${notice.stageLabel}全文`}
        onClick={onToggle}
      >
        {open ? '收起全文' : '展开全文'}
      </View>
    </View>
  );
}

export default function TradingChain() {
  const { params } = useRouter();
  const id = params.id ?? '';
  const chain = useRemote(() => call('trading', 'getChain', { projectId: id }), [id]);
  const [expanded, setExpanded] = useState<Record<string, boolean>>({});

  return (
    <PageShell testId='trading-chain'>
      <RemoteView state={chain}>
        {(doc) => {
          // The latest notice is open at first; the others on demand.
          const latest = doc.notices[doc.notices.length - 1]?.id;
          return (
            <>
              <View className='card'>
                <Text className='card-title' id='chain-name'>
                  {doc.name}
                  {doc.demo ? <DemoBadge /> : null}
                </Text>
                <MetaRow label='项目编号' value={doc.code} id='chain-code' />
                <MetaRow label='交易类型' value={doc.typeLabel} id='chain-type' />
                <MetaRow label='当前阶段' value={doc.stageLabel} id='chain-stage' />
                <MetaRow label='招标人（采购人）' value={doc.owner} id='chain-owner' />
                <MetaRow label='预算（控制价）' value={doc.budget} id='chain-budget' />
                <MetaRow label='开标时间' value={doc.openingAt ? formatDateTime(doc.openingAt) : undefined} id='chain-opening' />
                <MetaRow label='开标地点' value={doc.room} id='chain-room' />
              </View>
              <View className='card'>
                <Text className='card-title'>{`公告全流程（已发布 ${doc.notices.length} 条）`}</Text>
                <View className='td-timeline' role='list' aria-label='公告全流程'>
                  {doc.notices.map((notice) => (
                    <NoticeStep
                      key={notice.id}
                      notice={notice}
                      open={expanded[notice.id] ?? notice.id === latest}
                      onToggle={() => setExpanded((prev) => ({ ...prev, [notice.id]: !(prev[notice.id] ?? notice.id === latest) }))}
                    />
                  ))}
                  {doc.pendingStages.map((pending) => (
                    <View className='td-step td-step-pending' data-testid='chain-pending' data-stage={pending.stage} key={pending.stage} role='listitem'>
                      <View className='td-dot' aria-hidden='true' />
                      <Text className='td-step-label'>{pending.stageLabel}</Text>
                      <Text className='td-pending-text'>尚未发布</Text>
                    </View>
                  ))}
                </View>
              </View>
            </>
          );
        }}
      </RemoteView>
      {chain.data ? <ReportError title={chain.data.name} /> : null}
    </PageShell>
  );
}
