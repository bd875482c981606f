// The cloud side of the simulated phone: every folder under cloudfunctions/ (except `_…`) becomes a
// callable function running the project's real handlers in process, over a temporary SQLite store
// seeded exactly like the local one. The caller's OPENID reaches the function the way CloudBase
// passes it: through WX_CONTEXT_KEYS / WX_OPENID in the environment, read per invocation.
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCloudEntry } from '../../../cloudfunctions/_lib/cloud-entry';
import { createSqliteStore } from '../../../cloudfunctions/_lib/adapters/sqlite-store';
import { createLocalSender } from '../../../cloudfunctions/_lib/adapters/local-sender';
import { createLocalContentChecker } from '../../../cloudfunctions/_lib/adapters/local-content-check';
import { createLocalProvincialSystem } from '../../../cloudfunctions/_lib/adapters/provincial-ratings';
import { createLocalFileStore } from '../../../cloudfunctions/_lib/adapters/local-files';
import type { OutgoingMessage } from '../../../cloudfunctions/_lib/ports/messages';
import { seedStore } from '../../../cloudfunctions/_lib/seed';
import { ensureLocalStaff, findPersona, DEFAULT_PERSONA } from '../../../cloudfunctions/_local/personas';
import type { Deps } from '../../../cloudfunctions/_lib/router';
import type { DocumentStore } from '../../../cloudfunctions/_lib/ports/store';
import type { Clock } from '../../../cloudfunctions/_lib/ports/clock';
import type { FunctionName } from '../../../src/contracts';

const PROJECT_ROOT = join(__dirname, '../../..');
const FUNCTIONS_ROOT = join(PROJECT_ROOT, 'cloudfunctions');
export const SEED_REPORT_PATH = join(FUNCTIONS_ROOT, '_lib/seed/zibo-2023-annual-report.txt');

/** Function names: the folders under cloudfunctions/ without a leading `_`. */
export function cloudFunctionNames(): string[] {
  return readdirSync(FUNCTIONS_ROOT)
    .filter((name) => !name.startsWith('_') && !name.startsWith('.') && statSync(join(FUNCTIONS_ROOT, name)).isDirectory())
    .sort();
}

export interface CloudCall {
  name: string;
  data: unknown;
  openid: string | null;
  result: unknown;
  /** Server-side time spent (real milliseconds). */
  ms: number;
}

export interface CloudLogLine {
  level: 'info' | 'error';
  message: string;
  fields?: Record<string, unknown>;
}

export interface CloudBackendOptions {
  /** The simulated user's OPENID (default: the local persona 市民甲); null for no identity. */
  openid?: string | null;
  clock?: Clock;
  /** Seed options (default: the project's seed report and demo catalogue). */
  demoPerCategory?: number;
}

export class CloudBackend {
  readonly calls: CloudCall[] = [];
  readonly log: CloudLogLine[] = [];
  /** Subscription messages the functions sent (kept by the local sender). */
  readonly messages: OutgoingMessage[] = [];
  openid: string | null;
  private readonly entries = new Map<string, (event: unknown) => Promise<unknown>>();
  private closed = false;

  private constructor(
    readonly store: DocumentStore,
    private readonly dir: string,
    options: CloudBackendOptions,
  ) {
    this.openid = options.openid === undefined ? (findPersona(DEFAULT_PERSONA)?.openid ?? null) : options.openid;
    const deps: Deps = {
      store,
      clock: options.clock ?? { now: () => new Date() },
      log: {
        info: (message, fields) => this.log.push({ level: 'info', message, fields }),
        error: (message, fields) => this.log.push({ level: 'error', message, fields }),
      },
      sender: createLocalSender((message) => this.messages.push(message)),
      contentCheck: createLocalContentChecker(),
      provincial: createLocalProvincialSystem(),
      files: createLocalFileStore(join(dir, 'files')),
    };
    for (const name of cloudFunctionNames()) this.entries.set(name, createCloudEntry(name as FunctionName, () => deps));
  }

  static async create(options: CloudBackendOptions = {}): Promise<CloudBackend> {
    const dir = mkdtempSync(join(tmpdir(), 'weapp-cloud-'));
    const store = createSqliteStore(join(dir, 'store.db'), { synchronous: 'NORMAL' });
    await seedStore(store, { reportText: readFileSync(SEED_REPORT_PATH, 'utf8'), demoPerCategory: options.demoPerCategory });
    await ensureLocalStaff(store);
    return new CloudBackend(store, dir, options);
  }

  has(name: string): boolean {
    return this.entries.has(name);
  }

  /**
   * Invokes a function as CloudBase would: the event is what the client sent (already JSON), the
   * identity comes from the environment for the duration of the synchronous part of the call,
   * which is where the entry reads it.
   */
  async invoke(name: string, event: unknown, openid: string | null = this.openid): Promise<unknown> {
    if (this.closed) throw new Error('cloud backend is closed');
    const entry = this.entries.get(name);
    if (!entry) throw new Error(`no cloud function named "${name}"`);
    const keys = ['WX_CONTEXT_KEYS', 'WX_OPENID', 'WX_APPID', 'TRIGGER_SRC'] as const;
    const saved = keys.map((key) => process.env[key]);
    const started = Date.now();
    let pending: Promise<unknown>;
    try {
      process.env.WX_CONTEXT_KEYS = 'WX_OPENID,WX_APPID';
      process.env.WX_APPID = 'wx-weapp-harness';
      delete process.env.TRIGGER_SRC;
      if (openid === null) delete process.env.WX_OPENID;
      else process.env.WX_OPENID = openid;
      pending = entry(event);
    } finally {
      keys.forEach((key, k) => {
        const value = saved[k];
        if (value === undefined) delete process.env[key];
        else process.env[key] = value;
      });
    }
    const result = await pending;
    this.calls.push({ name, data: event, openid, result, ms: Date.now() - started });
    return result;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    try {
      await this.store.close();
    } finally {
      rmSync(this.dir, { recursive: true, force: true });
    }
  }
}
