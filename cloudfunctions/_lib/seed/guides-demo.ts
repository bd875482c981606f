// Demonstration content of 交易操作一点通, 拟出让土地市场推介 and the innovation showcase. Invented
// content is `demo: true` (shown with a 演示 badge); the two showcase cases the 2023 report names
// (首宗广告位使用权, 猕猴桃采摘权) are real and carry only what the report says. Deterministic for a
// given anchor date. Demo guide attachments are plain-text sheets with fixed local file ids: the
// local gateway writes them to its file folder (installDemoGuideFiles); in CloudBase storage they do
// not exist, so their download answers NOT_FOUND there.
import { addDays } from '../../../src/domain/calendar/dates';
import { muFromSquareMetres } from '../../../src/domain/guides/land';
import { GUIDE_KINDS, type GuideKind, type ParcelStatus } from '../../../src/contracts/guides';
import { TRANSACTION_TYPES, type NoticeStage, type TransactionType } from '../../../src/contracts/trading';
import { LOCAL_FILE_PREFIX, type LocalFileStore } from '../adapters/local-files';

export interface GuideDoc {
  type: TransactionType;
  kind: GuideKind;
  title: string;
  summary: string;
  steps: string[];
  materials: string[];
  contacts: Array<{ name: string; phone: string }>;
  attachments: Array<{ fileId: string; name: string; size: number; contentType: string }>;
  updatedOn: string;
  /** `updatedOn|_id`: keyset for most-recent-first lists. */
  sortKey: string;
  createdBy?: string;
  updatedBy?: string;
  demo: boolean;
}

export interface ParcelDoc {
  code: string;
  name: string;
  district: string;
  address: string;
  latitude: number;
  longitude: number;
  areaSqm: number;
  areaMu: number;
  use: string;
  transferMethod: string;
  plannedDate: string;
  reservePrice?: string;
  status: ParcelStatus;
  particulars: string[];
  projectId?: string;
  /** `plannedDate|_id`: keyset for soonest-first lists. */
  sortKey: string;
  demo: boolean;
}

export interface ShowcaseDoc {
  order: number;
  title: string;
  period: string;
  summary: string;
  projectId?: string;
  source?: string;
  demo: boolean;
}

/** The center's published telephone (from the 2023 report). */
const CENTER_PHONE = '0533-2270076';

const TYPE_DETAIL: Record<TransactionType, { subject: string; entry: string; materials: string[]; platform: string }> = {
  construction: { subject: '工程建设项目招标', entry: '招标文件备案', materials: ['项目审批（核准、备案）文件', '招标方案及招标代理委托合同', '资金落实证明'], platform: '淄博市公共资源交易电子服务系统（工程建设）' },
  procurement: { subject: '政府采购项目', entry: '采购需求确认', materials: ['政府采购计划（采购意向）', '采购需求及采购文件', '采购代理委托协议（如委托）'], platform: '政府采购电子交易系统' },
  landMining: { subject: '国有建设用地使用权及矿业权出让', entry: '出让方案审核', materials: ['出让方案批复文件', '宗地规划条件及界址图', '竞买申请书及竞买保证金缴纳凭证'], platform: '土地矿业权网上交易系统' },
  stateAssets: { subject: '国有产权转让及资产处置', entry: '转让信息披露申请', materials: ['国有资产监管机构批准文件', '资产评估报告及备案表', '转让方内部决策文件'], platform: '国有产权交易系统' },
  ruralProperty: { subject: '农村集体产权流转交易', entry: '流转交易申请', materials: ['村集体经济组织民主决议', '产权权属证明', '镇（街道）审核意见'], platform: '农村产权交易系统' },
};

function stepsFor(type: TransactionType, kind: GuideKind): string[] {
  const d = TYPE_DETAIL[type];
  if (kind === 'serviceGuide') {
    return [
      `办理市场主体注册：在${d.platform}注册账号并完成CA数字证书办理（已办理的可跳过）。`,
      `提交${d.entry}：按“所需材料”准备电子材料，通过系统在线提交，中心一次性告知需补正的内容。`,
      '发布公告：材料审核通过后，在交易公告栏目发布，公告期内可在线答疑、澄清。',
      '进场交易：按公告时间在开标大厅（或网上）完成开标、评审或竞价，全程录音录像。',
      '结果公示与归档：交易结果在交易公告栏目公示，公示期满后办理成交确认和资料归档。',
    ];
  }
  if (kind === 'manual') {
    return [
      `登录${d.platform}，选择“${d.subject}”业务入口。`,
      '在“项目登记”页面填写项目基本信息，上传所需材料（PDF 格式，单个文件不超过 10 MB）。',
      '使用CA数字证书对提交材料进行电子签章后提交，系统生成项目编号。',
      '在“我的项目”中查看审核进度；退回修改的，按退回意见修改后重新提交。',
      '交易完成后，在“结果查询”中下载交易结果通知书。',
    ];
  }
  return [
    `一句话说明：${d.subject}须在中心进场交易，全流程网上办理。`,
    '带什么：只需带CA数字证书和经办人身份证，纸质材料以“所需材料”清单为准。',
    '去哪里：淄博市高新区柳泉路125号先进陶瓷创新园B座，按开标大厅指引到对应开标室。',
    '有疑问：拨打咨询电话或在“意见征集”“好差评”栏目留言，中心实行首问负责、一次性告知。',
  ];
}

function guideText(doc: GuideDoc): string {
  return [
    `${doc.title}（演示内容）`,
    '',
    '本文件为演示数据，用于展示“交易操作一点通”附件下载，并非淄博市公共资源交易中心发布的正式文件。',
    '',
    '办理步骤：',
    ...doc.steps.map((step, i) => `${i + 1}. ${step}`),
    '',
    '所需材料：',
    ...doc.materials.map((m) => `- ${m}`),
    '',
    `咨询电话：${CENTER_PHONE}`,
    '',
  ].join('\n');
}

/** A fixed local file id per demo guide (32 hex digits, as the local file store names files). */
export function demoGuideFileKey(n: number): string {
  return `de${n.toString(16).padStart(30, '0')}`;
}

interface DemoFile {
  key: string;
  name: string;
  contentType: 'text/plain';
  text: string;
}

export interface GuidesDemo {
  guides: Array<GuideDoc & { _id: string }>;
  parcels: Array<ParcelDoc & { _id: string }>;
  showcase: Array<ShowcaseDoc & { _id: string }>;
  files: DemoFile[];
}

interface ParcelSeed {
  name: string;
  district: string;
  address: string;
  latitude: number;
  longitude: number;
  areaSqm: number;
  use: string;
  transferMethod: string;
  plannedIn: number;
  reservePrice?: string;
  /** Name of the demo land project this parcel's transfer is announced as. */
  project?: string;
  sold?: boolean;
}

// Coordinates are GCJ-02 near each district's built-up area (illustrative, not surveyed).
const PARCELS: ParcelSeed[] = [
  { name: '高新区某地块', district: '高新区', address: '高新区柳泉路以东、鲁泰大道以北', latitude: 36.8532, longitude: 118.0601, areaSqm: 40020, use: '工业用地', transferMethod: '挂牌出让', plannedIn: 12, reservePrice: '2,160 万元', project: '高新区某地块国有建设用地使用权出让' },
  { name: '周村区某工业地块', district: '周村区', address: '周村区经济开发区北郊路以西', latitude: 36.8152, longitude: 117.8703, areaSqm: 66700, use: '工业用地', transferMethod: '挂牌出让', plannedIn: 18, reservePrice: '1,980 万元', project: '周村区某工业用地挂牌出让' },
  { name: '张店区某商服地块', district: '张店区', address: '张店区人民西路以南、西六路以东', latitude: 36.8071, longitude: 118.0189, areaSqm: 12340, use: '商服用地', transferMethod: '拍卖出让', plannedIn: 35 },
  { name: '淄川区某住宅地块', district: '淄川区', address: '淄川区般阳路以东、松龄路以北', latitude: 36.6431, longitude: 117.9672, areaSqm: 28015.5, use: '住宅用地', transferMethod: '挂牌出让', plannedIn: 42, reservePrice: '6,300 万元' },
  { name: '博山区某仓储地块', district: '博山区', address: '博山区经济开发区白塔片区', latitude: 36.5218, longitude: 117.8705, areaSqm: 20010, use: '仓储用地', transferMethod: '挂牌出让', plannedIn: 50 },
  { name: '临淄区某工业地块', district: '临淄区', address: '临淄区齐鲁化学工业区内', latitude: 36.8262, longitude: 118.3091, areaSqm: 53360, use: '工业用地', transferMethod: '挂牌出让', plannedIn: -120, reservePrice: '2,400 万元', sold: true },
  { name: '桓台县某商住地块', district: '桓台县', address: '桓台县少海路以南、东岳路以西', latitude: 36.9598, longitude: 118.0982, areaSqm: 18676, use: '住宅用地', transferMethod: '拍卖出让', plannedIn: 60 },
  { name: '高青县某工业地块', district: '高青县', address: '高青县经济开发区青城路以北', latitude: 37.1702, longitude: 117.8261, areaSqm: 33350, use: '工业用地', transferMethod: '挂牌出让', plannedIn: 70 },
  { name: '沂源县某文旅地块', district: '沂源县', address: '沂源县鲁山路以东、沂河以西', latitude: 36.1853, longitude: 118.1708, areaSqm: 9338, use: '商服用地', transferMethod: '挂牌出让', plannedIn: 80 },
];

const LATER_STAGES: NoticeStage[] = ['result', 'contract'];

export function guidesDemo(anchor: string, projects: ReadonlyArray<{ _id: string; name: string; stage: NoticeStage }>): GuidesDemo {
  const guides: GuidesDemo['guides'] = [];
  const files: DemoFile[] = [];
  let n = 0;
  TRANSACTION_TYPES.forEach((type) => {
    GUIDE_KINDS.forEach((kind) => {
      n += 1;
      const id = `demo-guide-${String(n).padStart(3, '0')}`;
      const updatedOn = addDays(anchor, -3 * n);
      const title = `${TYPE_DETAIL[type.key].subject}${kind.label}`;
      const doc: GuideDoc & { _id: string } = {
        _id: id,
        type: type.key,
        kind: kind.key,
        title,
        summary: `【演示内容】${type.label}类交易的${kind.label}：按步骤说明怎么办、带什么、找谁问。`,
        steps: stepsFor(type.key, kind.key),
        materials: kind.key === 'manual' ? ['CA数字证书', ...TYPE_DETAIL[type.key].materials.slice(0, 2)] : ['CA数字证书及经办人身份证', ...TYPE_DETAIL[type.key].materials],
        contacts: [{ name: '市公共资源交易中心咨询电话', phone: CENTER_PHONE }],
        attachments: [],
        updatedOn,
        sortKey: `${updatedOn}|${id}`,
        demo: true,
      };
      const key = demoGuideFileKey(n);
      const name = `${title}（演示）.txt`;
      const text = guideText(doc);
      files.push({ key, name, contentType: 'text/plain', text });
      doc.attachments = [{ fileId: `${LOCAL_FILE_PREFIX}${key}`, name, size: Buffer.byteLength(text, 'utf8'), contentType: 'text/plain' }];
      guides.push(doc);
    });
  });

  const byName = new Map(projects.map((p) => [p.name, p]));
  const parcels: GuidesDemo['parcels'] = PARCELS.map((seed, i) => {
    const id = `demo-parcel-${String(i + 1).padStart(3, '0')}`;
    const project = seed.project ? byName.get(seed.project) : undefined;
    const status: ParcelStatus = project ? (LATER_STAGES.includes(project.stage) ? 'sold' : 'listed') : seed.sold ? 'sold' : 'promoting';
    const plannedDate = addDays(anchor, seed.plannedIn);
    return {
      _id: id,
      code: `ZBTD-${anchor.slice(0, 4)}-${String(i + 1).padStart(3, '0')}`,
      name: seed.name,
      district: seed.district,
      address: seed.address,
      latitude: seed.latitude,
      longitude: seed.longitude,
      areaSqm: seed.areaSqm,
      areaMu: muFromSquareMetres(seed.areaSqm),
      use: seed.use,
      transferMethod: seed.transferMethod,
      plannedDate,
      ...(seed.reservePrice ? { reservePrice: seed.reservePrice } : {}),
      status,
      particulars: [
        '【演示内容】本宗地信息为演示数据，用于展示“拟出让土地市场推介”，并非真实出让信息。',
        `规划条件：${seed.use === '工业用地' ? '容积率不低于 1.2，建筑密度不低于 40%' : seed.use === '住宅用地' ? '容积率 1.8—2.5，绿地率不低于 35%' : '容积率不高于 2.0，建筑限高 45 米'}。`,
        `供地现状：${seed.sold ? '已完成出让。' : '场地平整，周边道路、供水、供电等基础设施已配套。'}`,
      ],
      ...(project ? { projectId: project._id } : {}),
      sortKey: `${plannedDate}|${id}`,
      demo: true,
    };
  });

  const REPORT = '《淄博市公共资源交易中心2023年政府信息公开工作年度报告》';
  const demoShowcase = [
    { title: '市属国企门面房租赁权网上竞价', project: '市属国企门面房租赁权转让', summary: '【演示内容】门面房租赁权通过网上竞价公开交易，意向承租人不见面、多轮报价。' },
    { title: '村集体鱼塘承包经营权进场流转', project: '某村集体鱼塘承包经营权流转', summary: '【演示内容】村集体鱼塘承包经营权进入农村产权交易系统公开流转，流转结果网上公示。' },
  ];
  const showcase: GuidesDemo['showcase'] = [
    { _id: 'case-ad-space', order: 1, title: '首宗广告位使用权交易', period: '2023年', summary: '2023年中心借助网站飘窗展示的交易创新突破之一（年度报告未载明交易细节）。', source: REPORT, demo: false },
    { _id: 'case-kiwi-picking', order: 2, title: '猕猴桃采摘权交易', period: '2023年', summary: '2023年中心借助网站飘窗展示的交易创新突破之一（年度报告未载明交易细节）。', source: REPORT, demo: false },
    ...demoShowcase.map((entry, i) => {
      const project = byName.get(entry.project);
      return { _id: `demo-case-${i + 1}`, order: 10 + i, title: entry.title, period: addDays(anchor, -20 - 10 * i), summary: entry.summary, ...(project ? { projectId: project._id } : {}), demo: true };
    }),
  ];
  return { guides, parcels, showcase, files };
}

/**
 * Writes the demo guides' attachment files into local storage (skipping those already there). Their
 * bytes do not depend on the anchor date, so any anchor gives the same files.
 */
export async function installDemoGuideFiles(files: LocalFileStore): Promise<number> {
  let written = 0;
  for (const file of guidesDemo('2000-01-03', []).files) {
    if (await files.describe(`${LOCAL_FILE_PREFIX}${file.key}`)) continue;
    await files.saveAs(file.key, Buffer.from(file.text, 'utf8'), { name: file.name, contentType: file.contentType });
    written += 1;
  }
  return written;
}
