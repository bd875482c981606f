// 政策解读 and 会议公开 through the real router over the seeded store: public reads (paging, filters,
// links between documents, interpretations and meetings), statistics beside the report's figures,
// and the staff workflow (authorization, bad input, 保密审查 by another person, publication hook).
import { policiesDemo, policyFactsFromReport } from '../../cloudfunctions/_lib/seed/policies-demo';
import { demoCatalogue } from '../../cloudfunctions/_lib/seed/demo';
import { caller, expectOk } from '../support/call';
import { SEED_REPORT_TEXT, testDeps } from '../support/seeded-store';

async function setup() {
  const deps = await testDeps();
  return { deps, call: caller(deps) };
}

const SECTIONS = [
  { key: 'background', paragraphs: ['背景段落'] },
  { key: 'basis', paragraphs: ['依据段落'] },
  { key: 'purpose', paragraphs: ['目的段落'] },
  { key: 'measures', paragraphs: ['举措段落'] },
];

function interpretation(documentId: string, extra: object = {}) {
  return { documentId, title: '解读：交易服务规程', form: 'text', role: 'expert', interpreter: '某专家', sections: SECTIONS, media: [], ...extra };
}

describe('seeded 政策解读 and 会议公开', () => {
  it('parses the report’s figures with their source sentences', () => {
    const facts = policyFactsFromReport(SEED_REPORT_TEXT, 2023, 'x');
    expect(facts).toMatchObject({ interpretations: 27, directorOfficeMeetings: 8, directorOfficeTopics: 32, thirdPartyAttendance: 1, sanTiSanZhengMeetings: 5 });
    expect(facts.sources[0]).toMatch(/^畅通政策解读渠道.*全年共发布解读类信息27次。$/);
    expect(facts.sources[1]).toMatch(/^做好会议公开与会议解读.*召开“三提三争”工作推进会5次，并及时做好主任办公会重要议题的解读工作。$/);
  });

  it('demo meetings reproduce the real 2023 counts; every demo record is marked and every media has alt text', () => {
    const { interpretations, meetings } = policiesDemo(demoCatalogue().items);
    const office = meetings.filter((m) => m.kind === 'directorOffice');
    expect(office).toHaveLength(8);
    expect(office.reduce((n, m) => n + m.topicCount, 0)).toBe(32);
    expect(office.filter((m) => m.thirdPartyAttended)).toHaveLength(1);
    expect(meetings.filter((m) => m.kind === 'sanTiSanZheng')).toHaveLength(5);
    expect(interpretations.length).toBeGreaterThanOrEqual(5);
    expect(new Set(interpretations.map((i) => i.form)).size).toBeGreaterThanOrEqual(3);
    expect([...interpretations, ...meetings].every((d) => d.demo)).toBe(true);
    expect(interpretations.flatMap((i) => i.media).every((m) => m.alt.length >= 4 && m.dataUrl!.startsWith('data:image/svg+xml;base64,'))).toBe(true);
  });
});

describe('policies function: public reads', () => {
  it('pages interpretations newest first by keyset with no gaps or repeats, filtered by form and role', async () => {
    const { call } = await setup();
    const all = expectOk(await call('anonymous', 'policies', 'listInterpretations', { limit: 50 }));
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: Array<{ id: string }>; nextCursor: string | null } = expectOk(await call('anonymous', 'policies', 'listInterpretations', { cursor, limit: 2 }));
      seen.push(...page.items.map((i) => i.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all.items.map((i: { id: string }) => i.id));
    const dates = all.items.map((i: { publishedAt: string }) => i.publishedAt);
    expect([...dates].sort().reverse()).toEqual(dates);
    const images = expectOk(await call('anonymous', 'policies', 'listInterpretations', { form: 'image' }));
    expect(images.items.length).toBeGreaterThan(0);
    expect(images.items.every((i: { formLabel: string }) => i.formLabel === '图片')).toBe(true);
    const experts = expectOk(await call('anonymous', 'policies', 'listInterpretations', { role: 'expert' }));
    expect(experts.items.every((i: { roleLabel: string }) => i.roleLabel === '专家')).toBe(true);
    expect(await call('anonymous', 'policies', 'listInterpretations', { form: 'poster' })).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', message: expect.stringContaining('解读形式不正确') } });
    expect(await call('anonymous', 'policies', 'listInterpretations', { limit: 500 })).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
  });

  it('opens an interpretation with its four aspects, media alt text, policy document and meeting; the document lists it back', async () => {
    const { call } = await setup();
    const images = expectOk(await call('anonymous', 'policies', 'listInterpretations', { form: 'image' }));
    const one = expectOk(await call('anonymous', 'policies', 'getInterpretation', { id: images.items[0].id }));
    expect(one.sections.map((s: { label: string }) => s.label)).toEqual(['政策背景', '决策依据', '出台目的', '重要举措']);
    expect(one.media[0]).toMatchObject({ kind: 'image', kindLabel: '图片', alt: expect.stringContaining('示意图'), url: expect.stringMatching(/^data:image\/svg\+xml/) });
    expect(one.document).toMatchObject({ title: one.documentTitle, docNo: expect.stringMatching(/^淄公管字/), route: `/packages/catalogue/detail/index?id=${one.document.id}` });
    const doc = expectOk(await call('anonymous', 'catalogue', 'getItem', { id: one.document.id }));
    expect(doc.title).toBe(one.documentTitle);
    const back = expectOk(await call('anonymous', 'policies', 'interpretationsOfDocument', { documentId: one.document.id }));
    expect(back.map((i: { id: string }) => i.id)).toContain(one.id);
    expect(expectOk(await call('anonymous', 'policies', 'interpretationsOfDocument', { documentId: 'demo-jggk-00001' }))).toEqual([]);
    expect(one.meetings.length).toBe(1);
    const meeting = expectOk(await call('anonymous', 'policies', 'getMeeting', { id: one.meetings[0].id }));
    expect(meeting.topics.some((t: { interpretations: Array<{ id: string }> }) => t.interpretations.some((i) => i.id === one.id))).toBe(true);
    expect(await call('anonymous', 'policies', 'getInterpretation', { id: 'nope' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await call('anonymous', 'policies', 'getInterpretation', { id: '../x' })).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
  });

  it('lists meetings by kind and shows the year’s statistics beside the report’s figures', async () => {
    const { call } = await setup();
    const office = expectOk(await call('anonymous', 'policies', 'listMeetings', { kind: 'directorOffice', limit: 5 }));
    expect(office.items).toHaveLength(5);
    expect(office.nextCursor).not.toBeNull();
    const rest = expectOk(await call('anonymous', 'policies', 'listMeetings', { kind: 'directorOffice', cursor: office.nextCursor }));
    expect(rest.items).toHaveLength(3);
    expect([...office.items, ...rest.items].find((m: { attendance?: string }) => m.attendance)?.attendance).toBe('邀请第三方机构列席');
    const stats = expectOk(await call('anonymous', 'policies', 'stats', { year: 2023 }));
    expect(stats.reported).toMatchObject({ interpretations: 27, directorOfficeMeetings: 8, directorOfficeTopics: 32, sanTiSanZhengMeetings: 5 });
    expect(stats.computed.meetings[0]).toMatchObject({ label: '主任办公会', count: 8, topics: 32, thirdPartyAttended: 1 });
    expect(stats.computed.meetings[1]).toMatchObject({ count: 5 });
    expect(stats.computed.includesDemo).toBe(true);
    expect(stats.years).toContain(2023);
    const empty = expectOk(await call('anonymous', 'policies', 'stats', { year: 2030 }));
    expect(empty).toMatchObject({ reported: null, computed: { interpretations: 0, includesDemo: false } });
  });
});

describe('policies function: staff workflow', () => {
  it('lets only clerks and admins create, and only a reviewer other than the author publish', async () => {
    const { call, deps } = await setup();
    const input = { idempotencyKey: 'policy-key-0000001', interpretation: interpretation('demo-gzzd-00001') };
    expect(await call('anonymous', 'policies', 'createInterpretation', input)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect(await call('owner', 'policies', 'createInterpretation', input)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await call('reviewer', 'policies', 'createInterpretation', input)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await call('owner', 'policies', 'staffItems')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const created = expectOk(await call('clerk', 'policies', 'createInterpretation', input));
    expect(created).toMatchObject({ state: 'inReview', stateLabel: '待保密审查', availableCommands: [] });
    // A retried submit is the same record.
    expect(expectOk(await call('clerk', 'policies', 'createInterpretation', input)).id).toBe(created.id);
    // Not public while in review.
    expect(await call('anonymous', 'policies', 'getInterpretation', { id: created.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const approve = { kind: 'interpretation', id: created.id, expectedVersion: created.version, command: { type: 'approve', confirmNoSecrets: true } };
    expect(await call('clerk', 'policies', 'review', approve)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await call('reviewer', 'policies', 'review', { ...approve, command: { type: 'approve', confirmNoSecrets: false } })).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    const published = expectOk(await call('reviewer', 'policies', 'review', approve));
    expect(published).toMatchObject({ state: 'published', availableCommands: ['withdraw'] });
    expect(published.history.map((h: { action: string }) => h.action)).toEqual(['录入解读，提交保密审查', '保密审查通过，发布']);
    const pub = expectOk(await call('anonymous', 'policies', 'getInterpretation', { id: created.id }));
    expect(pub).toMatchObject({ publishedAt: '2026-11-29', demo: false, document: { id: 'demo-gzzd-00001' } });
    expect(await deps.store.get('searchIndex', `interpretation:${created.id}`)).toMatchObject({ column: 'interpretation', type: 'text' });
    expect(await deps.store.get('publicationEvents', `interpretation:${created.id}`)).toMatchObject({ status: 'pending' });
    expect(await call('reviewer', 'policies', 'review', approve)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    const withdrawn = expectOk(await call('reviewer', 'policies', 'review', { kind: 'interpretation', id: created.id, expectedVersion: published.version, command: { type: 'withdraw', reason: '内容需更新' } }));
    expect(withdrawn.state).toBe('withdrawn');
    expect(await deps.store.get('searchIndex', `interpretation:${created.id}`)).toBeNull();
    expect(await call('anonymous', 'policies', 'getInterpretation', { id: created.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('refuses bad interpretations: unknown document, missing aspects, media without a file or alt text', async () => {
    const { call, deps } = await setup();
    let n = 0;
    const create = (extra: object, documentId = 'demo-gzzd-00001') => call('clerk', 'policies', 'createInterpretation', { idempotencyKey: `policy-bad-${String(++n).padStart(8, '0')}`, interpretation: interpretation(documentId, extra) });
    expect(await create({}, 'no-such-doc')).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', issues: [{ path: 'interpretation.documentId' }] } });
    expect(await create({ sections: SECTIONS.slice(0, 2) })).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', message: '请填写“出台目的”' } });
    expect(await create({ form: 'image' })).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', issues: [{ path: 'interpretation.media' }] } });
    expect(await create({ form: 'image', media: [{ kind: 'image', fileId: 'local-file://' + 'a'.repeat(32), alt: '一张流程示意图' }] })).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', message: expect.stringContaining('未找到') } });
    const pdf = await deps.files.save(Buffer.from('%PDF'), { name: 'a.pdf', contentType: 'application/pdf' });
    expect(await create({ form: 'image', media: [{ kind: 'image', fileId: pdf.fileId, alt: '一张流程示意图' }] })).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', message: expect.stringContaining('不是图片文件') } });
    const png = await deps.files.save(Buffer.from('png'), { name: 'a.png', contentType: 'image/png' });
    expect(await create({ form: 'image', media: [{ kind: 'image', fileId: png.fileId, alt: '图' }] })).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', issues: [{ path: 'interpretation.media.0.alt' }] } });
    const ok = expectOk(await create({ form: 'image', media: [{ kind: 'image', fileId: png.fileId, alt: '一张流程示意图' }] }));
    expectOk(await call('reviewer', 'policies', 'review', { kind: 'interpretation', id: ok.id, expectedVersion: ok.version, command: { type: 'approve', confirmNoSecrets: true } }));
    const shown = expectOk(await call('anonymous', 'policies', 'getInterpretation', { id: ok.id }));
    expect(shown.media[0]).toMatchObject({ alt: '一张流程示意图', contentType: 'image/png', url: expect.stringMatching(/^\/local\/files\/[a-f0-9]{32}$/) });
    expect(await call('clerk', 'policies', 'createInterpretation', { idempotencyKey: 'short', interpretation: interpretation('demo-gzzd-00001') })).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
  });

  it('records a meeting linked to a published interpretation; publishing it links the interpretation back', async () => {
    const { call } = await setup();
    const [first] = expectOk(await call('anonymous', 'policies', 'listInterpretations', { form: 'text', limit: 1 })).items;
    const meeting = { kind: 'directorOffice', title: '', date: '2026-11-20', topics: [{ title: '研究交易服务规程修订', interpretationIds: [first.id] }], attendance: '邀请第三方机构列席', paragraphs: ['会议研究了有关事项。'] };
    expect(await call('clerk', 'policies', 'createMeeting', { idempotencyKey: 'meeting-key-000001', meeting: { ...meeting, date: '2026-12-01' } })).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', issues: [{ path: 'meeting.date' }] } });
    expect(await call('clerk', 'policies', 'createMeeting', { idempotencyKey: 'meeting-key-000002', meeting: { ...meeting, topics: [{ title: '议题', interpretationIds: ['nope'] }] } })).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    const created = expectOk(await call('clerk', 'policies', 'createMeeting', { idempotencyKey: 'meeting-key-000003', meeting }));
    expect(created.title).toBe('主任办公会（2026-11-20）');
    const queue = expectOk(await call('reviewer', 'policies', 'staffItems', { state: 'inReview' }));
    expect(queue.find((i: { id: string }) => i.id === created.id)).toMatchObject({ kind: 'meeting', availableCommands: ['approve', 'reject'] });
    expect(await call('reviewer', 'policies', 'review', { kind: 'meeting', id: created.id, expectedVersion: created.version, command: { type: 'reject', reason: ' ' } })).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    expectOk(await call('reviewer', 'policies', 'review', { kind: 'meeting', id: created.id, expectedVersion: created.version, command: { type: 'approve', confirmNoSecrets: true } }));
    const list = expectOk(await call('anonymous', 'policies', 'listMeetings', { limit: 1 }));
    expect(list.items[0]).toMatchObject({ id: created.id, kindLabel: '主任办公会', topicCount: 1, demo: false });
    const shown = expectOk(await call('anonymous', 'policies', 'getInterpretation', { id: first.id }));
    expect(shown.meetings.map((m: { id: string }) => m.id)).toContain(created.id);
    const stats = expectOk(await call('anonymous', 'policies', 'stats', { year: 2026 }));
    expect(stats.computed.meetings[0]).toMatchObject({ count: 1, topics: 1, thirdPartyAttended: 1 });
  });
});
