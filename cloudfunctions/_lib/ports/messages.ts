// The message port: how a notice in the outbox reaches a person. Production sends WeChat subscription
// messages; local mode keeps them in the outbox the console shows. Both adapters pass
// tests/notifications/sender-contract.ts.
export interface OutgoingMessage {
  /** The recipient's OPENID. */
  to: string;
  /** The notice kind (received, correctionNeeded, extended, replied, …): selects the template. */
  kind: string;
  title: string;
  body: string;
  /** 查询码, shown in the message. */
  reference: string;
  /** The date (YYYY-MM-DD) the message is about. */
  date: string;
  /** Mini-program page the message opens. */
  page: string;
}

export type SendResult =
  | { status: 'sent' }
  /** Will never succeed as is (no consent, no template for the kind, bad recipient): do not retry. */
  | { status: 'rejected'; reason: string }
  /** A passing failure (network, rate limit): try again later. */
  | { status: 'retry'; reason: string };

export interface MessageSender {
  /** Never throws: every failure is a result. */
  send(message: OutgoingMessage): Promise<SendResult>;
}
