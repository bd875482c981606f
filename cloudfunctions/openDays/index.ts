// Cloud function `openDays` (平台开放日): see src/contracts/open-days.ts for its actions.
import { createCloudEntry } from '../_lib/cloud-entry';

export const main = createCloudEntry('openDays');
