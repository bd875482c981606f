// Access control by construction: every action of every function in the contract registry, called by
// every kind of caller, answers exactly what its `access` declaration says. The expectations are
// derived from the declarations here (not by calling the router's own rule), so a new action is
// covered the moment it is registered, and a wrong rule in the router shows up as a failed cell.
import { handlers } from '../../cloudfunctions/_lib/handlers';
import { denialFor, dispatch, type Deps } from '../../cloudfunctions/_lib/router';
import type { RuntimeIdentity } from '../../cloudfunctions/_lib/identity/caller';
import { createSqliteStore } from '../../cloudfunctions/_lib/adapters/sqlite-store';
import { seedStore } from '../../cloudfunctions/_lib/seed';
import { ensureLocalStaff } from '../../cloudfunctions/_local/personas';
import { contracts } from '../../src/contracts';
import { STAFF_ROLES, type ActionContract, type ErrorCode, type StaffRole } from '../../src/contracts/core';
import { SEED_REPORT_TEXT, testDeps } from '../support/seeded-store';
import { PERSONA_OPENIDS, caller, expectOk } from '../support/call';
import { ACTIONS, inputKeys, type RegisteredAction } from './registry';

interface Persona {
  name: string;
  identity: RuntimeIdentity;
  /** What the caller really is; the expectations are computed from this, independently of the router. */
  openid: boolean;
  roles: StaffRole[];
  timer: boolean;
}

const PERSONAS: Persona[] = [
  { name: 'anonymous', identity: { openid: null }, openid: false, roles: [], timer: false },
  { name: 'owner', identity: { openid: PERSONA_OPENIDS.owner }, openid: true, roles: [], timer: false },
  { name: 'other', identity: { openid: PERSONA_OPENIDS.other }, openid: true, roles: [], timer: false },
  { name: 'clerk', identity: { openid: PERSONA_OPENIDS.clerk }, openid: true, roles: ['clerk'], timer: false },
  { name: 'reviewer', identity: { openid: PERSONA_OPENIDS.reviewer }, openid: true, roles: ['reviewer'], timer: false },
  { name: 'admin', identity: { openid: PERSONA_OPENIDS.admin }, openid: true, roles: ['admin'], timer: false },
  { name: 'timer', identity: { openid: null, trigger: 'timer' }, openid: false, roles: [], timer: true },
];

const KINDS = ['public', 'citizen', 'staff', 'system'] as const;

/** The answer the declaration promises: null = allowed, else the exact denial code. */
function expectedDenial(access: ActionContract['access'], persona: Persona): ErrorCode | null {
  switch (access.kind) {
    case 'public':
      return null;
    case 'citizen':
      return persona.openid ? null : 'UNAUTHENTICATED';
    case 'staff':
      if (!persona.openid) return 'UNAUTHENTICATED';
      return persona.roles.some((r) => access.roles.includes(r)) ? null : 'FORBIDDEN';
    case 'system':
      return persona.timer ? null : 'FORBIDDEN';
  }
}

const SEEDED_ON = '2026-03-02';

async function setup(): Promise<{ deps: Deps; call: ReturnType<typeof caller> }> {
  const deps = await testDeps();
  await deps.store.close();
  const store = createSqliteStore(':memory:');
  await seedStore(store, { reportText: SEED_REPORT_TEXT, today: SEEDED_ON });
  await ensureLocalStaff(store);
  deps.store = store;
  deps.clock = { now: () => new Date(`${SEEDED_ON}T02:00:00Z`) };
  return { deps, call: caller(deps) };
}

describe('every action declares who may call it', () => {
  it('the registry has actions, and every handler module serves exactly its contract’s actions', () => {
    expect(ACTIONS.length).toBeGreaterThan(90);
    for (const [fn, contract] of Object.entries(contracts)) {
      expect(Object.keys((handlers as Record<string, object>)[fn] ?? {}).sort()).toEqual(Object.keys(contract.actions).sort());
    }
  });

  it.each(ACTIONS.map((a) => [a.id, a] as const))('%s has a known access kind', (_id, { contract }) => {
    const access = (contract as { access?: { kind?: unknown; roles?: unknown } }).access;
    expect(access).toBeDefined();
    expect(KINDS).toContain(access?.kind);
    if (access?.kind === 'staff') {
      expect(Array.isArray(access.roles) && access.roles.length > 0).toBe(true);
      for (const role of access.roles as string[]) expect(STAFF_ROLES).toContain(role);
    }
  });

  it('the router fails closed on a missing or unknown declaration', () => {
    const someone = { openid: 'x', roles: [...STAFF_ROLES], trigger: 'timer' as const };
    expect(denialFor({ kind: 'root' } as never, someone)).toBe('FORBIDDEN');
    expect(denialFor({} as never, someone)).toBe('FORBIDDEN');
    expect(denialFor({ kind: 'staff' } as never, someone)).toBe('FORBIDDEN');
  });
});

describe('the access matrix: every action × every caller', () => {
  let deps: Deps;
  beforeAll(async () => {
    ({ deps } = await setup());
  });
  afterAll(() => deps.store.close());

  const cells = ACTIONS.flatMap((action) => PERSONAS.map((persona) => [action.id, persona.name, action, persona] as const));

  it.each(cells)('%s as %s', async (_id, _persona, action: RegisteredAction, persona: Persona) => {
    const expected = expectedDenial(action.contract.access, persona);
    // No input at all: access is decided before the input is read, so a denied caller gets the
    // denial whatever it sends, and an allowed one gets past it (to an answer or a validation error).
    const answer = await dispatch(handlers, deps, { functionName: action.fn, event: { action: action.action }, identity: persona.identity });
    if (expected) {
      expect(answer).toEqual({ ok: false, error: { code: expected, message: expect.stringMatching(/[\u4e00-\u9fa5]/) } });
    } else {
      if (!answer.ok) {
        expect(['UNAUTHENTICATED', 'FORBIDDEN', 'INTERNAL']).not.toContain(answer.error.code);
      }
    }
  });

  it('a denied caller gets the same answer whatever input it sends', async () => {
    for (const action of ACTIONS) {
      for (const persona of PERSONAS) {
        const expected = expectedDenial(action.contract.access, persona);
        if (!expected) continue;
        for (const input of [{}, { id: '../../etc' }, 'x'.repeat(100), [1, 2]]) {
          const answer = await dispatch(handlers, deps, { functionName: action.fn, event: { action: action.action, input }, identity: persona.identity });
          expect(answer.ok ? 'ok' : answer.error.code).toBe(expected);
        }
      }
    }
  });
});

// ---- Ownership: a citizen's own records ----

/** Citizen actions that take the id of the caller's own record: another citizen must get NOT_FOUND or FORBIDDEN. */
const BY_OWN_ID = ['requests.getMine', 'requests.actMine', 'requests.attachmentUrl', 'openDays.cancel', 'questions.supplement'] as const;
/** Citizen actions that list the caller's own records: another citizen's list never shows them. */
const OWN_LISTS = ['requests.listMine', 'ratings.listMine', 'subscriptions.mine', 'subscriptions.messages', 'openDays.mine', 'questions.mine', 'corrections.listMine'] as const;
/** Citizen actions that create or remove the caller's own record, keyed by the caller's identity (no record id in the input). */
const CREATES_FOR_CALLER = ['requests.submit', 'ratings.submit', 'consultations.comment', 'subscriptions.follow', 'subscriptions.unfollow', 'openDays.signUp', 'questions.ask', 'corrections.submit'] as const;
/** Ids in citizen input that name public things, not a citizen's own record. */
const PUBLIC_REFERENCES: Record<string, readonly string[]> = {
  'consultations.comment': ['consultationId', 'sectionId'],
  'openDays.signUp': ['eventId'],
  'requests.attachmentUrl': ['fileId'],
};

describe('ownership: another citizen cannot reach a citizen’s own records', () => {
  it('every citizen action is classified, and every one that takes a record id is in the ownership list', () => {
    const citizen = ACTIONS.filter((a) => a.contract.access.kind === 'citizen').map((a) => a.id);
    expect([...BY_OWN_ID, ...OWN_LISTS, ...CREATES_FOR_CALLER].sort()).toEqual(citizen.sort());
    for (const action of ACTIONS.filter((a) => a.contract.access.kind === 'citizen')) {
      const ids = inputKeys(action.contract.input).filter((key) => key === 'id' || /Id$/.test(key) && !(PUBLIC_REFERENCES[action.id] ?? []).includes(key));
      if (ids.length > 0) expect(BY_OWN_ID).toContain(action.id);
    }
  });

  it('NOT_FOUND/FORBIDDEN for another citizen on every own-record action, and nothing changes', async () => {
    const { deps, call } = await setup();
    const receipt = expectOk(
      await call('owner', 'requests', 'submit', {
        idempotencyKey: 'matrix-request-000001',
        application: { applicantType: 'natural', name: '张三', idType: 'residentId', idNumber: '11010519491231002X', mobile: '13812345678', description: '2023年度淄博市公共资源交易中心政府采购项目的开标记录', deliveryForm: 'electronic', deliveryChannel: 'online' },
      }),
    );
    const signUp = expectOk(await call('owner', 'openDays', 'signUp', { eventId: 'od-demo-01', name: '张三', phone: '13800138000', role: 'citizen', idempotencyKey: 'matrix-signup-000001' })).signUp;
    const rating = expectOk(await call('owner', 'ratings', 'submit', { idempotencyKey: 'matrix-rating-000001', rating: { serviceItem: 'website', serviceDate: SEEDED_ON, level: 5, indicators: ['平台好用'], comment: '查公告很方便', display: 'anonymous' } }));
    expectOk(await call('owner', 'subscriptions', 'follow', { topic: { column: 'catalogue' } }));
    const question = expectOk(
      await call('owner', 'questions', 'ask', { idempotencyKey: 'matrix-question-00001', category: 'trading', title: '保证金退还时间', body: '请问开标后投标保证金多久可以退还到账？', private: true, name: '张三', contact: '13800138000' }),
    );
    const questionId: string = question.question.id;
    const correction = expectOk(
      await call('owner', 'corrections', 'submit', { idempotencyKey: 'matrix-correction-0001', report: { route: '/packages/catalogue/detail/index?id=demo-gzzd-00001', pageTitle: '公共资源交易服务规程', quote: '第二条', problem: '条款编号有误', contact: '13800138000' } }),
    );

    const attempts: Record<(typeof BY_OWN_ID)[number], unknown> = {
      'requests.getMine': { id: receipt.id },
      'requests.actMine': { id: receipt.id, expectedVersion: 1, command: { type: 'withdraw' } },
      'requests.attachmentUrl': { id: receipt.id, fileId: 'local-file://00000000000000000000000000000000' },
      'openDays.cancel': { signUpId: signUp.id },
      'questions.supplement': { id: questionId, text: '补充：项目编号 ZBGGZY-2026-0101' },
    };
    const { dumpSqliteStore } = await import('../../cloudfunctions/_lib/adapters/sqlite-store');
    for (const id of BY_OWN_ID) {
      const [fn, action] = id.split('.') as [string, string];
      const before = dumpSqliteStore(deps.store);
      for (const intruder of ['other', 'clerk', 'admin'] as const) {
        const answer = await call(intruder, fn, action, attempts[id]);
        expect({ id, intruder, code: answer.ok ? 'ok' : answer.error.code }).toEqual({ id, intruder, code: expect.stringMatching(/^(NOT_FOUND|FORBIDDEN)$/) });
        // The refusal does not reveal the record either.
        expect(JSON.stringify(answer)).not.toContain('张三');
      }
      expect(dumpSqliteStore(deps.store)).toEqual(before);
    }
    // The owner does reach them (the ids above are real).
    expect(expectOk(await call('owner', 'requests', 'getMine', { id: receipt.id })).id).toBe(receipt.id);

    const ownerIds = [receipt.id, signUp.id, rating.rating?.id ?? rating.id, questionId, correction.report.id as string].filter((x): x is string => typeof x === 'string');
    for (const id of OWN_LISTS) {
      const [fn, action] = id.split('.') as [string, string];
      const theirs = JSON.stringify(expectOk(await call('other', fn, action, {})));
      for (const ownerId of ownerIds) expect(theirs).not.toContain(ownerId);
      expect(theirs).not.toContain(PERSONA_OPENIDS.owner);
      expect(theirs).not.toContain('13800138000');
    }
    expect(JSON.stringify(expectOk(await call('owner', 'requests', 'listMine', {})))).toContain(receipt.id);
    expect(JSON.stringify(expectOk(await call('owner', 'openDays', 'mine', {})))).toContain(signUp.id);
    expect(expectOk(await call('other', 'subscriptions', 'mine', {})).follows).toEqual([]);
    await deps.store.close();
  });
});

describe('staff reads of personal data are audit-logged', () => {
  it('every action whose answer carries unmasked personal data is a listed, audited read', () => {
    // The agency's and its offices' published contact phones are not personal data.
    const officeContacts = ['portal.getProfile', 'guides.getGuide', 'guides.getParcel', 'guides.saveGuide'];
    const personal = ACTIONS.filter((a) => !officeContacts.includes(a.id) && outputKeys(a.contract.output).some((k) => /^(idNumber|mobile|phone|realName)$/.test(k))).map((a) => a.id);
    // requests.act answers the same case view as getCase; it is a write that records its own audit entry.
    expect(personal.sort()).toEqual(['requests.act', 'requests.getCase']);
    for (const id of personal) expect(ACTIONS.find((a) => a.id === id)!.contract.access.kind).toBe('staff');
  });

  it('requests.getCase records who read the applicant’s personal data, and not the data itself', async () => {
    const { deps, call } = await setup();
    const receipt = expectOk(
      await call('owner', 'requests', 'submit', {
        idempotencyKey: 'matrix-request-000002',
        application: { applicantType: 'natural', name: '张三', idType: 'residentId', idNumber: '11010519491231002X', mobile: '13812345678', description: '2023年度淄博市公共资源交易中心政府采购项目的开标记录', deliveryForm: 'electronic', deliveryChannel: 'online' },
      }),
    );
    const view = expectOk(await call('reviewer', 'requests', 'getCase', { id: receipt.id }));
    expect(view.applicant.idNumber).toBe('11010519491231002X');
    const entries = await deps.store.find<{ action: string; actorOpenid: string; caseId: string }>('requestAudit', { where: { caseId: receipt.id }, limit: 50 });
    expect(entries.filter((e) => e.action === 'viewPersonalData').map((e) => e.actorOpenid)).toEqual([PERSONA_OPENIDS.reviewer]);
    expect(JSON.stringify(entries)).not.toContain('11010519491231002X');
    // The citizen's own view does not show staff reads.
    expect(JSON.stringify(expectOk(await call('owner', 'requests', 'getMine', { id: receipt.id })))).not.toContain('viewPersonalData');
    await deps.store.close();
  });
});

/** Field names anywhere in an output schema (objects, arrays, optionals, unions). */
function outputKeys(schema: unknown, depth = 0): string[] {
  if (!schema || depth > 12) return [];
  const def = (schema as { _zod?: { def?: Record<string, unknown> } })._zod?.def;
  if (!def) return [];
  const keys: string[] = [];
  if (def.shape && typeof def.shape === 'object') {
    for (const [key, child] of Object.entries(def.shape as Record<string, unknown>)) keys.push(key, ...outputKeys(child, depth + 1));
  }
  for (const field of ['innerType', 'element', 'in', 'out', 'valueType']) if (def[field]) keys.push(...outputKeys(def[field], depth + 1));
  if (Array.isArray(def.options)) for (const option of def.options) keys.push(...outputKeys(option, depth + 1));
  if (def.left) keys.push(...outputKeys(def.left, depth + 1), ...outputKeys(def.right, depth + 1));
  return keys;
}
