// The outbox is delivered once per notice, retried on passing failures, and only by the scheduler.
import { deliverOutbox, OUTBOX_COLLECTION, type OutboxDoc } from '../../cloudfunctions/_lib/notifications/deliver';
import type { MessageSender, SendResult } from '../../cloudfunctions/_lib/ports/messages';
import { handlers } from '../../cloudfunctions/_lib/handlers';
import { dispatch } from '../../cloudfunctions/_lib/router';
import { caller, expectOk } from '../support/call';
import { testDeps } from '../support/seeded-store';

const application = {
  applicantType: 'natural',
  name: '李四',
  idType: 'residentId',
  idNumber: '11010519491231002X',
  email: 'lisi@example.cn',
  description: '请公开2025年开标记录的样式',
  deliveryForm: 'electronic',
  deliveryChannel: 'online',
};

function scriptedSender(results: SendResult[]): MessageSender & { sent: string[] } {
  const sent: string[] = [];
  return {
    sent,
    async send(message) {
      sent.push(`${message.to}:${message.kind}`);
      return results.shift() ?? { status: 'sent' };
    },
  };
}

describe('outbox delivery', () => {
  it('sends each applicant notice once, leaves staff notices to the console', async () => {
    const deps = await testDeps();
    expectOk(await caller(deps)('owner', 'requests', 'submit', { idempotencyKey: 'deliver-key-000000001', application }));
    const sender = scriptedSender([]);
    expect(await deliverOutbox({ ...deps, sender })).toEqual({ sent: 1, rejected: 0, retried: 0, failed: 0 });
    expect(sender.sent).toEqual(['local-citizen-a:received']);
    expect(await deliverOutbox({ ...deps, sender })).toEqual({ sent: 0, rejected: 0, retried: 0, failed: 0 });
    const docs = await deps.store.find<OutboxDoc>(OUTBOX_COLLECTION, {});
    expect(docs.map((d) => `${d.audience}:${d.status}`).sort()).toEqual(['applicant:sent', 'staff:pending']);
  });

  it('retries passing failures up to five attempts, and stops at a final rejection', async () => {
    const deps = await testDeps();
    expectOk(await caller(deps)('owner', 'requests', 'submit', { idempotencyKey: 'deliver-key-000000002', application }));
    const retrying = scriptedSender(Array(5).fill({ status: 'retry', reason: 'network' }));
    for (let i = 0; i < 5; i++) await deliverOutbox({ ...deps, sender: retrying });
    const [doc] = await deps.store.find<OutboxDoc>(OUTBOX_COLLECTION, { where: { audience: 'applicant' } });
    expect(doc).toMatchObject({ status: 'failed', attempts: 5, lastError: 'network' });
    expect(retrying.sent).toHaveLength(5);
  });

  it('two deliverers running at once send a notice only once', async () => {
    const deps = await testDeps();
    expectOk(await caller(deps)('owner', 'requests', 'submit', { idempotencyKey: 'deliver-key-000000003', application }));
    const sender = scriptedSender([]);
    await Promise.all([deliverOutbox({ ...deps, sender }), deliverOutbox({ ...deps, sender })]);
    expect(sender.sent).toEqual(['local-citizen-a:received']);
  });

  it('the notify function runs only for the scheduler, never for a person', async () => {
    const deps = await testDeps();
    const event = { action: 'deliverOutbox' };
    expect(await dispatch(handlers, deps, { functionName: 'notify', event, identity: { openid: 'local-citizen-a' } })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await dispatch(handlers, deps, { functionName: 'notify', event, identity: { openid: null } })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await dispatch(handlers, deps, { functionName: 'notify', event, identity: { openid: null, trigger: 'timer' } })).toEqual({ ok: true, data: { sent: 0, rejected: 0, retried: 0, failed: 0 } });
  });
});
