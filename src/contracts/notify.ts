// Contract of the `notify` cloud function: delivers queued notices as WeChat subscription messages.
// Runs on a timer trigger (CloudBase) or the local gateway's scheduler; people cannot call it.
import * as z from 'zod/mini';
import { defineAction, defineFunction } from './core';

export const notifyContract = defineFunction({
  name: 'notify',
  summary: '订阅消息投递（定时触发）',
  actions: {
    deliverOutbox: defineAction({
      summary: 'Sends pending applicant notices through the message port; retries passing failures up to 5 times.',
      access: { kind: 'system' },
      input: z.optional(z.object({ limit: z.optional(z.int().check(z.gte(1), z.lte(100))) })),
      output: z.object({ sent: z.int(), rejected: z.int(), retried: z.int(), failed: z.int() }),
    }),
  },
});
