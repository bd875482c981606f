// Both message senders pass one contract; the WeChat one drives the real tcb-admin-node against the
// CloudBase stand-in, including WeChat's error codes and transport failures.
import { createLocalSender } from '../../cloudfunctions/_lib/adapters/local-sender';
import { createWechatSubscribeSender, type SubscribeTemplate } from '../../cloudfunctions/_lib/adapters/wechat-subscribe-sender';
import { startCloudbaseStandin, type CloudbaseStandin } from '../support/cloudbase-standin';
import { describeSenderContract, SAMPLE_MESSAGE } from './sender-contract';

const TEMPLATE: SubscribeTemplate = { templateId: 'tmpl-reply', fields: { title: 'thing1', reference: 'character_string2', date: 'date3', body: 'thing4' } };
const TEMPLATES = Object.fromEntries(['received', 'correctionNeeded', 'extended', 'replied', 'closed'].map((kind) => [kind, TEMPLATE]));

describeSenderContract('local outbox', async () => ({ sender: createLocalSender() }));

describeSenderContract('WeChat subscribeMessage via CloudBase stand-in', async () => {
  const standin = await startCloudbaseStandin();
  return { sender: createWechatSubscribeSender({ env: 'test-env', secretId: 'test-id', secretKey: 'test-key', serviceUrl: standin.url, templates: TEMPLATES, timeout: 1000 }), close: () => standin.close() };
});

describe('WeChat subscribeMessage sender', () => {
  let standin: CloudbaseStandin;
  beforeEach(async () => {
    standin = await startCloudbaseStandin();
  });
  afterEach(async () => {
    await standin.close();
  });
  const sender = () => createWechatSubscribeSender({ env: 'test-env', secretId: 'test-id', secretKey: 'test-key', serviceUrl: standin.url, templates: TEMPLATES, timeout: 500, miniprogramState: 'trial' });

  it('calls subscribeMessage.send with the template and fields cut to WeChat’s limits', async () => {
    expect(await sender().send({ ...SAMPLE_MESSAGE, title: '这是一个超过二十个字的很长很长很长很长的消息标题啊' })).toEqual({ status: 'sent' });
    const call = standin.requests.find((r) => r.action === 'wx.api')!;
    expect(call.body.apiName).toBe('cgi-bin/message/subscribe/send');
    const data = JSON.parse(String(call.body.requestData));
    expect(data).toMatchObject({ touser: 'o-applicant-1', template_id: 'tmpl-reply', page: SAMPLE_MESSAGE.page, miniprogram_state: 'trial' });
    expect([...data.data.thing1.value]).toHaveLength(20);
    expect(data.data.character_string2.value).toBe('ABCDEFGHJK');
    expect(data.data.date3.value).toBe('2026-04-20');
  });

  it('treats “user refused or has no subscription” (43101) as final and other errcodes as passing', async () => {
    standin.setWxApiReply(() => ({ errcode: 43101, errmsg: 'user refuse to accept the msg' }));
    expect(await sender().send(SAMPLE_MESSAGE)).toEqual({ status: 'rejected', reason: 'errcode 43101: user refuse to accept the msg' });
    standin.setWxApiReply(() => ({ errcode: 45009, errmsg: 'reach max api daily quota limit' }));
    expect((await sender().send(SAMPLE_MESSAGE)).status).toBe('retry');
  });

  it('rejects a kind with no configured template without calling WeChat', async () => {
    const result = await createWechatSubscribeSender({ env: 'test-env', secretId: 'test-id', secretKey: 'test-key', serviceUrl: standin.url, templates: {} }).send(SAMPLE_MESSAGE);
    expect(result).toEqual({ status: 'rejected', reason: 'no subscription template for replied' });
    expect(standin.requests.some((r) => r.action === 'wx.api')).toBe(false);
  });

  it.each(['http500', 'drop', 'hang'] as const)('turns a transport failure (%s) into a retry', async (mode) => {
    standin.failNext(1, mode, { action: 'wx.api' });
    expect((await sender().send(SAMPLE_MESSAGE)).status).toBe('retry');
  });
});
