// Cloud function `questions`: see src/contracts/questions.ts for its actions.
import { createCloudEntry } from '../_lib/cloud-entry';

export const main = createCloudEntry('questions');
