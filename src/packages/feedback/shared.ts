// Small helpers shared by the 找错 pages (packages/feedback only).
export const FEEDBACK_PAGE_ROUTES = {
  form: '/packages/feedback/form/index',
  mine: '/packages/feedback/mine/index',
} as const;

/** 32 characters of base36 from the clock and Math.random: unique enough for one person's submits. */
export function newIdempotencyKey(): string {
  let key = `fix${Date.now().toString(36)}`;
  while (key.length < 32) key += Math.floor(Math.random() * 36).toString(36);
  return key;
}

/** 2026-03-16 → 2026年3月16日. */
export function formatDate(iso: string): string {
  const [year, month, day] = iso.split('-');
  if (!year || !month || !day) return iso;
  return `${year}年${Number(month)}月${Number(day)}日`;
}
