// Table 3 compiled from case records: the consistency rules hold for any history, every case is
// counted exactly once per year, and next year's 上年结转 equals this year's 结转下年度.
import fc from 'fast-check';
import { checkTable3 } from '@/domain/report/check';
import { compileTable3, type CaseForReport } from '@/domain/report/compile';
import { OUTCOME_KEYS, TABLE3_APPLICANT_COLUMNS, type ApplicantType } from '@/domain/report/tables';

const APPLICANT_TYPES = TABLE3_APPLICANT_COLUMNS.map((c) => c.key) as ApplicantType[];

const dateIn = (from: number, to: number) =>
  fc.integer({ min: Date.UTC(from, 0, 1), max: Date.UTC(to, 11, 31) }).map((ms) => new Date(ms).toISOString().slice(0, 10));

const caseArb: fc.Arbitrary<CaseForReport> = fc
  .record({
    applicantType: fc.constantFrom(...APPLICANT_TYPES),
    receiptDate: dateIn(2021, 2025),
    outcome: fc.option(fc.constantFrom(...OUTCOME_KEYS), { nil: undefined }),
    daysToEnd: fc.integer({ min: 0, max: 400 }),
  })
  .map(({ applicantType, receiptDate, outcome, daysToEnd }) => {
    const endedOn = new Date(Date.parse(`${receiptDate}T00:00:00Z`) + daysToEnd * 86_400_000).toISOString().slice(0, 10);
    return outcome ? { applicantType, receiptDate, outcome, endedOn } : { applicantType, receiptDate };
  });

describe('compileTable3', () => {
  it('reproduces the 2023 seed: five natural persons, all granted, nothing carried', () => {
    const cases: CaseForReport[] = ['2023-02-14', '2023-04-03', '2023-06-19', '2023-09-05', '2023-11-20'].map((receiptDate) => ({
      applicantType: 'natural',
      receiptDate,
      outcome: 'granted',
      endedOn: receiptDate.replace(/-(\d\d)$/, (_, d: string) => `-${String(Math.min(28, Number(d) + 7)).padStart(2, '0')}`),
    }));
    const table = compileTable3(cases, 2023);
    expect(table.newReceived).toEqual([5, 0, 0, 0, 0, 0, 5]);
    expect(table.granted).toEqual([5, 0, 0, 0, 0, 0, 5]);
    expect(table.resultsTotal).toEqual([5, 0, 0, 0, 0, 0, 5]);
    expect(table.carriedIn).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect(table.carriedOver).toEqual([0, 0, 0, 0, 0, 0, 0]);
  });

  it('carries a case received in December and answered in January into the next year', () => {
    const cases: CaseForReport[] = [{ applicantType: 'commercial', receiptDate: '2024-12-20', outcome: 'partial', endedOn: '2025-01-15' }];
    expect(compileTable3(cases, 2024).carriedOver).toEqual([0, 1, 0, 0, 0, 0, 1]);
    const next = compileTable3(cases, 2025);
    expect(next.carriedIn).toEqual([0, 1, 0, 0, 0, 0, 1]);
    expect(next.partial).toEqual([0, 1, 0, 0, 0, 0, 1]);
    expect(next.newReceived).toEqual([0, 0, 0, 0, 0, 0, 0]);
  });

  it('satisfies every consistency rule for any case history', () => {
    fc.assert(
      fc.property(fc.array(caseArb, { maxLength: 60 }), fc.integer({ min: 2021, max: 2025 }), (cases, year) => {
        expect(checkTable3(compileTable3(cases, year))).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('counts each case exactly once per year it is open in, and chains 结转 from year to year', () => {
    fc.assert(
      fc.property(fc.array(caseArb, { maxLength: 60 }), (cases) => {
        for (let year = 2021; year <= 2025; year++) {
          const table = compileTable3(cases, year);
          const open = cases.filter((c) => c.receiptDate <= `${year}-12-31` && !(c.outcome && c.endedOn! < `${year}-01-01`));
          expect(table.newReceived[6]! + table.carriedIn[6]!).toBe(open.length);
          expect(compileTable3(cases, year + 1).carriedIn).toEqual(table.carriedOver);
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('compileTable4', () => {
  it('counts appeals filed in the year by their result at the year’s end', async () => {
    const { compileTable4 } = await import('@/domain/report/compile');
    const { checkTable4 } = await import('@/domain/report/check');
    const table = compileTable4(
      [
        { kind: 'review', filedOn: '2025-03-01', result: 'upheld', decidedOn: '2025-05-01' },
        { kind: 'review', filedOn: '2025-11-01', result: 'corrected', decidedOn: '2026-01-10' }, // undecided at year end
        { kind: 'litigationDirect', filedOn: '2025-06-01', result: 'other', decidedOn: '2025-09-01' },
        { kind: 'litigationAfterReview', filedOn: '2024-12-30', result: 'upheld', decidedOn: '2025-02-01' }, // filed the year before
      ],
      2025,
    );
    expect(table).toEqual({ review: [1, 0, 0, 1, 2], litigationDirect: [0, 0, 1, 0, 1], litigationAfterReview: [0, 0, 0, 0, 0] });
    expect(checkTable4(table)).toEqual([]);
  });
});

describe('compileTable2', () => {
  it('counts documents issued, repealed and in force at the year’s end, plus the entered figures', async () => {
    const { compileTable2 } = await import('@/domain/report/compile');
    const table = compileTable2(
      [
        { kind: 'normative', issuedOn: '2023-05-01' },
        { kind: 'normative', issuedOn: '2022-01-01', repealedOn: '2023-06-01' },
        { kind: 'normative', issuedOn: '2021-01-01' },
        { kind: 'regulation', issuedOn: '2024-01-01' },
      ],
      { licensing: 3, penalties: 0, enforcement: 1, feesWan: 0.5 },
      2023,
    );
    expect(table).toEqual({
      regulations: { issued: 0, repealed: 0, inForce: 0 },
      normativeDocuments: { issued: 1, repealed: 1, inForce: 2 },
      licensing: { decisions: 3 },
      penalties: { decisions: 0 },
      enforcement: { decisions: 1 },
      fees: { amountWan: 0.5 },
    });
  });
});
