// 意见征集: the published consultations by phase (征集中 / 已截止 / 已反馈 / 全部), each with its kind,
// period, how many comments are shown and the days left to comment. A tap opens the draft.
import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { call } from '@/services/api';
import { useRemote } from '@/hooks/useRemote';
import { PageShell } from '@/components/PageShell';
import { RemoteView } from '@/components/RemoteView';
import { CONSULT_ROUTES, daysLeftText, PHASE_TABS, periodText, type ConsultationSummary } from '../shared';
import '../consult.css';

type TabKey = (typeof PHASE_TABS)[number]['key'];

function ConsultationRow({ item }: { item: ConsultationSummary }) {
  const left = daysLeftText(item);
  return (
    <View
      className='list-item tap cs-item'
      data-testid='consultation'
      data-phase={item.phase}
      id={`consultation-${item.id}`}
      role='link'
      aria-label={`${item.title}，${item.kindLabel}，${item.phaseLabel}${left ? `，${left}` : ''}，已公开意见 ${item.commentCount} 条`}
      onClick={() => void Taro.navigateTo({ url: CONSULT_ROUTES.detail(item.id) })}
    >
      <View className='cs-item-head'>
        <Text className='cs-item-title'>{item.title}</Text>
        <Text className='cs-item-arrow' aria-hidden='true'>
          ›
        </Text>
      </View>
      <View className='cs-item-meta'>
        <Text className='cs-tag cs-tag-kind'>{item.kindLabel}</Text>
        <Text className={`cs-tag cs-phase-${item.phase}`} data-testid='consultation-phase'>
          {item.phaseLabel}
        </Text>
      </View>
      <Text className='muted cs-item-period'>{`征集期 ${periodText(item)}`}</Text>
      <View className='cs-item-foot'>
        <Text className='muted' data-testid='consultation-count'>{`已公开意见 ${item.commentCount} 条`}</Text>
        {left ? (
          <Text className={item.daysLeft === 0 ? 'cs-left cs-left-today' : 'cs-left'} data-testid='consultation-left'>
            {left}
          </Text>
        ) : null}
      </View>
    </View>
  );
}

export default function ConsultList() {
  const [tab, setTab] = useState<TabKey>('open');
  const phase = tab === 'all' ? undefined : tab;
  // Coming back from a consultation (e.g. after commenting) shows the counts as they are now.
  const list = useRemote(() => call('consultations', 'list', phase ? { phase } : {}), [phase], { refreshOnShow: true });
  const current = PHASE_TABS.find((entry) => entry.key === tab) ?? PHASE_TABS[0]!;

  return (
    <PageShell testId='consult-list'>
      <View className='header'>
        <Text className='header-title'>意见征集</Text>
        <Text className='header-sub'>规章草案、规范性文件和重大决策公开征求意见；征集结束后公布意见采纳情况</Text>
      </View>
      <View className='cs-tabs' role='tablist' aria-label='按阶段查看'>
        {PHASE_TABS.map((entry) => (
          <View
            key={entry.key}
            id={`phase-${entry.key}`}
            className={entry.key === tab ? 'cs-tab tap cs-tab-active' : 'cs-tab tap'}
            role='tab'
            aria-selected={entry.key === tab}
            onClick={() => setTab(entry.key)}
          >
            {entry.label}
          </View>
        ))}
      </View>
      <RemoteView state={list}>
        {(items) =>
          items.length === 0 ? (
            <View className='cs-empty' id='consult-empty' role='status'>
              <Text className='cs-empty-title'>{current.empty}</Text>
              <Text className='muted cs-empty-text'>
                {tab === 'open'
                  ? '新的征集事项发布后会在这里显示，征集期内均可提出意见。往期征集的意见和采纳情况，可在“已截止”“已反馈”中查看。'
                  : '可切换到其他阶段查看。'}
              </Text>
              {tab !== 'all' ? (
                <View className='button button-secondary' id='consult-empty-all' role='button' onClick={() => setTab('all')}>
                  查看全部征集事项
                </View>
              ) : null}
            </View>
          ) : (
            <View className='card cs-list' role='list' aria-label={`${current.label}的征集事项`}>
              <Text className='card-title cs-list-title'>{`${current.label}（共 ${items.length} 项）`}</Text>
              {items.map((item) => (
                <ConsultationRow key={item.id} item={item} />
              ))}
            </View>
          )
        }
      </RemoteView>
    </PageShell>
  );
}
