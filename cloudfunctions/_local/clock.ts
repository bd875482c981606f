// Local mode only: a clock that runs like the real one but can start at, or jump to, another instant
// (LOCAL_CLOCK_START, or POST /local/clock), so deadlines, consultation periods and reminders can be
// exercised without waiting. CloudBase always uses the system clock.
import type { Clock } from '../_lib/ports/clock';

export interface AdjustableClock extends Clock {
  /** Moves the clock to `instant`; it keeps running from there. */
  set(instant: Date): void;
}

export function adjustableClock(start?: string): AdjustableClock {
  let offset = 0;
  if (start) {
    const origin = Date.parse(start);
    if (Number.isNaN(origin)) throw new Error(`LOCAL_CLOCK_START must be an ISO date-time, got ${start}`);
    offset = origin - Date.now();
  }
  return {
    now: () => new Date(Date.now() + offset),
    set(instant) {
      offset = instant.getTime() - Date.now();
    },
  };
}
