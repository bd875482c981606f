// 政策解读 and 会议公开 at first start: the 2023 figures the annual report states (parsed from its text,
// with the sentences they come from), and demo records. The meeting counts of 2023 are real (8 主任办公会
// with 32 topics, one attended by a third-party institution, 5 “三提三争” meetings); their dates, topic
// titles and every interpretation are invented, stored with `demo: true`. Demo media are small SVG
// pictures kept inline as data (no file storage is reachable while seeding); staff uploads go
// through the FileStore port.
import type { DisclosureDoc } from '../collections';
import type { IsoDate } from '../../../src/domain/calendar/dates';
import { addDays } from '../../../src/domain/calendar/dates';
import type { InterpretationForm, InterpreterRole, MediaKind, MeetingKind, SectionKey } from '../../../src/domain/policies/rules';

export const POLICY_COLLECTIONS = { interpretations: 'policyInterpretations', meetings: 'policyMeetings', facts: 'policyFacts' } as const;

export type PolicyState = 'inReview' | 'published' | 'rejected' | 'withdrawn';

export interface PolicyWorkflow {
  authorOpenid: string;
  createdOn: IsoDate;
  review?: { reviewerOpenid: string; on: IsoDate; approved: boolean; reason?: string };
  withdrawal?: { byOpenid: string; on: IsoDate; reason: string };
  history: Array<{ at: string; actor: string; action: string; note?: string }>;
}

export interface StoredMedia {
  kind: MediaKind;
  alt: string;
  contentType: string;
  /** A file in storage (staff uploads). */
  fileId?: string;
  /** Inline content as a data URL (demo media only). */
  dataUrl?: string;
}

export interface InterpretationDoc {
  title: string;
  documentId: string;
  /** Copied from the document when linked, for lists; the detail page reads the live document. */
  documentTitle: string;
  form: InterpretationForm;
  role: InterpreterRole;
  interpreter: string;
  sections: Array<{ key: SectionKey; paragraphs: string[] }>;
  media: StoredMedia[];
  /** The publication date (the creation date until published). */
  publishedAt: IsoDate;
  status: PolicyState;
  demo: boolean;
  /** `publishedAt|_id`, newest first. */
  sortKey: string;
  /** True for records staff created (the workflow's list filters on it). */
  staff?: boolean;
  workflow?: PolicyWorkflow;
}

export interface MeetingDoc {
  kind: MeetingKind;
  title: string;
  date: IsoDate;
  topics: Array<{ title: string; interpretationIds: string[] }>;
  topicCount: number;
  attendance?: string;
  thirdPartyAttended: boolean;
  paragraphs: string[];
  status: PolicyState;
  demo: boolean;
  /** `date|_id`, newest first. */
  sortKey: string;
  staff?: boolean;
  workflow?: PolicyWorkflow;
}

export interface PolicyFactsDoc {
  year: number;
  interpretations: number;
  directorOfficeMeetings: number;
  directorOfficeTopics: number;
  thirdPartyAttendance: number;
  sanTiSanZhengMeetings: number;
  sources: string[];
  sourceTitle: string;
}

/** The sentence of `text` (ending in 。) that contains `match`'s position. */
function sentenceAround(text: string, index: number): string {
  const start = Math.max(text.lastIndexOf('。', index) + 1, text.lastIndexOf('\n', index) + 1);
  const end = text.indexOf('。', index);
  return text.slice(start, end < 0 ? undefined : end + 1).trim();
}

/** The 政策解读 and 会议公开 figures of the report, with their source sentences; throws when the text lacks them. */
export function policyFactsFromReport(text: string, year: number, sourceTitle: string): PolicyFactsDoc & { _id: string } {
  const interp = /全年共发布解读类信息(\d+)次/.exec(text);
  const meetings = /召开主任办公会(\d+)次，研究重要议题(\d+)个，邀请第三方机构列席(\d+)次；召开“三提三争”工作推进会(\d+)次/.exec(text);
  if (!interp || !meetings) throw new Error('年度报告中未找到政策解读或会议公开的数字');
  // The interpretation sentence starts after the previous full stop: "畅通政策解读渠道，……27次。"
  return {
    _id: `facts-${year}`,
    year,
    interpretations: Number(interp[1]),
    directorOfficeMeetings: Number(meetings[1]),
    directorOfficeTopics: Number(meetings[2]),
    thirdPartyAttendance: Number(meetings[3]),
    sanTiSanZhengMeetings: Number(meetings[4]),
    sources: [sentenceAround(text, interp.index), sentenceAround(text, meetings.index)],
    sourceTitle,
  };
}

function svgData(svg: string): string {
  return `data:image/svg+xml;base64,${Buffer.from(svg, 'utf8').toString('base64')}`;
}

const FONT = "font-family='sans-serif'";

/** A static infographic: four labelled steps. */
function infographic(title: string, steps: string[]): string {
  const boxes = steps
    .map((step, i) => `<rect x='${20 + i * 150}' y='90' width='130' height='70' rx='10' fill='#fff1f0' stroke='#b71c1c' stroke-width='3'/><text x='${85 + i * 150}' y='132' ${FONT} font-size='18' text-anchor='middle' fill='#262626'>${step}</text>`)
    .join('');
  return svgData(`<svg xmlns='http://www.w3.org/2000/svg' width='620' height='200' viewBox='0 0 620 200'><rect width='620' height='200' fill='#ffffff'/><text x='310' y='50' ${FONT} font-size='24' font-weight='bold' text-anchor='middle' fill='#b71c1c'>${title}</text>${boxes}<text x='310' y='190' ${FONT} font-size='14' text-anchor='middle' fill='#595959'>演示图片</text></svg>`);
}

/** A short animation (SVG SMIL): a marker moving along the steps, looping. */
function animation(title: string, steps: string[]): string {
  const labels = steps.map((step, i) => `<text x='${85 + i * 150}' y='150' ${FONT} font-size='18' text-anchor='middle' fill='#262626'>${step}</text>`).join('');
  return svgData(`<svg xmlns='http://www.w3.org/2000/svg' width='620' height='200' viewBox='0 0 620 200'><rect width='620' height='200' fill='#fffbe6'/><text x='310' y='50' ${FONT} font-size='24' font-weight='bold' text-anchor='middle' fill='#874d00'>${title}</text><line x1='85' y1='105' x2='535' y2='105' stroke='#d48806' stroke-width='4'/><circle cx='85' cy='105' r='16' fill='#b71c1c'><animate attributeName='cx' values='85;235;385;535;85' dur='6s' repeatCount='indefinite'/></circle>${labels}<text x='310' y='190' ${FONT} font-size='14' text-anchor='middle' fill='#595959'>演示动画</text></svg>`);
}

interface DemoSpec {
  title: string;
  form: InterpretationForm;
  role: InterpreterRole;
  interpreter: string;
  steps: string[];
  measures: string;
}

const SPECS: DemoSpec[] = [
  { title: '一图读懂', form: 'image', role: 'leader', interpreter: '中心主要负责同志', steps: ['项目登记', '公告发布', '开标评标', '结果公示'], measures: '推行全流程电子化，压减交易环节，交易信息“一链式”公开。' },
  { title: '专家解读', form: 'text', role: 'expert', interpreter: '山东省公共资源交易评标专家（演示）', steps: [], measures: '明确评标专家抽取、回避和评价规则，加强评标过程记录和复核。' },
  { title: '动漫解读', form: 'animation', role: 'professional', interpreter: '招标代理机构从业人员（演示）', steps: ['注册', '投标', '开标', '签约'], measures: '市场主体一次注册、全市通用，投标保证金可用电子保函缴纳。' },
  { title: '媒体解读', form: 'text', role: 'media', interpreter: '淄博日报记者（演示）', steps: [], measures: '设立开评标现场监督席位，异常情况当场记录、当场处理。' },
  { title: '图解', form: 'image', role: 'expert', interpreter: '高校法学专家（演示）', steps: ['受理', '审查', '归档', '查阅'], measures: '交易档案按项目归集，电子档案与纸质档案同步管理，依法提供查阅。' },
  { title: '政策问答', form: 'text', role: 'leader', interpreter: '中心分管负责同志', steps: [], measures: '建立信息发布“三审三校”，涉密信息不上网，上网信息不涉密。' },
];

const DIRECTOR_OFFICE_DATES = ['2023-01-16', '2023-03-06', '2023-04-17', '2023-05-29', '2023-07-10', '2023-08-21', '2023-10-09', '2023-11-27'];
const SANTI_DATES = ['2023-02-20', '2023-04-24', '2023-06-26', '2023-09-18', '2023-12-11'];
const TOPIC_THEMES = ['交易服务规程修订', '年度政务公开工作要点', '优化营商环境重点任务', '交易系统安全运维', '评标专家管理', '市场主体满意度调查结果', '预算执行情况', '巡察整改落实'];
/** The meeting a third-party institution attended (the report counts one; which one is illustrative). */
const THIRD_PARTY_MEETING = 4;

/**
 * Demo interpretations of the demo catalogue's 工作制度 documents published in 2023, and the 2023
 * meetings. `documents` is the seeded catalogue; documents it lacks are skipped.
 */
export function policiesDemo(documents: ReadonlyArray<DisclosureDoc & { _id: string }>): { interpretations: Array<InterpretationDoc & { _id: string }>; meetings: Array<MeetingDoc & { _id: string }> } {
  const candidates = documents
    .filter((d) => d.categoryId === 'gzzd' && d.status === 'published' && d.publishedAt >= '2023-01-20' && d.publishedAt <= '2023-12-20')
    .sort((a, b) => a._id.localeCompare(b._id));
  const interpretations = SPECS.flatMap((spec, i) => {
    const doc = candidates[i];
    if (!doc) return [];
    const _id = `demo-itp-${String(i + 1).padStart(2, '0')}`;
    const publishedAt = addDays(doc.publishedAt, 3);
    const media: StoredMedia[] =
      spec.form === 'image'
        ? [{ kind: 'image', contentType: 'image/svg+xml', dataUrl: infographic(doc.title, spec.steps), alt: `示意图：“${doc.title}”的办理流程分为${spec.steps.join('、')}四步。` }]
        : spec.form === 'animation'
          ? [{ kind: 'animation', contentType: 'image/svg+xml', dataUrl: animation(doc.title, spec.steps), alt: `动画：一个圆点依次经过${spec.steps.join('、')}四个环节，演示“${doc.title}”的办理顺序。` }]
          : [];
    const item: InterpretationDoc & { _id: string } = {
      _id,
      title: `${spec.title}：${doc.title}`,
      documentId: doc._id,
      documentTitle: doc.title,
      form: spec.form,
      role: spec.role,
      interpreter: spec.interpreter,
      sections: [
        { key: 'background', paragraphs: [`【演示内容】本解读为演示数据，并非中心发布的真实解读。“${doc.title}”出台前，交易服务存在环节多、信息分散等问题。`] },
        { key: 'basis', paragraphs: ['《中华人民共和国招标投标法》《中华人民共和国政府信息公开条例》及省、市公共资源交易管理有关规定。'] },
        { key: 'purpose', paragraphs: ['规范交易服务行为，提高交易透明度，降低市场主体交易成本。'] },
        { key: 'measures', paragraphs: [spec.measures] },
      ],
      media,
      publishedAt,
      status: 'published',
      demo: true,
      sortKey: `${publishedAt}|${_id}`,
    };
    return [item];
  });

  const meetings: Array<MeetingDoc & { _id: string }> = [];
  DIRECTOR_OFFICE_DATES.forEach((date, i) => {
    const _id = `demo-mtg-2023-zr${i + 1}`;
    // 32 topics in all: four a meeting.
    const topics = [0, 1, 2, 3].map((t) => ({ title: `研究${TOPIC_THEMES[(i + t) % TOPIC_THEMES.length]}有关事项（演示议题）`, interpretationIds: [] as string[] }));
    meetings.push({
      _id,
      kind: 'directorOffice',
      title: `2023年第${i + 1}次主任办公会`,
      date,
      topics,
      topicCount: topics.length,
      ...(i === THIRD_PARTY_MEETING ? { attendance: '邀请第三方机构列席' } : {}),
      thirdPartyAttended: i === THIRD_PARTY_MEETING,
      paragraphs: ['【演示内容】会议日期和议题为示意；2023年召开主任办公会8次、研究重要议题32个、邀请第三方机构列席1次，数字来自年度报告。'],
      status: 'published',
      demo: true,
      sortKey: `${date}|${_id}`,
    });
  });
  SANTI_DATES.forEach((date, i) => {
    const _id = `demo-mtg-2023-st${i + 1}`;
    const topics = [{ title: '通报“三提三争”工作进展，部署下一阶段任务（演示议题）', interpretationIds: [] as string[] }];
    meetings.push({
      _id,
      kind: 'sanTiSanZheng',
      title: `2023年“三提三争”工作推进会（第${i + 1}次）`,
      date,
      topics,
      topicCount: topics.length,
      thirdPartyAttended: false,
      paragraphs: ['【演示内容】会议日期和议题为示意；2023年召开“三提三争”工作推进会5次，数字来自年度报告。'],
      status: 'published',
      demo: true,
      sortKey: `${date}|${_id}`,
    });
  });
  // Each interpretation explains a topic of the latest 主任办公会 held before it (重要议题的解读).
  for (const item of interpretations) {
    const meeting = meetings.filter((m) => m.kind === 'directorOffice' && m.date <= item.publishedAt).sort((a, b) => b.date.localeCompare(a.date))[0];
    const topic = meeting?.topics.find((t) => t.interpretationIds.length === 0);
    if (topic) topic.interpretationIds.push(item._id);
  }
  return { interpretations, meetings };
}
