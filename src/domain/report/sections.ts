// The narrative sections of an annual report (一、五、六) as staff write them: plain text, one
// paragraph per line, short lines such as "（一）主动公开方面" becoming subsection headings.
export interface TextBlock {
  heading?: string;
  paragraphs: string[];
}

const CHINESE_ORDINALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
/** A short subsection heading such as "（一）主动公开方面" (also "（2） 改进情况" from Word exports). */
const SUBHEADING = /^[（(]([一二三四五六七八九十]|\d{1,2})[）)]\s*([^。；]{1,15})$/;

export function normaliseHeading(line: string): string | undefined {
  const match = SUBHEADING.exec(line.trim());
  if (!match) return undefined;
  const [, ordinal = '', title = ''] = match;
  const chinese = /^\d+$/.test(ordinal) ? CHINESE_ORDINALS[Number(ordinal) - 1] : ordinal;
  return chinese ? `（${chinese}）${title.trim()}` : undefined;
}

export function textToBlocks(text: string | readonly string[]): TextBlock[] {
  const lines = typeof text === 'string' ? text.split(/\r?\n/) : text;
  const blocks: TextBlock[] = [];
  let current: TextBlock = { paragraphs: [] };
  for (const raw of lines) {
    const line = raw.replace(/\s+/g, ' ').trim();
    if (!line) continue;
    const heading = normaliseHeading(line);
    if (heading) {
      if (current.heading || current.paragraphs.length > 0) blocks.push(current);
      current = { heading, paragraphs: [] };
    } else {
      current.paragraphs.push(line);
    }
  }
  if (current.heading || current.paragraphs.length > 0) blocks.push(current);
  return blocks;
}

/** The inverse, for editing a published text again. */
export function blocksToText(blocks: readonly TextBlock[]): string {
  return blocks.flatMap((block) => [...(block.heading ? [block.heading] : []), ...block.paragraphs]).join('\n');
}
