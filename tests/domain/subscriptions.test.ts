// Pure rules of subscriptions and public-account articles.
import { FOLLOWABLE_COLUMNS, TYPED_COLUMNS, fitField, followId, followerTypesFor, messageId, reaches, subscriptionMessage, topicKey, topicProblem, type Follow } from '@/domain/subscriptions/rules';
import { htmlToParagraphs, isWechatArticleUrl, publicAccountFigures } from '@/domain/articles/text';
import { DEFAULT_COLUMNS } from '../../cloudfunctions/_lib/seed';
import { TRANSACTION_TYPES } from '@/contracts/trading';
import { parseAnnualReport } from '../../cloudfunctions/_lib/seed/parse-report';
import { SEED_REPORT_TEXT } from '../support/seeded-store';

const follow = (over: Partial<Follow> = {}): Follow => ({ openid: 'u1', column: 'announcements', type: '', since: '2026-02-01T00:00:00.000Z', ...over });
const event = { column: 'announcements', type: 'procurement', at: '2026-02-10T01:00:00.000Z' };

describe('what can be followed', () => {
  it('is every home column that publishes, and only those', () => {
    const keys = DEFAULT_COLUMNS.map((c) => c.key);
    for (const column of FOLLOWABLE_COLUMNS) expect(keys).toContain(column);
    expect(topicProblem({ column: 'catalogue' })).toBeNull();
    expect(topicProblem({ column: 'contact' })).toBe('该栏目不支持订阅');
    expect(topicProblem({ column: 'rating' })).toBe('该栏目不支持订阅');
  });

  it('allows a type only where the column has types, and only a real one', () => {
    expect(TYPED_COLUMNS.announcements).toEqual(TRANSACTION_TYPES.map((t) => t.key));
    for (const t of TRANSACTION_TYPES) expect(topicProblem({ column: 'announcements', type: t.key })).toBeNull();
    expect(topicProblem({ column: 'announcements', type: 'lottery' })).toBe('订阅类型不正确');
    expect(topicProblem({ column: 'catalogue', type: 'procurement' })).toBe('该栏目不支持按类型订阅');
  });

  it('keys follows by user and topic', () => {
    expect(topicKey({ column: 'catalogue' })).toBe('catalogue');
    expect(topicKey({ column: 'announcements', type: 'procurement' })).toBe('announcements:procurement');
    expect(followId('u1', { column: 'announcements', type: 'procurement' })).toBe('u1|announcements:procurement');
    expect(messageId('document:d1', 'u1')).toBe('document:d1|u1');
  });
});

describe('which follows an event reaches', () => {
  it('reaches the whole column and the event’s own type, not other types or columns', () => {
    expect(followerTypesFor(event)).toEqual(['', 'procurement']);
    expect(followerTypesFor({ type: '' })).toEqual(['']);
    expect(reaches(follow(), event)).toBe(true);
    expect(reaches(follow({ type: 'procurement' }), event)).toBe(true);
    expect(reaches(follow({ type: 'construction' }), event)).toBe(false);
    expect(reaches(follow({ column: 'catalogue' }), event)).toBe(false);
  });

  it('does not send items published before the follow', () => {
    expect(reaches(follow({ since: '2026-02-10T01:00:00.000Z' }), event)).toBe(true);
    expect(reaches(follow({ since: '2026-02-10T01:00:00.001Z' }), event)).toBe(false);
  });
});

describe('the subscription message', () => {
  it('fits WeChat’s field limits (thing ≤ 20, character_string ≤ 32), counting characters not bytes', () => {
    const message = subscriptionMessage({ title: '淄博市公共资源交易中心关于进一步规范开评标现场管理工作的通知', date: '2026-02-10' }, '公开目录');
    expect(message.title).toBe('公开目录有新内容');
    expect([...message.body]).toHaveLength(20);
    expect(message.body.endsWith('…')).toBe(true);
    expect(message.reference).toBe('2026-02-10');
    expect(fitField('短标题', 20)).toBe('短标题');
    expect(fitField('  多余   空白 ', 20)).toBe('多余 空白');
    expect([...fitField('😀'.repeat(30), 20)]).toHaveLength(20);
  });
});

describe('article text', () => {
  it('turns WeChat HTML into paragraphs', () => {
    const html = '<section><p>第一段&nbsp;内容</p><script>alert(1)</script><p><span>第二段</span><br/>第三段 &amp; 更多&#65281;</p><p> </p></section>';
    expect(htmlToParagraphs(html)).toEqual(['第一段 内容', '第二段', '第三段 & 更多！']);
  });

  it('accepts only mp.weixin.qq.com article links', () => {
    expect(isWechatArticleUrl('https://mp.weixin.qq.com/s/abc')).toBe(true);
    expect(isWechatArticleUrl('http://mp.weixin.qq.com/s/abc')).toBe(false);
    expect(isWechatArticleUrl('https://mp.weixin.qq.com.evil.example/s')).toBe(false);
  });

  it('reads the account’s 2023 figures and their sentences from the seed report', () => {
    const report = parseAnnualReport(SEED_REPORT_TEXT);
    const figures = publicAccountFigures(report.sections.flatMap((s) => s.blocks.flatMap((b) => b.paragraphs)));
    expect(figures.posts?.value).toBe(313);
    expect(figures.posts?.source).toContain('在中心微信公众号发布信息313条');
    expect(figures.followers?.value).toBe(6723);
    expect(figures.followers?.source).toContain('淄博市公共资源交易中心微信公众号关注人数6723人');
    expect(publicAccountFigures([])).toEqual({ posts: null, followers: null });
  });
});
