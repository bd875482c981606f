// Local mode's message sender: there is no WeChat to send to, so a message counts as delivered to
// the outbox the staff console shows. It checks the message like the real sender does.
import type { MessageSender, OutgoingMessage, SendResult } from '../ports/messages';

export function createLocalSender(log: (message: OutgoingMessage) => void = () => undefined): MessageSender {
  return {
    async send(message): Promise<SendResult> {
      if (!message.to) return { status: 'rejected', reason: 'no recipient' };
      log(message);
      return { status: 'sent' };
    },
  };
}
