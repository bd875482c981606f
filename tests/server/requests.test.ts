// The requests function through the real router and store: the whole statutory journey, the
// authorization matrix, idempotent submits, field validation and what each party may see.
import { testDeps } from '../support/seeded-store';
import { caller, expectOk, PERSONA_OPENIDS, type PersonaName } from '../support/call';
import { findActionContract } from '@/contracts';
import { requestsContract } from '@/contracts/requests';

const validApplication = {
  applicantType: 'natural',
  name: '张三',
  idType: 'residentId',
  idNumber: '11010519491231002X',
  mobile: '13812345678',
  description: '2023年度淄博市公共资源交易中心政府采购项目的开标记录',
  docNo: '淄公管字〔2023〕1号',
  deliveryForm: 'electronic',
  deliveryChannel: 'online',
};

async function setup(date = '2026-02-10T02:00:00Z') {
  const deps = await testDeps();
  let now = new Date(date);
  deps.clock = { now: () => now };
  const call = caller(deps);
  const setDate = (iso: string) => {
    now = new Date(`${iso}T02:00:00Z`);
  };
  return { deps, call, setDate };
}

describe('a citizen applies and follows the case to its reply', () => {
  it('runs 登记 → 补正 → 办理 → 延期 → 答复 → 归档 with the right dates', async () => {
    const { call, setDate, deps } = await setup();
    const receipt = expectOk(await call('owner', 'requests', 'submit', { idempotencyKey: 'key-0000000000000001', application: validApplication }));
    expect(receipt).toMatchObject({ receiptDate: '2026-02-10', replayed: false, replyDeadline: { due: '2026-03-16', workingDays: 20, provisional: false } });
    expect(receipt.queryCode).toMatch(/^[2-9A-Z]{10}$/);
    // Spring Festival is explained: the two make-up Saturdays counted and the nine holidays skipped.
    expect(receipt.replyDeadline.notableDays.filter((d: { kind: string }) => d.kind === 'makeupWorkday').map((d: { date: string }) => d.date)).toEqual(['2026-02-14', '2026-02-28']);

    // 审核: the clerk asks for a correction on 02-13 (within 7 working days).
    setDate('2026-02-13');
    let staff = expectOk(await call('clerk', 'requests', 'getCase', { id: receipt.id }));
    expect(staff.availableCommands).toEqual(['accept', 'requestCorrection']);
    staff = expectOk(await call('clerk', 'requests', 'act', { id: receipt.id, expectedVersion: staff.version, command: { type: 'requestCorrection', items: ['请写明所需开标记录的项目名称'] } }));
    expect(staff.state).toBe('correctionRequested');

    // The applicant corrects on 03-02: the 20 working days restart from there.
    setDate('2026-03-02');
    let mine = expectOk(await call('owner', 'requests', 'getMine', { id: receipt.id }));
    expect(mine.availableCommands).toEqual(['submitCorrection', 'withdraw']);
    expect(mine.deadlines.map((d: { key: string; due: string }) => [d.key, d.due])).toEqual([['correctionDue', '2026-03-12']]);
    mine = expectOk(await call('owner', 'requests', 'actMine', { id: receipt.id, expectedVersion: mine.version, command: { type: 'submitCorrection', answer: '项目名称：某某学校教学设备采购项目' } }));
    expect(mine.deadlines.find((d: { key: string }) => d.key === 'reply')).toMatchObject({ start: '2026-03-02', due: '2026-03-30' });

    // 办理 and a 20-day extension approved by a reviewer.
    setDate('2026-03-03');
    staff = expectOk(await call('clerk', 'requests', 'getCase', { id: receipt.id }));
    staff = expectOk(await call('clerk', 'requests', 'act', { id: receipt.id, expectedVersion: staff.version, command: { type: 'accept' } }));
    staff = expectOk(await call('clerk', 'requests', 'act', { id: receipt.id, expectedVersion: staff.version, command: { type: 'requestExtension', reason: '需调取归档的开标记录' } }));
    staff = expectOk(await call('reviewer', 'requests', 'act', { id: receipt.id, expectedVersion: staff.version, command: { type: 'decideExtension', approve: true } }));
    expect(staff.deadlines.find((d: { key: string }) => d.key === 'reply')).toMatchObject({ due: '2026-04-28', workingDays: 40 });

    // 答复: drafted from the template, signed off by the reviewer.
    setDate('2026-04-20');
    const template = expectOk(await call('clerk', 'requests', 'replyTemplate', { id: receipt.id, outcome: 'granted' }));
    expect(template.text).toContain('张三：');
    expect(template.text).toContain('2026年2月10日');
    staff = expectOk(await call('clerk', 'requests', 'act', { id: receipt.id, expectedVersion: staff.version, command: { type: 'draftReply', outcome: 'granted', text: template.text } }));
    expect(staff.draft.outcomeLabel).toBe('予以公开');
    staff = expectOk(await call('reviewer', 'requests', 'act', { id: receipt.id, expectedVersion: staff.version, command: { type: 'decideReply', approve: true } }));
    expect(staff).toMatchObject({ state: 'replied' });

    // The applicant reads the reply and a timeline with every public step and its date.
    mine = expectOk(await call('owner', 'requests', 'getMine', { id: receipt.id }));
    expect(mine.reply).toMatchObject({ outcome: 'granted', outcomeLabel: '予以公开', sentOn: '2026-04-20' });
    expect(mine.timeline.map((t: { date: string; step: string }) => `${t.date} ${t.step}`)).toEqual([
      '2026-02-10 登记',
      '2026-02-13 审核',
      '2026-03-02 审核',
      '2026-03-03 审核',
      '2026-03-03 办理',
      '2026-04-20 答复',
    ]);
    expect(mine.timeline[1].note).toBe('请写明所需开标记录的项目名称');
    expect(mine.timeline[4].note).toBe('需调取归档的开标记录');

    // 归档: read-only afterwards.
    staff = expectOk(await call('clerk', 'requests', 'act', { id: receipt.id, expectedVersion: staff.version, command: { type: 'archive' } }));
    expect(staff.availableCommands).toEqual([]);
    const late = await call('clerk', 'requests', 'act', { id: receipt.id, expectedVersion: staff.version, command: { type: 'accept' } });
    expect(late).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });

    // The applicant heard of receipt, 补正, extension and reply; staff of the new case, the correction, the extension and the draft.
    const outbox = expectOk(await call('clerk', 'requests', 'outbox', { caseId: receipt.id }));
    // Several notices share a timestamp under the frozen test clock: compare them as a set.
    const kinds = outbox.map((n: { audience: string; kind: string }) => `${n.audience}:${n.kind}`).sort();
    expect(kinds).toEqual(
      [
      'applicant:received',
      'staff:newCase',
      'applicant:correctionNeeded',
      'staff:correctionReceived',
      'staff:extensionPending',
      'applicant:extended',
      'staff:replyPending',
      'applicant:replied',
      ].sort(),
    );
    expect(JSON.stringify(outbox)).not.toContain(PERSONA_OPENIDS.owner);
    expect(deps.log.lines.join('\n')).not.toContain('11010519491231002X');
  });
});

describe('idempotent submit', () => {
  it('a retried submit with the same key returns the same receipt and creates one application', async () => {
    const { call } = await setup();
    const input = { idempotencyKey: 'retry-key-000000000001', application: validApplication };
    const [first, second] = await Promise.all([call('owner', 'requests', 'submit', input), call('owner', 'requests', 'submit', input)]);
    const a = expectOk(first);
    const b = expectOk(second);
    expect(b.id).toBe(a.id);
    expect(b.queryCode).toBe(a.queryCode);
    expect([a.replayed, b.replayed].sort()).toEqual([false, true]);
    expect(expectOk(await call('owner', 'requests', 'listMine', {}))).toHaveLength(1);
    // Another person using the same key gets their own application.
    const other = expectOk(await call('other', 'requests', 'submit', input));
    expect(other.id).not.toBe(a.id);
  });
});

describe('content security', () => {
  it('refuses an application whose text the content-security port calls risky, and writes nothing', async () => {
    const { deps, call } = await setup();
    const before = await deps.store.count('infoRequests');
    const answer = await call('owner', 'requests', 'submit', { idempotencyKey: 'content-key-0000000001', application: { ...validApplication, description: '你们都是王八蛋，把开标记录给我' } });
    expect(answer).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', issues: [{ path: 'application.description', message: '申请内容包含不当信息，请修改后再提交' }] } });
    expect(await deps.store.count('infoRequests')).toBe(before);
    expectOk(await call('owner', 'requests', 'submit', { idempotencyKey: 'content-key-0000000002', application: validApplication }));
  });
});

describe('who sees what', () => {
  it('lists only the caller’s own applications, masked; others get NOT_FOUND', async () => {
    const { call } = await setup();
    const mine = expectOk(await call('owner', 'requests', 'submit', { idempotencyKey: 'own-key-0000000000001', application: validApplication }));
    expect(expectOk(await call('other', 'requests', 'listMine', {}))).toEqual([]);
    expect(await call('other', 'requests', 'getMine', { id: mine.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await call('other', 'requests', 'actMine', { id: mine.id, expectedVersion: 1, command: { type: 'withdraw' } })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const own = expectOk(await call('owner', 'requests', 'getMine', { id: mine.id }));
    expect(own.applicant).toEqual({ name: '张三', idType: '居民身份证', idNumberMasked: '1101**********002X', mobileMasked: '138****5678' });
    const queue = expectOk(await call('clerk', 'requests', 'queue', {}));
    expect(queue.items[0].applicantName).toBe('张*');
    expect(JSON.stringify(queue)).not.toContain('11010519491231002X');
    expect(JSON.stringify(queue)).not.toContain('13812345678');
    const staff = expectOk(await call('clerk', 'requests', 'getCase', { id: mine.id }));
    expect(staff.applicant.idNumber).toBe('11010519491231002X');
    expect(staff.audit.map((a: { action: string }) => a.action)).toContain('viewPersonalData');
  });
});

describe('authorization matrix', () => {
  const personas: PersonaName[] = ['anonymous', 'owner', 'other', 'clerk', 'reviewer', 'admin'];
  // Expected outcome per action and persona: 'ok', or the error code.
  const matrix: Record<string, Record<PersonaName, string>> = {
    submit: { anonymous: 'UNAUTHENTICATED', owner: 'ok', other: 'ok', clerk: 'ok', reviewer: 'ok', admin: 'ok' },
    listMine: { anonymous: 'UNAUTHENTICATED', owner: 'ok', other: 'ok', clerk: 'ok', reviewer: 'ok', admin: 'ok' },
    getMine: { anonymous: 'UNAUTHENTICATED', owner: 'ok', other: 'NOT_FOUND', clerk: 'NOT_FOUND', reviewer: 'NOT_FOUND', admin: 'NOT_FOUND' },
    actMine: { anonymous: 'UNAUTHENTICATED', owner: 'ok', other: 'NOT_FOUND', clerk: 'NOT_FOUND', reviewer: 'NOT_FOUND', admin: 'NOT_FOUND' },
    // The case has no attachment here, so every signed-in caller gets NOT_FOUND; who may open a real
    // attachment (owner and staff, not others) is tested in attachments.test.ts.
    attachmentUrl: { anonymous: 'UNAUTHENTICATED', owner: 'NOT_FOUND', other: 'NOT_FOUND', clerk: 'NOT_FOUND', reviewer: 'NOT_FOUND', admin: 'NOT_FOUND' },
    calculateDeadlines: { anonymous: 'ok', owner: 'ok', other: 'ok', clerk: 'ok', reviewer: 'ok', admin: 'ok' },
    queue: { anonymous: 'UNAUTHENTICATED', owner: 'FORBIDDEN', other: 'FORBIDDEN', clerk: 'ok', reviewer: 'ok', admin: 'ok' },
    getCase: { anonymous: 'UNAUTHENTICATED', owner: 'FORBIDDEN', other: 'FORBIDDEN', clerk: 'ok', reviewer: 'ok', admin: 'ok' },
    register: { anonymous: 'UNAUTHENTICATED', owner: 'FORBIDDEN', other: 'FORBIDDEN', clerk: 'ok', reviewer: 'FORBIDDEN', admin: 'FORBIDDEN' },
    act: { anonymous: 'UNAUTHENTICATED', owner: 'FORBIDDEN', other: 'FORBIDDEN', clerk: 'ok', reviewer: 'FORBIDDEN', admin: 'FORBIDDEN' },
    replyTemplate: { anonymous: 'UNAUTHENTICATED', owner: 'FORBIDDEN', other: 'FORBIDDEN', clerk: 'ok', reviewer: 'FORBIDDEN', admin: 'FORBIDDEN' },
    outbox: { anonymous: 'UNAUTHENTICATED', owner: 'FORBIDDEN', other: 'FORBIDDEN', clerk: 'ok', reviewer: 'ok', admin: 'ok' },
    getSettings: { anonymous: 'UNAUTHENTICATED', owner: 'FORBIDDEN', other: 'FORBIDDEN', clerk: 'ok', reviewer: 'ok', admin: 'ok' },
    saveSettings: { anonymous: 'UNAUTHENTICATED', owner: 'FORBIDDEN', other: 'FORBIDDEN', clerk: 'FORBIDDEN', reviewer: 'FORBIDDEN', admin: 'ok' },
    listCalendarOverrides: { anonymous: 'UNAUTHENTICATED', owner: 'FORBIDDEN', other: 'FORBIDDEN', clerk: 'ok', reviewer: 'ok', admin: 'ok' },
    saveCalendarOverride: { anonymous: 'UNAUTHENTICATED', owner: 'FORBIDDEN', other: 'FORBIDDEN', clerk: 'FORBIDDEN', reviewer: 'FORBIDDEN', admin: 'ok' },
  };

  it('covers every action of the contract', () => {
    expect(Object.keys(matrix).sort()).toEqual(Object.keys(requestsContract.actions).sort());
  });

  it.each(personas)('answers each action as expected for %s', async (persona) => {
    for (const action of Object.keys(matrix)) {
      const { call } = await setup();
      const receipt = expectOk(await call('owner', 'requests', 'submit', { idempotencyKey: `matrix-${action}-000000000`, application: validApplication }));
      const inputs: Record<string, unknown> = {
        submit: { idempotencyKey: `matrix-submit-${persona}-0000`, application: validApplication },
        listMine: {},
        getMine: { id: receipt.id },
        actMine: { id: receipt.id, expectedVersion: 1, command: { type: 'withdraw' } },
        attachmentUrl: { id: receipt.id, fileId: `local-file://${'0'.repeat(32)}` },
        calculateDeadlines: { receiptDate: '2026-02-10' },
        queue: {},
        getCase: { id: receipt.id },
        register: { idempotencyKey: `matrix-register-${persona}-00`, channel: 'letter', receiptDate: '2026-02-09', application: validApplication },
        act: { id: receipt.id, expectedVersion: 1, command: { type: 'accept' } },
        replyTemplate: { id: receipt.id, outcome: 'granted' },
        outbox: {},
        getSettings: {},
        saveSettings: { feesEnabled: true, pauseWhileFeeUnpaid: true },
        listCalendarOverrides: {},
        saveCalendarOverride: { override: { date: '2027-02-08', kind: 'holiday', name: '春节' } },
      };
      expect(findActionContract('requests', action)).toBeDefined();
      const answer = await call(persona, 'requests', action, inputs[action]);
      const got = answer.ok ? 'ok' : answer.error.code;
      expect(`${action}: ${got}`).toBe(`${action}: ${matrix[action]![persona]}`);
    }
  });

  it('refuses workflow steps a role may not take, with a Chinese reason', async () => {
    const { call } = await setup();
    const receipt = expectOk(await call('owner', 'requests', 'submit', { idempotencyKey: 'steps-key-00000000001', application: validApplication }));
    const reviewerAccept = await call('reviewer', 'requests', 'act', { id: receipt.id, expectedVersion: 1, command: { type: 'accept' } });
    expect(reviewerAccept).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const early = await call('clerk', 'requests', 'act', { id: receipt.id, expectedVersion: 1, command: { type: 'draftReply', outcome: 'granted', text: 'x' } });
    expect(early).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringMatching(/不能执行/) } });
    const stale = await call('clerk', 'requests', 'act', { id: receipt.id, expectedVersion: 7, command: { type: 'accept' } });
    expect(stale).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringMatching(/刷新/) } });
  });
});

describe('application validation (条例第二十九条)', () => {
  it.each([
    ['applicantType', { applicantType: 'alien' }, '请选择申请人类型'],
    ['name', { name: ' ' }, '请填写姓名'],
    ['idNumber', { idNumber: '110105194912310021' }, '居民身份证号码不正确'],
    ['organisationName', { applicantType: 'commercial', idType: 'socialCreditCode', idNumber: '91350100M000100Y43' }, '请填写单位名称'],
    ['idType', { applicantType: 'commercial', organisationName: '某公司', idType: 'residentId' }, '统一社会信用代码'],
    ['idNumber', { applicantType: 'commercial', organisationName: '某公司', idType: 'socialCreditCode', idNumber: '91350100M000100Y44' }, '统一社会信用代码不正确'],
    ['mobile', { mobile: '12345' }, '11 位'],
    ['mobile', { mobile: undefined, email: undefined }, '至少填写手机号码或电子邮箱'],
    ['email', { email: 'not-an-email' }, '电子邮箱格式不正确'],
    ['address', { deliveryChannel: 'post', postcode: '255000' }, '通信地址'],
    ['postcode', { deliveryChannel: 'post', address: '淄博市张店区', postcode: '2550' }, '6 位邮政编码'],
    ['email', { deliveryChannel: 'email', email: undefined }, '请填写电子邮箱'],
    ['description', { description: '开标' }, '至少 5 个字'],
    ['description', { description: 'x'.repeat(2001) }, '不能超过 2000'],
    ['deliveryForm', { deliveryForm: 'fax' }, '提供形式'],
  ])('%s is refused with a specific Chinese message (case %#)', async (path, change, message) => {
    const { call } = await setup();
    const answer = await call('owner', 'requests', 'submit', { idempotencyKey: 'validation-000000000001', application: { ...validApplication, ...change } });
    expect(answer.ok).toBe(false);
    if (answer.ok) return;
    expect(answer.error.code).toBe('VALIDATION_FAILED');
    const issue = answer.error.issues?.find((i) => i.path === `application.${path}`);
    expect(issue?.message).toContain(message);
  });

  it('refuses a bad idempotency key and a registration dated in the future', async () => {
    const { call } = await setup();
    expect(await call('owner', 'requests', 'submit', { idempotencyKey: 'short', application: validApplication })).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    const future = await call('clerk', 'requests', 'register', { idempotencyKey: 'future-key-00000000001', channel: 'letter', receiptDate: '2026-02-11', application: validApplication });
    expect(future).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', message: expect.stringMatching(/不能晚于今天/) } });
  });
});

describe('calendar overrides and the public calculator', () => {
  it('explains the four statutory periods from any receipt date', async () => {
    const { call } = await setup();
    const result = expectOk(await call('anonymous', 'requests', 'calculateDeadlines', { receiptDate: '2026-09-28' }));
    expect(result.deadlines.map((d: { workingDays: number; due: string }) => [d.workingDays, d.due])).toEqual([
      [7, '2026-10-13'],
      [15, '2026-10-23'],
      [20, '2026-10-30'],
      [40, '2026-11-27'],
    ]);
    expect(result.deadlines[0].notableDays.map((d: { date: string }) => d.date)).toEqual(['2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04', '2026-10-05', '2026-10-06', '2026-10-07', '2026-10-10']);
  });

  it('re-dates open cases when staff add a holiday, and flags uncovered years as provisional', async () => {
    const { call } = await setup('2026-12-15T02:00:00Z');
    const receipt = expectOk(await call('owner', 'requests', 'submit', { idempotencyKey: 'calendar-key-000000001', application: validApplication }));
    expect(receipt.replyDeadline).toMatchObject({ due: '2027-01-12', provisional: true });
    expectOk(await call('admin', 'requests', 'saveCalendarOverride', { override: { date: '2027-01-01', kind: 'holiday', name: '元旦' }, declareYearCovered: 2027 }));
    const mine = expectOk(await call('owner', 'requests', 'getMine', { id: receipt.id }));
    expect(mine.deadlines.find((d: { key: string }) => d.key === 'reply')).toMatchObject({ due: '2027-01-13', provisional: false });
  });
});

describe('processing fees (国办函〔2020〕109号), off by default', () => {
  it('is not offered until the admin turns fees on; then notice → payment restarts the clock, or no payment → Table 3 （六）2', async () => {
    const { call, setDate } = await setup('2026-03-02T02:00:00Z');
    const receipt = expectOk(await call('owner', 'requests', 'submit', { idempotencyKey: 'fee-key-0000000000001', application: validApplication }));
    let staff = expectOk(await call('clerk', 'requests', 'getCase', { id: receipt.id }));
    staff = expectOk(await call('clerk', 'requests', 'act', { id: receipt.id, expectedVersion: staff.version, command: { type: 'accept' } }));
    expect(staff.availableCommands).not.toContain('noticeFee');
    expect(await call('clerk', 'requests', 'act', { id: receipt.id, expectedVersion: staff.version, command: { type: 'noticeFee', basis: 'perPage', amount: 700 } })).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: '本机关未启用信息处理费' } });

    expectOk(await call('admin', 'requests', 'saveSettings', { feesEnabled: true, pauseWhileFeeUnpaid: true }));
    staff = expectOk(await call('clerk', 'requests', 'getCase', { id: receipt.id }));
    expect(staff.availableCommands).toContain('noticeFee');
    setDate('2026-03-04');
    staff = expectOk(await call('clerk', 'requests', 'act', { id: receipt.id, expectedVersion: staff.version, command: { type: 'noticeFee', basis: 'perPage', amount: 700 } }));
    expect(staff).toMatchObject({ state: 'feePending', fee: { amount: 700, noticeOn: '2026-03-04', dueBy: '2026-04-01' } });
    // While unpaid, the reply clock is paused.
    expect(staff.deadlines.find((d: { key: string }) => d.key === 'reply').due).toBeNull();
    const mine = expectOk(await call('owner', 'requests', 'getMine', { id: receipt.id }));
    expect(mine.fee).toMatchObject({ amount: 700, dueBy: '2026-04-01' });
    expect(mine.timeline.at(-1)).toMatchObject({ label: '发出信息处理费缴费通知', note: '按量收费 700 元，缴费期限 2026-04-01' });

    expect(await call('clerk', 'requests', 'act', { id: receipt.id, expectedVersion: staff.version, command: { type: 'abandonForUnpaidFee' } })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    setDate('2026-04-03');
    const closed = expectOk(await call('clerk', 'requests', 'act', { id: receipt.id, expectedVersion: staff.version, command: { type: 'abandonForUnpaidFee' } }));
    expect(closed).toMatchObject({ state: 'closed' });
    const compiled = expectOk(await call('admin', 'report', 'compile', { year: 2026 }));
    expect(compiled.table3.otherUnpaidFee[6]).toBe(1);
  });

  it('payment resumes the clock: the days waiting for payment do not count', async () => {
    const { call, setDate } = await setup('2026-03-02T02:00:00Z');
    expectOk(await call('admin', 'requests', 'saveSettings', { feesEnabled: true, pauseWhileFeeUnpaid: true }));
    const receipt = expectOk(await call('owner', 'requests', 'submit', { idempotencyKey: 'fee-key-0000000000002', application: validApplication }));
    let staff = expectOk(await call('clerk', 'requests', 'getCase', { id: receipt.id }));
    staff = expectOk(await call('clerk', 'requests', 'act', { id: receipt.id, expectedVersion: staff.version, command: { type: 'accept' } }));
    expect(staff.deadlines.find((d: { key: string }) => d.key === 'reply').due).toBe('2026-03-30');
    setDate('2026-03-04');
    staff = expectOk(await call('clerk', 'requests', 'act', { id: receipt.id, expectedVersion: staff.version, command: { type: 'noticeFee', basis: 'perApplication', amount: 100 } }));
    setDate('2026-03-09');
    staff = expectOk(await call('clerk', 'requests', 'act', { id: receipt.id, expectedVersion: staff.version, command: { type: 'recordPayment' } }));
    // 03-05, 06 and 09 were spent waiting for payment: three working days later.
    expect(staff).toMatchObject({ state: 'handling', fee: { paidOn: '2026-03-09' } });
    expect(staff.deadlines.find((d: { key: string }) => d.key === 'reply').due).toBe('2026-04-02');
  });
});
