// 意见征集 through the real router and store: periods by kind, comments while open with moderation,
// feedback after closing, export.
import { caller, expectOk } from '../support/call';
import { testDeps } from '../support/seeded-store';

async function setup(now = '2026-03-02T02:00:00Z') {
  const deps = await testDeps();
  let current = new Date(now);
  deps.clock = { now: () => current };
  return { deps, call: caller(deps), setNow: (iso: string) => (current = new Date(iso)) };
}

const draft = {
  title: '淄博市公共资源交易中心进场交易服务规范（征求意见稿）',
  kind: 'normativeDocument',
  marketRelated: true,
  summary: '为规范进场交易服务，起草本规范，现公开征求意见。',
  sections: [
    { heading: '第一条 适用范围', text: '本规范适用于进入本中心交易的工程建设、政府采购等项目。' },
    { heading: '第二条 开标', text: '开标应当在招标文件确定的时间公开进行。' },
  ],
  startDate: '2026-03-02',
  endDate: '2026-03-31',
};
let n = 0;
const key = () => `consult-key-${String(++n).padStart(10, '0')}`;

describe('publishing a consultation', () => {
  it('refuses a period shorter than the legal minimum unless a reason is recorded', async () => {
    const { call } = await setup();
    const short = await call('clerk', 'consultations', 'create', { ...draft, endDate: '2026-03-20' });
    expect(short).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', message: expect.stringMatching(/不少于 30 日（最早截止 2026-03-31）/) } });
    const withReason = expectOk(await call('clerk', 'consultations', 'create', { ...draft, endDate: '2026-03-20', shortPeriodReason: '省级文件要求限期出台实施细则' }));
    expect(withReason).toMatchObject({ phase: 'open', shortPeriodReason: '省级文件要求限期出台实施细则' });
    expect(await call('owner', 'consultations', 'create', draft)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});

describe('commenting, moderation and feedback', () => {
  it('runs the whole consultation: comment on a section, moderate, close, decide, publish feedback, export', async () => {
    const { call, setNow } = await setup();
    const c = expectOk(await call('clerk', 'consultations', 'create', draft));
    const comment = expectOk(await call('owner', 'consultations', 'comment', { idempotencyKey: key(), consultationId: c.id, sectionId: 's2', text: '建议开标延迟时通过小程序通知投标人', display: 'realName', realName: '赵六' }));
    expect(comment).toMatchObject({ status: 'pending', mine: true, author: '赵*', sectionId: 's2' });
    // Others do not see a pending comment; its author does.
    expect(expectOk(await call('other', 'consultations', 'get', { id: c.id })).comments).toEqual([]);
    expect(expectOk(await call('owner', 'consultations', 'get', { id: c.id })).comments).toHaveLength(1);
    const rejected = expectOk(await call('owner', 'consultations', 'comment', { idempotencyKey: key(), consultationId: c.id, text: '与本文件无关的广告内容，加微信了解', display: 'anonymous' }));
    expectOk(await call('clerk', 'consultations', 'moderate', { consultationId: c.id, commentId: comment.id, show: true }));
    expect(await call('clerk', 'consultations', 'moderate', { consultationId: c.id, commentId: rejected.id, show: false })).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    expectOk(await call('clerk', 'consultations', 'moderate', { consultationId: c.id, commentId: rejected.id, show: false, reason: '与征集事项无关' }));
    const list = expectOk(await call('anonymous', 'consultations', 'list', {}));
    expect(list[0]).toMatchObject({ phase: 'open', phaseLabel: '征集中', commentCount: 1, daysLeft: 29 });

    // Feedback only after closing.
    expect(await call('clerk', 'consultations', 'decide', { consultationId: c.id, commentIds: [comment.id], decision: 'adopted', reason: '已增加通知条款' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    setNow('2026-04-01T02:00:00Z');
    expect(await call('owner', 'consultations', 'comment', { idempotencyKey: key(), consultationId: c.id, text: '截止后的意见不应被接受', display: 'anonymous' })).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringMatching(/已于 2026-03-31 截止/) } });
    expect(await call('admin', 'consultations', 'publishFeedback', { consultationId: c.id, statement: '共收到意见1条，采纳1条。' })).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringMatching(/未答复采纳情况/) } });
    expectOk(await call('clerk', 'consultations', 'decide', { consultationId: c.id, commentIds: [comment.id], decision: 'adopted', reason: '已在第二条增加开标延迟通知的规定' }));
    const published = expectOk(await call('admin', 'consultations', 'publishFeedback', { consultationId: c.id, statement: '共收到有效意见1条，采纳1条，具体如下。' }));
    expect(published).toMatchObject({ phase: 'answered', feedback: { publishedOn: '2026-04-01' } });
    const seen = expectOk(await call('owner', 'consultations', 'get', { id: c.id }));
    expect(seen.comments.find((x: { id: string }) => x.id === comment.id).decision).toEqual({ decision: 'adopted', label: '采纳', reason: '已在第二条增加开标延迟通知的规定' });
    expect(seen.comments.find((x: { id: string }) => x.id === rejected.id)).toMatchObject({ status: 'rejected', rejectionReason: '与征集事项无关' });

    const csv = expectOk(await call('clerk', 'consultations', 'exportComments', { consultationId: c.id }));
    expect(csv.content.startsWith('\uFEFF序号,条款,意见')).toBe(true);
    expect(csv.content).toContain('第二条 开标,建议开标延迟时通过小程序通知投标人,赵*');
    expect(csv.content).toContain('采纳,已在第二条增加开标延迟通知的规定');
    expect(await call('owner', 'consultations', 'exportComments', { consultationId: c.id })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('refuses abusive comments, comments on unknown sections, replays a retried submit', async () => {
    const { call } = await setup();
    const c = expectOk(await call('clerk', 'consultations', 'create', draft));
    expect(await call('owner', 'consultations', 'comment', { idempotencyKey: key(), consultationId: c.id, text: '起草的人都是王八蛋', display: 'anonymous' })).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    expect(await call('owner', 'consultations', 'comment', { idempotencyKey: key(), consultationId: c.id, sectionId: 's9', text: '这一条需要修改一下', display: 'anonymous' })).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    const k = key();
    const first = expectOk(await call('owner', 'consultations', 'comment', { idempotencyKey: k, consultationId: c.id, text: '建议明确适用范围', display: 'anonymous' }));
    const again = expectOk(await call('owner', 'consultations', 'comment', { idempotencyKey: k, consultationId: c.id, text: '建议明确适用范围', display: 'anonymous' }));
    expect(again.id).toBe(first.id);
    expect(expectOk(await call('clerk', 'consultations', 'staffView', { id: c.id })).comments).toHaveLength(1);
    expect(await call('anonymous', 'consultations', 'comment', { idempotencyKey: key(), consultationId: c.id, text: '匿名访客不能评论', display: 'anonymous' })).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });
});
