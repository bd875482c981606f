// `npm run bench` helper: writes a year's volume into a store through the DocumentStore port, in
// batched transactions (1,000 documents each), before the gateway starts: trading projects with their
// notice chains (and the notices' search entries), information requests and ratings. Deterministic
// for a given `today`. Every record is invented (`demo: true` where the collection has the flag).
// Imports server code and contracts only; no HTTP.
import { addDays } from '../src/domain/calendar/dates';
import { NOTICE_STAGES, TRANSACTION_TYPES, DISTRICTS as TRADING_DISTRICTS } from '../src/contracts/trading';
import { OUTCOME_KEYS } from '../src/domain/report/tables';
import { ratingKey } from '../src/domain/ratings/rules';
import { noticeItem, PUBLICATION_COLLECTIONS, searchEntryFor } from '../cloudfunctions/_lib/publication';
import type { NoticeDoc, ProjectDoc } from '../cloudfunctions/_lib/seed/trading-demo';
import type { DocumentStore } from '../cloudfunctions/_lib/ports/store';

export interface YearVolume {
  /** Trading projects; each has 1–5 notices (3 on average), so announcements ≈ 4 × projects. */
  projects: number;
  requests: number;
  ratings: number;
}

/** A year of the centre's volume, rounded up: ≥ 25,000 announcements, 10,000 applications, 50,000 ratings. */
export const YEAR_VOLUME: YearVolume = { projects: 6_500, requests: 10_000, ratings: 50_000 };

export interface SeededVolume {
  projects: number;
  notices: number;
  searchEntries: number;
  requests: number;
  ratings: number;
}

const SUBJECTS = [
  '教学楼改扩建工程施工',
  '道路提升改造工程',
  '污水管网配套工程',
  '安置房项目监理',
  '医用设备采购',
  '智慧教室设备采购',
  '办公家具采购',
  '环卫保洁服务采购',
  '国有建设用地使用权出让',
  '工业用地挂牌出让',
  '闲置设备处置',
  '门面房租赁权转让',
  '集体机动地经营权流转',
  '鱼塘承包经营权流转',
];
const DISTRICTS = ['张店区', '淄川区', '博山区', '临淄区', '周村区', '桓台县', '高青县', '沂源县', '高新区', '经开区'];
const SERVICE_ITEMS = ['trading', 'bidOpening', 'website', 'guides', 'infoRequest', 'consulting'] as const;
const APPLICANT_TYPES = ['natural', 'commercial', 'research', 'publicInterest', 'legalService', 'otherOrg'] as const;
const BATCH = 1000;

/** A generated document: plain JSON with its id. */
type Doc = { _id: string } & Record<string, unknown>;

async function insertBatched<T extends { _id: string }>(store: DocumentStore, collection: string, docs: Iterable<T>): Promise<number> {
  let batch: T[] = [];
  let count = 0;
  const flush = async () => {
    const current = batch;
    batch = [];
    await store.transaction(async (tx) => {
      for (const doc of current) await tx.insert(collection, doc);
    });
  };
  for (const doc of docs) {
    batch.push(doc);
    count += 1;
    if (batch.length >= BATCH) await flush();
  }
  if (batch.length > 0) await flush();
  return count;
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

function* tradingVolume(today: string, projects: number): Generator<{ project: ProjectDoc & { _id: string }; notices: Array<NoticeDoc & { _id: string }> }> {
  for (let n = 0; n < projects; n += 1) {
    const type = TRANSACTION_TYPES[n % TRANSACTION_TYPES.length]!;
    const subject = `${DISTRICTS[n % DISTRICTS.length]}${SUBJECTS[(n * 7) % SUBJECTS.length]}（第${(n % 9) + 1}标段）`;
    const id = `bench-prj-${pad(n, 6)}`;
    const code = `ZBGGZY-BENCH-${pad(n, 6)}`;
    const depth = (n % NOTICE_STAGES.length) + 1;
    // Projects start across the past year; each later stage follows 8 days after the previous one.
    const start = addDays(today, -365 + Math.floor((n * 330) / projects));
    const notices = NOTICE_STAGES.slice(0, depth).map((stage, i) => ({
      _id: `${id}-n${i + 1}`,
      projectId: id,
      stage: stage.key,
      order: i * 10 + i,
      title: `${subject}${stage.label}`,
      publishedAt: addDays(start, i * 8),
      paragraphs: [
        '【压测数据】本公告为性能测试生成的数据，并非真实公告。',
        `项目编号：${code}；交易类型：${type.label}；项目所在地：淄博市${DISTRICTS[n % DISTRICTS.length]}。`,
        `本公告为该项目${stage.label}，相关文件请于淄博市公共资源交易中心查阅。`,
      ],
      demo: true,
    }));
    const latest = notices[notices.length - 1]!.publishedAt;
    yield {
      project: {
        _id: id,
        code,
        name: subject,
        type: type.key,
        owner: '【压测】某招标人（采购人）',
        district: TRADING_DISTRICTS[n % TRADING_DISTRICTS.length]!.key,
        keywords: `${code} ${subject}`,
        stage: notices[notices.length - 1]!.stage,
        latestAt: latest,
        sortKey: `${latest}|${id}`,
        noticeCount: notices.length,
        demo: true,
      },
      notices,
    };
  }
}

function* requestVolume(today: string, count: number): Generator<Doc> {
  for (let i = 0; i < count; i += 1) {
    const receiptDate = addDays(today, -365 + (i % 365));
    const ended = i % 10 !== 0;
    yield {
      _id: `bench-req-${pad(i, 6)}`,
      queryCode: `B${pad(i, 9)}`,
      ownerOpenid: `bench-applicant-${i % 5000}`,
      channel: 'online',
      applicantType: APPLICANT_TYPES[i % APPLICANT_TYPES.length]!,
      receiptDate,
      clockStart: receiptDate,
      state: ended ? 'archived' : 'handling',
      ...(ended ? { outcome: OUTCOME_KEYS[i % OUTCOME_KEYS.length]!, endedOn: receiptDate } : {}),
      consultations: [],
      applicant: { name: '压测申请人', idType: 'residentId', idNumber: '' },
      details: { description: '压测数据：申请公开某项目的中标结果。', deliveryForm: 'electronic', deliveryChannel: 'online' },
      createdAt: `${receiptDate}T01:00:00.000Z`,
      updatedAt: `${receiptDate}T01:00:00.000Z`,
    };
  }
}

function* ratingVolume(today: string, count: number): Generator<{ rating: Doc; key: Doc }> {
  for (let i = 0; i < count; i += 1) {
    const ratedOn = addDays(today, -365 + (i % 365));
    const openid = `bench-rater-${i % 20_000}`;
    const serviceItem = SERVICE_ITEMS[i % SERVICE_ITEMS.length]!;
    const transactionRef = `BENCH-${pad(i, 6)}`;
    // Mostly 非常满意/满意, as the centre's published statistics are.
    const level = i % 50 === 0 ? 3 : i % 5 === 0 ? 4 : 5;
    yield {
      rating: {
        _id: `bench-rating-${pad(i, 6)}`,
        openid,
        serviceItem,
        transactionRef,
        serviceDate: ratedOn,
        level,
        indicators: [],
        comment: '',
        moderation: 'shown',
        display: 'anonymous',
        ratedOn,
        at: `${ratedOn}T02:00:00.000Z`,
        excluded: false,
        history: [{ at: `${ratedOn}T02:00:00.000Z`, actor: '评价人', action: '提交评价' }],
      },
      key: { _id: ratingKey(openid, serviceItem, transactionRef, ratedOn) },
    };
  }
}

/** Writes the volume; the store must already be seeded (indexes exist). */
export async function seedYearVolume(store: DocumentStore, today: string, volume: YearVolume = YEAR_VOLUME): Promise<SeededVolume> {
  const chains = [...tradingVolume(today, volume.projects)];
  const projects = await insertBatched(store, 'tradingProjects', chains.map((chain) => chain.project));
  const notices = await insertBatched(store, 'tradingNotices', chains.flatMap((chain) => chain.notices));
  const searchEntries = await insertBatched(
    store,
    PUBLICATION_COLLECTIONS.searchIndex,
    chains.flatMap((chain) => chain.notices.map((notice) => searchEntryFor(noticeItem(notice, chain.project)))),
  );
  const requests = await insertBatched(store, 'infoRequests', requestVolume(today, volume.requests));
  const ratingDocs = [...ratingVolume(today, volume.ratings)];
  const ratings = await insertBatched(store, 'ratings', ratingDocs.map((doc) => doc.rating));
  await insertBatched(store, 'ratingKeys', ratingDocs.map((doc) => doc.key));
  return { projects, notices, searchEntries, requests, ratings };
}
