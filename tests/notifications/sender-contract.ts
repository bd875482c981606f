// What every message sender must do, whatever it talks to.
import type { MessageSender, OutgoingMessage } from '../../cloudfunctions/_lib/ports/messages';

export const SAMPLE_MESSAGE: OutgoingMessage = {
  to: 'o-applicant-1',
  kind: 'replied',
  title: '答复书已出具',
  body: '查询码 ABCDEFGHJK：答复书已出具，请在小程序内查阅',
  reference: 'ABCDEFGHJK',
  date: '2026-04-20',
  page: '/packages/apply/case/index?id=req-1',
};

export function describeSenderContract(name: string, make: () => Promise<{ sender: MessageSender; close?: () => Promise<void> }>) {
  describe(`MessageSender contract: ${name}`, () => {
    let sender: MessageSender;
    let close: (() => Promise<void>) | undefined;
    beforeEach(async () => {
      ({ sender, close } = await make());
    });
    afterEach(async () => {
      await close?.();
    });

    it('sends a well-formed message', async () => {
      expect(await sender.send(SAMPLE_MESSAGE)).toEqual({ status: 'sent' });
    });

    it('rejects a message without a recipient, for good', async () => {
      const result = await sender.send({ ...SAMPLE_MESSAGE, to: '' });
      expect(result.status).toBe('rejected');
    });

    it('answers every message with a result and never throws', async () => {
      const results = await Promise.all(['received', 'correctionNeeded', 'extended', 'replied', 'closed'].map((kind) => sender.send({ ...SAMPLE_MESSAGE, kind })));
      for (const result of results) expect(['sent', 'rejected', 'retry']).toContain(result.status);
    });
  });
}
