// `npm run audit:verify [data file]`: verifies the hash chains of the information-request audit log
// (requestAudit, heads in requestAuditHeads) in a local SQLite data file, read-only. Prints each
// broken chain's first broken link and exits 1 if any; entries written before chaining are counted.
// Default file: DATA_FILE or .data/local.sqlite.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import Database from 'better-sqlite3';
import { verifyChains } from '../cloudfunctions/_lib/audit-chain';
import { REQUEST_COLLECTIONS } from '../cloudfunctions/_lib/handlers/requests';

function main(): number {
  const file = resolve(process.argv[2] ?? process.env.DATA_FILE ?? '.data/local.sqlite');
  if (!existsSync(file)) {
    console.error(`no data file at ${file}`);
    return 2;
  }
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const rows = (coll: string) =>
      (db.prepare('SELECT id, data FROM docs WHERE coll = ? ORDER BY id').all(coll) as Array<{ id: string; data: string }>).map((row) => ({ ...(JSON.parse(row.data) as Record<string, unknown>), _id: row.id }));
    const report = verifyChains(rows(REQUEST_COLLECTIONS.audit), rows(REQUEST_COLLECTIONS.auditHeads));
    console.log(`audit chains: ${report.chains}, chained entries: ${report.entries}, entries written before chaining: ${report.unchained}`);
    if (report.problems.length === 0) {
      console.log('audit log verifies: every chain is intact');
      return 0;
    }
    for (const problem of report.problems) {
      console.log(`BROKEN case ${problem.chainId}: ${problem.seq === null ? 'head' : `entry ${problem.seq} (${problem.entryId})`}: ${problem.reason}`);
    }
    console.log(`${report.problems.length} broken chain(s)`);
    return 1;
  } finally {
    db.close();
  }
}

process.exitCode = main();
