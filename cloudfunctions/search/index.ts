// Cloud function `search`: see src/contracts/search.ts for its actions.
import { createCloudEntry } from '../_lib/cloud-entry';

export const main = createCloudEntry('search');
