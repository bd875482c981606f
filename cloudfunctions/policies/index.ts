// Cloud function `policies`: see src/contracts/policies.ts for its actions.
import { createCloudEntry } from '../_lib/cloud-entry';

export const main = createCloudEntry('policies');
