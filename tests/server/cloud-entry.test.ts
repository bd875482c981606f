// The CloudBase entry with the production wiring except the store: identity from the environment
// per invocation, never from the event.
import { createCloudEntry } from '../../cloudfunctions/_lib/cloud-entry';
import { handlers } from '../../cloudfunctions/_lib/handlers';
import { dispatch } from '../../cloudfunctions/_lib/router';
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { contracts } from '../../src/contracts';
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

  it('runs the system action a timer trigger is named after (a timer event carries no parameters)', async () => {
    const deps = await testDeps();
    const main = createCloudEntry('notify', () => deps);
    process.env.TRIGGER_SRC = 'timer';
    process.env.WX_CONTEXT_KEYS = '';
    expect(await main({ Type: 'Timer', TriggerName: 'deliverOutbox', Time: '2026-11-29T16:00:00Z' })).toMatchObject({ ok: true });
    // Named after a non-system action, a trigger is refused by the router's access check.
    const catalogue = createCloudEntry('catalogue', () => deps);
    expect(await catalogue({ Type: 'Timer', TriggerName: 'saveDocument', Time: '2026-11-29T16:00:00Z' })).toMatchObject({ ok: false });
    // Without the runtime's timer marker, the same event is just a bad request.
    delete process.env.TRIGGER_SRC;
    expect(await main({ Type: 'Timer', TriggerName: 'deliverOutbox' })).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
  });

  it('names every timer trigger in config.json after a system action of its function', () => {
    const root = join(__dirname, '..', '..', 'cloudfunctions');
    const triggers: string[] = [];
    for (const name of readdirSync(root).filter((n) => !n.startsWith('_') && existsSync(join(root, n, 'config.json')))) {
      const config = JSON.parse(readFileSync(join(root, name, 'config.json'), 'utf8')) as { triggers?: Array<{ name: string; type: string }> };
      for (const trigger of config.triggers ?? []) {
        const contract = (contracts as Record<string, { actions: Record<string, { access: { kind: string } }> }>)[name];
        expect({ fn: name, trigger: trigger.name, kind: contract?.actions[trigger.name]?.access.kind }).toEqual({ fn: name, trigger: trigger.name, kind: 'system' });
        triggers.push(`${name}.${trigger.name}`);
      }
    }
    expect(triggers.sort()).toEqual(['articles.syncArticles', 'notify.deliverOutbox', 'questions.escalate', 'ratings.forwardPending', 'subscriptions.fanOut']);
  });
});
