// Cloud function `catalogue`: see src/contracts/catalogue.ts for its actions.
import { createCloudEntry } from '../_lib/cloud-entry';

export const main = createCloudEntry('catalogue');
