// Cloud function `ratings`: see src/contracts/ratings.ts for its actions. A timer event (no action)
// forwards pending ratings to the provincial system.
import { createCloudEntry } from '../_lib/cloud-entry';

const entry = createCloudEntry('ratings');

export const main = (event: unknown) => entry(event && typeof event === 'object' && 'action' in event ? event : { action: 'forwardPending' });
