// Cloud function `trading`: see src/contracts/trading.ts for its actions.
import { createCloudEntry } from '../_lib/cloud-entry';

export const main = createCloudEntry('trading');
