// Local stand-in for WeChat's msgSecCheck: a short word list per label, so the flows that hold or
// refuse text can be exercised without WeChat. Same result shape as the real check.
import type { ContentChecker, ContentVerdict } from '../ports/content-check';

const RISKY: Array<[label: number, words: string[]]> = [
  [20003, ['傻逼', '去死', '王八蛋']],
  [20002, ['色情', '裸聊']],
];
const REVIEW: Array<[label: number, words: string[]]> = [
  [10001, ['加微信', '代开发票', '刷单']],
];

export function createLocalContentChecker(): ContentChecker {
  return {
    async check(text): Promise<ContentVerdict> {
      const normalized = text.replace(/\s+/g, '');
      for (const [label, words] of RISKY) if (words.some((w) => normalized.includes(w))) return { suggest: 'risky', label };
      for (const [label, words] of REVIEW) if (words.some((w) => normalized.includes(w))) return { suggest: 'review', label };
      // Long runs of digits look like a phone number or account being advertised.
      if (/\d{11,}/.test(normalized)) return { suggest: 'review', label: 10001 };
      return { suggest: 'pass', label: 100 };
    },
  };
}
