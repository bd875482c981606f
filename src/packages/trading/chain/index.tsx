// 一链式全读: one project's header (with its badge and a 关注此项目 switch), then every notice in chain
// order as a timeline (each expandable; a candidate publicity shows its countdown and objection
// deadline), followed by the stages not reached yet ("尚未发布", said in words, not only greyed).
import { useEffect, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { ApiCallError, call } from '@/services/api';
import { isFollowingProject, toggleFollow, type Follow } from '@/services/follow';
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
      {notice.publicity ? (
        <Text className={notice.publicity.daysLeft > 0 ? 'td-publicity td-publicity-open' : 'td-publicity'} data-testid='publicity' id={`publicity-${notice.id}`}>
          {notice.publicity.text}
        </Text>
      ) : null}
      {notice.signUpEnds ? <Text className='muted td-step-date'>{`报名截止 ${formatDate(notice.signUpEnds)}`}</Text> : null}
      {notice.bidders?.length ? (
        <Text className='muted td-step-date' data-testid='notice-bidders'>{`涉及投标人：${notice.bidders.join('、')}`}</Text>
      ) : null}
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
        aria-label={`${open ? '收起全文' : '展开全文'}：${notice.stageLabel}`}
        onClick={onToggle}
      >
        {open ? '收起全文' : '展开全文'}
      </View>
    </View>
  );
}

/** 关注此项目: its change, candidates and result notices arrive as subscription messages. */
function FollowProject({ projectId }: { projectId: string }) {
  const [follows, setFollows] = useState<Follow[]>();
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    call('subscriptions', 'mine', {}).then((answer) => setFollows(answer.follows), () => setFollows(undefined));
  }, []);
  const following = follows ? isFollowingProject(follows, projectId) : false;
  function tap() {
    if (busy) return;
    setBusy(true);
    // toggleFollow asks for WeChat's consent synchronously, inside this tap.
    toggleFollow({ column: 'announcements', projectId }, following)
      .then((next) => {
        setFollows(next);
        void Taro.showToast({ title: following ? '已取消关注' : '已关注，有新公告时通知您', icon: 'none' });
      })
      .catch((cause: unknown) => void Taro.showToast({ title: cause instanceof ApiCallError ? cause.message : '操作失败，请稍后重试', icon: 'none' }))
      .finally(() => setBusy(false));
  }
  return (
    <View id='follow-project' className='button button-secondary' role='switch' aria-checked={following} data-state={following ? 'on' : 'off'} onClick={tap}>
      {following ? '✓ 已关注此项目' : '关注此项目'}
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
                <View className='td-tags'>
                  <Text className={`td-tag td-badge td-badge-${doc.badge.key}`} id='chain-badge'>
                    {doc.badge.label}
                  </Text>
                </View>
                <MetaRow label='项目编号' value={doc.code} id='chain-code' />
                <MetaRow label='交易类型' value={doc.typeLabel} id='chain-type' />
                <MetaRow label='交易地区' value={doc.districtLabel} id='chain-district' />
                <MetaRow label='当前阶段' value={doc.stageLabel} id='chain-stage' />
                <MetaRow label='招标人（采购人）' value={doc.owner} id='chain-owner' />
                <MetaRow label='预算（控制价）' value={doc.budget} id='chain-budget' />
                <MetaRow label='报名截止' value={doc.signUpEnds} id='chain-signup' />
                <MetaRow label='开标时间' value={doc.openingAt ? formatDateTime(doc.openingAt) : undefined} id='chain-opening' />
                <MetaRow label='开标地点' value={doc.room} id='chain-room' />
                <FollowProject projectId={doc.id} />
                <Text className='muted list-item-meta'>关注后，该项目发布变更（澄清）、中标候选人或结果公告时会通知您。</Text>
              </View>
              <View className='card'>
                <Text className='card-title'>{`公告全流程（已发布 ${doc.notices.length} 条）`}</Text>
                {doc.masked && doc.notices.some((n) => n.bidders?.length) ? (
                  <Text className='muted list-item-meta' id='chain-masked-note'>
                    依规定，中标候选人公示前不公开投标人名称，招标、变更公告中的投标人名称已部分隐去。
                  </Text>
                ) : null}
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
