// 补正 with attachments (条例第三十条): the client uploads to storage first and the function records
// references it checked; only the applicant and staff get download links.
import { testDeps } from '../support/seeded-store';
import { caller, expectOk } from '../support/call';

const application = {
  applicantType: 'natural',
  name: '张三',
  idType: 'residentId',
  idNumber: '11010519491231002X',
  mobile: '13812345678',
  description: '2023年度淄博市公共资源交易中心政府采购项目的开标记录',
  deliveryForm: 'electronic',
  deliveryChannel: 'online',
};

async function correctionRequested() {
  const deps = await testDeps();
  deps.clock = { now: () => new Date('2026-02-13T02:00:00Z') };
  const call = caller(deps);
  const receipt = expectOk(await call('owner', 'requests', 'submit', { idempotencyKey: 'attach-000000000001', application }));
  const staff = expectOk(await call('clerk', 'requests', 'act', { id: receipt.id, expectedVersion: 1, command: { type: 'requestCorrection', items: ['请提供项目名称的证明材料'] } }));
  const upload = async (name: string, contentType = 'application/pdf', content = '%PDF-1.4 scan') => deps.files.save(Buffer.from(content), { name, contentType });
  return { deps, call, id: receipt.id as string, version: staff.version as number, upload };
}

describe('submitCorrection with attachments', () => {
  it('records known attachments on the correction and shows them to the applicant and to staff', async () => {
    const { call, id, version, upload } = await correctionRequested();
    const scan = await upload('证明材料.pdf');
    const photo = await upload('现场照片.png', 'image/png', 'png-bytes');
    const mine = expectOk(await call('owner', 'requests', 'actMine', { id, expectedVersion: version, command: { type: 'submitCorrection', answer: '项目名称见附件', attachments: [scan, photo] } }));
    expect(mine.correction.attachments).toEqual([
      { fileId: scan.fileId, name: '证明材料.pdf', size: 13, contentType: 'application/pdf' },
      { fileId: photo.fileId, name: '现场照片.png', size: 9, contentType: 'image/png' },
    ]);
    const staff = expectOk(await call('clerk', 'requests', 'getCase', { id }));
    expect(staff.correction.attachments.map((a: { name: string }) => a.name)).toEqual(['证明材料.pdf', '现场照片.png']);
  });

  it('records the size storage knows rather than the one the client claims', async () => {
    const { call, id, version, upload } = await correctionRequested();
    const scan = await upload('a.pdf');
    const mine = expectOk(await call('owner', 'requests', 'actMine', { id, expectedVersion: version, command: { type: 'submitCorrection', answer: '见附件', attachments: [{ ...scan, size: 999 }] } }));
    expect(mine.correction.attachments[0].size).toBe(13);
  });

  it('refuses an attachment storage does not know, and leaves the case unchanged', async () => {
    const { call, id, version } = await correctionRequested();
    const answer = await call('owner', 'requests', 'actMine', {
      id,
      expectedVersion: version,
      command: { type: 'submitCorrection', answer: '见附件', attachments: [{ fileId: `local-file://${'a'.repeat(32)}`, name: 'x.pdf', size: 10, contentType: 'application/pdf' }] },
    });
    expect(answer).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', message: '附件不存在或已过期，请重新上传' } });
    expect(expectOk(await call('owner', 'requests', 'getMine', { id })).state).toBe('correctionRequested');
  });

  it('refuses more than five attachments, a disallowed type and an oversize file (staff too)', async () => {
    const { call, id, version, upload } = await correctionRequested();
    const six = await Promise.all([1, 2, 3, 4, 5, 6].map((n) => upload(`${n}.pdf`)));
    const tooMany = await call('owner', 'requests', 'actMine', { id, expectedVersion: version, command: { type: 'submitCorrection', answer: '见附件', attachments: six } });
    expect(tooMany).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    expect(tooMany.ok ? '' : tooMany.error.message).toContain('补正附件最多 5 个');
    const exe = await call('clerk', 'requests', 'act', {
      id,
      expectedVersion: version,
      command: { type: 'submitCorrection', answer: '窗口收到', attachments: [{ ...six[0]!, contentType: 'application/x-msdownload' }] },
    });
    expect(exe).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    const big = await call('owner', 'requests', 'actMine', { id, expectedVersion: version, command: { type: 'submitCorrection', answer: '见附件', attachments: [{ ...six[0]!, size: 10 * 1024 * 1024 + 1 }] } });
    expect(big.ok ? '' : big.error.message).toContain('10 MB');
    // Staff recording a correction received at the window can attach files too.
    const staff = expectOk(await call('clerk', 'requests', 'act', { id, expectedVersion: version, command: { type: 'submitCorrection', answer: '窗口收到', attachments: [six[0]] } }));
    expect(staff.correction.attachments).toHaveLength(1);
  });
});

describe('attachmentUrl', () => {
  it('links an attachment for the applicant and for staff; anyone else gets NOT_FOUND', async () => {
    const { call, id, version, upload } = await correctionRequested();
    const scan = await upload('证明材料.pdf');
    expectOk(await call('owner', 'requests', 'actMine', { id, expectedVersion: version, command: { type: 'submitCorrection', answer: '见附件', attachments: [scan] } }));
    const key = scan.fileId.slice('local-file://'.length);
    for (const persona of ['owner', 'clerk', 'reviewer', 'admin'] as const) {
      expect(expectOk(await call(persona, 'requests', 'attachmentUrl', { id, fileId: scan.fileId }))).toEqual({ url: `/local/files/${key}` });
    }
    expect(await call('other', 'requests', 'attachmentUrl', { id, fileId: scan.fileId })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await call('anonymous', 'requests', 'attachmentUrl', { id, fileId: scan.fileId })).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    // Only files attached to this case: another stored file is not reachable through it.
    const stray = await upload('other.pdf');
    expect(await call('owner', 'requests', 'attachmentUrl', { id, fileId: stray.fileId })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await call('clerk', 'requests', 'attachmentUrl', { id: 'req-doesnotexist', fileId: scan.fileId })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});
