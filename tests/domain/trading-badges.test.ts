// Badges, the candidate publicity countdown and bidder-name masking (pure rules of 交易公告).
import { projectBadge, publicityCountdown } from '../../src/domain/trading/badges';
import { maskCompanyName, maskNames, publicNotice } from '../../src/domain/trading/masking';

const at = (iso: string) => new Date(iso);

describe('project badges', () => {
  const open = { stage: 'tender' as const, signUpEnds: '2026-03-17', openingAt: '2026-03-20T09:30:00+08:00' };
  it.each([
    ['2026-03-17T15:59:00Z', '报名中'], // 23:59 on the last sign-up day in Shanghai
    ['2026-03-17T16:00:00Z', '报名截止'], // 00:00 the next day
    ['2026-03-20T01:00:00Z', '待开标'], // 09:00 on the opening day
    ['2026-03-20T01:30:00Z', '开标中'],
    ['2026-03-20T02:29:00Z', '开标中'],
    ['2026-03-20T02:30:00Z', '评标中'],
  ])('a tender at %s is %s', (now, label) => {
    expect(projectBadge(open, at(now)).label).toBe(label);
  });
  it('says 公示中 during the candidate publicity, 公示期满 after it, 已结束 once there is a result', () => {
    const candidates = { stage: 'candidates' as const, candidatesOn: '2026-03-21' };
    expect(projectBadge(candidates, at('2026-03-23T15:00:00Z')).label).toBe('公示中');
    expect(projectBadge(candidates, at('2026-03-23T16:00:00Z')).label).toBe('公示期满');
    expect(projectBadge({ stage: 'result' }, at('2026-03-24T02:00:00Z'))).toEqual({ key: 'ended', label: '已结束' });
    expect(projectBadge({ stage: 'change' }, at('2026-03-24T02:00:00Z')).label).toBe('报名截止');
  });
});

describe('candidate publicity countdown', () => {
  it('counts the 3 days from publication, the objection deadline being its last day', () => {
    expect(publicityCountdown('2026-03-21', '2026-03-22')).toEqual({ endsOn: '2026-03-23', objectionDeadline: '2026-03-23', daysLeft: 2, text: '公示期剩余 2 天，异议截止 2026-03-23' });
    expect(publicityCountdown('2026-03-21', '2026-03-21').daysLeft).toBe(3);
    expect(publicityCountdown('2026-03-21', '2026-03-23').text).toBe('公示期剩余 1 天，异议截止 2026-03-23');
    expect(publicityCountdown('2026-03-21', '2026-03-24')).toMatchObject({ daysLeft: 0, text: '公示期已结束（异议截止 2026-03-23）' });
    // Across a month end.
    expect(publicityCountdown('2026-02-27', '2026-02-27').endsOn).toBe('2026-03-01');
  });
});

describe('bidder-name masking', () => {
  it('keeps the place and the legal form, hides the rest', () => {
    expect(maskCompanyName('淄博某某建设有限公司')).toBe('淄博****有限公司');
    expect(maskCompanyName('山东鲁中工程股份有限公司')).toBe('山东****股份有限公司');
    expect(maskCompanyName('某公司')).toBe('****公司');
    expect(maskCompanyName('张三')).toBe('张****');
  });
  it('masks only the listed names, longest first, in 招标/变更 notices; candidates and staff views stay as published', () => {
    expect(maskNames('淄博甲建设有限公司、淄博甲建设有限公司分公司提问', ['淄博甲建设有限公司'])).toBe('淄博****有限公司、淄博****有限公司分公司提问');
    const change = { stage: 'change' as const, title: '关于淄博甲建设有限公司疑问的澄清', paragraphs: ['淄博甲建设有限公司提出疑问。', '招标人：淄博市某学校。'], bidders: ['淄博甲建设有限公司'] };
    const shown = publicNotice(change);
    expect(shown.title).toBe('关于淄博****有限公司疑问的澄清');
    expect(shown.paragraphs).toEqual(['淄博****有限公司提出疑问。', '招标人：淄博市某学校。']);
    expect(shown.bidders).toEqual(['淄博****有限公司']);
    expect(JSON.stringify(shown)).not.toContain('淄博甲建设');
    const candidates = { ...change, stage: 'candidates' as const };
    expect(publicNotice(candidates)).toBe(candidates);
    expect(publicNotice({ ...change, bidders: [] }).title).toContain('淄博甲建设有限公司');
  });
});
