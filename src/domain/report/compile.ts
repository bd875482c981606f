// Compiles the tables of a year's annual report from the records (国办公开办函〔2021〕30号): Table 3 from
// information requests, Table 4 from appeals, Table 2 from regulatory documents and yearly figures.
// A case counts in 一、本年新收 in the year of its receipt date, in the column of its applicant type, in
// the outcome row of its reply (by the date it ended), and is carried over (结转) while unanswered at a
// year's end. Pure; the caller supplies the records.
import { emptyTable3, emptyTable4, TABLE3_COLUMNS, type ApplicantType, type OutcomeKey, type Table2, type Table3, type Table4 } from './tables';

export interface CaseForReport {
  applicantType: ApplicantType;
  /** YYYY-MM-DD */
  receiptDate: string;
  /** The Table 3 row it ended in, and when; absent while open. */
  outcome?: OutcomeKey;
  endedOn?: string;
}

const COLUMN_INDEX = new Map(TABLE3_COLUMNS.map((column, index) => [column.key, index]));
const TOTAL = TABLE3_COLUMNS.length - 1;

function add(table: Table3, row: keyof Table3, applicantType: ApplicantType): void {
  const values = table[row];
  values[COLUMN_INDEX.get(applicantType)!]! += 1;
  values[TOTAL]! += 1;
}

export function compileTable3(cases: Iterable<CaseForReport>, year: number): Table3 {
  const table = emptyTable3();
  const start = `${year}-01-01`;
  const end = `${year}-12-31`;
  for (const kase of cases) {
    if (kase.receiptDate > end) continue;
    const ended = kase.outcome !== undefined && kase.endedOn !== undefined ? kase.endedOn : undefined;
    if (ended !== undefined && ended < start) continue; // finished in an earlier year
    if (kase.receiptDate >= start) add(table, 'newReceived', kase.applicantType);
    else add(table, 'carriedIn', kase.applicantType);
    if (ended !== undefined && ended <= end) {
      add(table, kase.outcome!, kase.applicantType);
      add(table, 'resultsTotal', kase.applicantType);
    } else {
      add(table, 'carriedOver', kase.applicantType);
    }
  }
  return table;
}

/** An administrative review (行政复议) or lawsuit (行政诉讼) about a disclosure decision. */
export interface AppealForReport {
  kind: 'review' | 'litigationDirect' | 'litigationAfterReview';
  /** YYYY-MM-DD the appeal was filed. */
  filedOn: string;
  result?: 'upheld' | 'corrected' | 'other';
  decidedOn?: string;
}

const RESULT_INDEX = { upheld: 0, corrected: 1, other: 2 } as const;
const PENDING_INDEX = 3;

/** Table 4: appeals filed in the year, by their result at the year's end (尚未审结 if undecided). */
export function compileTable4(appeals: Iterable<AppealForReport>, year: number): Table4 {
  const table = emptyTable4();
  const start = `${year}-01-01`;
  const end = `${year}-12-31`;
  for (const appeal of appeals) {
    if (appeal.filedOn < start || appeal.filedOn > end) continue;
    const decided = appeal.result !== undefined && appeal.decidedOn !== undefined && appeal.decidedOn <= end;
    const row = table[appeal.kind];
    row[decided ? RESULT_INDEX[appeal.result!] : PENDING_INDEX]! += 1;
    row[4]! += 1;
  }
  return table;
}

/** A 规章 or 行政规范性文件 the agency issued (Art. 20 (一)). */
export interface RegulatoryDocumentForReport {
  kind: 'regulation' | 'normative';
  issuedOn: string;
  repealedOn?: string;
}

/** The yearly figures staff enter for Art. 20 (五)(六)(八). */
export interface Table2Inputs {
  licensing: number;
  penalties: number;
  enforcement: number;
  feesWan: number;
}

export function compileTable2(documents: Iterable<RegulatoryDocumentForReport>, inputs: Table2Inputs, year: number): Table2 {
  const start = `${year}-01-01`;
  const end = `${year}-12-31`;
  const blank = () => ({ issued: 0, repealed: 0, inForce: 0 });
  const rows = { regulation: blank(), normative: blank() };
  for (const doc of documents) {
    const row = rows[doc.kind];
    if (doc.issuedOn >= start && doc.issuedOn <= end) row.issued += 1;
    if (doc.repealedOn && doc.repealedOn >= start && doc.repealedOn <= end) row.repealed += 1;
    if (doc.issuedOn <= end && (!doc.repealedOn || doc.repealedOn > end)) row.inForce += 1;
  }
  return {
    regulations: rows.regulation,
    normativeDocuments: rows.normative,
    licensing: { decisions: inputs.licensing },
    penalties: { decisions: inputs.penalties },
    enforcement: { decisions: inputs.enforcement },
    fees: { amountWan: inputs.feesWan },
  };
}
