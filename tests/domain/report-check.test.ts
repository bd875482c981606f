import { checkReportTables, checkTable3, checkTable4, table3GroupTotals } from '@/domain/report/check';
import { emptyTable3, emptyTable4, TABLE3_ROW_KEYS, type Table2, type Table3 } from '@/domain/report/tables';

const zeroTable2: Table2 = {
  regulations: { issued: 0, repealed: 0, inForce: 0 },
  normativeDocuments: { issued: 0, repealed: 0, inForce: 0 },
  licensing: { decisions: 0 },
  penalties: { decisions: 0 },
  enforcement: { decisions: 0 },
  fees: { amountWan: 0 },
};

/** A consistent Table 3: 3 natural persons + 2 companies received, 1 carried in, outcomes, 1 carried over. */
function consistentTable3(): Table3 {
  const t = emptyTable3();
  t.newReceived = [3, 2, 0, 0, 0, 0, 5];
  t.carriedIn = [1, 0, 0, 0, 0, 0, 1];
  t.granted = [2, 1, 0, 0, 0, 0, 3];
  t.refusedThirdPartyRights = [1, 0, 0, 0, 0, 0, 1];
  t.unableNotHeld = [0, 1, 0, 0, 0, 0, 1];
  t.resultsTotal = [3, 2, 0, 0, 0, 0, 5];
  t.carriedOver = [1, 0, 0, 0, 0, 0, 1];
  return t;
}

describe('Table 3 consistency rules', () => {
  it('accepts a consistent table', () => {
    expect(checkTable3(consistentTable3())).toEqual([]);
  });

  it('has 25 numeric rows', () => {
    expect(TABLE3_ROW_KEYS).toHaveLength(25);
  });

  it('names the cell when 一 + 二 ≠ 三（七） + 四', () => {
    const t = consistentTable3();
    t.carriedOver = [2, 0, 0, 0, 0, 0, 2];
    const violations = checkTable3(t);
    expect(violations.map((v) => [v.rule, v.cell])).toEqual([
      ['balance', 'carriedOver/natural'],
      ['balance', 'carriedOver/total'],
    ]);
    expect(violations[0]!.message).toContain('自然人');
  });

  it('checks （七）总计 against the sum of every outcome row', () => {
    const t = consistentTable3();
    t.resultsTotal = [4, 2, 0, 0, 0, 0, 6];
    t.carriedOver = [0, 0, 0, 0, 0, 0, 0];
    expect(checkTable3(t).map((v) => v.cell)).toEqual(['resultsTotal/natural', 'resultsTotal/total']);
  });

  it('checks the 总计 column against the applicant columns', () => {
    const t = consistentTable3();
    t.granted = [2, 1, 0, 0, 0, 0, 4];
    expect(checkTable3(t).some((v) => v.rule === 'row_total' && v.cell === 'granted/total')).toBe(true);
  });

  it('rejects negative and fractional cells before summing', () => {
    const t = consistentTable3();
    t.partial = [-1, 0, 0, 0, 0, 0, 0];
    t.granted = [2.5, 1, 0, 0, 0, 0, 3];
    const violations = checkTable3(t);
    expect(violations.map((v) => v.rule)).toEqual(['non_negative_integer', 'non_negative_integer']);
  });

  it('rejects a row with the wrong number of columns', () => {
    const t = consistentTable3();
    t.granted = [1, 2];
    expect(checkTable3(t)[0]).toMatchObject({ rule: 'shape', cell: 'granted' });
  });

  it('sums the outcome groups for display', () => {
    const totals = table3GroupTotals(consistentTable3());
    expect(totals.refused).toEqual([1, 0, 0, 0, 0, 0, 1]);
    expect(totals.unable).toEqual([0, 1, 0, 0, 0, 0, 1]);
    expect(totals.notProcessed).toEqual([0, 0, 0, 0, 0, 0, 0]);
  });
});

describe('Table 4 and Table 2 rules', () => {
  it('requires each 总计 to be the sum of its four results', () => {
    const t = emptyTable4();
    t.review = [1, 1, 0, 1, 3];
    t.litigationDirect = [1, 0, 0, 0, 2];
    expect(checkTable4(t).map((v) => v.cell)).toEqual(['litigationDirect/4']);
  });

  it('allows a fee amount with decimals but not negative counts', () => {
    const table2 = { ...zeroTable2, fees: { amountWan: 0.35 }, licensing: { decisions: -1 } };
    const violations = checkReportTables({ table2, table3: consistentTable3(), table4: emptyTable4() });
    expect(violations.map((v) => v.cell)).toEqual(['licensing/decisions']);
  });
});
