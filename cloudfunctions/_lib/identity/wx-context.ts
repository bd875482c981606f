// Reads the WeChat caller context that CloudBase puts in the function's environment, the way
// wx-server-sdk's getWXContext does. Call it per invocation: the environment changes between calls.
import type { RuntimeIdentity } from './caller';

/** Variables CloudBase lists in WX_CONTEXT_KEYS that are secrets, not context. */
const SKIPPED_KEYS = new Set(['WX_API_TOKEN', 'WX_TRIGGER_API_TOKEN_V0']);

export function readWxContext(env: Record<string, string | undefined>): Record<string, string> {
  const context: Record<string, string> = {};
  for (const name of (env.WX_CONTEXT_KEYS ?? '').split(',').map((key) => key.trim()).filter(Boolean)) {
    if (SKIPPED_KEYS.has(name)) continue;
    const value = env[name];
    if (value !== undefined) context[name.replace(/^WX_/, '')] = value;
  }
  const cloudEnv = env.TCB_ENV ?? env.SCF_NAMESPACE;
  if (cloudEnv) context.ENV = cloudEnv;
  return context;
}

export function identityFromWxEnv(env: Record<string, string | undefined>): RuntimeIdentity {
  const context = readWxContext(env);
  const openid = context.OPENID?.trim();
  // CloudBase sets TRIGGER_SRC=timer in the environment of timer-triggered invocations.
  const trigger = env.TRIGGER_SRC === 'timer' && !openid ? { trigger: 'timer' as const } : {};
  return { openid: openid ? openid : null, appid: context.APPID, ...trigger };
}
