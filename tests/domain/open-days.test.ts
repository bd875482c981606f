// 平台开放日 rules: states, the sign-up window, the 24-hour cancellation cut-off, and (property-style)
// that no sequence of sign-ups and cancellations ever exceeds the capacity or gives anyone two places.
import fc from 'fast-check';
import {
  cancelDeadline,
  cancelRefusal,
  checkEventDraft,
  eventState,
  OPEN_DAY_STATE_LABELS,
  releasePlace,
  remainingPlaces,
  shanghaiInstant,
  signUpRefusal,
  takePlace,
  toShanghaiIso,
  type OpenDayTimes,
  type PlaceBook,
} from '@/domain/open-days/rules';

const event: OpenDayTimes = {
  startsAt: '2026-03-20T09:00:00+08:00',
  endsAt: '2026-03-20T11:30:00+08:00',
  signUpOpensAt: '2026-03-01T09:00:00+08:00',
  signUpClosesAt: '2026-03-18T17:00:00+08:00',
  capacity: 2,
  taken: 0,
  cancelled: false,
};
const at = (iso: string) => new Date(iso);

describe('open day states', () => {
  it('goes 未开始报名 → 报名中 → 已满 / 报名截止 → 已结束, and 已取消 wins', () => {
    const state = (e: OpenDayTimes, now: string) => OPEN_DAY_STATE_LABELS[eventState(e, at(now))];
    expect(state(event, '2026-02-28T12:00:00+08:00')).toBe('未开始报名');
    expect(state(event, '2026-03-01T09:00:00+08:00')).toBe('报名中');
    expect(state({ ...event, taken: 2 }, '2026-03-10T09:00:00+08:00')).toBe('已满');
    expect(state({ ...event, taken: 2 }, '2026-03-18T17:00:00+08:00')).toBe('报名截止');
    expect(state(event, '2026-03-20T10:00:00+08:00')).toBe('报名截止');
    expect(state(event, '2026-03-20T11:30:00+08:00')).toBe('已结束');
    expect(state({ ...event, cancelled: true }, '2026-03-10T09:00:00+08:00')).toBe('已取消');
    expect(state({ ...event, capacity: null }, '2026-03-10T09:00:00+08:00')).toBe('报名截止');
  });

  it('says why a sign-up is refused', () => {
    expect(signUpRefusal(event, at('2026-03-10T00:00:00Z'))).toBeNull();
    expect(signUpRefusal({ ...event, taken: 2 }, at('2026-03-10T00:00:00Z'))).toMatch(/名额已满/);
    expect(signUpRefusal(event, at('2026-03-19T00:00:00Z'))).toBe('报名已截止');
    expect(signUpRefusal(event, at('2026-02-01T00:00:00Z'))).toBe('报名尚未开始（2026-03-01 09:00 开始）');
    expect(remainingPlaces({ capacity: 2, taken: 1 })).toBe(1);
    expect(remainingPlaces({ capacity: null, taken: 0 })).toBeNull();
  });

  it('allows cancelling until 24 hours before the start, in Shanghai time', () => {
    expect(cancelDeadline(event)).toBe('2026-03-19T09:00:00+08:00');
    expect(cancelRefusal(event, at('2026-03-19T08:59:59+08:00'))).toBeNull();
    expect(cancelRefusal(event, at('2026-03-19T09:00:00+08:00'))).toMatch(/24 小时内不能在线取消报名（截至 2026-03-19 09:00）/);
    expect(cancelRefusal({ ...event, cancelled: true }, at('2026-03-10T00:00:00Z'))).toMatch(/活动已取消/);
  });

  it('writes instants with the +08:00 offset whatever the process time zone', () => {
    expect(shanghaiInstant('2026-03-20', '09:00')).toBe('2026-03-20T09:00:00+08:00');
    expect(toShanghaiIso('2026-03-19T18:30:00Z')).toBe('2026-03-20T02:30:00+08:00');
  });
});

describe('a new event', () => {
  const now = at('2026-03-01T09:00:00+08:00');
  const draft = { date: '2026-03-20', startTime: '09:00', endTime: '11:30', signUpCloseDate: '2026-03-18', signUpCloseTime: '17:00', capacity: 30 };

  it('is accepted when it lies ahead and sign-up closes before it starts', () => {
    expect(checkEventDraft(draft, now)).toEqual([]);
  });

  it('is refused with a message for each field that is wrong', () => {
    expect(checkEventDraft({ ...draft, date: '2026-02-20', signUpCloseDate: '2026-02-19' }, now).map((p) => p.path)).toEqual(['date', 'signUpCloseDate']);
    expect(checkEventDraft({ ...draft, endTime: '08:00' }, now)).toEqual([{ path: 'endTime', message: '结束时间应晚于开始时间' }]);
    expect(checkEventDraft({ ...draft, signUpCloseDate: '2026-03-20', signUpCloseTime: '09:00' }, now)).toEqual([{ path: 'signUpCloseDate', message: '报名截止时间应早于活动开始时间' }]);
    expect(checkEventDraft({ ...draft, capacity: 0 }, now)[0]?.path).toBe('capacity');
    expect(checkEventDraft({ ...draft, capacity: 201 }, now)[0]?.path).toBe('capacity');
  });
});

describe('places (property-style)', () => {
  type Op = { kind: 'take' | 'release'; person: number; minute: number };
  const opArb: fc.Arbitrary<Op> = fc.record({
    kind: fc.constantFrom('take' as const, 'release' as const),
    person: fc.integer({ min: 0, max: 12 }),
    // Minutes after sign-up opens, across the whole window and past the cut-off.
    minute: fc.integer({ min: 0, max: 20 * 24 * 60 }),
  });

  it('never exceeds the capacity, never gives one person two places, and keeps the counter equal to the holders', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 8 }), fc.array(opArb, { maxLength: 80 }), (capacity, ops) => {
        let book: PlaceBook = { event: { ...event, capacity }, holders: new Set() };
        const opens = Date.parse(event.signUpOpensAt);
        // Time only moves forward.
        const sorted = [...ops].sort((a, b) => a.minute - b.minute);
        for (const op of sorted) {
          const now = opens + op.minute * 60_000;
          const before = book;
          const result = op.kind === 'take' ? takePlace(book, `p${op.person}`, now) : releasePlace(book, `p${op.person}`, now);
          if (result.ok) book = result.book;
          expect(book.event.taken).toBeLessThanOrEqual(capacity);
          expect(book.event.taken).toBe(book.holders.size);
          if (!result.ok) expect(book).toBe(before);
          if (result.ok && op.kind === 'take') expect(before.holders.has(`p${op.person}`)).toBe(false);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('frees a cancelled place for someone else while sign-up is open', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 6 }), (capacity) => {
        const now = Date.parse('2026-03-10T09:00:00+08:00');
        let book: PlaceBook = { event: { ...event, capacity }, holders: new Set() };
        for (let i = 0; i < capacity; i++) {
          const r = takePlace(book, `p${i}`, now);
          if (!r.ok) throw new Error(r.reason);
          book = r.book;
        }
        expect(eventState(book.event, now)).toBe('full');
        expect(takePlace(book, 'late', now).ok).toBe(false);
        const freed = releasePlace(book, 'p0', now);
        if (!freed.ok) throw new Error(freed.reason);
        expect(eventState(freed.book.event, now)).toBe('open');
        expect(takePlace(freed.book, 'late', now).ok).toBe(true);
      }),
      { numRuns: 20 },
    );
  });
});
