// Delivers pending applicant notices from the outbox through the message port. Each notice is
// claimed with a version check first, so two deliverers never send the same notice twice; a claim
// left behind by a crash is retried after CLAIM_TIMEOUT_MS.
import type { MessageSender } from '../ports/messages';
import type { DocumentStore, StoredDoc } from '../ports/store';
import { StoreError } from '../ports/store';
import type { Clock } from '../ports/clock';

export const OUTBOX_COLLECTION = 'notificationOutbox';
const CLAIM_TIMEOUT_MS = 10 * 60 * 1000;
export const MAX_ATTEMPTS = 5;

export interface OutboxDoc {
  at: string;
  audience: 'applicant' | 'staff';
  recipient: string;
  kind: string;
  title: string;
  body: string;
  caseId: string;
  /** The mini-program page the message opens (default: the information request). */
  page?: string;
  reference?: string;
  status: 'pending' | 'sending' | 'sent' | 'failed';
  attempts?: number;
  claimedAt?: string;
  sentAt?: string;
  lastError?: string;
}

export interface DeliveryReport {
  sent: number;
  rejected: number;
  retried: number;
  failed: number;
}

export async function deliverOutbox(
  deps: { store: DocumentStore; clock: Clock; sender: MessageSender },
  options: { limit?: number } = {},
): Promise<DeliveryReport> {
  const report: DeliveryReport = { sent: 0, rejected: 0, retried: 0, failed: 0 };
  const now = deps.clock.now();
  const stale = new Date(now.getTime() - CLAIM_TIMEOUT_MS).toISOString();
  const pending = await deps.store.find<OutboxDoc>(OUTBOX_COLLECTION, { where: { audience: 'applicant', status: 'pending' }, orderBy: [['at', 'asc']], limit: options.limit ?? 50 });
  const abandoned = await deps.store.find<OutboxDoc>(OUTBOX_COLLECTION, { where: { audience: 'applicant', status: 'sending', claimedAt: { $lt: stale } }, limit: 20 });

  for (const notice of [...pending, ...abandoned]) {
    let claimed: StoredDoc<OutboxDoc>;
    try {
      claimed = await deps.store.update<OutboxDoc>(OUTBOX_COLLECTION, notice._id, { status: 'sending', claimedAt: now.toISOString() }, { ifVersion: notice._version });
    } catch (error) {
      if (error instanceof StoreError && error.code === 'conflict') continue; // another deliverer has it
      throw error;
    }
    const result = await deps.sender.send({
      to: claimed.recipient,
      kind: claimed.kind,
      title: claimed.title,
      body: claimed.body,
      reference: claimed.reference ?? '',
      date: claimed.at.slice(0, 10),
      page: claimed.page ?? `/packages/apply/case/index?id=${claimed.caseId}`,
    });
    const attempts = (claimed.attempts ?? 0) + 1;
    if (result.status === 'sent') {
      await deps.store.update<OutboxDoc>(OUTBOX_COLLECTION, claimed._id, { status: 'sent', attempts, sentAt: deps.clock.now().toISOString() });
      report.sent += 1;
    } else if (result.status === 'rejected' || attempts >= MAX_ATTEMPTS) {
      await deps.store.update<OutboxDoc>(OUTBOX_COLLECTION, claimed._id, { status: 'failed', attempts, lastError: result.reason });
      if (result.status === 'rejected') report.rejected += 1;
      else report.failed += 1;
    } else {
      await deps.store.update<OutboxDoc>(OUTBOX_COLLECTION, claimed._id, { status: 'pending', attempts, lastError: result.reason });
      report.retried += 1;
    }
  }
  return report;
}
