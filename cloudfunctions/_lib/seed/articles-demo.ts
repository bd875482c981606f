// Demo articles of the center's public account for local mode: invented text, every one demo: true,
// without 原文链接 (no real mp.weixin.qq.com address is made up). Served by the local feed adapter.
import type { FeedArticle } from '../ports/public-account';

const demo = (n: number, updatedAt: string, title: string, digest: string, paragraphs: string[]): FeedArticle => ({
  id: `demo-art-${String(n).padStart(3, '0')}`,
  title,
  author: '淄博市公共资源交易中心',
  digest,
  html: paragraphs.map((p) => `<p>${p}</p>`).join(''),
  url: '',
  updatedAt,
  demo: true,
});

export const DEMO_ARTICLES: FeedArticle[] = [
  demo(1, '2026-01-08T02:00:00.000Z', '交易中心开展“不见面开标”操作培训', '面向投标人讲解远程解密、在线答疑的操作要点。', [
    '【演示内容】为帮助市场主体熟悉“不见面开标”系统，交易中心近日组织开展操作培训。',
    '培训围绕远程签到、在线解密、异议答复等环节逐项演示，现场解答投标人提出的问题。',
  ]),
  demo(2, '2026-01-16T07:30:00.000Z', '一图读懂：政府采购项目交易流程', '从采购公告到合同公示，一张图看清各环节。', [
    '【演示内容】本文以图解方式介绍政府采购项目在交易平台上的主要流程。',
    '采购人发布采购公告后，供应商可在线获取采购文件；开标、评审结束后依次发布中标（成交）结果公告和合同公示。',
  ]),
  demo(3, '2026-01-27T03:15:00.000Z', '平台开放日：走进开标大厅', '邀请人大代表、政协委员和市场主体代表走进交易中心。', [
    '【演示内容】交易中心举办平台开放日活动，来宾参观了开标大厅和评标区。',
    '活动现场，工作人员介绍了全流程电子化交易和远程异地评标的做法，并听取了意见建议。',
  ]),
  demo(4, '2026-02-05T01:00:00.000Z', '春节期间交易服务安排的通知', '春节假期期间暂停开标评标，网上业务正常受理。', [
    '【演示内容】根据国务院办公厅关于部分节假日安排的通知，现将春节期间交易服务安排公告如下。',
    '假期期间暂停开标、评标活动，项目登记、文件上传等网上业务正常受理。',
    '如有疑问，请拨打中心服务电话咨询。',
  ]),
];
