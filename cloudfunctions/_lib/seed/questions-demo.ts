// Demo 咨询留言: a few answered public questions (invented, `demo: true`, shown with the 演示 badge),
// dated relative to the seed day so the public list is never empty. Demo questions are left out of
// the monthly statistics (they are illustrations, not service records).
import { addDays, type IsoDate } from '../../../src/domain/calendar/dates';
import type { QuestionDoc } from '../handlers/questions';

interface DemoSpec {
  category: string;
  title: string;
  body: string;
  name?: string;
  answer: string;
  askedDaysAgo: number;
  answeredAfterDays: number;
}

const SPECS: DemoSpec[] = [
  {
    category: 'trading',
    title: '投标保证金可以用电子保函缴纳吗',
    body: '我公司准备参加一个房建工程的投标，请问投标保证金是否可以用电子保函代替现金缴纳？需要在哪里办理？',
    name: '张明远',
    answer: '可以。本中心交易平台已支持投标保证金电子保函，投标人可在“电子保函”模块选择已入驻的金融机构在线申请，保函开具后系统自动关联到项目，无需提交纸质材料。',
    askedDaysAgo: 20,
    answeredAfterDays: 2,
  },
  {
    category: 'platform',
    title: 'CA 数字证书过期后如何续期',
    body: '我单位的 CA 数字证书提示即将过期，登录交易平台时无法签章，请问应当如何办理续期？',
    answer: '请在证书到期前通过 CA 机构的在线服务续期；已过期的，可携带单位介绍信到中心一楼服务窗口办理。续期后无需重新注册，原有信息保持不变。',
    askedDaysAgo: 15,
    answeredAfterDays: 1,
  },
  {
    category: 'policy',
    title: '政府采购项目的中标结果在哪里公示',
    body: '请问政府采购项目的中标（成交）结果在哪里公示？公示期是几天？对结果有异议的，可以在什么时间内提出质疑？',
    name: '李华',
    answer: '中标（成交）结果在交易公告栏目“结果公告”中发布，公告期限为 1 个工作日。供应商认为自身权益受到损害的，可以在知道或者应当知道之日起 7 个工作日内，以书面形式向采购人或采购代理机构提出质疑。',
    askedDaysAgo: 9,
    answeredAfterDays: 3,
  },
];

export function questionsDemo(today: IsoDate): Array<QuestionDoc & { _id: string }> {
  return SPECS.map((spec, index) => {
    const askedOn = addDays(today, -spec.askedDaysAgo);
    const answeredOn = addDays(askedOn, spec.answeredAfterDays);
    const answeredAt = `${answeredOn}T02:00:00.000Z`;
    const _id = `demo-question-${index + 1}`;
    return {
      _id,
      openid: 'demo-asker',
      category: spec.category,
      title: spec.title,
      body: spec.body,
      private: false,
      ...(spec.name ? { name: spec.name } : {}),
      state: 'answered' as const,
      askedOn,
      askedAt: `${askedOn}T01:00:00.000Z`,
      clockStart: askedOn,
      due: addDays(askedOn, 7),
      responsible: { openid: 'demo-clerk', name: '受理员（演示）' },
      answer: { text: spec.answer, on: answeredOn },
      published: true,
      sortKey: `${answeredAt}|${_id}`,
      history: [
        { at: `${askedOn}T01:00:00.000Z`, actor: '留言人', action: '提交留言' },
        { at: answeredAt, actor: '受理员（演示）', action: '答复并公开', note: spec.answer },
      ],
      demo: true,
    };
  });
}
