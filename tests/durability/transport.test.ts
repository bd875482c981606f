// A CloudBase transaction that fails part-way (HTTP 500, dropped connection, hang, database error)
// leaves nothing half-written: a multi-document transaction shaped like the handlers' (an
// idempotency key, a record, an audit entry on its hash chain and the chain head) is either all
// there or not there at all. Drives the real tcb-admin-node through the local CloudBase stand-in.
import { createTcbStore } from '../../cloudfunctions/_lib/adapters/tcb-store';
import { appendChained, verifyChains } from '../../cloudfunctions/_lib/audit-chain';
import type { DocumentStore } from '../../cloudfunctions/_lib/ports/store';
import { startCloudbaseStandin, type CloudbaseStandin, type FaultMode } from '../support/cloudbase-standin';
import { expectStoreError } from '../store/contract';

const CREDENTIALS = { env: 'standin-env', secretId: 'AKIDstandin', secretKey: 'standin-secret' };
const CHAIN = { entries: 'audit', heads: 'auditHeads' };
let standin: CloudbaseStandin;
let store: DocumentStore;

beforeAll(async () => {
  standin = await startCloudbaseStandin();
});
afterAll(async () => {
  await standin.close();
});

/** Writes a case, its idempotency key and an audit entry (chained), after reading the head. */
function submit(s: DocumentStore, n: number) {
  return s.transaction(async (tx) => {
    if (await tx.get('keys', `k${n}`)) return 'replayed';
    await tx.insert('cases', { _id: `c${n}`, n });
    await tx.insert('keys', { _id: `k${n}`, caseId: `c${n}` });
    await appendChained(tx, CHAIN, 'chain', { action: 'submit', caseId: `c${n}` });
    await tx.update('counters', 'total', { n });
    return 'created';
  });
}

function snapshot() {
  return ['cases', 'keys', 'audit', 'auditHeads', 'counters'].map((c) => [c, standin.documents(c)]);
}

describe('a failed CloudBase transaction leaves nothing half-written', () => {
  beforeEach(async () => {
    standin.reset();
    const setup = createTcbStore({ ...CREDENTIALS, serviceUrl: standin.url });
    // Collections exist before the first transaction (as after deployment): the adapter creates a
    // missing one on first write and retries, at most TRANSACTION_ATTEMPTS times.
    for (const collection of ['cases', 'keys', 'audit', 'auditHeads']) {
      await setup.insert(collection, { _id: 'setup' });
      await setup.remove(collection, 'setup');
    }
    await setup.insert('counters', { _id: 'total', n: 0 });
    store = createTcbStore({ ...CREDENTIALS, serviceUrl: standin.url, timeout: 300 });
    expect(await submit(store, 1)).toBe('created');
  });

  const steps = ['database.getInTransaction', 'database.insertDocInTransaction', 'database.updateDocInTransaction', 'database.commitTransaction'];
  const modes: FaultMode[] = ['http500', 'drop', 'hang', 'dbError'];
  test.each(modes.flatMap((mode) => steps.map((action) => [mode, action] as const)))('%s at %s', async (mode, action) => {
    const before = snapshot();
    standin.failNext(1, mode, { action });
    await expectStoreError(submit(store, 2), 'unavailable');
    // All or nothing: the store is exactly as before the failed transaction …
    expect(snapshot()).toEqual(before);
    expect(verifyChains(standin.documents('audit') as Array<{ _id: string }>, standin.documents('auditHeads') as Array<{ _id: string }>).problems).toEqual([]);
    // … and the retried submit (same key) creates it once, on an intact chain.
    expect(await submit(store, 2)).toBe('created');
    expect(await submit(store, 2)).toBe('replayed');
    expect(standin.documents('cases')).toHaveLength(2);
    const report = verifyChains(standin.documents('audit') as Array<{ _id: string }>, standin.documents('auditHeads') as Array<{ _id: string }>);
    expect(report).toMatchObject({ chains: 1, entries: 2, problems: [] });
  });
});
