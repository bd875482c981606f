// Cloud function `guides`: see src/contracts/guides.ts for its actions.
import { createCloudEntry } from '../_lib/cloud-entry';

export const main = createCloudEntry('guides');
