// Consent for subscription messages: asked on weapp only, for the configured templates, at most 3.
import { askForUpdates } from '@/services/subscribe';
import { subscribeRequests } from '../support/taro/taro';

describe('askForUpdates', () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
    subscribeRequests.length = 0;
  });

  it('asks for up to three configured templates on weapp and reports the accepted kinds', async () => {
    process.env.TARO_ENV = 'weapp';
    process.env.SUBSCRIBE_TEMPLATE_IDS = JSON.stringify({ received: 't-rec', correctionNeeded: 't-cor', replied: 't-rep', extended: 't-ext' });
    expect(await askForUpdates(['received', 'correctionNeeded', 'extended', 'replied'])).toEqual(['received', 'correctionNeeded', 'extended']);
    expect(subscribeRequests).toEqual([['t-rec', 't-cor', 't-ext']]);
  });

  it('asks nothing on h5 or without configured templates', async () => {
    process.env.TARO_ENV = 'h5';
    process.env.SUBSCRIBE_TEMPLATE_IDS = JSON.stringify({ received: 't-rec' });
    expect(await askForUpdates(['received'])).toEqual([]);
    process.env.TARO_ENV = 'weapp';
    process.env.SUBSCRIBE_TEMPLATE_IDS = '';
    expect(await askForUpdates(['received'])).toEqual([]);
    expect(subscribeRequests).toEqual([]);
  });
});
