// 平台开放日 seed data. The 2023 total (15 events) is real, from the annual report; the 15 records
// behind it are invented placeholders (dates and titles "第N期", `demo: true`, shown with 演示), since
// the report lists no individual events. The upcoming events around the seeding day are demo content
// too, so a citizen has something to sign up for. Deterministic for a given anchor date.
import { addDays, weekday } from '../../../src/domain/calendar/dates';
import { shanghaiInstant } from '../../../src/domain/open-days/rules';

export interface OpenDayDoc {
  title: string;
  /** Instants with the +08:00 offset (so stored strings sort by time). */
  startsAt: string;
  endsAt: string;
  /** endsAt as epoch ms: lists split upcoming and past on it. */
  endsAtMs: number;
  signUpOpensAt: string;
  signUpClosesAt: string;
  place: string;
  /** null for past events kept as records (no online sign-up). */
  capacity: number | null;
  /** Active sign-ups; changed only in the transaction that adds or cancels one. */
  taken: number;
  /** Receipts issued so far (never goes down, so receipt numbers never repeat). */
  seq: number;
  cancelled: boolean;
  cancellationReason?: string;
  description: string[];
  invitees?: string;
  /** `startsAt|_id`: keyset for newest-first lists of past events. */
  sortKey: string;
  demo: boolean;
  createdAt: string;
  createdBy?: string;
}

/** Yearly totals stated by the annual reports, with the sentence they come from. */
export const OPEN_DAY_FIGURES = [
  {
    year: 2023,
    count: 15,
    source: '《淄博市公共资源交易中心2023年政府信息公开工作年度报告》：开展“平台开放日”活动15次，邀请市人大代表、政协委员、市重大项目负责人、市“百强”企业代表、媒体代表等现场观摩',
  },
] as const;

export const DEFAULT_PLACE = '淄博市公共资源交易中心 开标大厅及评标区';
const INVITEES_2023 = '市人大代表、政协委员、市重大项目负责人、市“百强”企业代表、媒体代表';

function weekdayOnOrAfter(date: string): string {
  let day = date;
  while (weekday(day) === 0 || weekday(day) === 6) day = addDays(day, 1);
  return day;
}

function event(id: string, fields: Omit<OpenDayDoc, 'endsAtMs' | 'sortKey' | 'taken' | 'seq' | 'cancelled'>): OpenDayDoc & { _id: string } {
  return { _id: id, ...fields, endsAtMs: Date.parse(fields.endsAt), sortKey: `${fields.startsAt}|${id}`, taken: 0, seq: 0, cancelled: false };
}

/** The 15 events of 2023 as records: one or two a month, on weekdays. */
export function openDays2023(): Array<OpenDayDoc & { _id: string }> {
  return Array.from({ length: OPEN_DAY_FIGURES[0].count }, (_, i) => {
    const n = i + 1;
    const month = 1 + Math.floor((i * 12) / 15);
    const date = weekdayOnOrAfter(`2023-${String(month).padStart(2, '0')}-${i % 2 === 0 ? '12' : '24'}`);
    const startsAt = shanghaiInstant(date, '09:30');
    return event(`od-2023-${String(n).padStart(2, '0')}`, {
      title: `2023年第${n}期“平台开放日”`,
      startsAt,
      endsAt: shanghaiInstant(date, '11:30'),
      signUpOpensAt: startsAt,
      signUpClosesAt: startsAt,
      place: DEFAULT_PLACE,
      capacity: null,
      description: [
        '【演示内容】本条为往期活动记录的示意，日期与标题为示意；2023年共开展“平台开放日”活动15次（据年度报告）。',
        '邀请代表走进交易中心，现场观摩开标、评标全流程和电子交易系统运行，听取对提升公共资源交易服务质量和水平的意见建议。',
      ],
      invitees: INVITEES_2023,
      demo: true,
      createdAt: `${startsAt.slice(0, 10)}T00:00:00.000Z`,
    });
  });
}

/** Upcoming demo events after the seeding day, open for sign-up from the seeding day on. */
export function upcomingOpenDays(anchor: string): Array<OpenDayDoc & { _id: string }> {
  const plan = [
    { offset: 9, capacity: 30, title: '“走进交易中心”平台开放日', focus: '观摩开标、评标全流程，了解电子交易系统和不见面开标。' },
    { offset: 23, capacity: 20, title: '“阳光交易”企业代表开放日', focus: '面向市场主体介绍交易规则、保证金退还和“交易操作一点通”，现场答疑。' },
    { offset: 37, capacity: 40, title: '“人大代表、政协委员进中心”开放日', focus: '通报公共资源交易平台建设运行情况，听取意见建议。' },
  ];
  return plan.map((p, i) => {
    const date = weekdayOnOrAfter(addDays(anchor, p.offset));
    const closeDate = addDays(date, -2);
    return event(`od-demo-${String(i + 1).padStart(2, '0')}`, {
      title: p.title,
      startsAt: shanghaiInstant(date, '09:30'),
      endsAt: shanghaiInstant(date, '11:30'),
      signUpOpensAt: shanghaiInstant(anchor, '00:00'),
      signUpClosesAt: shanghaiInstant(closeDate, '17:00'),
      place: DEFAULT_PLACE,
      capacity: p.capacity,
      description: ['【演示内容】本活动为演示数据。', p.focus, '请携带本人有效证件，提前 15 分钟到一楼服务台签到。'],
      invitees: '人大代表、政协委员、企业代表、媒体代表及市民',
      demo: true,
      createdAt: `${anchor}T00:00:00.000Z`,
    });
  });
}

export function openDaysDemo(anchor: string): Array<OpenDayDoc & { _id: string }> {
  return [...openDays2023(), ...upcomingOpenDays(anchor)];
}
