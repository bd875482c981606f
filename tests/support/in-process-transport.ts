// Connects the app's service layer straight to the real handlers and store, in process: page tests
// exercise the real contracts, router and data, with only the network hop removed.
import { handlers } from '../../cloudfunctions/_lib/handlers';
import { dispatch, type Deps } from '../../cloudfunctions/_lib/router';
import type { Transport } from '../../src/services/transport';

export function inProcessTransport(deps: Deps, openid: string | null = 'local-citizen-a'): Transport & { calls: string[]; failNext: (n: number) => void } {
  const calls: string[] = [];
  let failures = 0;
  return {
    calls,
    failNext(n) {
      failures = n;
    },
    async send(functionName, event) {
      calls.push(`${functionName}.${event.action}`);
      if (failures > 0) {
        failures -= 1;
        const { TransportError } = await import('../../src/services/transport');
        throw new TransportError('simulated network failure');
      }
      return dispatch(handlers, deps, { functionName, event, identity: { openid } });
    },
  };
}
