// The one place the app talks to cloud functions. weapp: wx.cloud.callFunction (or the local gateway
// when GATEWAY_URL is set); h5: HTTP to the local gateway. Chosen at build time by TARO_ENV.
import Taro from '@tarojs/taro';
import type { CallEvent } from '@/contracts/core';

export interface Transport {
  /** Sends one event to a cloud function and resolves with its raw answer (an envelope, unparsed). */
  send(functionName: string, event: CallEvent): Promise<unknown>;
}

/** A failure to reach the function at all (no answer). */
export class TransportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TransportError';
  }
}

const httpTransport = (baseUrl: string): Transport => ({
  async send(functionName, event) {
    let response: Taro.request.SuccessCallbackResult<Record<string, unknown>>;
    try {
      response = await Taro.request({
        url: `${baseUrl}/api/${functionName}`,
        method: 'POST',
        data: event,
        header: { 'content-type': 'application/json' },
        credentials: 'include',
        timeout: 15000,
      });
    } catch (error) {
      throw new TransportError(error instanceof Error ? error.message : 'request failed');
    }
    // The gateway answers errors with an envelope too (400/403/404/413/500): pass it on.
    if (response.data && typeof response.data === 'object') return response.data;
    throw new TransportError(`HTTP ${response.statusCode}`);
  },
});

const cloudTransport: Transport = {
  async send(functionName, event) {
    try {
      const result = await Taro.cloud.callFunction({ name: functionName, data: event });
      return result.result;
    } catch (error) {
      throw new TransportError(error instanceof Error ? error.message : 'callFunction failed');
    }
  },
};

export function createTransport(): Transport {
  if (process.env.TARO_ENV === 'weapp') {
    return process.env.GATEWAY_URL ? httpTransport(process.env.GATEWAY_URL) : cloudTransport;
  }
  // h5 is served by the local gateway itself: same origin.
  return httpTransport('');
}
