// A fresh in-memory SQLite store seeded exactly as `npm start` seeds the local one.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createSqliteStore } from '../../cloudfunctions/_lib/adapters/sqlite-store';
import { seedStore } from '../../cloudfunctions/_lib/seed';
import { ensureLocalStaff } from '../../cloudfunctions/_local/personas';
import type { Deps } from '../../cloudfunctions/_lib/router';
import type { DocumentStore } from '../../cloudfunctions/_lib/ports/store';
import type { Logger } from '../../cloudfunctions/_lib/ports/logger';
import { createLocalSender } from '../../cloudfunctions/_lib/adapters/local-sender';
import { createLocalContentChecker } from '../../cloudfunctions/_lib/adapters/local-content-check';
import { createLocalProvincialSystem } from '../../cloudfunctions/_lib/adapters/provincial-ratings';
import { createLocalPublicAccountFeed } from '../../cloudfunctions/_lib/adapters/public-account-feed';
import { createLocalFileStore, type LocalFileStore } from '../../cloudfunctions/_lib/adapters/local-files';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';

export const SEED_REPORT_TEXT = readFileSync(join(__dirname, '../../cloudfunctions/_lib/seed/zibo-2023-annual-report.txt'), 'utf8');

export async function seededStore(): Promise<DocumentStore> {
  const store = createSqliteStore(':memory:');
  await seedStore(store, { reportText: SEED_REPORT_TEXT });
  await ensureLocalStaff(store);
  return store;
}

/** A logger that keeps its lines, so tests can assert what was (and was not) logged. */
export function memoryLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  return {
    lines,
    info: (message, fields) => lines.push(JSON.stringify({ level: 'info', message, ...fields })),
    error: (message, fields) => lines.push(JSON.stringify({ level: 'error', message, ...fields })),
  };
}

/** Local file storage in a fresh temporary folder. */
export function tempFileStore(): LocalFileStore {
  return createLocalFileStore(mkdtempSync(join(tmpdir(), 'test-files-')));
}

export async function testDeps(): Promise<Deps & { log: ReturnType<typeof memoryLogger>; files: LocalFileStore }> {
  return {
    store: await seededStore(),
    clock: { now: () => new Date('2026-11-29T04:00:00Z') },
    log: memoryLogger(),
    sender: createLocalSender(),
    contentCheck: createLocalContentChecker(),
    provincial: createLocalProvincialSystem(),
    files: tempFileStore(),
    feed: createLocalPublicAccountFeed(),
  };
}
