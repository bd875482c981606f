// Handlers of the `notify` function.
import { deliverOutbox } from '../notifications/deliver';
import { defineHandlers } from '../router';

export const notifyHandlers = defineHandlers('notify', {
  async deliverOutbox(input, { deps }) {
    return deliverOutbox(deps, { limit: input?.limit });
  },
});
