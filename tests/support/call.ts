// Calls a function action through the real router as a given persona (identity from the runtime).
import { handlers } from '../../cloudfunctions/_lib/handlers';
import { dispatch, type Deps } from '../../cloudfunctions/_lib/router';
import type { Envelope } from '../../src/contracts/core';

export const PERSONA_OPENIDS = {
  anonymous: null,
  owner: 'local-citizen-a',
  other: 'local-citizen-b',
  clerk: 'local-staff-clerk',
  reviewer: 'local-staff-reviewer',
  admin: 'local-staff-admin',
} as const;
export type PersonaName = keyof typeof PERSONA_OPENIDS;

export function caller(deps: Deps) {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read deep answers
  return async function call<T = any>(persona: PersonaName, functionName: string, action: string, input?: unknown): Promise<Envelope<T>> {
    return (await dispatch(handlers, deps, { functionName, event: { action, input }, identity: { openid: PERSONA_OPENIDS[persona] } })) as Envelope<T>;
  };
}

export function expectOk<T>(answer: Envelope<T>): T {
  if (!answer.ok) throw new Error(`expected ok, got ${answer.error.code}: ${answer.error.message} ${JSON.stringify(answer.error.issues ?? [])}`);
  return answer.data;
}
