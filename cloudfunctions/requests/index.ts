// Cloud function `requests`: see src/contracts/requests.ts for its actions.
import { createCloudEntry } from '../_lib/cloud-entry';

export const main = createCloudEntry('requests');
