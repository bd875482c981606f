// Information-processing fees (国办函〔2020〕109号): charged only when requests are clearly excessive,
// either per application (the same applicant's applications in one calendar month) or per page,
// never both. Optional per agency and off by default (Zibo's 2023 report: no fees).

/** The fee for the applicant's n-th application in a calendar month: 1–10 free, 11–30 ¥100 each, then +¥100 per further band of 10. */
export function feePerApplication(nthInMonth: number): number {
  if (!Number.isInteger(nthInMonth) || nthInMonth < 1) throw new RangeError('nthInMonth must be a positive integer');
  if (nthInMonth <= 10) return 0;
  if (nthInMonth <= 30) return 100;
  return 100 * (2 + Math.floor((nthInMonth - 31) / 10));
}

/** The fee for a reply of `pages` pages, by tier: ≤30 free, pages 31–100 ¥10, 101–200 ¥20, beyond 200 ¥40 each. */
export function feePerPage(pages: number): number {
  if (!Number.isInteger(pages) || pages < 0) throw new RangeError('pages must be a non-negative integer');
  const tier = (from: number, to: number, rate: number) => Math.max(0, Math.min(pages, to) - from) * rate;
  return tier(30, 100, 10) + tier(100, 200, 20) + tier(200, Number.POSITIVE_INFINITY, 40);
}

/** The applicant pays within 20 working days counted from the day after the notice. */
export const FEE_PAYMENT_WORKING_DAYS = 20;
