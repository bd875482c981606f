// What happens when anything public is published or withdrawn, whatever its kind: it enters (or
// leaves) the search index, and a publication event is queued for the followers of its column and
// type. Both are writes by id, so they run inside the publishing transaction: a document is never
// public without being searchable, and never announced twice. Fanning an event out to followers needs
// queries, which transactions cannot run (a CloudBase limit), so it happens later, on the scheduler.
import type { IsoDate } from '../../src/domain/calendar/dates';
import { projectFollowTypesFor } from '../../src/domain/subscriptions/rules';
import { publicNotice } from '../../src/domain/trading/masking';
import type { DisclosureDoc } from './collections';
import type { NoticeDoc } from './seed/trading-demo';
import type { ArticleDoc } from './handlers/articles';
import type { InterpretationDoc, MeetingDoc } from './seed/policies-demo';
import type { OpenDayDoc } from './seed/open-days-demo';
import type { GuideDoc, ParcelDoc } from './seed/guides-demo';
import type { TransactionStore } from './ports/store';

export const PUBLICATION_COLLECTIONS = { searchIndex: 'searchIndex', events: 'publicationEvents' } as const;

/** The kinds of public content; each has one detail page. */
export type PublishedKind = 'document' | 'notice' | 'guide' | 'interpretation' | 'meeting' | 'parcel' | 'article' | 'openDay' | 'question';

export interface PublishedItem {
  kind: PublishedKind;
  /** The item's id in its own collection. */
  id: string;
  /** The home-page column it belongs to (a key of the agency's columns, e.g. `catalogue`, `announcements`). */
  column: string;
  /** A finer type within the column, e.g. a transaction type or a catalogue category id. */
  type?: string;
  /** Further follow types its event reaches (a trading notice: its project's followers). */
  alsoTypes?: string[];
  title: string;
  /** Plain text to search in (body paragraphs joined); trimmed to SEARCH_TEXT_LIMIT. */
  text: string;
  date: IsoDate;
  /** Mini-program route of the detail page, with its query. */
  route: string;
  demo?: boolean;
}

/** Longer texts are cut: the index serves finding, the detail page serves reading. */
export const SEARCH_TEXT_LIMIT = 4000;

export interface SearchEntryDoc {
  kind: PublishedKind;
  refId: string;
  column: string;
  type: string;
  title: string;
  text: string;
  date: IsoDate;
  route: string;
  demo: boolean;
}

export interface PublicationEventDoc {
  at: string;
  kind: PublishedKind;
  refId: string;
  column: string;
  type: string;
  alsoTypes?: string[];
  title: string;
  date: IsoDate;
  route: string;
  /** `pending` until the scheduler has queued a message for each follower. */
  status: 'pending' | 'fannedOut';
}

export function searchEntryId(kind: PublishedKind, id: string): string {
  return `${kind}:${id}`;
}

export function searchEntryFor(item: PublishedItem): SearchEntryDoc & { _id: string } {
  return {
    _id: searchEntryId(item.kind, item.id),
    kind: item.kind,
    refId: item.id,
    column: item.column,
    type: item.type ?? '',
    title: item.title,
    text: item.text.slice(0, SEARCH_TEXT_LIMIT),
    date: item.date,
    route: item.route,
    demo: item.demo ?? false,
  };
}

/**
 * Makes `item` searchable and, unless `announce` is false (seeding, re-indexing), queues one
 * publication event for its followers. Call inside the transaction that publishes the item.
 */
export async function recordPublication(tx: TransactionStore, item: PublishedItem, now: Date, options: { announce?: boolean } = {}): Promise<void> {
  const entry = searchEntryFor(item);
  const { _id, ...fields } = entry;
  if (await tx.get(PUBLICATION_COLLECTIONS.searchIndex, _id)) await tx.update(PUBLICATION_COLLECTIONS.searchIndex, _id, fields);
  else await tx.insert(PUBLICATION_COLLECTIONS.searchIndex, entry);
  if (options.announce === false) return;
  // One event per item: re-publishing the same item (e.g. an edited guide) announces it once.
  const eventId = `${_id}`;
  if (await tx.get(PUBLICATION_COLLECTIONS.events, eventId)) return;
  await tx.insert<PublicationEventDoc>(PUBLICATION_COLLECTIONS.events, {
    _id: eventId,
    at: now.toISOString(),
    kind: item.kind,
    refId: item.id,
    column: item.column,
    type: item.type ?? '',
    ...(item.alsoTypes?.length ? { alsoTypes: item.alsoTypes } : {}),
    title: item.title,
    date: item.date,
    route: item.route,
    status: 'pending',
  });
}

/** Removes a withdrawn item from the search index (its event, if already fanned out, stays history). */
export async function recordWithdrawal(tx: TransactionStore, kind: PublishedKind, id: string): Promise<void> {
  const entryId = searchEntryId(kind, id);
  if (await tx.get(PUBLICATION_COLLECTIONS.searchIndex, entryId)) await tx.remove(PUBLICATION_COLLECTIONS.searchIndex, entryId);
}

// ---------------------------------------------------------------------------------------------
// How each kind of stored content becomes a PublishedItem (used by its handler and by the seed).

export function disclosureItem(doc: DisclosureDoc & { _id: string }): PublishedItem {
  return {
    kind: 'document',
    id: doc._id,
    column: 'catalogue',
    type: doc.categoryId,
    title: doc.title,
    text: [doc.docNo ?? '', doc.indexNo, ...doc.paragraphs].join('\n'),
    date: doc.publishedAt,
    route: `/packages/catalogue/detail/index?id=${doc._id}`,
    demo: doc.demo,
  };
}

export function noticeItem(notice: NoticeDoc & { _id: string }, project: { type: string; code: string }): PublishedItem {
  // Search is public: index the public view (bidder names masked before candidates).
  const doc = publicNotice(notice);
  return {
    kind: 'notice',
    id: doc._id,
    column: 'announcements',
    type: project.type,
    alsoTypes: projectFollowTypesFor(doc.projectId, doc.stage),
    title: doc.title,
    text: [project.code, ...doc.paragraphs].join('\n'),
    date: doc.publishedAt.slice(0, 10),
    route: `/packages/trading/chain/index?id=${doc.projectId}`,
    demo: doc.demo,
  };
}

export function articleItem(doc: ArticleDoc & { _id: string }): PublishedItem {
  return {
    kind: 'article',
    id: doc._id,
    column: 'articles',
    title: doc.title,
    text: [doc.digest, ...doc.paragraphs].join('\n'),
    date: doc.date,
    route: `/packages/articles/detail/index?id=${doc._id}`,
    demo: doc.demo,
  };
}

export function interpretationItem(doc: InterpretationDoc & { _id: string }): PublishedItem {
  return {
    kind: 'interpretation',
    id: doc._id,
    column: 'interpretation',
    type: doc.form,
    title: doc.title,
    text: [doc.documentTitle, doc.interpreter, ...doc.sections.flatMap((s) => s.paragraphs), ...doc.media.map((m) => m.alt)].join('\n'),
    date: doc.publishedAt,
    route: `/packages/policy/interpretation/index?id=${doc._id}`,
    demo: doc.demo,
  };
}

export function meetingItem(doc: MeetingDoc & { _id: string }): PublishedItem {
  return {
    kind: 'meeting',
    id: doc._id,
    column: 'meetings',
    type: doc.kind,
    title: doc.title,
    text: [...doc.topics.map((t) => t.title), doc.attendance ?? '', ...doc.paragraphs].join('\n'),
    date: doc.date,
    route: `/packages/policy/meeting/index?id=${doc._id}`,
    demo: doc.demo,
  };
}

export function openDayItem(doc: OpenDayDoc & { _id: string }): PublishedItem {
  return {
    kind: 'openDay',
    id: doc._id,
    column: 'openDays',
    title: doc.title,
    text: [doc.place, doc.invitees ?? '', ...doc.description].join('\n'),
    date: doc.startsAt.slice(0, 10),
    route: `/packages/opendays/detail/index?id=${doc._id}`,
    demo: doc.demo,
  };
}

export function guideItem(doc: GuideDoc & { _id: string }): PublishedItem {
  return {
    kind: 'guide',
    id: doc._id,
    column: 'guides',
    type: doc.type,
    title: doc.title,
    text: [doc.summary, ...doc.steps, ...doc.materials].join('\n'),
    date: doc.updatedOn,
    route: `/packages/guides/detail/index?id=${doc._id}`,
    demo: doc.demo,
  };
}

export function parcelItem(doc: ParcelDoc & { _id: string }, publishedOn: IsoDate): PublishedItem {
  return {
    kind: 'parcel',
    id: doc._id,
    column: 'land',
    type: doc.district,
    title: `${doc.code} ${doc.name}`,
    text: [doc.district, doc.address, doc.use, doc.transferMethod, ...doc.particulars].join('\n'),
    date: publishedOn,
    route: `/packages/guides/parcel/index?id=${doc._id}`,
    demo: doc.demo,
  };
}
