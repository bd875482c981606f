// Adapters of the provincial 好差评 port: an HTTP client for the provincial interface (URL and token
// from configuration) and a local one that accepts every rating. Both pass
// tests/ratings/provincial-contract.test.ts.
import type { ForwardResult, ProvincialRating, ProvincialRatingSystem } from '../ports/provincial-ratings';

export function createLocalProvincialSystem(record: (rating: ProvincialRating) => void = () => undefined): ProvincialRatingSystem {
  return {
    async forward(rating) {
      if (!rating.id) return { status: 'rejected', reason: 'missing id' };
      record(rating);
      return { status: 'accepted' };
    },
  };
}

export interface HttpProvincialOptions {
  url: string;
  token?: string;
  timeoutMs?: number;
}

/** Posts one rating as JSON; 2xx with `{code: 0}` is accepted, 4xx is final, 5xx and network errors are retried. */
export function createHttpProvincialSystem(options: HttpProvincialOptions): ProvincialRatingSystem {
  return {
    async forward(rating): Promise<ForwardResult> {
      if (!rating.id) return { status: 'rejected', reason: 'missing id' };
      const controller = new AbortController();
      const timer = setTimeout(() => controller.abort(), options.timeoutMs ?? 5000);
      try {
        const response = await fetch(options.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...(options.token ? { authorization: `Bearer ${options.token}` } : {}) },
          body: JSON.stringify(rating),
          signal: controller.signal,
        });
        const text = await response.text();
        if (response.status >= 500) return { status: 'retry', reason: `HTTP ${response.status}` };
        if (response.status >= 400) return { status: 'rejected', reason: `HTTP ${response.status}: ${text.slice(0, 200)}` };
        let body: { code?: unknown; message?: unknown } = {};
        try {
          body = JSON.parse(text) as typeof body;
        } catch {
          return { status: 'retry', reason: 'reply is not JSON' };
        }
        return body.code === 0 ? { status: 'accepted' } : { status: 'rejected', reason: `code ${String(body.code)}: ${String(body.message ?? '')}` };
      } catch (error) {
        return { status: 'retry', reason: error instanceof Error ? error.message : 'network error' };
      } finally {
        clearTimeout(timer);
      }
    },
  };
}
