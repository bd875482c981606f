// Pure rules of the home page's 飘窗 (floating window) for the trading-innovation showcase: when it
// may show. No Taro, no I/O.

/**
 * Whether the floating window shows: never in 长辈版 (no pop-ups for the elderly, 工信部 2021), never
 * without content, and not again on the day the person closed it (`dismissedOn` is what was stored
 * then; anything else stored is ignored).
 */
export function showcaseFloatVisible(options: { elder: boolean; caseCount: number; dismissedOn: unknown; today: string }): boolean {
  if (options.elder || options.caseCount === 0) return false;
  return options.dismissedOn !== options.today;
}
