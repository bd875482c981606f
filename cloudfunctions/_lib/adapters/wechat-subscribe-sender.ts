// Production message sender: WeChat subscription messages (subscribeMessage.send) through CloudBase's
// open-API bridge in tcb-admin-node (`callWxOpenApi`, action `wx.api`). Templates are chosen per
// notice kind from configuration, since template ids are issued per mini-program in WeChat's console.
import tcb from 'tcb-admin-node';
import type { MessageSender, OutgoingMessage, SendResult } from '../ports/messages';

/** One subscription template: its id and which template field receives which part of the message. */
export interface SubscribeTemplate {
  templateId: string;
  /** Template field names, e.g. { title: 'thing1', reference: 'character_string2', date: 'date3', body: 'thing4' }. */
  fields: Partial<Record<'title' | 'body' | 'reference' | 'date', string>>;
}

export interface WechatSenderOptions {
  env: string;
  secretId?: string;
  secretKey?: string;
  sessionToken?: string;
  serviceUrl?: string;
  timeout?: number;
  templates: Record<string, SubscribeTemplate>;
  /** 'formal' in production; 'developer'/'trial' for test versions of the mini-program. */
  miniprogramState?: 'developer' | 'trial' | 'formal';
}

// WeChat limits `thing` fields to 20 characters and `character_string` to 32.
const FIELD_LIMITS: Record<string, number> = { thing: 20, character_string: 32, phrase: 5 };

function fit(field: string, value: string): string {
  const kind = field.replace(/\d+$/, '');
  const limit = FIELD_LIMITS[kind];
  const chars = [...value];
  return limit && chars.length > limit ? `${chars.slice(0, limit - 1).join('')}…` : value;
}

/** errcodes that will not change by retrying (https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/mp-message-management/subscribe-message/sendMessage.html). */
const PERMANENT_ERRCODES = new Set([40003, 40037, 41030, 43101, 47003]);

export function createWechatSubscribeSender(options: WechatSenderOptions): MessageSender {
  const app = tcb.init({
    env: options.env,
    ...(options.secretId !== undefined ? { secretId: options.secretId } : {}),
    ...(options.secretKey !== undefined ? { secretKey: options.secretKey } : {}),
    ...(options.sessionToken !== undefined ? { sessionToken: options.sessionToken } : {}),
    ...(options.serviceUrl !== undefined ? { serviceUrl: options.serviceUrl } : {}),
    timeout: options.timeout ?? 5000,
    isUpdateSelfConfig: false,
  });

  return {
    async send(message: OutgoingMessage): Promise<SendResult> {
      if (!message.to) return { status: 'rejected', reason: 'no recipient' };
      const template = options.templates[message.kind];
      if (!template) return { status: 'rejected', reason: `no subscription template for ${message.kind}` };
      const data: Record<string, { value: string }> = {};
      for (const [part, field] of Object.entries(template.fields)) {
        if (field) data[field] = { value: fit(field, message[part as keyof OutgoingMessage]) };
      }
      let answer: Awaited<ReturnType<typeof app.callWxOpenApi>>;
      try {
        answer = await app.callWxOpenApi({
          apiName: 'cgi-bin/message/subscribe/send',
          requestData: { touser: message.to, template_id: template.templateId, page: message.page, data, miniprogram_state: options.miniprogramState ?? 'formal', lang: 'zh_CN' },
        });
      } catch (error) {
        return { status: 'retry', reason: error instanceof Error ? error.message : 'send failed' };
      }
      if ('code' in answer && answer.code) return { status: 'retry', reason: `${answer.code}: ${answer.message ?? ''}` };
      const result = ('result' in answer ? answer.result : undefined) as { errcode?: number; errmsg?: string } | undefined;
      const errcode = result?.errcode ?? -1;
      if (errcode === 0) return { status: 'sent' };
      const reason = `errcode ${errcode}: ${result?.errmsg ?? 'no answer'}`;
      return PERMANENT_ERRCODES.has(errcode) ? { status: 'rejected', reason } : { status: 'retry', reason };
    },
  };
}

/** Reads `SUBSCRIBE_TEMPLATES` (JSON: kind → {templateId, fields}) from the function's environment. */
export function templatesFromEnv(value: string | undefined): Record<string, SubscribeTemplate> {
  if (!value) return {};
  const parsed: unknown = JSON.parse(value);
  if (typeof parsed !== 'object' || parsed === null) throw new Error('SUBSCRIBE_TEMPLATES must be a JSON object');
  return parsed as Record<string, SubscribeTemplate>;
}
