// The requests audit log is append-only and tamper-evident: entries hash-chained per case with a
// head; a valid chain verifies, an edited, deleted or truncated one is caught at its first broken
// link, and `npm run audit:verify` says so over a real data file.
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { createSqliteStore } from '../../cloudfunctions/_lib/adapters/sqlite-store';
import { seedStore } from '../../cloudfunctions/_lib/seed';
import { ensureLocalStaff } from '../../cloudfunctions/_local/personas';
import { findAll } from '../../cloudfunctions/_lib/find-all';
import { canonicalJson, entryHash, verifyChains } from '../../cloudfunctions/_lib/audit-chain';
import { REQUEST_COLLECTIONS } from '../../cloudfunctions/_lib/handlers/requests';
import type { Deps } from '../../cloudfunctions/_lib/router';
import { caller, expectOk } from '../support/call';
import { SEED_REPORT_TEXT, testDeps } from '../support/seeded-store';

const application = {
  applicantType: 'natural',
  name: '张三',
  idType: 'residentId',
  idNumber: '11010519491231002X',
  mobile: '13812345678',
  description: '2023年度淄博市公共资源交易中心政府采购项目的开标记录',
  deliveryForm: 'electronic',
  deliveryChannel: 'online',
};

/** One case through submit, two staff reads, accept: five chained entries. */
async function workflow(deps: Deps): Promise<string> {
  deps.clock = { now: () => new Date('2026-02-10T02:00:00Z') };
  const call = caller(deps);
  const receipt = expectOk(await call('owner', 'requests', 'submit', { idempotencyKey: 'audit-000000000001', application }));
  let staff = expectOk(await call('clerk', 'requests', 'getCase', { id: receipt.id }));
  staff = expectOk(await call('clerk', 'requests', 'act', { id: receipt.id, expectedVersion: staff.version, command: { type: 'accept' } }));
  expectOk(await call('reviewer', 'requests', 'getCase', { id: receipt.id }));
  expectOk(await call('clerk', 'requests', 'act', { id: receipt.id, expectedVersion: staff.version, command: { type: 'requestExtension', reason: '需调取归档的开标记录' } }));
  return receipt.id as string;
}

async function verify(deps: Deps) {
  return verifyChains(await findAll(deps.store, REQUEST_COLLECTIONS.audit), await findAll(deps.store, REQUEST_COLLECTIONS.auditHeads));
}

describe('the requests audit chain', () => {
  it('canonical JSON sorts keys at every level', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { f: 2, e: 3 }], c: null }, u: undefined })).toBe('{"a":{"c":null,"d":[1,{"e":3,"f":2}]},"b":1}');
  });

  it('a valid chain verifies: each entry links to the previous, the head names the last', async () => {
    const deps = await testDeps();
    const caseId = await workflow(deps);
    const entries = await findAll<{ caseId: string; seq: number; prevHash: string; hash: string; action: string }>(deps.store, REQUEST_COLLECTIONS.audit, { caseId });
    entries.sort((a, b) => a.seq - b.seq);
    expect(entries.map((e) => [e.seq, e.action])).toEqual([[1, 'submit'], [2, 'viewPersonalData'], [3, 'accept'], [4, 'viewPersonalData'], [5, 'requestExtension']]);
    expect(entries[0]!.prevHash).toBe('0'.repeat(64));
    for (let i = 1; i < entries.length; i++) expect(entries[i]!.prevHash).toBe(entries[i - 1]!.hash);
    expect(await deps.store.get(REQUEST_COLLECTIONS.auditHeads, caseId)).toMatchObject({ seq: 5, hash: entries[4]!.hash });
    expect(await verify(deps)).toMatchObject({ chains: 1, entries: 5, problems: [] });
  });

  it('an edited entry is caught at that entry', async () => {
    const deps = await testDeps();
    const caseId = await workflow(deps);
    await deps.store.update(REQUEST_COLLECTIONS.audit, `${caseId}:000003`, { actorLabel: '审核人' });
    expect((await verify(deps)).problems).toEqual([{ chainId: caseId, seq: 3, entryId: `${caseId}:000003`, reason: expect.stringContaining('edited') }]);
  });

  it('a deleted entry is caught where the gap is; a deleted newest entry by the head', async () => {
    const deps = await testDeps();
    const caseId = await workflow(deps);
    await deps.store.remove(REQUEST_COLLECTIONS.audit, `${caseId}:000002`);
    expect((await verify(deps)).problems).toEqual([{ chainId: caseId, seq: 2, entryId: `${caseId}:000002`, reason: expect.stringContaining('missing') }]);

    const other = await testDeps();
    const id = await workflow(other);
    await other.store.remove(REQUEST_COLLECTIONS.audit, `${id}:000005`);
    expect((await verify(other)).problems).toEqual([{ chainId: id, seq: 5, entryId: `${id}:000005`, reason: expect.stringContaining('newest') }]);
  });

  it('a rewritten entry with a recomputed own hash still breaks the next link', async () => {
    const deps = await testDeps();
    const caseId = await workflow(deps);
    const entry = (await deps.store.get<Record<string, unknown>>(REQUEST_COLLECTIONS.audit, `${caseId}:000002`))!;
    const forged = { ...entry, actorLabel: '系统' };
    await deps.store.update(REQUEST_COLLECTIONS.audit, `${caseId}:000002`, { actorLabel: '系统', hash: entryHash(forged) });
    expect((await verify(deps)).problems).toEqual([{ chainId: caseId, seq: 3, entryId: `${caseId}:000003`, reason: expect.stringContaining('prevHash') }]);
  });

  it('npm run audit:verify passes on an intact data file and reports the first broken link of a tampered one', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'audit-verify-')), 'local.sqlite');
    const store = createSqliteStore(file);
    await seedStore(store, { reportText: SEED_REPORT_TEXT });
    await ensureLocalStaff(store);
    const deps = { ...(await testDeps()), store };
    const caseId = await workflow(deps);
    await store.close();
    const run = () => spawnSync(process.execPath, [join(__dirname, '../../node_modules/tsx/dist/cli.mjs'), join(__dirname, '../../scripts/verify-audit.ts'), file], { encoding: 'utf8' });
    const ok = run();
    expect({ status: ok.status, out: ok.stdout }).toMatchObject({ status: 0, out: expect.stringContaining('every chain is intact') });

    const db = new Database(file);
    const row = db.prepare("SELECT data FROM docs WHERE coll = 'requestAudit' AND id = ?").get(`${caseId}:000004`) as { data: string };
    db.prepare("UPDATE docs SET data = ? WHERE coll = 'requestAudit' AND id = ?").run(JSON.stringify({ ...JSON.parse(row.data), note: 'inserted later' }), `${caseId}:000004`);
    db.close();
    const broken = run();
    expect(broken.status).toBe(1);
    expect(broken.stdout).toContain(`BROKEN case ${caseId}: entry 4 (${caseId}:000004)`);
  }, 30_000);
});
