// Cloud function `subscriptions`: see src/contracts/subscriptions.ts for its actions. A timer event (no
// action) fans pending publication events out to followers' outbox.
import { createCloudEntry } from '../_lib/cloud-entry';

const entry = createCloudEntry('subscriptions');

export const main = (event: unknown) => entry(event && typeof event === 'object' && 'action' in event ? event : { action: 'fanOut' });
