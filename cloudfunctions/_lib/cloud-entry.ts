// The CloudBase host: turns one function invocation into a router dispatch. Identity is read from the
// runtime's environment on every call (never from the event, never cached); the store is reused
// across warm invocations.
import { MAX_EVENT_BYTES } from '../../src/contracts/core';
import type { FunctionName } from '../../src/contracts';
import { createTcbStore } from './adapters/tcb-store';
import { createTcbFileStore } from './adapters/tcb-files';
import { createWechatContentChecker } from './adapters/wechat-content-check';
import { createHttpProvincialSystem } from './adapters/provincial-ratings';
import { createWechatPublicAccountFeed } from './adapters/public-account-feed';
import { createWechatSubscribeSender, templatesFromEnv } from './adapters/wechat-subscribe-sender';
import { handlers } from './handlers';
import { identityFromWxEnv } from './identity/wx-context';
import { systemClock } from './ports/clock';
import { consoleLogger } from './ports/logger';
import { dispatch, fail, type Deps } from './router';
import { piiCipherFromEnv } from './pii';

function productionDeps(env: Record<string, string | undefined>): Deps {
  const credentials = {
    env: env.TCB_ENV ?? env.SCF_NAMESPACE ?? '',
    secretId: env.TENCENTCLOUD_SECRETID,
    secretKey: env.TENCENTCLOUD_SECRETKEY,
    sessionToken: env.TENCENTCLOUD_SESSIONTOKEN,
  };
  return {
    store: createTcbStore(credentials),
    clock: systemClock,
    log: consoleLogger,
    // Template ids are issued per mini-program in WeChat's console: configured, not coded.
    sender: createWechatSubscribeSender({ ...credentials, templates: templatesFromEnv(env.SUBSCRIBE_TEMPLATES) }),
    contentCheck: createWechatContentChecker(credentials),
    // Without a configured provincial interface, ratings stay queued (pending) rather than being dropped.
    provincial: env.PROVINCIAL_RATING_URL
      ? createHttpProvincialSystem({ url: env.PROVINCIAL_RATING_URL, token: env.PROVINCIAL_RATING_TOKEN })
      : { forward: async () => ({ status: 'retry', reason: 'PROVINCIAL_RATING_URL is not configured' }) },
    files: createTcbFileStore(credentials),
    // ID numbers and phones are sealed at rest with this key (base64 of 32 bytes), set in the console.
    pii: piiCipherFromEnv(env.PII_KEY),
    // The public account (公众号) is a separate WeChat account with its own AppID and AppSecret.
    ...(env.WX_MP_APPID && env.WX_MP_SECRET ? { feed: createWechatPublicAccountFeed({ appId: env.WX_MP_APPID, appSecret: env.WX_MP_SECRET }) } : {}),
  };
}

/**
 * A timer trigger cannot carry parameters: CloudBase calls the function with
 * `{ Type: 'Timer', TriggerName, Time }`. Each trigger in a function's config.json is named after the
 * system action it runs (tests/server/cloud-entry.test.ts checks every one), so the name becomes the
 * action; the router still checks that the action is a system one.
 */
export function timerEvent(event: unknown): unknown {
  if (event && typeof event === 'object' && !('action' in event) && typeof (event as { TriggerName?: unknown }).TriggerName === 'string') {
    return { action: (event as { TriggerName: string }).TriggerName };
  }
  return event;
}

export function createCloudEntry(functionName: FunctionName, makeDeps: (env: Record<string, string | undefined>) => Deps = productionDeps) {
  let deps: Deps | undefined;
  return async function main(event: unknown): Promise<unknown> {
    let size = 0;
    try {
      size = JSON.stringify(event ?? null).length;
    } catch {
      return fail('BAD_REQUEST');
    }
    if (size > MAX_EVENT_BYTES) return fail('PAYLOAD_TOO_LARGE');
    try {
      deps ??= makeDeps(process.env);
    } catch (error) {
      consoleLogger.error('cannot initialise dependencies', { error: error instanceof Error ? error.message : 'unknown' });
      return fail('UNAVAILABLE');
    }
    const identity = identityFromWxEnv(process.env);
    return dispatch(handlers, deps, { functionName, event: identity.trigger === 'timer' ? timerEvent(event) : event, identity });
  };
}
