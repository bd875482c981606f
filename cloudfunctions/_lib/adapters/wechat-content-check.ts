// Production content check: WeChat security.msgSecCheck v2 through CloudBase's open-API bridge
// (tcb-admin-node callWxOpenApi, action `wx.api`). Content is cut to WeChat's 2,500-character limit
// in pieces, and the strictest verdict wins.
import tcb from 'tcb-admin-node';
import { SCENE_NUMBERS, type ContentChecker, type ContentVerdict } from '../ports/content-check';

export interface WechatContentCheckOptions {
  env: string;
  secretId?: string;
  secretKey?: string;
  sessionToken?: string;
  serviceUrl?: string;
  timeout?: number;
}

const MAX_CHARS = 2500;
const RANK = { pass: 0, review: 1, risky: 2 } as const;

export function createWechatContentChecker(options: WechatContentCheckOptions): ContentChecker {
  const app = tcb.init({
    env: options.env,
    ...(options.secretId !== undefined ? { secretId: options.secretId } : {}),
    ...(options.secretKey !== undefined ? { secretKey: options.secretKey } : {}),
    ...(options.sessionToken !== undefined ? { sessionToken: options.sessionToken } : {}),
    ...(options.serviceUrl !== undefined ? { serviceUrl: options.serviceUrl } : {}),
    timeout: options.timeout ?? 5000,
    isUpdateSelfConfig: false,
  });

  async function checkPiece(content: string, openid: string, scene: number): Promise<ContentVerdict> {
    try {
      const answer = await app.callWxOpenApi({ apiName: 'wxa/msg_sec_check', requestData: { content, version: 2, scene, openid } });
      if ('code' in answer && answer.code) return { suggest: 'review', label: 0 };
      const result = ('result' in answer ? answer.result : undefined) as { errcode?: number; result?: { suggest?: string; label?: number } } | undefined;
      const suggest = result?.result?.suggest;
      if (result?.errcode !== 0 || (suggest !== 'pass' && suggest !== 'review' && suggest !== 'risky')) return { suggest: 'review', label: 0 };
      return { suggest, label: result.result?.label ?? 0 };
    } catch {
      // No answer: a person decides rather than the text going out unchecked.
      return { suggest: 'review', label: 0 };
    }
  }

  return {
    async check(text, context) {
      const chars = [...text];
      const pieces: string[] = [];
      for (let i = 0; i < chars.length; i += MAX_CHARS) pieces.push(chars.slice(i, i + MAX_CHARS).join(''));
      if (pieces.length === 0) return { suggest: 'pass', label: 100 };
      const verdicts = await Promise.all(pieces.map((piece) => checkPiece(piece, context.openid, SCENE_NUMBERS[context.scene])));
      return verdicts.reduce((worst, v) => (RANK[v.suggest] > RANK[worst.suggest] ? v : worst));
    },
  };
}
