// Cloud function `articles`: see src/contracts/articles.ts for its actions. A timer event (no action)
// imports the public account's new articles (WX_MP_APPID / WX_MP_SECRET of the public account).
import { createCloudEntry } from '../_lib/cloud-entry';

const entry = createCloudEntry('articles');

export const main = (event: unknown) => entry(event && typeof event === 'object' && 'action' in event ? event : { action: 'syncArticles' });
