// 搜索: one box over everything public (公开文件, 交易公告, 办事指南, …), narrowed by column and date.
// Hits are bold and underlined (never colour alone); a tap opens the item's own page. `?q=` starts a search.
import { useEffect, useRef, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Input, Picker, Text, View } from '@tarojs/components';
import { SEARCH_COLUMNS, SEARCH_QUERY_MAX } from '@/contracts/search';
import type { ActionOutput } from '@/contracts';
import { segments, type HighlightRange } from '@/domain/search/highlight';
import { ApiCallError, call } from '@/services/api';
import { PageShell } from '@/components/PageShell';
import { DemoBadge } from '@/components/DemoBadge';
import '../search.css';

type Answer = ActionOutput<'search', 'query'>;
type Result = Answer['results'][number];

interface Criteria {
  q: string;
  column: string;
  from: string;
  to: string;
}

interface Shown {
  criteria: Criteria;
  answer?: Answer;
  results: Result[];
  loading: boolean;
  error?: string;
}

const COLUMN_OPTIONS = [{ key: '', label: '全部栏目' }, ...SEARCH_COLUMNS];

/** Text with its hits as bold, underlined segments. */
function Marked({ text, ranges, testId }: { text: string; ranges: HighlightRange[]; testId: string }) {
  return (
    <>
      {segments(text, ranges).map((part, index) =>
        part.hit ? (
          <Text key={index} className='sr-hit' data-testid={`${testId}-hit`}>
            {part.text}
          </Text>
        ) : (
          <Text key={index}>{part.text}</Text>
        ),
      )}
    </>
  );
}

function ResultRow({ result, index }: { result: Result; index: number }) {
  return (
    <View
      className='list-item tap sr-result'
      id={`result-${index}`}
      data-testid='search-result'
      data-kind={result.kind}
      role='link'
      onClick={() => void Taro.navigateTo({ url: result.route })}
    >
      <Text className='sr-title' data-testid='result-title'>
        <Marked text={result.title} ranges={result.titleHighlights} testId='title' />
        {result.demo ? <DemoBadge /> : null}
      </Text>
      <Text className='sr-snippet' data-testid='result-snippet'>
        <Marked text={result.snippet} ranges={result.snippetHighlights} testId='snippet' />
      </Text>
      <Text className='muted list-item-meta'>{`${result.kindLabel === result.columnLabel ? result.kindLabel : `${result.kindLabel} · ${result.columnLabel}`} · ${result.date}`}</Text>
    </View>
  );
}

export default function SearchPage() {
  const { params } = useRouter();
  const initial = typeof params.q === 'string' ? decodeURIComponent(params.q).slice(0, SEARCH_QUERY_MAX) : '';
  const [text, setText] = useState(initial);
  const [column, setColumn] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [shown, setShown] = useState<Shown | undefined>();
  const latest = useRef(0);

  async function run(criteria: Criteria, page: number, previous: Result[]) {
    const ticket = ++latest.current;
    // Loading more keeps the answer shown; a new search starts afresh.
    setShown((current) => ({ criteria, results: previous, loading: true, ...(page > 1 && current?.answer ? { answer: current.answer } : {}) }));
    try {
      const answer = await call('search', 'query', {
        q: criteria.q,
        ...(criteria.column ? { column: criteria.column } : {}),
        ...(criteria.from ? { from: criteria.from } : {}),
        ...(criteria.to ? { to: criteria.to } : {}),
        page,
      });
      if (ticket !== latest.current) return;
      setShown({ criteria, answer, results: [...previous, ...answer.results], loading: false });
    } catch (error) {
      if (ticket !== latest.current) return;
      setShown({ criteria, results: previous, loading: false, error: error instanceof ApiCallError ? error.message : '搜索失败，请稍后重试' });
    }
  }

  function submit(next: Partial<Criteria> = {}) {
    const criteria = { q: text.trim(), column, from, to, ...next };
    if (!criteria.q) {
      setShown({ criteria, results: [], loading: false, error: '请输入搜索关键词' });
      return;
    }
    void run(criteria, 1, []);
  }

  useEffect(() => {
    if (initial.trim()) submit({ q: initial.trim() });
    // Only the query the page was opened with.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  /** Filters apply at once to a search already shown. */
  function changeFilter(next: Partial<Criteria>) {
    if (next.column !== undefined) setColumn(next.column);
    if (next.from !== undefined) setFrom(next.from);
    if (next.to !== undefined) setTo(next.to);
    if (shown?.criteria.q) submit({ q: shown.criteria.q, ...next });
  }

  const columnIndex = Math.max(0, COLUMN_OPTIONS.findIndex((c) => c.key === column));
  const columnLabel = COLUMN_OPTIONS[columnIndex]!.label;
  const answer = shown?.answer;
  const page = answer ? answer.page : 1;

  return (
    <PageShell testId='search'>
      <View className='card' role='search' aria-label='站内搜索'>
        <View className='sr-box'>
          <Input
            id='search-input'
            className='sr-input'
            value={text}
            maxlength={SEARCH_QUERY_MAX}
            placeholder='搜索公开文件、交易公告、办事指南'
            confirmType='search'
            aria-label='搜索关键词'
            onInput={(event) => setText(event.detail.value)}
            onConfirm={() => submit()}
          />
          <View id='search-submit' className='button' role='button' aria-label='搜索' onClick={() => submit()}>
            搜索
          </View>
        </View>
        <View className='sr-filters' role='group' aria-label='筛选'>
          <Picker
            mode='selector'
            id='filter-column'
            className='sr-filter'
            range={COLUMN_OPTIONS.map((c) => c.label)}
            value={columnIndex}
            onChange={(event) => changeFilter({ column: COLUMN_OPTIONS[Number(event.detail.value)]?.key ?? '' })}
          >
            <View className='sr-chip tap' role='button' aria-label={`栏目：${columnLabel}，点按更改`}>
              <Text id='filter-column-value'>{columnLabel}</Text>
              <Text aria-hidden='true'> ▾</Text>
            </View>
          </Picker>
          <Picker mode='date' id='filter-from' className='sr-filter' value={from || '2023-01-01'} start='2004-01-01' end={to || '2099-12-31'} onChange={(event) => changeFilter({ from: String(event.detail.value) })}>
            <View className='sr-chip tap' role='button' aria-label={`开始日期：${from || '不限'}，点按选择`}>
              <Text id='filter-from-value'>{from ? `自 ${from}` : '开始日期'}</Text>
            </View>
          </Picker>
          <Picker mode='date' id='filter-to' className='sr-filter' value={to || from || '2026-01-01'} start={from || '2004-01-01'} end='2099-12-31' onChange={(event) => changeFilter({ to: String(event.detail.value) })}>
            <View className='sr-chip tap' role='button' aria-label={`结束日期：${to || '不限'}，点按选择`}>
              <Text id='filter-to-value'>{to ? `至 ${to}` : '结束日期'}</Text>
            </View>
          </Picker>
          {from || to ? (
            <View id='filter-clear-dates' className='sr-chip tap sr-filter' role='button' aria-label='清除日期筛选' onClick={() => changeFilter({ from: '', to: '' })}>
              清除日期
            </View>
          ) : null}
        </View>
      </View>

      {shown?.error ? (
        <View className='state state-error' role='alert' id='search-error'>
          <Text>{shown.error}</Text>
        </View>
      ) : null}

      {answer ? (
        <View role='region' aria-label='搜索结果' aria-busy={shown?.loading}>
          <View className='sr-summary' id='search-count' role='status'>
            {answer.total === 0
              ? `未找到与“${shown!.criteria.q}”相关的内容`
              : `找到 ${answer.total} 条与“${shown!.criteria.q}”相关的结果${answer.truncated ? '（结果较多，仅显示最相关的部分，请缩小范围）' : ''}`}
          </View>
          {answer.matchMode === 'bigram' ? (
            <Text className='sr-summary muted' id='search-fuzzy'>
              没有完全一致的内容，以下是包含相近词语的结果。
            </Text>
          ) : null}
          {answer.facets.length > 1 ? (
            <View className='sr-facets' aria-label='各栏目结果数'>
              {answer.facets.map((facet) => (
                <Text key={facet.column} className='sr-facet muted' data-testid='facet'>{`${facet.columnLabel} ${facet.count}`}</Text>
              ))}
            </View>
          ) : null}
          {shown!.results.map((result, index) => (
            <ResultRow key={`${result.kind}:${result.route}:${index}`} result={result} index={index} />
          ))}
          {answer.total === 0 ? (
            <View className='card' id='search-empty'>
              <Text className='card-title'>无结果</Text>
              <Text className='muted sr-help'>建议：检查是否有错别字；换用更短或更常用的词语（如“开标”“保证金”）；用空格分开多个词语；减少栏目或日期筛选。</Text>
              <Text className='muted sr-help'>仍未找到所需信息的，可以通过“依申请公开”提出政府信息公开申请。</Text>
              <View id='search-apply' className='button button-secondary' role='link' onClick={() => void Taro.navigateTo({ url: '/packages/apply/index/index' })}>
                依申请公开
              </View>
            </View>
          ) : shown!.loading ? (
            <View className='list-end muted state' aria-busy='true'>
              正在搜索…
            </View>
          ) : shown!.results.length < answer.total ? (
            <View id='load-more' className='button button-secondary' role='button' onClick={() => void run(shown!.criteria, page + 1, shown!.results)}>
              加载更多
            </View>
          ) : (
            <View className='list-end muted state' id='list-end'>
              已显示全部
            </View>
          )}
        </View>
      ) : shown?.loading ? (
        <View className='list-end muted state' aria-busy='true'>
          正在搜索…
        </View>
      ) : null}
    </PageShell>
  );
}
