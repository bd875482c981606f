// Cloud function `portal`: see src/contracts/portal.ts for its actions.
import { createCloudEntry } from '../_lib/cloud-entry';

export const main = createCloudEntry('portal');
