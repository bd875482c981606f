// Both content checkers pass one contract; the WeChat one drives the real tcb-admin-node against the
// CloudBase stand-in, including its verdicts and transport failures.
import { createLocalContentChecker } from '../../cloudfunctions/_lib/adapters/local-content-check';
import { createWechatContentChecker } from '../../cloudfunctions/_lib/adapters/wechat-content-check';
import type { ContentChecker } from '../../cloudfunctions/_lib/ports/content-check';
import { startCloudbaseStandin, type CloudbaseStandin } from '../support/cloudbase-standin';

const CLEAN = '开标大厅的指引很清楚，工作人员解答耐心。';
const ABUSIVE = '你们都是王八蛋';

/** Verdicts the WeChat stand-in gives: the same word list idea, answered in WeChat's shape. */
function wechatVerdicts(standin: CloudbaseStandin) {
  standin.setWxApiReply((_api, data) => {
    const content = (data as { content: string }).content;
    if (content.includes('王八蛋')) return { errcode: 0, result: { suggest: 'risky', label: 20003 } };
    if (content.includes('加微信')) return { errcode: 0, result: { suggest: 'review', label: 10001 } };
    return { errcode: 0, result: { suggest: 'pass', label: 100 } };
  });
}

function describeContentCheckerContract(name: string, make: () => Promise<{ checker: ContentChecker; close?: () => Promise<void> }>) {
  describe(`ContentChecker contract: ${name}`, () => {
    let checker: ContentChecker;
    let close: (() => Promise<void>) | undefined;
    beforeEach(async () => {
      ({ checker, close } = await make());
    });
    afterEach(async () => close?.());

    it('passes ordinary text', async () => {
      expect(await checker.check(CLEAN, { openid: 'o1', scene: 'comment' })).toEqual({ suggest: 'pass', label: 100 });
    });
    it('refuses abuse as risky', async () => {
      expect(await checker.check(ABUSIVE, { openid: 'o1', scene: 'comment' })).toMatchObject({ suggest: 'risky' });
    });
    it('holds advertising for review', async () => {
      expect(await checker.check('有需要的加微信联系', { openid: 'o1', scene: 'comment' })).toMatchObject({ suggest: 'review' });
    });
  });
}

describeContentCheckerContract('local word list', async () => ({ checker: createLocalContentChecker() }));
describeContentCheckerContract('WeChat msgSecCheck via CloudBase stand-in', async () => {
  const standin = await startCloudbaseStandin();
  wechatVerdicts(standin);
  return { checker: createWechatContentChecker({ env: 'e', secretId: 'i', secretKey: 'k', serviceUrl: standin.url, timeout: 500 }), close: () => standin.close() };
});

describe('WeChat msgSecCheck adapter', () => {
  let standin: CloudbaseStandin;
  beforeEach(async () => {
    standin = await startCloudbaseStandin();
    wechatVerdicts(standin);
  });
  afterEach(async () => standin.close());
  const checker = () => createWechatContentChecker({ env: 'e', secretId: 'i', secretKey: 'k', serviceUrl: standin.url, timeout: 500 });

  it('sends version 2 with the scene and openid, in pieces of at most 2,500 characters; the worst verdict wins', async () => {
    const long = `${'好'.repeat(2600)}王八蛋`;
    expect(await checker().check(long, { openid: 'o-9', scene: 'forum' })).toEqual({ suggest: 'risky', label: 20003 });
    const calls = standin.requests.filter((r) => r.action === 'wx.api').map((r) => JSON.parse(String(r.body.requestData)));
    expect(calls).toHaveLength(2);
    expect(calls[0]).toMatchObject({ version: 2, scene: 3, openid: 'o-9' });
    expect([...calls[0].content]).toHaveLength(2500);
  });

  it.each(['http500', 'drop', 'hang'] as const)('holds text for a person when WeChat cannot answer (%s)', async (mode) => {
    standin.failNext(1, mode, { action: 'wx.api' });
    expect(await checker().check(CLEAN, { openid: 'o1', scene: 'comment' })).toEqual({ suggest: 'review', label: 0 });
  });
});
