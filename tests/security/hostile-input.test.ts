// Hostile input against every action of the registry, through the real router and a seeded SQLite
// store: wrong types, missing and extra fields, strings past their limits, deep nesting, arrays for
// objects, prototype keys, Unicode tricks and number-like strings. Every answer must be an envelope
// with a stable code and a Chinese message (never a throw, never INTERNAL), and a refused call must
// not write anything to the store.
import fc from 'fast-check';
import { handlers } from '../../cloudfunctions/_lib/handlers';
import { dispatch } from '../../cloudfunctions/_lib/router';
import type { RuntimeIdentity } from '../../cloudfunctions/_lib/identity/caller';
import { dumpSqliteStore, sqliteWriteCount } from '../../cloudfunctions/_lib/adapters/sqlite-store';
import { ERROR_CODES, type Access } from '../../src/contracts/core';
import { PERSONA_OPENIDS } from '../support/call';
import { testDeps } from '../support/seeded-store';
import { ACTIONS } from './registry';

/** Total generated calls are about ACTIONS.length × RUNS_PER_ACTION (≈ 95 × 100). */
const RUNS_PER_ACTION = Number(process.env.HOSTILE_RUNS ?? 100);

/** A caller the declaration allows, so hostile input reaches validation and, when it parses, the handler. */
function allowedIdentity(access: Access): RuntimeIdentity {
  switch (access.kind) {
    case 'public':
      return { openid: null };
    case 'citizen':
      return { openid: PERSONA_OPENIDS.owner };
    case 'system':
      return { openid: null, trigger: 'timer' };
    case 'staff':
      return { openid: access.roles.includes('admin') ? PERSONA_OPENIDS.admin : access.roles.includes('clerk') ? PERSONA_OPENIDS.clerk : PERSONA_OPENIDS.reviewer };
  }
}

// ---- hostile values ----

const TRICKY_STRINGS = [
  '\u202Egnp.exe', // right-to-left override
  'a\u200Bb\u200C\u200Dc\uFEFF', // zero-width characters, BOM
  '\uD800', // lone high surrogate
  'x\uDFFFy', // lone low surrogate
  'nul\u0000byte',
  '\u0007\u001b[31m\r\n',
  'e\u0301\u0301\u0301', // combining marks
  '𠮷野家',
  '\u2028\u2029',
  '<script>alert(1)</script>',
  "'; DROP TABLE docs; --",
  '%_\\%',
  '../../etc/passwd',
  '..%2f..%2f',
  '${process.env}',
  '{{constructor.constructor("x")()}}',
  'local-staff-admin',
  '__proto__',
  'constructor',
  '   ',
  '',
  'NaN',
  'Infinity',
  '-Infinity',
  '1e999',
  '0x1F',
  '-0',
  '9007199254740993',
  'true',
  'null',
  '2023-02-30',
  '9999-99-99',
];
const TRICKY_NUMBERS = [Number.MAX_VALUE, -Number.MAX_VALUE, Number.MAX_SAFE_INTEGER + 2, -Number.MAX_SAFE_INTEGER - 2, -0, 0.1 + 0.2, Number.MIN_VALUE, 1e21, -1, 0, 2 ** 31, 1.5, Number.NaN, Number.POSITIVE_INFINITY];

/** Objects that carry prototype keys as own properties, as JSON.parse makes them. */
const POLLUTERS = [
  '{"__proto__":{"polluted":"yes","roles":["admin"]}}',
  '{"constructor":{"prototype":{"polluted":"yes"}}}',
  '{"__proto__":{"__proto__":{"polluted":"yes"}},"openid":"local-staff-admin"}',
  '{"prototype":{"polluted":"yes"},"hasOwnProperty":"x","toString":"x","valueOf":1}',
].map((text) => JSON.parse(text) as object);

function nested(depth: number, leaf: unknown, asArray: boolean): unknown {
  let value = leaf;
  for (let i = 0; i < depth; i++) value = asArray ? [value] : { a: value };
  return value;
}

const oversize = fc.integer({ min: 201, max: 70_000 }).map((n) => '长'.repeat(n));
const leafValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(...TRICKY_STRINGS),
  fc.constantFrom(...TRICKY_NUMBERS),
  fc.string({ maxLength: 30, unit: 'binary' }),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
);
const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: leafValue },
  { weight: 1, arbitrary: oversize },
  { weight: 1, arbitrary: fc.constantFrom(...POLLUTERS) },
  { weight: 1, arbitrary: fc.tuple(fc.integer({ min: 33, max: 2000 }), leafValue, fc.boolean()).map(([d, leaf, arr]) => nested(d, leaf, arr)) },
  { weight: 1, arbitrary: fc.array(leafValue, { maxLength: 5 }) },
  { weight: 1, arbitrary: fc.array(fc.constant('x'), { minLength: 200, maxLength: 5000 }) },
  { weight: 1, arbitrary: fc.anything({ maxDepth: 3 }) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 4 }) },
);

// ---- values shaped like the schema, with hostile leaves: these get past the first field ----

type Def = Record<string, unknown> & { type?: string };
const defOf = (schema: unknown): Def | undefined => (schema as { _zod?: { def?: Def } } | undefined)?._zod?.def;

function maxLengthOf(def: Def): number | undefined {
  for (const check of (def.checks as unknown[] | undefined) ?? []) {
    const checkDef = defOf(check) as { check?: string; maximum?: number } | undefined;
    if (checkDef?.check === 'max_length' && typeof checkDef.maximum === 'number') return checkDef.maximum;
  }
  return undefined;
}

function shaped(schema: unknown, depth = 0): fc.Arbitrary<unknown> {
  const def = defOf(schema);
  if (!def || depth > 8) return hostileValue;
  const mixed = (good: fc.Arbitrary<unknown>) => fc.oneof({ weight: 3, arbitrary: good }, { weight: 1, arbitrary: hostileValue });
  switch (def.type) {
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'catch':
      return shaped(def.innerType, depth);
    case 'pipe':
      return shaped(def.in, depth);
    case 'object': {
      const shape = def.shape as Record<string, unknown>;
      const model = Object.fromEntries(Object.entries(shape).map(([key, child]) => [key, shaped(child, depth + 1)]));
      const extra = fc.dictionary(fc.constantFrom('__proto__', 'constructor', 'prototype', '_id', '_version', 'openid', 'roles', 'ownerOpenid', '$where', 'extra'), hostileValue, { maxKeys: 2 });
      return mixed(fc.tuple(fc.record(model, { requiredKeys: [] }), extra, fc.boolean()).map(([base, more, withExtra]) => (withExtra ? { ...more, ...base } : base)));
    }
    case 'array':
      return mixed(fc.array(shaped(def.element, depth + 1), { maxLength: 4 }));
    case 'union':
      return fc.oneof(...(def.options as unknown[]).map((option) => shaped(option, depth + 1)));
    case 'enum':
      return mixed(fc.constantFrom(...Object.values(def.entries as Record<string, string | number>)));
    case 'literal':
      return mixed(fc.constantFrom(...(def.values as unknown[])));
    case 'string': {
      const max = maxLengthOf(def);
      const sized = max ? fc.constantFrom('a'.repeat(max), 'a'.repeat(max + 1), '字'.repeat(max + 1)) : oversize;
      return fc.oneof(fc.string({ maxLength: 20 }), fc.stringMatching(/^[A-Za-z0-9_-]{1,24}$/), fc.constantFrom(...TRICKY_STRINGS), sized, hostileValue);
    }
    case 'number':
      return mixed(fc.oneof(fc.integer({ min: -5, max: 3000 }), fc.constantFrom(...TRICKY_NUMBERS)));
    case 'boolean':
      return mixed(fc.boolean());
    default:
      return hostileValue;
  }
}

const messy = (base: fc.Arbitrary<unknown>) =>
  fc.oneof(
    { weight: 4, arbitrary: base },
    { weight: 1, arbitrary: hostileValue },
    { weight: 1, arbitrary: fc.array(base, { maxLength: 3 }) },
    { weight: 1, arbitrary: fc.constantFrom(...POLLUTERS) },
  );

/** A whole event: usually well-formed around a hostile input, sometimes malformed itself. */
function eventFor(action: string, input: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 8, arbitrary: input.map((value) => ({ action, input: value })) },
    { weight: 1, arbitrary: fc.tuple(input, hostileValue).map(([value, extra]) => ({ action, input: value, openid: PERSONA_OPENIDS.admin, trigger: 'timer', roles: ['admin'], extra })) },
    { weight: 1, arbitrary: hostileValue },
    { weight: 1, arbitrary: fc.tuple(hostileValue, input).map(([bad, value]) => ({ action: bad, input: value })) },
    { weight: 1, arbitrary: fc.constantFrom(...POLLUTERS).map((polluter) => ({ ...polluter, action })) },
  );
}

// ---- the run ----

let deps: Awaited<ReturnType<typeof testDeps>>;
beforeAll(async () => {
  deps = await testDeps();
});
afterAll(() => deps.store.close());

const CODES = Object.keys(ERROR_CODES);

/** Answers by code (printed with HOSTILE_STATS=1, to see how deep the generated input gets). */
const tallies = new Map<string, number>();
function tally(id: string, code: string) {
  if (!process.env.HOSTILE_STATS) return;
  const key = `${code}`;
  tallies.set(key, (tallies.get(key) ?? 0) + 1);
  tallies.set(`${id} ${code}`, (tallies.get(`${id} ${code}`) ?? 0) + 1);
}
afterAll(() => {
  if (process.env.HOSTILE_STATS) console.log([...tallies].sort().map(([k, n]) => `${k}: ${n}`).join('\n'));
});

/** The store as it was at the last check; re-read only when something wrote since. */
let snapshot: { writes: number; dump: ReturnType<typeof dumpSqliteStore> } | undefined;
function currentSnapshot() {
  const writes = sqliteWriteCount(deps.store);
  if (!snapshot || snapshot.writes !== writes) snapshot = { writes, dump: dumpSqliteStore(deps.store) };
  return snapshot;
}

describe('hostile input never breaks an action and a refused call writes nothing', () => {
  it.each(ACTIONS.map((a) => [a.id, a] as const))('%s', async (_id, action) => {
    const identity = allowedIdentity(action.contract.access);
    const input = messy(shaped(action.contract.input));
    await fc.assert(
      fc.asyncProperty(eventFor(action.action, input), async (event) => {
        const before = currentSnapshot();
        let answer: Awaited<ReturnType<typeof dispatch>>;
        try {
          answer = await dispatch(handlers, deps, { functionName: action.fn, event, identity });
        } catch (error) {
          throw new Error(`dispatch threw: ${String(error)}`);
        }
        tally(action.id, answer.ok ? 'ok' : answer.error.code);
        if (answer.ok) {
          expect(answer).toEqual({ ok: true, data: answer.data });
          return;
        }
        expect(Object.keys(answer).sort()).toEqual(['error', 'ok']);
        expect(CODES).toContain(answer.error.code);
        expect(answer.error.code).not.toBe('INTERNAL');
        expect(typeof answer.error.message).toBe('string');
        expect(answer.error.message).toMatch(/[\u4e00-\u9fa5]/);
        // Refused: nothing written (a rolled-back attempt leaves the rows as they were).
        if (sqliteWriteCount(deps.store) !== before.writes) expect(dumpSqliteStore(deps.store)).toEqual(before.dump);
        // Nothing reached Object.prototype.
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
        expect(({} as Record<string, unknown>).roles).toBeUndefined();
      }),
      { numRuns: RUNS_PER_ACTION, seed: Number(process.env.HOSTILE_SEED ?? 20260210), endOnFailure: true },
    );
  });

  it('nothing was logged at error level except expected refusals', () => {
    const errors = deps.log.lines.filter((line) => line.includes('"level":"error"'));
    expect(errors.filter((line) => /unhandled error|outside its contract/.test(line))).toEqual([]);
  });
});

describe('the router refuses events nested deeper than 32 levels, on every host', () => {
  it('answers BAD_REQUEST with a Chinese message, at any depth, without recursion', async () => {
    let input: unknown = 'leaf';
    for (let i = 0; i < 100_000; i++) input = { a: input };
    const answer = await dispatch(handlers, deps, { functionName: 'catalogue', event: { action: 'getItem', input }, identity: { openid: null } });
    expect(answer).toEqual({ ok: false, error: { code: 'BAD_REQUEST', message: '请求格式不正确：内容嵌套超过 32 层' } });
    // 32 levels in all (the event is the first): still read, and refused by the contract.
    let within: unknown = [];
    for (let i = 0; i < 30; i++) within = [within];
    const ok = await dispatch(handlers, deps, { functionName: 'catalogue', event: { action: 'getItem', input: within }, identity: { openid: null } });
    expect(ok.ok ? 'ok' : ok.error.code).toBe('VALIDATION_FAILED');
  });
});

describe('the store snapshot', () => {
  it('sees a write that a refusal left behind, and not one that was rolled back', async () => {
    const before = dumpSqliteStore(deps.store);
    const writes = sqliteWriteCount(deps.store);
    await deps.store.transaction(async (tx) => {
      await tx.insert('probe', { _id: 'rolled-back' });
      throw new Error('refused');
    }).catch(() => undefined);
    expect(sqliteWriteCount(deps.store)).toBeGreaterThan(writes);
    expect(dumpSqliteStore(deps.store)).toEqual(before);
    await deps.store.insert('probe', { _id: 'left-behind' });
    expect(dumpSqliteStore(deps.store)).not.toEqual(before);
    await deps.store.remove('probe', 'left-behind');
    expect(dumpSqliteStore(deps.store)).toEqual(before);
  });
});
