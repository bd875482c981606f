// Personal data at rest: the cipher itself, the key file, and the request and open-day handlers —
// ID numbers and phones are sealed in the store, opened only for the owner (masked) and staff,
// masked in every list, and never logged anywhere during the whole request workflow.
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { createSqliteStore } from '../../cloudfunctions/_lib/adapters/sqlite-store';
import { seedStore } from '../../cloudfunctions/_lib/seed';
import { ensureLocalStaff } from '../../cloudfunctions/_local/personas';
import { REQUEST_COLLECTIONS, type RequestDoc } from '../../cloudfunctions/_lib/handlers/requests';
import { OPEN_DAY_COLLECTIONS } from '../../cloudfunctions/_lib/handlers/open-days';
import { createPiiCipher, isSealed, localPiiCipher, parsePiiKey, piiCipherFromEnv, PII_PREFIX } from '../../cloudfunctions/_lib/pii';
import { caller, expectOk } from '../support/call';
import { SEED_REPORT_TEXT, testDeps } from '../support/seeded-store';

const ID_NUMBER = '11010519491231002X';
const MOBILE = '13812345678';
const application = {
  applicantType: 'natural',
  name: '张三',
  idType: 'residentId',
  idNumber: ID_NUMBER,
  mobile: MOBILE,
  description: '2023年度淄博市公共资源交易中心政府采购项目的开标记录',
  deliveryForm: 'electronic',
  deliveryChannel: 'online',
};

describe('the PII cipher', () => {
  const cipher = createPiiCipher(randomBytes(32));

  it('seals with AES-256-GCM behind a version prefix and opens again; each seal has its own IV', () => {
    const a = cipher.seal(ID_NUMBER);
    const b = cipher.seal(ID_NUMBER);
    expect(a.startsWith(PII_PREFIX)).toBe(true);
    expect(a).not.toBe(b);
    expect(a).not.toContain(ID_NUMBER);
    expect(cipher.open(a)).toBe(ID_NUMBER);
    expect(isSealed(a)).toBe(true);
  });

  it('reads legacy plaintext as it is, and refuses a tampered value or the wrong key', () => {
    expect(cipher.open('13800138000')).toBe('13800138000');
    const sealed = cipher.seal(MOBILE);
    const parts = sealed.split(':');
    const body = Buffer.from(parts[4]!, 'base64');
    body[0] = body[0]! ^ 1;
    parts[4] = body.toString('base64');
    expect(() => cipher.open(parts.join(':'))).toThrow('cannot be opened');
    expect(() => createPiiCipher(randomBytes(32)).open(sealed)).toThrow('cannot be opened');
  });

  it('takes PII_KEY as base64 of 32 bytes; without it, it refuses to seal but still reads plaintext', () => {
    expect(() => parsePiiKey(randomBytes(16).toString('base64'))).toThrow('32 bytes');
    const key = randomBytes(32).toString('base64');
    expect(piiCipherFromEnv(key).open(createPiiCipher(Buffer.from(key, 'base64')).seal('x'))).toBe('x');
    const missing = piiCipherFromEnv(undefined);
    expect(() => missing.seal('x')).toThrow('PII_KEY is not configured');
    expect(missing.open('plain')).toBe('plain');
  });

  it('locally keeps the key in its own file, mode 0600, created once and reused', () => {
    const keyFile = join(mkdtempSync(join(tmpdir(), 'pii-key-')), 'pii.key');
    const sealed = localPiiCipher(keyFile).seal(MOBILE);
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    expect(Buffer.from(readFileSync(keyFile, 'utf8').trim(), 'base64')).toHaveLength(32);
    expect(localPiiCipher(keyFile).open(sealed)).toBe(MOBILE);
  });
});

describe('personal data in the handlers', () => {
  async function setup() {
    const deps = await testDeps();
    deps.pii = createPiiCipher(randomBytes(32));
    let now = new Date('2026-02-10T02:00:00Z');
    deps.clock = { now: () => now };
    return { deps, call: caller(deps), setNow: (iso: string) => (now = new Date(iso)) };
  }

  it('runs the whole request workflow: sealed at rest, masked in lists, full only for staff, never logged', async () => {
    const { deps, call } = await setup();
    const printed: string[] = [];
    const spies = (['log', 'info', 'warn', 'error', 'debug'] as const).map((method) =>
      jest.spyOn(console, method).mockImplementation((...args: unknown[]) => void printed.push(args.map(String).join(' '))),
    );
    try {
      const receipt = expectOk(await call('owner', 'requests', 'submit', { idempotencyKey: 'pii-0000000000000001', application }));
      // At rest: sealed.
      const stored = (await deps.store.get<RequestDoc>(REQUEST_COLLECTIONS.cases, receipt.id))!;
      expect(isSealed(stored.applicant.idNumber) && isSealed(stored.applicant.mobile)).toBe(true);
      expect(JSON.stringify(stored)).not.toContain(ID_NUMBER);
      expect(JSON.stringify(stored)).not.toContain(MOBILE);

      // The owner sees them masked; lists show neither.
      const mine = expectOk(await call('owner', 'requests', 'getMine', { id: receipt.id }));
      expect(mine.applicant).toMatchObject({ idNumberMasked: '1101**********002X', mobileMasked: '138****5678' });
      const lists = [await call('owner', 'requests', 'listMine', {}), await call('clerk', 'requests', 'queue', {}), await call('clerk', 'requests', 'outbox', {})];
      for (const list of lists) {
        expect(JSON.stringify(list)).not.toContain(ID_NUMBER);
        expect(JSON.stringify(list)).not.toContain(MOBILE);
      }

      // Staff see them in full (the read is on the audit chain), and act through the workflow.
      let staff = expectOk(await call('clerk', 'requests', 'getCase', { id: receipt.id }));
      expect(staff.applicant).toMatchObject({ idNumber: ID_NUMBER, mobile: MOBILE });
      staff = expectOk(await call('clerk', 'requests', 'act', { id: receipt.id, expectedVersion: staff.version, command: { type: 'accept' } }));
      staff = expectOk(await call('clerk', 'requests', 'act', { id: receipt.id, expectedVersion: staff.version, command: { type: 'draftReply', outcome: 'granted', text: '经审查，您申请的信息予以公开。' } }));
      staff = expectOk(await call('reviewer', 'requests', 'act', { id: receipt.id, expectedVersion: staff.version, command: { type: 'decideReply', approve: true } }));
      expect(staff.state).toBe('replied');
      expect(staff.audit.map((a: { action: string }) => a.action)).toContain('viewPersonalData');
      // Bad input and a refused read are logged by code only.
      await call('owner', 'requests', 'submit', { idempotencyKey: 'pii-0000000000000002', application: { ...application, idNumber: '110105194912310021' } });
      await call('other', 'requests', 'getMine', { id: receipt.id });
      // Still sealed after every update.
      const after = (await deps.store.get<RequestDoc>(REQUEST_COLLECTIONS.cases, receipt.id))!;
      expect(JSON.stringify(after)).not.toContain(ID_NUMBER);
    } finally {
      for (const spy of spies) spy.mockRestore();
    }
    const logged = [...deps.log.lines, ...printed].join('\n');
    expect(logged).not.toContain(ID_NUMBER);
    expect(logged).not.toContain(MOBILE);
  });

  it('still reads a case stored before encryption (plaintext, no prefix)', async () => {
    const { deps, call } = await setup();
    const receipt = expectOk(await call('owner', 'requests', 'submit', { idempotencyKey: 'pii-0000000000000003', application }));
    const stored = (await deps.store.get<RequestDoc>(REQUEST_COLLECTIONS.cases, receipt.id))!;
    await deps.store.update<RequestDoc>(REQUEST_COLLECTIONS.cases, receipt.id, { applicant: { ...stored.applicant, idNumber: ID_NUMBER, mobile: MOBILE } });
    const staff = expectOk(await call('clerk', 'requests', 'getCase', { id: receipt.id }));
    expect(staff.applicant).toMatchObject({ idNumber: ID_NUMBER, mobile: MOBILE });
    expect(expectOk(await call('owner', 'requests', 'getMine', { id: receipt.id })).applicant.idNumberMasked).toBe('1101**********002X');
  });

  it('seals an open-day sign-up phone and masks it for the person and for staff', async () => {
    const { deps, call } = await setup();
    const store = createSqliteStore(':memory:');
    await seedStore(store, { reportText: SEED_REPORT_TEXT, today: '2026-03-02' });
    await ensureLocalStaff(store);
    deps.store = store;
    deps.clock = { now: () => new Date('2026-03-02T02:00:00Z') };
    const { signUp } = expectOk(await call('owner', 'openDays', 'signUp', { eventId: 'od-demo-01', name: '张三', phone: MOBILE, role: 'enterprise', idempotencyKey: 'pii-signup-00000001' }));
    expect(signUp.phoneMasked).toBe('138****5678');
    const stored = (await store.get<{ phone: string }>(OPEN_DAY_COLLECTIONS.signUps, signUp.id))!;
    expect(isSealed(stored.phone)).toBe(true);
    const staffList = expectOk(await call('clerk', 'openDays', 'signUps', { eventId: 'od-demo-01' }));
    expect(JSON.stringify(staffList)).not.toContain(MOBILE);
    expect(JSON.stringify(staffList)).toContain('138****5678');
    expect(JSON.stringify(expectOk(await call('owner', 'openDays', 'mine', {})))).not.toContain(MOBILE);
  });
});
