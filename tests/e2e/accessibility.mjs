// Automated accessibility scan of the H5 build with axe-core (injected as a script: the
// @axe-core/playwright wrapper needs a newer Node than ours). Fails on serious or critical
// violations of WCAG 2.1 A/AA, listing each with the offending elements.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** Citizen-facing pages scanned in normal and elder mode, each with its page's test id. */
export const SCANNED_PAGES = [
  { path: '/pages/index/index', testId: 'home' },
  { path: '/pages/catalogue/index', testId: 'catalogue' },
  { path: '/packages/catalogue/detail/index?id=demo-gzzd-00001', testId: 'catalogue-detail' },
  { path: '/packages/report/list/index', testId: 'report-list' },
  { path: '/packages/report/detail/index?year=2023', testId: 'report-detail' },
  { path: '/packages/about/contact/index', testId: 'contact' },
  { path: '/packages/apply/index/index', testId: 'apply-home' },
  { path: '/packages/apply/form/index', testId: 'apply-form' },
  { path: '/packages/apply/calculator/index', testId: 'apply-calculator' },
  { path: '/packages/rate/index/index', testId: 'rate-home' },
  { path: '/packages/rate/stats/index', testId: 'rate-stats' },
  { path: '/packages/consult/list/index', testId: 'consult-list' },
  { path: '/packages/trading/list/index', testId: 'trading-list' },
  { path: '/packages/trading/hall/index', testId: 'trading-hall' },
  { path: '/packages/trading/stats/index', testId: 'trading-stats' },
  { path: '/packages/trading/chain/index?id=demo-prj-004', testId: 'trading-chain' },
  { path: '/packages/follow/index/index', testId: 'follow' },
  { path: '/packages/follow/messages/index', testId: 'messages' },
  { path: '/packages/articles/list/index', testId: 'articles-list' },
  { path: '/packages/articles/detail/index?id=demo-art-001', testId: 'article-detail' },
  { path: '/packages/policy/list/index', testId: 'policy-list' },
  { path: '/packages/policy/interpretation/index?id=demo-itp-01', testId: 'policy-interpretation' },
  { path: '/packages/policy/meetings/index', testId: 'policy-meetings' },
  { path: '/packages/policy/meeting/index?id=demo-mtg-2023-zr1', testId: 'policy-meeting' },
  { path: '/packages/policy/stats/index', testId: 'policy-stats' },
  { path: '/packages/opendays/list/index', testId: 'opendays-list' },
  { path: '/packages/opendays/detail/index?id=od-demo-01', testId: 'openday-detail' },
  { path: '/packages/guides/list/index', testId: 'guides-list' },
  { path: '/packages/guides/detail/index?id=demo-guide-001', testId: 'guide-detail' },
  { path: '/packages/guides/parcels/index', testId: 'parcels' },
  { path: '/packages/guides/parcel/index?id=demo-parcel-001', testId: 'parcel-detail' },
  { path: '/packages/guides/showcase/index', testId: 'showcase' },
  { path: `/packages/search/index/index?q=${encodeURIComponent('开标')}`, testId: 'search' },
  { path: '/packages/questions/list/index', testId: 'questions-list' },
  { path: '/packages/questions/ask/index', testId: 'questions-ask' },
  { path: '/packages/questions/mine/index', testId: 'questions-mine' },
  { path: '/packages/questions/detail/index?id=demo-question-1', testId: 'question-detail' },
  { path: `/packages/feedback/form/index?route=${encodeURIComponent('/packages/catalogue/detail/index?id=demo-gzzd-00001')}&title=${encodeURIComponent('公共资源交易服务规程')}`, testId: 'feedback-form' },
  { path: '/packages/feedback/mine/index', testId: 'feedback-mine' },
];

const BLOCKING = new Set(['serious', 'critical']);

/** Runs axe on the current document; returns the blocking violations, one line each. */
export async function blockingViolations(page) {
  // Evaluated through the DevTools protocol: the app's CSP (rightly) refuses injected <script> tags.
  if (!(await page.evaluate(() => typeof window.axe !== 'undefined'))) await page.evaluate(AXE_SOURCE);
  const result = await page.evaluate(async () => {
    // Taro keeps earlier pages of the stack hidden in the DOM; scan only what is shown.
    const results = await window.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
      resultTypes: ['violations'],
    });
    return results.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.slice(0, 3).map((n) => `${n.target.join(' ')}${n.failureSummary ? ` (${n.failureSummary.split('\n').slice(1, 2).join('').trim()})` : ''}`),
      count: v.nodes.length,
    }));
  });
  return result.filter((v) => BLOCKING.has(v.impact)).map((v) => `${v.impact} ${v.id} ×${v.count}: ${v.help} — ${v.targets.join('; ')}`);
}

/** Elder-mode figures (工信部 2021): text at least 18 px, tap targets at least 60 × 60 px. */
export const ELDER_MIN_FONT_PX = 18;
export const ELDER_MIN_TARGET_PX = 60;

/** Visible text smaller than, and tap targets under, the elder-mode minimums; one line each. */
export async function elderShortfalls(page, testId) {
  return page.evaluate(
    ({ testId, minFont, minTarget }) => {
      const root = [...document.querySelectorAll(`[data-testid="${testId}"]`)].find((el) => el.getClientRects().length > 0);
      if (!root) return [`no visible [data-testid=${testId}]`];
      const describe = (el) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.className && typeof el.className === 'string' ? `.${el.className.trim().split(/\s+/).join('.')}` : ''} "${(el.textContent ?? '').trim().slice(0, 16)}"`;
      const shown = (el) => {
        const box = el.getBoundingClientRect();
        const style = getComputedStyle(el);
        return box.width > 0 && box.height > 0 && style.visibility !== 'hidden' && style.display !== 'none';
      };
      const problems = [];
      const targets = root.querySelectorAll('[role=button],[role=link],[role=tab],[role=switch],[role=checkbox],[role=radio],input,textarea');
      for (const el of targets) {
        if (!shown(el)) continue;
        // A target may be the visible part of a larger tappable parent (.tap rows): measure that.
        const tappable = el.closest('.tap') ?? el;
        const box = tappable.getBoundingClientRect();
        if (box.height < minTarget - 0.5 || box.width < minTarget - 0.5) problems.push(`tap target ${Math.round(box.width)}×${Math.round(box.height)} px: ${describe(el)}`);
      }
      const walker = document.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
      const seen = new Set();
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const el = node.parentElement;
        if (!el || seen.has(el) || !node.textContent.trim() || !shown(el)) continue;
        seen.add(el);
        const size = parseFloat(getComputedStyle(el).fontSize);
        if (size < minFont - 0.05) problems.push(`text ${size.toFixed(1)} px: ${describe(el)}`);
      }
      return problems;
    },
    { testId, minFont: ELDER_MIN_FONT_PX, minTarget: ELDER_MIN_TARGET_PX },
  );
}
