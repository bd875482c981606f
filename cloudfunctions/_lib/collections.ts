// Collection names and the shapes stored in them. Stored shapes are internal: what leaves a function
// is always re-shaped into a contract type by its handler.
import type { Column } from '../../src/contracts/portal';
import type { ItemDetail } from '../../src/contracts/catalogue';
import type { Report } from '../../src/contracts/report';

export const COLLECTIONS = {
  agency: 'agency',
  categories: 'catalogueCategories',
  disclosures: 'disclosures',
  reports: 'reports',
  reportDrafts: 'reportDrafts',
  appeals: 'appeals',
  regulatoryDocuments: 'regulatoryDocuments',
  staff: 'staff',
} as const;

export const AGENCY_PROFILE_ID = 'profile';

export interface AgencyDoc {
  name: string;
  shortName: string;
  address: string;
  postcode: string;
  phone: string;
  email: string;
  source: string;
  columns: Column[];
}

export interface CategoryDoc {
  name: string;
  description: string;
  order: number;
}

export interface DisclosureDoc extends Omit<ItemDetail, 'id' | 'categoryName'> {
  /** Only `published` documents are public; the others are in the staff publishing workflow. */
  status: 'draft' | 'inReview' | 'published' | 'rejected' | 'withdrawn';
  /** True for documents created through the publishing workflow (the demo catalogue predates it). */
  workflow?: boolean;
  /** Present for documents created through the publishing workflow (src/domain/publishing). */
  publishing?: {
    authorOpenid: string;
    formedOn: string;
    timeLimit: 'general' | 'licencePenalty';
    review?: { reviewerOpenid: string; on: string; approved: boolean; reason?: string };
    withdrawal?: { byOpenid: string; on: string; reason: string };
    history: Array<{ at: string; actor: string; action: string; note?: string }>;
  };
  /** `publishedAt|_id`: a unique, sortable key for keyset pagination (newest first). */
  sortKey: string;
}

/** A published, immutable version of a year's report (versions and history are derived on read). */
export interface ReportDoc extends Omit<Report, 'versions' | 'history'> {
  status: 'published';
}

/** Fields that lists filter and sort by; the SQLite adapter indexes them. */
export const INDEXES: Array<[collection: string, fields: string[]]> = [
  [COLLECTIONS.disclosures, ['categoryId', 'status', 'sortKey']],
  [COLLECTIONS.disclosures, ['status', 'sortKey']],
  [COLLECTIONS.categories, ['order']],
  [COLLECTIONS.reports, ['year', 'version']],
  ['infoRequests', ['receiptDate']],
  ['appeals', ['filedOn']],
  ['ratings', ['openid', 'ratedOn']],
  ['ratingForwarding', ['status', 'at']],
  ['ratings', ['at']],
  ['consultations', ['startDate']],
  ['tradingProjects', ['type', 'stage', 'sortKey']],
  ['tradingProjects', ['sortKey']],
  ['tradingProjects', ['openingDate', 'openingAt']],
  ['tradingNotices', ['projectId', 'order']],
  // Filters by district (alone or with a type) and the statistics' counts (handlers/trading.ts).
  ['tradingProjects', ['district', 'sortKey']],
  ['tradingProjects', ['type', 'district', 'sortKey']],
  ['tradingNotices', ['publishedAt']],
  // Information requests (cloudfunctions/_lib/handlers/requests.ts).
  ['infoRequests', ['ownerOpenid', 'createdAt']],
  ['infoRequests', ['state']],
  ['requestAudit', ['caseId', 'caseVersion', 'at']],
  ['notificationOutbox', ['caseId', 'at']],
  ['notificationOutbox', ['at']],
  // Search and subscriptions (cloudfunctions/_lib/publication.ts).
  ['searchIndex', ['column', 'type', 'date']],
  ['searchIndex', ['date']],
  ['publicationEvents', ['status', 'at']],
  // Subscriptions and 公众号文章 (cloudfunctions/_lib/handlers/subscriptions.ts, articles.ts).
  ['subscriptions', ['openid', 'since']],
  ['subscriptions', ['column', 'type']],
  ['notificationOutbox', ['recipient', 'audience', 'at']],
  ['articles', ['sortKey']],
  // 政策解读 and 会议公开 (cloudfunctions/_lib/handlers/policies.ts).
  ['policyInterpretations', ['status', 'form', 'role', 'sortKey']],
  ['policyInterpretations', ['status', 'sortKey']],
  ['policyInterpretations', ['documentId', 'status']],
  ['policyInterpretations', ['staff', 'status']],
  ['policyMeetings', ['status', 'kind', 'sortKey']],
  ['policyMeetings', ['status', 'sortKey']],
  ['policyMeetings', ['staff', 'status']],
  ['policyTopicLinks', ['interpretationId', 'date']],
  // 平台开放日 (cloudfunctions/_lib/handlers/open-days.ts).
  ['openDays', ['endsAtMs', 'startsAt']],
  ['openDays', ['endsAtMs', 'sortKey']],
  ['openDaySignUps', ['eventId', 'at']],
  ['openDaySignUps', ['openid', 'at']],
  // 交易操作一点通, 土地推介 and the showcase (cloudfunctions/_lib/handlers/guides.ts).
  ['guides', ['type', 'kind', 'sortKey']],
  ['guides', ['kind', 'sortKey']],
  ['guides', ['sortKey']],
  ['landParcels', ['district', 'status', 'sortKey']],
  ['landParcels', ['status', 'sortKey']],
  ['landParcels', ['sortKey']],
  ['showcaseCases', ['order']],
  // 咨询留言 (cloudfunctions/_lib/handlers/questions.ts).
  ['questions', ['published', 'category', 'sortKey']],
  ['questions', ['published', 'sortKey']],
  ['questions', ['openid', 'askedOn']],
  ['questions', ['openid', 'askedAt']],
  ['questions', ['state', 'askedAt']],
  // 找错 and the freshness radar (cloudfunctions/_lib/handlers/corrections.ts, portal.ts).
  ['corrections', ['openid', 'receivedOn']],
  ['corrections', ['openid', 'at']],
  ['corrections', ['state', 'at']],
  ['searchIndex', ['column', 'date']],
];

/** Text fields `$contains` searches at volume; the SQLite adapter keeps a trigram index of each. */
export const TEXT_INDEXES: Array<[collection: string, field: string]> = [
  ['searchIndex', 'title'],
  ['searchIndex', 'text'],
  ['tradingProjects', 'keywords'],
];
