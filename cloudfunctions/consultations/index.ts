// Cloud function `consultations`: see src/contracts/consultations.ts for its actions.
import { createCloudEntry } from '../_lib/cloud-entry';

export const main = createCloudEntry('consultations');
