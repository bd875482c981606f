// The content-security port: user text (applications, ratings, comments, questions, 找错) is checked before anyone else
// sees it. Production asks WeChat (security.msgSecCheck v2); local mode uses a small word list with
// the same result shape. Both adapters pass tests/content-check/contract.ts.
export type ContentScene = 'profile' | 'comment' | 'forum' | 'social';

export interface ContentVerdict {
  /** pass: show it; review: hold for a person; risky: refuse. */
  suggest: 'pass' | 'review' | 'risky';
  /** WeChat's label (100 normal, 10001 ads, 20001 politics, 20002 porn, 20003 abuse, …). */
  label: number;
}

export interface ContentChecker {
  /** Never throws: when the checker cannot answer, the verdict is `review`, so a person decides. */
  check(text: string, context: { openid: string; scene: ContentScene }): Promise<ContentVerdict>;
}

/** WeChat's scene numbers for msgSecCheck v2. */
export const SCENE_NUMBERS: Record<ContentScene, number> = { profile: 1, comment: 2, forum: 3, social: 4 };
