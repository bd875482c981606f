// The CloudBase entry with the production wiring except the store: identity from the environment
// per invocation, never from the event.
import { createCloudEntry } from '../../cloudfunctions/_lib/cloud-entry';
import { handlers } from '../../cloudfunctions/_lib/handlers';
import { dispatch } from '../../cloudfunctions/_lib/router';
import { testDeps } from '../support/seeded-store';

describe('cloud function entry', () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
  });

  it('answers like the gateway does', async () => {
    const deps = await testDeps();
    const main = createCloudEntry('catalogue', () => deps);
    const event = { action: 'listItems', input: { categoryId: 'jggk' } };
    expect(await main(event)).toEqual(await dispatch(handlers, deps, { functionName: 'catalogue', event, identity: { openid: null } }));
  });

  it('reads the caller from the runtime on every call, ignoring identity claims in the event', async () => {
    const deps = await testDeps();
    const seen: Array<string | null> = [];
    const original = deps.store.get.bind(deps.store);
    deps.store.get = (async (collection: string, id: string) => {
      if (collection === 'staff') seen.push(id);
      return original(collection, id);
    }) as typeof deps.store.get;
    const main = createCloudEntry('portal', () => deps);
    process.env.WX_CONTEXT_KEYS = 'WX_OPENID';
    process.env.WX_OPENID = 'first-user';
    await main({ action: 'getProfile', input: {}, openid: 'local-staff-admin', userInfo: { openId: 'local-staff-admin' } });
    process.env.WX_OPENID = 'second-user';
    await main({ action: 'getProfile' });
    expect(seen).toEqual(['first-user', 'second-user']);
  });

  it('refuses an oversize event and answers UNAVAILABLE when the store cannot be set up', async () => {
    const deps = await testDeps();
    const main = createCloudEntry('portal', () => deps);
    expect(await main({ action: 'getProfile', input: { pad: 'x'.repeat(300 * 1024) } })).toMatchObject({ ok: false, error: { code: 'PAYLOAD_TOO_LARGE' } });
    const broken = createCloudEntry('portal', () => {
      throw new Error('no env');
    });
    expect(await broken({ action: 'getProfile' })).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE' } });
  });
});
