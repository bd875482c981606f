import { OUTCOME_KEYS, TABLE3_OUTCOME_GROUPS, TABLE3_ROW_KEYS } from '@/domain/report/tables';
import { outcomeLabel, replyLetterTemplate } from '@/domain/requests/reply-letter';

describe('reply outcomes and Table 3', () => {
  it('every outcome is exactly one Table 3 row, and every result row is an outcome', () => {
    const resultRows = TABLE3_ROW_KEYS.filter((key) => !['newReceived', 'carriedIn', 'resultsTotal', 'carriedOver'].includes(key));
    expect([...OUTCOME_KEYS].sort()).toEqual([...resultRows].sort());
    expect(new Set(OUTCOME_KEYS).size).toBe(OUTCOME_KEYS.length);
    expect(OUTCOME_KEYS).toHaveLength(2 + TABLE3_OUTCOME_GROUPS.reduce((n, g) => n + g.rows.length, 0));
  });

  it('labels outcomes as the official form does', () => {
    expect(outcomeLabel('granted')).toBe('予以公开');
    expect(outcomeLabel('refusedThirdPartyRights')).toBe('不予公开 · 4.保护第三方合法权益');
    expect(outcomeLabel('otherNoCorrection')).toMatch(/^其他处理 · 1\.申请人无正当理由逾期不补正/);
  });
});

describe('reply letter templates', () => {
  const data = { agencyName: '淄博市公共资源交易中心', applicantName: '张三', receiptDate: '2026-02-10', description: '开标记录', today: '2026-03-02' };

  it.each(OUTCOME_KEYS.map((key) => [key]))('%s: addresses the applicant, dates the receipt and states the remedies', (outcome) => {
    const text = replyLetterTemplate(outcome, data);
    expect(text.startsWith('政府信息公开申请答复书\n\n张三：\n')).toBe(true);
    expect(text).toContain('本机关于2026年2月10日收到您提出的政府信息公开申请');
    expect(text).toContain('“开标记录”');
    expect(text).toContain('六十日内依法申请行政复议');
    expect(text.endsWith('淄博市公共资源交易中心\n2026年3月2日')).toBe(true);
  });

  it('names the refusal reason from Table 3', () => {
    expect(replyLetterTemplate('refusedStateSecret', data)).toContain('政府信息属于国家秘密，根据');
    expect(replyLetterTemplate('refusedThirdPartyRights', data)).toContain('对第三方合法权益造成损害');
    for (const outcome of ['refusedStateSecret', 'refusedInquiryMatter'] as const) expect(replyLetterTemplate(outcome, data)).not.toContain('属于属于');
    expect(replyLetterTemplate('granted', data)).toContain('现予以公开');
  });
});
