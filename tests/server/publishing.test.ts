// Publishing through the real router: 源头认定, 保密审查 by a second person, publication into the public
// catalogue, withdrawal, Art. 26 flags, and who may do what.
import { caller, expectOk } from '../support/call';
import { testDeps } from '../support/seeded-store';

async function setup(now = '2026-03-02T02:00:00Z') {
  const deps = await testDeps();
  let current = new Date(now);
  deps.clock = { now: () => current };
  return { call: caller(deps), setNow: (iso: string) => (current = new Date(iso)) };
}

const draft = {
  categoryId: 'gzzd',
  title: '淄博市公共资源交易中心开评标现场管理办法',
  docNo: '淄公管字〔2026〕3号',
  subject: '公共资源交易',
  attribute: '主动公开',
  timeLimit: 'general',
  formedOn: '2026-02-10',
  paragraphs: ['第一条 为规范开评标现场秩序，制定本办法。', '第二条 本办法自发布之日起施行。'],
};

describe('publishing a 主动公开 document', () => {
  it('goes from draft through 保密审查 by another person into the public catalogue, and out again when withdrawn', async () => {
    const { call } = await setup();
    let doc = expectOk(await call('clerk', 'catalogue', 'saveDocument', draft));
    expect(doc).toMatchObject({ state: 'draft', due: '2026-03-16', timeliness: 'ok', availableCommands: ['submit'] });
    doc = expectOk(await call('clerk', 'catalogue', 'publishing', { id: doc.id, expectedVersion: doc.version, command: { type: 'submit' } }));
    expect(doc.state).toBe('inReview');
    expect(await call('clerk', 'catalogue', 'publishing', { id: doc.id, expectedVersion: doc.version, command: { type: 'approve', confirmNoSecrets: true } })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    // Not public while in review.
    const before = expectOk(await call('anonymous', 'catalogue', 'listItems', { categoryId: 'gzzd' }));
    expect(before.items.some((i: { id: string }) => i.id === doc.id)).toBe(false);
    doc = expectOk(await call('reviewer', 'catalogue', 'publishing', { id: doc.id, expectedVersion: doc.version, command: { type: 'approve', confirmNoSecrets: true } }));
    expect(doc).toMatchObject({ state: 'published', timeliness: 'onTime' });
    const after = expectOk(await call('anonymous', 'catalogue', 'listItems', { categoryId: 'gzzd' }));
    expect(after.items[0]).toMatchObject({ id: doc.id, title: draft.title, demo: false, publishedAt: '2026-03-02' });
    expect(expectOk(await call('anonymous', 'catalogue', 'getItem', { id: doc.id }))).toMatchObject({ attribute: '主动公开', docNo: '淄公管字〔2026〕3号' });
    doc = expectOk(await call('reviewer', 'catalogue', 'publishing', { id: doc.id, expectedVersion: doc.version, command: { type: 'withdraw', reason: '文号有误，更正后重新发布' } }));
    expect(doc).toMatchObject({ state: 'withdrawn', withdrawalReason: '文号有误，更正后重新发布' });
    expect(await call('anonymous', 'catalogue', 'getItem', { id: doc.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(doc.history.map((h: { action: string }) => h.action)).toEqual(['保存草稿', '提交保密审查', '保密审查通过，发布', '撤回']);
  });

  it('keeps 不予公开 documents off the website, returns rejected ones with the reason, flags late ones', async () => {
    const { call, setNow } = await setup();
    const secret = expectOk(await call('clerk', 'catalogue', 'saveDocument', { ...draft, attribute: '不予公开' }));
    expect(await call('clerk', 'catalogue', 'publishing', { id: secret.id, expectedVersion: secret.version, command: { type: 'submit' } })).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringMatching(/不予公开/) } });
    let doc = expectOk(await call('clerk', 'catalogue', 'saveDocument', { ...draft, formedOn: '2026-02-02' }));
    doc = expectOk(await call('clerk', 'catalogue', 'publishing', { id: doc.id, expectedVersion: doc.version, command: { type: 'submit' } }));
    doc = expectOk(await call('reviewer', 'catalogue', 'publishing', { id: doc.id, expectedVersion: doc.version, command: { type: 'reject', reason: '附件含投标人联系人手机号' } }));
    expect(doc).toMatchObject({ state: 'rejected', reviewReason: '附件含投标人联系人手机号' });
    setNow('2026-03-10T02:00:00Z');
    const list = expectOk(await call('clerk', 'catalogue', 'staffDocuments', {}));
    expect(list.find((d: { id: string }) => d.id === doc.id)).toMatchObject({ timeliness: 'late', due: '2026-03-06' });
  });

  it('is for staff only; only the author edits a draft', async () => {
    const { call } = await setup();
    expect(await call('owner', 'catalogue', 'saveDocument', draft)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await call('anonymous', 'catalogue', 'staffDocuments', {})).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    const doc = expectOk(await call('clerk', 'catalogue', 'saveDocument', draft));
    expect(await call('admin', 'catalogue', 'saveDocument', { ...draft, id: doc.id, title: '管理员改的标题' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await call('clerk', 'catalogue', 'saveDocument', { ...draft, title: '短' })).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
  });
});

describe('ordering within a column', () => {
  it('puts the document published last at the top, also among documents published the same day', async () => {
    const { call, setNow } = await setup('2026-03-02T01:00:00Z');
    const publish = async (title: string) => {
      let doc = expectOk(await call('clerk', 'catalogue', 'saveDocument', { ...draft, title }));
      doc = expectOk(await call('clerk', 'catalogue', 'publishing', { id: doc.id, expectedVersion: doc.version, command: { type: 'submit' } }));
      return expectOk(await call('reviewer', 'catalogue', 'publishing', { id: doc.id, expectedVersion: doc.version, command: { type: 'approve', confirmNoSecrets: true } }));
    };
    const ids: string[] = [];
    for (const [i, time] of ['01:00', '02:00', '03:00', '04:00'].entries()) {
      setNow(`2026-03-02T${time}:00Z`);
      ids.push((await publish(`同一天发布的第${i + 1}份文件`)).id);
    }
    const list = expectOk(await call('anonymous', 'catalogue', 'listItems', { categoryId: 'gzzd' }));
    expect(list.items.slice(0, 4).map((i: { id: string }) => i.id)).toEqual([...ids].reverse());
  });
});
