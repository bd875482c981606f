// Public-account articles: their HTML body as plain paragraphs, and the account's yearly figures as the
// annual report states them. Pure: no Taro, no I/O.

const ENTITIES: Record<string, string> = { nbsp: ' ', amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", ldquo: '“', rdquo: '”', mdash: '—', hellip: '…' };

function decode(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/** Paragraphs of an article's HTML: block ends and <br> split, scripts and styles dropped, tags removed. */
export function htmlToParagraphs(html: string): string[] {
  const text = html
    .replace(/<(script|style)[\s\S]*?<\/\1>/gi, '')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(p|div|section|h[1-6]|li|blockquote)>/gi, '\n')
    .replace(/<[^>]*>/g, '');
  return decode(text)
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
}

/** Only article links on WeChat's own domain are shown as 原文链接. */
export function isWechatArticleUrl(url: string): boolean {
  return /^https:\/\/mp\.weixin\.qq\.com\//.test(url);
}

export interface AccountFigure {
  value: number;
  /** The report's sentence (clause) that states it. */
  source: string;
}

/** The report's figures on the public account: posts in the year and followers. Missing ones are null. */
export function publicAccountFigures(paragraphs: readonly string[]): { posts: AccountFigure | null; followers: AccountFigure | null } {
  const find = (pattern: RegExp): AccountFigure | null => {
    for (const paragraph of paragraphs) {
      for (const clause of paragraph.split(/(?<=[。；])/)) {
        const match = pattern.exec(clause);
        if (match) return { value: Number(match[1]), source: clause.trim() };
      }
    }
    return null;
  };
  return { posts: find(/微信公众号发布信息(\d+)条/), followers: find(/微信公众号关注人数(\d+)人/) };
}
