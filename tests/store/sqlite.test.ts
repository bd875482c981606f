// Runs the store contract against the SQLite adapter (in memory and on disk), plus SQLite-only
// behaviour: persistence across reopen and kill -9, pragmas and indexes, and transaction locking.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import Database from 'better-sqlite3';

import { createSqliteStore } from '../../cloudfunctions/_lib/adapters/sqlite-store';
import { StoreError } from '../../cloudfunctions/_lib/ports/store';
import { describeStoreContract, expectStoreError } from './contract';

const tempDirs: string[] = [];
function tempFile(name = 'store.db'): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'sqlite-store-'));
  tempDirs.push(dir);
  return path.join(dir, name);
}
afterAll(() => {
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});

describeStoreContract('sqlite :memory:', () => createSqliteStore(':memory:'));
describeStoreContract('sqlite file', () => createSqliteStore(tempFile()));

describe('sqlite store specifics', () => {
  test('a file store reopened after close keeps its data', async () => {
    const file = tempFile();
    const first = createSqliteStore(file);
    await first.insert('notices', { _id: 'a', title: '公告' });
    await first.update('notices', 'a', { title: '公告二' });
    await first.transaction(async (tx) => {
      await tx.insert('notices', { _id: 'b', title: 'in tx' });
    });
    await first.ensureIndex('notices', ['title']);
    await first.close();

    const second = createSqliteStore(file);
    expect(await second.get('notices', 'a')).toEqual({ _id: 'a', _version: 2, title: '公告二' });
    expect(await second.get('notices', 'b')).toEqual({ _id: 'b', _version: 1, title: 'in tx' });
    expect(await second.count('notices')).toBe(2);
    await second.close();
  });

  test('uses WAL and builds expression indexes, led by the collection, that the planner picks for filters and sorts', async () => {
    const file = tempFile();
    const store = createSqliteStore(file);
    await store.insert('notices', { _id: 'a', status: 'open', publishedAt: 3 });
    await store.ensureIndex('notices', ['status', 'publishedAt']);
    await store.ensureIndex('notices', ['publishedAt']);
    const raw = new Database(file, { readonly: true });
    try {
      expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
      const index = raw.prepare(`SELECT sql FROM sqlite_master WHERE type = 'index' AND name = ?`).get('ix2:notices:status,publishedAt') as
        | { sql: string }
        | undefined;
      expect(index?.sql).toContain(`(coll, json_extract(data, '$.status')`);
      const plan = (sql: string, ...params: string[]) => (raw.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as Array<{ detail: string }>).map((p) => p.detail).join('\n');
      // The adapter's query shapes (collection bound as a parameter): a filter with a sort...
      expect(plan(`SELECT id FROM docs WHERE coll = ? AND json_extract(data, '$.status') = ? ORDER BY json_extract(data, '$.publishedAt') DESC, id DESC LIMIT 20`, 'notices', 'open')).toContain(
        'ix2:notices:status,publishedAt',
      );
      // ...and a bare sort, which partial indexes (WHERE coll = '…') never served: no sorting of every row.
      const bare = plan(`SELECT id FROM docs WHERE coll = ? ORDER BY json_extract(data, '$.publishedAt') DESC, id DESC LIMIT 20`, 'notices');
      expect(bare).toContain('ix2:notices:publishedAt');
      expect(bare).not.toContain('TEMP B-TREE');
    } finally {
      raw.close();
    }
    await store.close();
  });

  test('a text index answers $contains from its trigram table, and survives reopening the file', async () => {
    const file = tempFile();
    let store = createSqliteStore(file);
    await store.insert('entries', { _id: 'a', text: '淄博市污水管网配套工程招标公告' });
    await store.ensureTextIndex('entries', 'text');
    await store.close();
    store = createSqliteStore(file);
    await store.insert('entries', { _id: 'b', text: '高新区污水管网改造' });
    expect((await store.find('entries', { where: { text: { $contains: '污水管网' } } })).map((d) => d._id)).toEqual(['a', 'b']);
    const raw = new Database(file, { readonly: true });
    try {
      const plan = (raw.prepare(`EXPLAIN QUERY PLAN SELECT id FROM docs WHERE coll = ? AND rowid IN (SELECT rowid FROM "fts:entries:text" WHERE body LIKE ?)`).all('entries', '%污水管网%') as Array<{ detail: string }>).map((p) => p.detail).join('\n');
      expect(plan).toContain('VIRTUAL TABLE INDEX');
      expect(raw.prepare(`SELECT count(*) AS n FROM "fts:entries:text"`).get()).toEqual({ n: 2 });
    } finally {
      raw.close();
    }
    await store.close();
  });

  test('other operations wait while a transaction is open, then see its result', async () => {
    const store = createSqliteStore(':memory:');
    await store.insert('c', { _id: '1', v: 1 });
    let release!: () => void;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const txDone = store.transaction(async (tx) => {
      await tx.update('c', '1', { v: 2 });
      await gate;
    });
    let readSettled = false;
    const read = store.get<{ v: number }>('c', '1').then((doc) => {
      readSettled = true;
      return doc;
    });
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(readSettled).toBe(false);
    release();
    await txDone;
    expect((await read)?.v).toBe(2);
    await store.close();
  });

  test('using the store itself inside transaction(work) is rejected instead of deadlocking', async () => {
    const store = createSqliteStore(':memory:');
    await store.insert('c', { _id: '1', v: 1 });
    await expectStoreError(
      store.transaction(async () => {
        await store.get('c', '1');
      }),
      'invalid',
    );
    await expectStoreError(store.transaction(() => store.transaction(async () => 1)), 'invalid');
    expect(await store.get('c', '1')).toMatchObject({ v: 1 });
    await store.close();
  });

  test('operations after close fail with unavailable', async () => {
    const store = createSqliteStore(':memory:');
    await store.close();
    await expectStoreError(store.get('c', '1'), 'unavailable');
    await expectStoreError(store.transaction(async () => 1), 'unavailable');
  });

  test('every acknowledged insert survives kill -9', async () => {
    const file = tempFile();
    const adapter = path.resolve(__dirname, '../../cloudfunctions/_lib/adapters/sqlite-store.ts');
    // A writer process that acknowledges each insert on stdout, killed while it is still writing.
    const script = `
      const { createSqliteStore } = require(${JSON.stringify(adapter)});
      const store = createSqliteStore(${JSON.stringify(file)});
      (async () => {
        for (let i = 0; ; i++) {
          await store.insert('acks', { _id: 'k' + i, payload: 'x'.repeat(200) });
          process.stdout.write('k' + i + '\\n');
        }
      })();
    `;
    const child = spawn(process.execPath, ['--require', require.resolve('tsx/cjs'), '-e', script], { stdio: ['ignore', 'pipe', 'pipe'] });
    const acked: string[] = [];
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    await new Promise<void>((resolve, reject) => {
      let buffer = '';
      child.stdout.on('data', (chunk: Buffer) => {
        buffer += chunk.toString();
        const lines = buffer.split('\n');
        buffer = lines.pop() ?? '';
        acked.push(...lines);
        if (acked.length >= 200 && !child.killed) child.kill('SIGKILL');
      });
      child.on('exit', () => resolve());
      child.on('error', reject);
    });
    expect(stderr).toBe('');
    expect(acked.length).toBeGreaterThanOrEqual(200);

    const store = createSqliteStore(file);
    const missing: string[] = [];
    for (const id of acked) if ((await store.get('acks', id)) === null) missing.push(id);
    expect(missing).toEqual([]);
    await store.close();
    const raw = new Database(file);
    expect(raw.pragma('integrity_check', { simple: true })).toBe('ok');
    raw.close();
  }, 30_000);

  test('StoreError is what callers see for SQLite failures', async () => {
    const store = createSqliteStore(':memory:');
    const error = await expectStoreError(store.insert('c', { when: new Map() } as unknown as object), 'invalid');
    expect(error).toBeInstanceOf(StoreError);
    await store.close();
  });
});
