// Cloud function `notify`: timer-triggered delivery of subscription messages (src/contracts/notify.ts).
// A timer event carries no action, so the entry supplies the only one this function has.
import { createCloudEntry } from '../_lib/cloud-entry';

const entry = createCloudEntry('notify');

export const main = (event: unknown) => entry(event && typeof event === 'object' && 'action' in event ? event : { action: 'deliverOutbox' });
