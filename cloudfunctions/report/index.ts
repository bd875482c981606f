// Cloud function `report`: see src/contracts/report.ts for its actions.
import { createCloudEntry } from '../_lib/cloud-entry';

export const main = createCloudEntry('report');
