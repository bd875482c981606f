// Demonstration trading projects (invented, `demo: true`, shown with a 演示 badge): each a chain of
// notices up to some stage, and bid openings on the working days around the day the store is seeded,
// so the 开标大厅 has sessions to show. Deterministic for a given anchor date.
import { addDays, weekday } from '../../../src/domain/calendar/dates';
import { DISTRICTS, NOTICE_STAGES, TRANSACTION_TYPES, type District, type NoticeStage, type TransactionType } from '../../../src/contracts/trading';

export interface ProjectDoc {
  code: string;
  name: string;
  type: TransactionType;
  owner: string;
  budget?: string;
  /** 市本级 or the district sub-center that trades it. */
  district: District;
  /** `code name`: the field the keyword filter searches with `$contains`. */
  keywords: string;
  stage: NoticeStage;
  latestAt: string;
  /** `latestAt|_id`: keyset for newest-first lists. */
  sortKey: string;
  openingDate?: string;
  openingAt?: string;
  room?: string;
  /** Last day of sign-up, from the tender notice (or the latest change notice). */
  signUpEnds?: string;
  /** Day of the latest 中标候选人公示 (for the 公示中 badge without reading the notices). */
  candidatesOn?: string;
  noticeCount: number;
  demo: boolean;
}

export interface NoticeDoc {
  projectId: string;
  stage: NoticeStage;
  order: number;
  title: string;
  publishedAt: string;
  paragraphs: string[];
  signUpEnds?: string;
  /** Bidders the notice names; masked in public views of 招标/变更 notices (src/domain/trading/masking.ts). */
  bidders?: string[];
  demo: boolean;
}

const SUBJECTS: Record<TransactionType, string[]> = {
  construction: ['淄博市某中学教学楼改扩建工程施工', '张店区某道路提升改造工程', '高新区某污水管网配套工程', '淄川区某安置房项目监理'],
  procurement: ['某医院医用设备采购', '某学校智慧教室设备采购', '市级机关办公家具采购', '某街道环卫保洁服务采购'],
  landMining: ['高新区某地块国有建设用地使用权出让', '周村区某工业用地挂牌出让', '临淄区某采矿权出让'],
  stateAssets: ['某国有企业闲置设备处置', '某国有公司股权转让', '市属国企门面房租赁权转让'],
  ruralProperty: ['某村集体机动地经营权流转', '某镇猕猴桃采摘权交易', '某村集体鱼塘承包经营权流转'],
};
const ROOMS = ['开标一室', '开标二室', '开标三室', '开标四室'];
const TIMES = ['09:00', '09:30', '14:30', '15:00'];

function stageIndex(stage: NoticeStage): number {
  return NOTICE_STAGES.findIndex((s) => s.key === stage);
}

function workingDaysAround(anchor: string, count: number): string[] {
  const days: string[] = [];
  for (let offset = 0; days.length < count; offset++) {
    const date = addDays(anchor, offset);
    if (weekday(date) !== 0 && weekday(date) !== 6) days.push(date);
  }
  return days;
}

export function tradingDemo(anchor: string): { projects: Array<ProjectDoc & { _id: string }>; notices: Array<NoticeDoc & { _id: string }> } {
  const projects: Array<ProjectDoc & { _id: string }> = [];
  const notices: Array<NoticeDoc & { _id: string }> = [];
  const openingDays = [anchor, ...workingDaysAround(addDays(anchor, 1), 6)];
  let n = 0;
  TRANSACTION_TYPES.forEach((type, t) => {
    SUBJECTS[type.key].forEach((subject, s) => {
      n += 1;
      const id = `demo-prj-${String(n).padStart(3, '0')}`;
      const code = `ZBGGZY-${anchor.slice(0, 4)}-${String(t + 1).padStart(2, '0')}${String(s + 1).padStart(3, '0')}`;
      // Half the projects are still before their opening; the rest have reached candidates, result or contract.
      const depth = n % 2 === 0 ? 0 + (n % 4 === 0 ? 1 : 0) : 2 + (n % 3);
      const stages = NOTICE_STAGES.slice(0, Math.min(depth, NOTICE_STAGES.length - 1) + 1).map((st) => st.key);
      const start = addDays(anchor, -40 + n);
      const dated = stages.map((stage, i) => ({ stage, date: addDays(start, i * 8) }));
      const open = stageIndex(stages[stages.length - 1]!) <= stageIndex('change');
      // Every other open project opens on the seeding day itself, so the 开标大厅 has sessions today.
      const k = n / 2;
      const openingDate = open ? (k % 2 === 0 ? anchor : openingDays[1 + (k % (openingDays.length - 1))]!) : addDays(start, 20);
      const latest = dated[dated.length - 1]!.date;
      const district = DISTRICTS[n % DISTRICTS.length]!.key;
      // Sign-up closes 3 days before the opening; open projects opening today or later are still 报名中 for a while.
      const signUpEnds = addDays(openingDate, -3);
      const candidatesOn = dated.find((d) => d.stage === 'candidates')?.date;
      const bidder = `淄博${['鲁中', '齐都', '华瑞', '恒信', '泰和'][n % 5]}演示建设工程有限公司`;
      projects.push({
        _id: id,
        code,
        name: subject,
        type: type.key,
        owner: '【演示】某招标人（采购人）',
        ...(type.key === 'construction' || type.key === 'procurement' ? { budget: `${(n * 37) % 900 + 100} 万元` } : {}),
        district,
        keywords: `${code} ${subject}`,
        signUpEnds,
        ...(candidatesOn ? { candidatesOn } : {}),
        stage: stages[stages.length - 1]!,
        latestAt: latest,
        sortKey: `${latest}|${id}`,
        openingDate,
        openingAt: `${openingDate}T${TIMES[n % TIMES.length]}:00+08:00`,
        room: ROOMS[n % ROOMS.length]!,
        noticeCount: dated.length,
        demo: true,
      });
      dated.forEach(({ stage, date }, i) => {
        const label = NOTICE_STAGES[stageIndex(stage)]!.label;
        notices.push({
          _id: `${id}-n${i + 1}`,
          projectId: id,
          stage,
          order: stageIndex(stage) * 10 + i,
          title: `${subject}${label}`,
          publishedAt: date,
          paragraphs: [
            `【演示内容】本公告为演示数据，用于展示交易公告“一链式”全读，并非淄博市公共资源交易中心发布的真实公告。`,
            `项目编号：${code}；交易类型：${type.label}；交易地区：${DISTRICTS.find((d) => d.key === district)!.label}。`,
            stage === 'tender'
              ? `报名截止：${signUpEnds}；开标时间：${openingDate} ${TIMES[n % TIMES.length]}，开标地点：淄博市公共资源交易中心${ROOMS[n % ROOMS.length]}。`
              : stage === 'change'
                ? `${bidder}就招标文件提出疑问，现澄清如下：本公告为该项目${label}。`
                : `本公告为该项目${label}。`,
          ],
          ...(stage === 'tender' ? { signUpEnds } : {}),
          ...(stage === 'change' ? { bidders: [bidder] } : {}),
          demo: true,
        });
      });
    });
  });
  return { projects, notices };
}
