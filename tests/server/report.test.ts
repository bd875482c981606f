// The annual report compiled from the records, checked, published as immutable versions, exported.
import { parseAnnualReport } from '../../cloudfunctions/_lib/seed/parse-report';
import { caller, expectOk } from '../support/call';
import { SEED_REPORT_TEXT, testDeps } from '../support/seeded-store';

const seed = parseAnnualReport(SEED_REPORT_TEXT);

async function setup(now = '2026-11-29T04:00:00Z') {
  const deps = await testDeps();
  let current = new Date(now);
  deps.clock = { now: () => current };
  return { deps, call: caller(deps), setNow: (iso: string) => (current = new Date(iso)) };
}

const application = {
  applicantType: 'commercial',
  name: '王五',
  organisationName: '淄博某建设有限公司',
  idType: 'socialCreditCode',
  idNumber: '91350100M000100Y43',
  mobile: '13912345678',
  description: '请公开2024年某工程招标项目的开标记录',
  deliveryForm: 'electronic',
  deliveryChannel: 'online',
};

describe('compiling Table 3 from the records', () => {
  it('reproduces the 2023 seed report exactly from the seeded case records', async () => {
    const { call } = await setup();
    const compiled = expectOk(await call('admin', 'report', 'compile', { year: 2023 }));
    expect(compiled.table3).toEqual(seed.table3);
    expect(compiled.table4).toEqual(seed.table4);
    expect(compiled.table2).toEqual(seed.table2);
    expect(compiled.violations).toEqual([]);
    expect(compiled.caseCount).toBe(5);
    expect(compiled.latest).toMatchObject({ year: 2023, version: 1 });
    // The draft starts from the published text.
    expect(compiled.draft.overview.split('\n')[1]).toBe('（一）主动公开方面');
  });

  it('carries a 2024 case answered in 2025 over, and publishes 2024 once the year is over', async () => {
    const { call, setNow } = await setup('2024-12-20T02:00:00Z');
    const receipt = expectOk(await call('owner', 'requests', 'submit', { idempotencyKey: 'report-carry-00000001', application }));
    expectOk(await call('owner', 'requests', 'submit', { idempotencyKey: 'report-carry-00000002', application: { ...application, description: '另一项申请：2024年开标室使用记录' } }));
    const staff = expectOk(await call('clerk', 'requests', 'getCase', { id: receipt.id }));
    const accepted = expectOk(await call('clerk', 'requests', 'act', { id: receipt.id, expectedVersion: staff.version, command: { type: 'accept' } }));
    const drafted = expectOk(await call('clerk', 'requests', 'act', { id: receipt.id, expectedVersion: accepted.version, command: { type: 'draftReply', outcome: 'partial', text: '部分公开' } }));

    // This year so far: live, not publishable.
    let live = expectOk(await call('clerk', 'report', 'compile', { year: 2024 }));
    expect(live).toMatchObject({ yearComplete: false, publicationDeadline: '2025-01-31' });
    expect(live.table3.newReceived).toEqual([0, 2, 0, 0, 0, 0, 2]);
    expect(live.table3.carriedOver).toEqual([0, 2, 0, 0, 0, 0, 2]);
    expect(await call('admin', 'report', 'publish', { year: 2024 })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });

    setNow('2025-01-08T02:00:00Z');
    expectOk(await call('reviewer', 'requests', 'act', { id: receipt.id, expectedVersion: drafted.version, command: { type: 'decideReply', approve: true } }));
    expectOk(await call('clerk', 'report', 'saveDraft', { year: 2024, draft: { overview: '总体情况文字\n（一）主动公开方面\n主动公开若干信息。', problems: '', other: '', table2Inputs: { licensing: 0, penalties: 0, enforcement: 0, feesWan: 0 } } }));
    live = expectOk(await call('admin', 'report', 'compile', { year: 2024 }));
    expect(live).toMatchObject({ yearComplete: true, daysToDeadline: 23 });
    // Answered in 2025: still carried over in 2024's report, and counted in 2025's.
    expect(live.table3.carriedOver).toEqual([0, 2, 0, 0, 0, 0, 2]);
    const published = expectOk(await call('admin', 'report', 'publish', { year: 2024 }));
    expect(published).toMatchObject({ year: 2024, version: 1, publishedAt: '2025-01-08' });
    const next = expectOk(await call('admin', 'report', 'compile', { year: 2025 }));
    expect(next.table3.carriedIn).toEqual(live.table3.carriedOver);
    expect(next.table3.partial).toEqual([0, 1, 0, 0, 0, 0, 1]);

    const report = expectOk(await call('anonymous', 'report', 'getReport', { year: 2024 }));
    expect(report.sections[0].blocks).toEqual([{ paragraphs: ['总体情况文字'] }, { heading: '（一）主动公开方面', paragraphs: ['主动公开若干信息。'] }]);
    expect(report.preamble).toContain('2024年1月1日起，至2024年12月31日止');
    expect(report.history).toEqual([
      { year: 2023, received: 5 },
      { year: 2024, received: 2 },
    ]);
  });
});

describe('publishing', () => {
  it('refuses to publish while a rule fails, naming the cell (a corrupt imported record)', async () => {
    const { call, deps } = await setup();
    await deps.store.update('infoRequests', 'hist-2023-001', { applicantType: 'government' });
    const compiled = expectOk(await call('admin', 'report', 'compile', { year: 2023 }));
    expect(compiled.violations.map((v: { cell: string; rule: string }) => `${v.rule}:${v.cell}`)).toContain('row_total:newReceived/total');
    const refused = await call('admin', 'report', 'publish', { year: 2023, note: '更正' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', message: expect.stringMatching(/勾稽关系/) } });
    if (!refused.ok) expect(refused.error.issues?.map((i) => i.path)).toContain('newReceived/total');
  });

  it('counts recorded appeals in Table 4', async () => {
    const { call } = await setup();
    const appeal = expectOk(await call('clerk', 'report', 'saveAppeal', { kind: 'review', filedOn: '2023-05-01', result: 'upheld', decidedOn: '2023-06-01' }));
    expect(appeal.id).toBeTruthy();
    const compiled = expectOk(await call('admin', 'report', 'compile', { year: 2023 }));
    expect(compiled.table4.review).toEqual([1, 0, 0, 0, 1]);
    expect(compiled.appealCount).toBe(1);
  });

  it('publishes a correction as a new version with a note; earlier versions stay readable', async () => {
    const { call } = await setup();
    expect(await call('admin', 'report', 'publish', { year: 2023 })).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', issues: [{ path: 'note' }] } });
    expectOk(await call('clerk', 'report', 'saveRegulatoryDocument', { kind: 'normative', title: '淄博市公共资源交易中心交易服务规范（试行）', issuedOn: '2023-03-01' }));
    const v2 = expectOk(await call('admin', 'report', 'publish', { year: 2023, note: '补录2023年制发的行政规范性文件1件' }));
    expect(v2).toMatchObject({ version: 2, note: '补录2023年制发的行政规范性文件1件' });
    const latest = expectOk(await call('anonymous', 'report', 'getReport', { year: 2023 }));
    expect(latest.version).toBe(2);
    expect(latest.table2.normativeDocuments).toEqual({ issued: 1, repealed: 0, inForce: 1 });
    expect(latest.table3).toEqual(seed.table3);
    expect(latest.versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    const first = expectOk(await call('anonymous', 'report', 'getReport', { year: 2023, version: 1 }));
    expect(first.table2.normativeDocuments).toEqual({ issued: 0, repealed: 0, inForce: 0 });
    expect(expectOk(await call('anonymous', 'report', 'listReports', {}))).toHaveLength(1);
  });

  it('is for the admin only; staff compile and draft; citizens do neither', async () => {
    const { call } = await setup();
    expect(await call('clerk', 'report', 'publish', { year: 2023, note: 'x' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await call('reviewer', 'report', 'saveDraft', { year: 2023, draft: { overview: 'x', problems: '', other: '', table2Inputs: { licensing: 0, penalties: 0, enforcement: 0, feesWan: 0 } } })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await call('owner', 'report', 'compile', { year: 2023 })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await call('anonymous', 'report', 'compile', { year: 2023 })).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect(await call('clerk', 'report', 'saveAppeal', { kind: 'review', filedOn: '2023-05-01', result: 'upheld' })).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
  });
});

describe('exports', () => {
  it('exports the tables as CSV with a BOM and every Table 3 row, and the report as JSON', async () => {
    const { call } = await setup();
    const csv = expectOk(await call('anonymous', 'report', 'exportReport', { year: 2023, format: 'csv' }));
    expect(csv.filename).toBe('淄博市公共资源交易中心2023年政府信息公开工作年度报告-第1版.csv');
    expect(csv.content.startsWith('\uFEFF淄博市公共资源交易中心2023年政府信息公开工作年度报告')).toBe(true);
    expect(csv.content).toContain('一、本年新收政府信息公开申请数量,5,0,0,0,0,0,5');
    expect(csv.content).toContain('（一）予以公开,5,0,0,0,0,0,5');
    expect(csv.content.split('\r\n').filter((line: string) => /^[（一二三四]/.test(line) || /^（/.test(line)).length).toBeGreaterThanOrEqual(25);
    const json = expectOk(await call('anonymous', 'report', 'exportReport', { year: 2023, format: 'json' }));
    expect(JSON.parse(json.content).table3).toEqual(seed.table3);
    expect(await call('anonymous', 'report', 'exportReport', { year: 2023, format: 'pdf' })).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
  });
});
