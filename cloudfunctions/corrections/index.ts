// Cloud function `corrections`: see src/contracts/corrections.ts for its actions.
import { createCloudEntry } from '../_lib/cloud-entry';

export const main = createCloudEntry('corrections');
