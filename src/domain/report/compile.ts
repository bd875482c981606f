// Compiles Table 3 of a year's annual report from information-request records (国办公开办函〔2021〕30号).
// A case counts in 一、本年新收 in the year of its receipt date, in the column of its applicant type, in
// the outcome row of its reply (by the date it ended), and is carried over (结转) while unanswered at a
// year's end. Pure; the caller supplies the records.
import { emptyTable3, TABLE3_COLUMNS, type ApplicantType, type OutcomeKey, type Table3 } from './tables';

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
