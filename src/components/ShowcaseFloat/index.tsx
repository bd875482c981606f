// The home page's 飘窗 (floating window) showing trading innovations (the seed report: "借助网站飘窗展示
// 首宗广告位使用权、猕猴桃采摘权等交易创新突破"). Bottom-left, clear of the 评价 button (bottom-right);
// closed with its × (tap, or Enter/Space when focused) or Escape on the web, and stays closed for the
// rest of the day on this device. Never shown in 长辈版 (no pop-ups for the elderly, 工信部 2021).
import { useEffect, useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { ActionOutput } from '@/contracts';
import { shanghaiDate } from '@/domain/calendar/dates';
import { showcaseFloatVisible } from '@/domain/guides/showcase';
import { useElderMode } from '@/hooks/useElderMode';
import { call } from '@/services/api';

const STORAGE_KEY = 'showcaseFloatDismissedOn';
const SHOWCASE_ROUTE = '/packages/guides/showcase/index';
const CHAIN_ROUTE = (id: string) => `/packages/trading/chain/index?id=${encodeURIComponent(id)}`;
/** How many cases the window itself lists; the rest are on the showcase page. */
const SHOWN = 2;

type Case = ActionOutput<'guides', 'listShowcase'>['items'][number];

// NOTE: inline px like RateFloat: the float's size must not depend on the design-width transform.
const FLOAT_STYLE = {
  position: 'fixed',
  left: '12px',
  bottom: '32px',
  zIndex: 100,
  width: '216px',
  maxWidth: 'calc(100% - 104px)',
  background: '#fff',
  border: '2px solid #b71c1c',
  borderRadius: '10px',
  boxShadow: '0 2px 10px rgba(0, 0, 0, 0.25)',
  padding: '8px 10px',
  fontSize: '14px',
  lineHeight: 1.5,
  boxSizing: 'border-box',
} as const;
const HEAD_STYLE = { display: 'flex', alignItems: 'center', justifyContent: 'space-between' } as const;
const CLOSE_STYLE = { minWidth: '44px', minHeight: '44px', display: 'flex', alignItems: 'center', justifyContent: 'center', fontSize: '22px', color: '#3a3a3a', margin: '-8px -10px -8px 0' } as const;
const ITEM_STYLE = { display: 'block', padding: '6px 0', color: '#1f1f1f', borderTop: '1px dashed #eee' } as const;
const MORE_STYLE = { display: 'block', paddingTop: '6px', color: '#b71c1c', fontWeight: 600 } as const;

function readDismissed(): unknown {
  try {
    return Taro.getStorageSync(STORAGE_KEY);
  } catch {
    return '';
  }
}

export function ShowcaseFloat() {
  const [elder] = useElderMode();
  const [cases, setCases] = useState<Case[]>([]);
  const [dismissedOn, setDismissedOn] = useState<unknown>(readDismissed);
  const today = shanghaiDate(new Date());
  const visible = showcaseFloatVisible({ elder, caseCount: cases.length, dismissedOn, today });

  useEffect(() => {
    if (elder || dismissedOn === today) return;
    let live = true;
    // A missing showcase is no error for the home page: the window simply does not appear.
    call('guides', 'listShowcase', { limit: 10 }).then(
      (answer) => live && setCases(answer.items),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [elder, dismissedOn, today]);

  function dismiss() {
    try {
      Taro.setStorageSync(STORAGE_KEY, today);
    } catch {
      // Storage unavailable: closed for this visit only.
    }
    setDismissedOn(today);
  }

  useEffect(() => {
    if (process.env.TARO_ENV !== 'h5' || !visible) return;
    // Keyboard on the web: Escape closes from anywhere; Enter/Space on the focused ×.
    const onKey = (event: KeyboardEvent) => {
      const onClose = (event.target as Element | null)?.closest?.('#showcase-close');
      if (event.key === 'Escape' || (onClose && (event.key === 'Enter' || event.key === ' '))) {
        event.preventDefault();
        dismiss();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [visible]);

  if (!visible) return null;
  // NOTE: Taro's View has no tabIndex in its types; on h5 the attribute makes the × reachable by Tab.
  const focusable = process.env.TARO_ENV === 'h5' ? ({ tabIndex: 0 } as object) : {};
  return (
    <>
      {/* Room at the end of the page, so the last columns can be scrolled clear of the window. */}
      <View style={{ height: '160px' }} aria-hidden='true' />
      <View id='showcase-float' data-testid='showcase-float' role='region' aria-label='交易创新展示（飘窗）' style={FLOAT_STYLE}>
        <View style={HEAD_STYLE}>
          <Text style={{ fontWeight: 600, color: '#b71c1c' }}>交易创新</Text>
          <View id='showcase-close' role='button' aria-label='关闭交易创新飘窗（今日不再显示）' style={CLOSE_STYLE} onClick={dismiss} {...focusable}>
            <Text aria-hidden='true'>×</Text>
          </View>
        </View>
        {cases.slice(0, SHOWN).map((item) => (
          <View
            key={item.id}
            id={`showcase-float-${item.id}`}
            data-testid='showcase-float-case'
            role='link'
            aria-label={`${item.title}，${item.period}${item.demo ? '（演示）' : ''}`}
            style={ITEM_STYLE}
            onClick={() => void Taro.navigateTo({ url: item.projectId ? CHAIN_ROUTE(item.projectId) : SHOWCASE_ROUTE })}
            {...focusable}
          >
            {item.title}
          </View>
        ))}
        <View id='showcase-more' role='link' aria-label={`查看全部 ${cases.length} 个交易创新案例`} style={MORE_STYLE} onClick={() => void Taro.navigateTo({ url: SHOWCASE_ROUTE })} {...focusable}>
          {`查看全部（${cases.length}）›`}
        </View>
      </View>
    </>
  );
}
