// A tamper-evident, append-only audit log: the entries of one chain (one information-request case)
// are linked by hash. Each entry stores `seq` (1, 2, …), `prevHash` (the previous entry's hash, or
// GENESIS for the first) and `hash = sha256(prevHash + canonicalJson(entry without hash))`. A head
// document per chain (`requestAuditHeads/<chainId>`) holds the last seq and hash, so deleting the
// newest entry is detected too.
//
// Concurrency: `appendChained` runs inside the caller's transaction, reads the head and writes the
// entry and the new head by id; the head update carries `ifVersion` and the entry's _id is
// `<chainId>:<seq>`, so two concurrent appends to one chain cannot both succeed with the same seq
// (one fails with conflict/duplicate and the store retries or the caller reports it).
import { createHash } from 'node:crypto';
import type { StoredDoc, TransactionStore } from './ports/store';

export const GENESIS_HASH = '0'.repeat(64);

export interface ChainFields {
  chainId: string;
  seq: number;
  prevHash: string;
  hash: string;
}

export interface ChainHead {
  seq: number;
  hash: string;
}

/** JSON with object keys sorted at every level; `undefined` members are dropped (as JSON.stringify does). */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map((item) => (item === undefined ? 'null' : canonicalJson(item))).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/** The hash an entry must carry: everything but its storage fields (_id, _version) and the hash itself. */
export function entryHash(entry: Record<string, unknown>): string {
  const { _id: _i, _version: _v, hash: _h, ...body } = entry;
  const prevHash = typeof body.prevHash === 'string' ? body.prevHash : '';
  return createHash('sha256').update(prevHash + canonicalJson(body)).digest('hex');
}

export function entryId(chainId: string, seq: number): string {
  return `${chainId}:${String(seq).padStart(6, '0')}`;
}

/** Appends `entry` to the chain inside `tx`: reads the head, writes the entry and the head by id. */
export async function appendChained<T extends object>(
  tx: TransactionStore,
  collections: { entries: string; heads: string },
  chainId: string,
  entry: T,
): Promise<StoredDoc<T & ChainFields>> {
  const head = await tx.get<ChainHead>(collections.heads, chainId);
  const seq = (head?.seq ?? 0) + 1;
  const body = { ...entry, chainId, seq, prevHash: head?.hash ?? GENESIS_HASH };
  const hash = entryHash(body as Record<string, unknown>);
  const saved = await tx.insert<T & ChainFields>(collections.entries, { ...body, hash, _id: entryId(chainId, seq) } as T & ChainFields & { _id: string });
  if (head) await tx.update<ChainHead>(collections.heads, chainId, { seq, hash }, { ifVersion: head._version });
  else await tx.insert<ChainHead>(collections.heads, { _id: chainId, seq, hash });
  return saved;
}

export interface ChainProblem {
  chainId: string;
  /** The first entry (by seq) whose link is broken, or null when the head itself is wrong or missing. */
  seq: number | null;
  entryId: string | null;
  reason: string;
}

export interface VerifyReport {
  chains: number;
  entries: number;
  /** Entries written before chaining existed (no seq/hash): listed, not verifiable. */
  unchained: number;
  problems: ChainProblem[];
}

type Entry = Record<string, unknown> & { _id: string };
type Head = { _id: string; seq?: unknown; hash?: unknown };

/**
 * Verifies every chain: entries numbered 1..n without gaps, each linked to the previous hash, each
 * hash recomputed from its content, and the head naming the last entry. Reports the first broken
 * link of each chain.
 */
export function verifyChains(entries: Entry[], heads: Head[]): VerifyReport {
  const byChain = new Map<string, Entry[]>();
  let unchained = 0;
  for (const entry of entries) {
    if (typeof entry.chainId !== 'string' || typeof entry.seq !== 'number') {
      unchained += 1;
      continue;
    }
    const list = byChain.get(entry.chainId) ?? [];
    list.push(entry);
    byChain.set(entry.chainId, list);
  }
  const headOf = new Map(heads.map((head) => [head._id, head]));
  const problems: ChainProblem[] = [];
  const chainIds = [...new Set([...byChain.keys(), ...headOf.keys()])].sort();
  for (const chainId of chainIds) {
    const list = (byChain.get(chainId) ?? []).sort((a, b) => (a.seq as number) - (b.seq as number));
    const problem = verifyOne(chainId, list, headOf.get(chainId));
    if (problem) problems.push(problem);
  }
  return { chains: chainIds.length, entries: entries.length - unchained, unchained, problems };
}

function verifyOne(chainId: string, list: Entry[], head: Head | undefined): ChainProblem | null {
  let prev = GENESIS_HASH;
  for (let i = 0; i < list.length; i++) {
    const entry = list[i]!;
    const seq = entry.seq as number;
    const at = (reason: string): ChainProblem => ({ chainId, seq, entryId: entry._id, reason });
    if (seq !== i + 1) return { chainId, seq: i + 1, entryId: entryId(chainId, i + 1), reason: `entry ${i + 1} is missing (next present is ${seq})` };
    if (entry.prevHash !== prev) return at('prevHash does not match the previous entry (an entry was removed, replaced or reordered)');
    if (entryHash(entry) !== entry.hash) return at('hash does not match the content (the entry was edited)');
    prev = entry.hash as string;
  }
  if (!head) return { chainId, seq: null, entryId: null, reason: 'the chain has no head' };
  if (head.seq !== list.length || head.hash !== prev) {
    const missing = typeof head.seq === 'number' && head.seq > list.length ? head.seq - list.length : 0;
    return {
      chainId,
      seq: list.length + 1,
      entryId: entryId(chainId, list.length + 1),
      reason: missing > 0 ? `the head names entry ${head.seq as number}: ${missing} newest entr${missing === 1 ? 'y is' : 'ies are'} missing` : 'the head does not match the last entry',
    };
  }
  return null;
}
