// Handlers of the `policies` function: 政策解读 and 会议公开. Public reads show published records only;
// staff record an interpretation or a meeting (submitted for 保密审查 at once), and a reviewer other
// than the author publishes it, with the rules of src/domain/publishing/review.ts. Publishing writes
// the search entry, the publication event and the meeting's topic links in one transaction.
import { createHash } from 'node:crypto';
import { shanghaiDate, type IsoDate } from '../../../src/domain/calendar/dates';
import { applyPublishing, publishingCommands, PublishingError, type DocumentRecord, type PublishingActor } from '../../../src/domain/publishing/review';
import {
  FORM_LABELS,
  INTERPRETATION_SECTIONS,
  interpretationProblems,
  MEDIA_LABELS,
  MEETING_KIND_LABELS,
  meetingProblems,
  ROLE_LABELS,
  SECTION_LABELS,
  yearStats,
  type MediaKind,
  type Problem,
} from '../../../src/domain/policies/rules';
import { COLLECTIONS, type DisclosureDoc } from '../collections';
import { findAll } from '../find-all';
import type { Caller } from '../identity/caller';
import { StoreError, type StoredDoc, type TransactionStore } from '../ports/store';
import { interpretationItem, meetingItem, recordPublication, recordWithdrawal } from '../publication';
import { AppError, defineHandlers, type Deps } from '../router';
import { POLICY_COLLECTIONS, type InterpretationDoc, type MeetingDoc, type PolicyFactsDoc, type PolicyState, type PolicyWorkflow } from '../seed/policies-demo';

/** One row per (meeting topic, interpretation) of a published meeting: lets an interpretation list its meetings. */
export interface TopicLinkDoc {
  interpretationId: string;
  meetingId: string;
  meetingTitle: string;
  date: IsoDate;
  topic: string;
}
export const TOPIC_LINKS = 'policyTopicLinks';

export function topicLinks(meeting: MeetingDoc & { _id: string }): Array<TopicLinkDoc & { _id: string }> {
  return meeting.topics.flatMap((topic, t) =>
    topic.interpretationIds.map((interpretationId) => ({ _id: `${meeting._id}-${t}-${interpretationId}`, interpretationId, meetingId: meeting._id, meetingTitle: meeting.title, date: meeting.date, topic: topic.title })),
  );
}

const STATE_LABELS: Record<PolicyState, string> = { inReview: '待保密审查', published: '已发布', rejected: '审查未通过', withdrawn: '已撤回' };
const COMMAND_LABELS = { approve: '保密审查通过，发布', reject: '保密审查不通过', withdraw: '撤回' } as const;
const DEFAULT_PAGE_SIZE = 20;

/** Which stored content types each media kind accepts (null: storage did not say). */
const MEDIA_TYPES: Record<MediaKind, RegExp> = { image: /^image\//, animation: /^(image\/(gif|svg\+xml|png|webp)|video\/)/, video: /^video\// };

function actorOf(caller: Caller): PublishingActor {
  return { openid: caller.openid!, roles: caller.roles };
}

function roleLabel(caller: Caller): string {
  return caller.roles.includes('reviewer') ? '审核人' : caller.roles.includes('admin') ? '管理员' : '受理员';
}

function validation(problems: Problem[], prefix: string): AppError {
  return new AppError('VALIDATION_FAILED', problems[0]!.message, problems.map((p) => ({ path: `${prefix}.${p.path}`, message: p.message })));
}

function summary(doc: StoredDoc<InterpretationDoc>) {
  return {
    id: doc._id,
    title: doc.title,
    form: doc.form,
    formLabel: FORM_LABELS[doc.form],
    role: doc.role,
    roleLabel: ROLE_LABELS[doc.role],
    interpreter: doc.interpreter,
    documentTitle: doc.documentTitle,
    publishedAt: doc.publishedAt,
    mediaCount: doc.media.length,
    demo: doc.demo,
  };
}

function meetingSummary(doc: StoredDoc<MeetingDoc>) {
  return {
    id: doc._id,
    kind: doc.kind,
    kindLabel: MEETING_KIND_LABELS[doc.kind],
    title: doc.title,
    date: doc.date,
    topicCount: doc.topicCount,
    ...(doc.attendance ? { attendance: doc.attendance } : {}),
    demo: doc.demo,
  };
}

/** The workflow record the publishing rules understand (every item here is 主动公开, general time limit). */
function recordOf(doc: { status: PolicyState; publishedAt: IsoDate; workflow: PolicyWorkflow }): DocumentRecord {
  const w = doc.workflow;
  return {
    state: doc.status,
    attribute: '主动公开',
    authorOpenid: w.authorOpenid,
    formedOn: w.createdOn,
    timeLimit: 'general',
    ...(w.review ? { review: w.review } : {}),
    ...(doc.status === 'published' || doc.status === 'withdrawn' ? { publishedOn: doc.publishedAt } : {}),
    ...(w.withdrawal ? { withdrawal: w.withdrawal } : {}),
  };
}

type StaffKind = 'interpretation' | 'meeting';
type Managed = StoredDoc<InterpretationDoc | MeetingDoc>;

function publishedOn(doc: InterpretationDoc | MeetingDoc): IsoDate {
  return 'publishedAt' in doc ? doc.publishedAt : doc.date;
}

function staffItem(kind: StaffKind, doc: Managed, caller: Caller) {
  const workflow = doc.workflow!;
  const record = recordOf({ status: doc.status, publishedAt: publishedOn(doc), workflow });
  const commands = publishingCommands(record, actorOf(caller)).filter((c): c is 'approve' | 'reject' | 'withdraw' => c === 'approve' || c === 'reject' || c === 'withdraw');
  return {
    kind,
    id: doc._id,
    version: doc._version,
    title: doc.title,
    state: doc.status,
    stateLabel: STATE_LABELS[doc.status],
    author: workflow.authorOpenid === caller.openid ? '本人' : '其他工作人员',
    availableCommands: commands,
    ...(workflow.review?.reason ? { reviewReason: workflow.review.reason } : {}),
    history: workflow.history,
  };
}

/** A deterministic id per (caller, idempotency key): a retried submit finds the first record. */
function idFor(prefix: string, openid: string, key: string): string {
  return `${prefix}-${createHash('sha256').update(`${openid}:${key}`).digest('hex').slice(0, 20)}`;
}

async function insertOnce<T extends object>(deps: Deps, collection: string, doc: T & { _id: string }): Promise<StoredDoc<T>> {
  const earlier = await deps.store.get<T>(collection, doc._id);
  if (earlier) return earlier;
  try {
    return await deps.store.insert<T>(collection, doc);
  } catch (error) {
    if (error instanceof StoreError && error.code === 'duplicate') {
      const replay = await deps.store.get<T>(collection, doc._id);
      if (replay) return replay;
    }
    throw error;
  }
}

async function publishedDocument(store: Pick<TransactionStore, 'get'>, id: string): Promise<StoredDoc<DisclosureDoc> | null> {
  const doc = await store.get<DisclosureDoc>(COLLECTIONS.disclosures, id);
  return doc && doc.status === 'published' ? doc : null;
}

export const policiesHandlers = defineHandlers('policies', {
  async listInterpretations(input, { deps }) {
    const limit = input?.limit ?? DEFAULT_PAGE_SIZE;
    const docs = await deps.store.find<InterpretationDoc>(POLICY_COLLECTIONS.interpretations, {
      where: {
        status: 'published',
        ...(input?.form ? { form: input.form } : {}),
        ...(input?.role ? { role: input.role } : {}),
        ...(input?.cursor ? { sortKey: { $lt: input.cursor } } : {}),
      },
      orderBy: [['sortKey', 'desc'], ['_id', 'desc']],
      limit: limit + 1,
    });
    const page = docs.slice(0, limit);
    return { items: page.map(summary), nextCursor: docs.length > limit ? (page[page.length - 1]?.sortKey ?? null) : null };
  },

  async getInterpretation(input, { deps }) {
    const doc = await deps.store.get<InterpretationDoc>(POLICY_COLLECTIONS.interpretations, input.id);
    if (!doc || doc.status !== 'published') throw new AppError('NOT_FOUND', '该解读不存在或已撤回');
    const policy = await publishedDocument(deps.store, doc.documentId);
    const links = await deps.store.find<TopicLinkDoc>(TOPIC_LINKS, { where: { interpretationId: doc._id }, orderBy: [['date', 'desc']], limit: 20 });
    const media = [];
    for (const m of doc.media) {
      const url = m.dataUrl ?? (m.fileId ? await deps.files.downloadUrl(m.fileId) : null);
      media.push({ kind: m.kind, kindLabel: MEDIA_LABELS[m.kind], alt: m.alt, contentType: m.contentType, url });
    }
    return {
      ...summary(doc),
      sections: INTERPRETATION_SECTIONS.flatMap((s) => {
        const found = doc.sections.find((x) => x.key === s.key);
        return found ? [{ key: s.key, label: SECTION_LABELS[s.key], paragraphs: found.paragraphs }] : [];
      }),
      media,
      document: policy
        ? { id: policy._id, title: policy.title, ...(policy.docNo ? { docNo: policy.docNo } : {}), publishedAt: policy.publishedAt, route: `/packages/catalogue/detail/index?id=${policy._id}` }
        : null,
      meetings: links.map((l) => ({ id: l.meetingId, title: l.meetingTitle, date: l.date, topic: l.topic })),
    };
  },

  async interpretationsOfDocument(input, { deps }) {
    const docs = await deps.store.find<InterpretationDoc>(POLICY_COLLECTIONS.interpretations, { where: { documentId: input.documentId, status: 'published' }, orderBy: [['sortKey', 'desc'], ['_id', 'desc']], limit: 50 });
    return docs.map(summary);
  },

  async listMeetings(input, { deps }) {
    const limit = input?.limit ?? DEFAULT_PAGE_SIZE;
    const docs = await deps.store.find<MeetingDoc>(POLICY_COLLECTIONS.meetings, {
      where: { status: 'published', ...(input?.kind ? { kind: input.kind } : {}), ...(input?.cursor ? { sortKey: { $lt: input.cursor } } : {}) },
      orderBy: [['sortKey', 'desc'], ['_id', 'desc']],
      limit: limit + 1,
    });
    const page = docs.slice(0, limit);
    return { items: page.map(meetingSummary), nextCursor: docs.length > limit ? (page[page.length - 1]?.sortKey ?? null) : null };
  },

  async getMeeting(input, { deps }) {
    const doc = await deps.store.get<MeetingDoc>(POLICY_COLLECTIONS.meetings, input.id);
    if (!doc || doc.status !== 'published') throw new AppError('NOT_FOUND', '该会议不存在或已撤回');
    const topics = [];
    for (const topic of doc.topics) {
      const interpretations = [];
      for (const id of topic.interpretationIds) {
        const item = await deps.store.get<InterpretationDoc>(POLICY_COLLECTIONS.interpretations, id);
        if (item && item.status === 'published') interpretations.push({ id: item._id, title: item.title, formLabel: FORM_LABELS[item.form] });
      }
      topics.push({ title: topic.title, interpretations });
    }
    return { ...meetingSummary(doc), topics, paragraphs: doc.paragraphs };
  },

  async stats(input, { deps }) {
    const facts = await findAll<PolicyFactsDoc>(deps.store, POLICY_COLLECTIONS.facts);
    const interpretations = await findAll<InterpretationDoc>(deps.store, POLICY_COLLECTIONS.interpretations, { status: 'published' });
    const meetings = await findAll<MeetingDoc>(deps.store, POLICY_COLLECTIONS.meetings, { status: 'published' });
    const years = [...new Set([...facts.map((f) => f.year), ...interpretations.map((i) => Number(i.publishedAt.slice(0, 4))), ...meetings.map((m) => Number(m.date.slice(0, 4)))])].sort((a, b) => b - a);
    const year = input?.year ?? years[0] ?? Number(shanghaiDate(deps.clock.now()).slice(0, 4));
    const computed = yearStats(year, interpretations.map((i) => ({ form: i.form, role: i.role, publishedOn: i.publishedAt })), meetings.map((m) => ({ kind: m.kind, date: m.date, topicCount: m.topicCount, thirdPartyAttended: m.thirdPartyAttended })));
    const inYear = (date: string) => date.startsWith(`${year}-`);
    const includesDemo = interpretations.some((i) => i.demo && inYear(i.publishedAt)) || meetings.some((m) => m.demo && inYear(m.date));
    const fact = facts.find((f) => f.year === year);
    return {
      year,
      years,
      computed: { interpretations: computed.interpretations, byForm: computed.byForm, byRole: computed.byRole, meetings: computed.meetings, includesDemo },
      reported: fact
        ? {
            interpretations: fact.interpretations,
            directorOfficeMeetings: fact.directorOfficeMeetings,
            directorOfficeTopics: fact.directorOfficeTopics,
            thirdPartyAttendance: fact.thirdPartyAttendance,
            sanTiSanZhengMeetings: fact.sanTiSanZhengMeetings,
            sources: fact.sources,
            sourceTitle: fact.sourceTitle,
          }
        : null,
    };
  },

  async createInterpretation(input, { caller, deps }) {
    const now = deps.clock.now();
    const today = shanghaiDate(now);
    const draft = input.interpretation;
    const _id = idFor('itp', caller.openid!, input.idempotencyKey);
    const earlier = await deps.store.get<InterpretationDoc>(POLICY_COLLECTIONS.interpretations, _id);
    if (earlier) return staffItem('interpretation', earlier, caller);
    const policy = await publishedDocument(deps.store, draft.documentId);
    if (!policy) throw new AppError('VALIDATION_FAILED', '所解读的政策文件不存在或未发布', [{ path: 'interpretation.documentId', message: '所解读的政策文件不存在或未发布' }]);
    const problems = interpretationProblems({ form: draft.form, sections: draft.sections, media: draft.media, documentPublishedOn: policy.publishedAt }, today);
    if (problems.length > 0) throw validation(problems, 'interpretation');
    if (new Set(draft.media.map((m) => m.fileId)).size !== draft.media.length) throw validation([{ path: 'media', message: '同一个文件添加了两次' }], 'interpretation');
    const media = [];
    for (const [i, m] of draft.media.entries()) {
      const stored = await deps.files.describe(m.fileId);
      if (!stored) throw validation([{ path: `media.${i}.fileId`, message: `第 ${i + 1} 个文件未找到，请重新上传` }], 'interpretation');
      if (stored.contentType !== null && !MEDIA_TYPES[m.kind].test(stored.contentType)) {
        throw validation([{ path: `media.${i}.fileId`, message: `第 ${i + 1} 个文件不是${MEDIA_LABELS[m.kind]}文件` }], 'interpretation');
      }
      media.push({ kind: m.kind, alt: m.alt.trim(), contentType: stored.contentType ?? (m.kind === 'video' ? 'video/mp4' : 'image/*'), fileId: m.fileId });
    }
    const doc = {
      _id,
      title: draft.title,
      documentId: policy._id,
      documentTitle: policy.title,
      form: draft.form,
      role: draft.role,
      interpreter: draft.interpreter,
      sections: INTERPRETATION_SECTIONS.flatMap((s) => {
        const found = draft.sections.find((x) => x.key === s.key);
        return found ? [{ key: s.key, paragraphs: found.paragraphs.map((p) => p.trim()).filter(Boolean) }] : [];
      }),
      media,
      publishedAt: today,
      status: 'inReview' as const,
      demo: false,
      staff: true,
      sortKey: `${today}|${_id}`,
      workflow: { authorOpenid: caller.openid!, createdOn: today, history: [{ at: now.toISOString(), actor: roleLabel(caller), action: '录入解读，提交保密审查' }] },
    };
    return staffItem('interpretation', await insertOnce<InterpretationDoc>(deps, POLICY_COLLECTIONS.interpretations, doc), caller);
  },

  async createMeeting(input, { caller, deps }) {
    const now = deps.clock.now();
    const today = shanghaiDate(now);
    const draft = input.meeting;
    const _id = idFor('mtg', caller.openid!, input.idempotencyKey);
    const earlier = await deps.store.get<MeetingDoc>(POLICY_COLLECTIONS.meetings, _id);
    if (earlier) return staffItem('meeting', earlier, caller);
    const problems = meetingProblems(draft, today);
    if (problems.length > 0) throw validation(problems, 'meeting');
    for (const [t, topic] of draft.topics.entries()) {
      for (const id of topic.interpretationIds) {
        const item = await deps.store.get<InterpretationDoc>(POLICY_COLLECTIONS.interpretations, id);
        if (!item || item.status !== 'published') throw validation([{ path: `topics.${t}.interpretationIds`, message: `议题 ${t + 1} 关联的解读不存在或未发布` }], 'meeting');
      }
    }
    const attendance = draft.attendance?.trim();
    const doc = {
      _id,
      kind: draft.kind,
      title: draft.title.trim() || `${MEETING_KIND_LABELS[draft.kind]}（${draft.date}）`,
      date: draft.date,
      topics: draft.topics.map((t) => ({ title: t.title.trim(), interpretationIds: t.interpretationIds })),
      topicCount: draft.topics.length,
      ...(attendance ? { attendance } : {}),
      thirdPartyAttended: !!attendance && attendance.includes('第三方'),
      paragraphs: draft.paragraphs.map((p) => p.trim()).filter(Boolean),
      status: 'inReview' as const,
      demo: false,
      staff: true,
      sortKey: `${draft.date}|${_id}`,
      workflow: { authorOpenid: caller.openid!, createdOn: today, history: [{ at: now.toISOString(), actor: roleLabel(caller), action: '录入会议，提交保密审查' }] },
    };
    return staffItem('meeting', await insertOnce<MeetingDoc>(deps, POLICY_COLLECTIONS.meetings, doc), caller);
  },

  async staffItems(input, { caller, deps }) {
    const states = input?.state ? [input.state] : ['inReview', 'rejected', 'published', 'withdrawn'];
    const where = { staff: true, status: { $in: states } };
    const interpretations = await deps.store.find<InterpretationDoc>(POLICY_COLLECTIONS.interpretations, { where, orderBy: [['sortKey', 'desc'], ['_id', 'desc']], limit: 100 });
    const meetings = await deps.store.find<MeetingDoc>(POLICY_COLLECTIONS.meetings, { where, orderBy: [['sortKey', 'desc'], ['_id', 'desc']], limit: 100 });
    return [...interpretations.map((d) => staffItem('interpretation', d, caller)), ...meetings.map((d) => staffItem('meeting', d, caller))];
  },

  async review(input, { caller, deps }) {
    const now = deps.clock.now();
    const today = shanghaiDate(now);
    const collection = input.kind === 'interpretation' ? POLICY_COLLECTIONS.interpretations : POLICY_COLLECTIONS.meetings;
    const doc = await deps.store.get<InterpretationDoc | MeetingDoc>(collection, input.id);
    if (!doc || !doc.workflow) throw new AppError('NOT_FOUND', input.kind === 'interpretation' ? '未找到该解读' : '未找到该会议');
    if (doc._version !== input.expectedVersion) throw new AppError('CONFLICT', '该记录已被更新，请刷新后再操作');
    const workflow = doc.workflow;
    let next: DocumentRecord;
    try {
      next = applyPublishing(recordOf({ status: doc.status, publishedAt: publishedOn(doc), workflow }), input.command, actorOf(caller), today);
    } catch (error) {
      if (error instanceof PublishingError) throw new AppError(error.code, error.message);
      throw error;
    }
    const note = input.command.type === 'approve' ? undefined : input.command.reason.trim();
    const approve = input.command.type === 'approve';
    try {
      const saved = await deps.store.transaction(async (tx) => {
        const changes = {
          status: next.state as PolicyState,
          workflow: {
            ...workflow,
            ...(next.review ? { review: next.review } : {}),
            ...(next.withdrawal ? { withdrawal: next.withdrawal } : {}),
            history: [...workflow.history, { at: now.toISOString(), actor: roleLabel(caller), action: COMMAND_LABELS[input.command.type], ...(note ? { note } : {}) }],
          },
        };
        if (input.kind === 'interpretation') {
          const item = doc as StoredDoc<InterpretationDoc>;
          if (approve && !(await publishedDocument(tx, item.documentId))) throw new AppError('CONFLICT', '所解读的政策文件已撤回，不能发布该解读');
          const updated = await tx.update<InterpretationDoc>(collection, doc._id, { ...changes, ...(approve ? { publishedAt: today, sortKey: `${today}|${doc._id}` } : {}) }, { ifVersion: input.expectedVersion });
          if (approve) await recordPublication(tx, interpretationItem(updated), now);
          if (input.command.type === 'withdraw') await recordWithdrawal(tx, 'interpretation', doc._id);
          return updated;
        }
        const meeting = doc as StoredDoc<MeetingDoc>;
        if (approve) {
          for (const id of meeting.topics.flatMap((t) => t.interpretationIds)) {
            const linked = await tx.get<InterpretationDoc>(POLICY_COLLECTIONS.interpretations, id);
            if (!linked || linked.status !== 'published') throw new AppError('CONFLICT', '议题关联的解读已撤回，请重新录入该会议');
          }
        }
        const updated = await tx.update<MeetingDoc>(collection, doc._id, changes, { ifVersion: input.expectedVersion });
        if (approve) {
          await recordPublication(tx, meetingItem(updated), now);
          for (const link of topicLinks(updated)) if (!(await tx.get(TOPIC_LINKS, link._id))) await tx.insert(TOPIC_LINKS, link);
        }
        if (input.command.type === 'withdraw') {
          await recordWithdrawal(tx, 'meeting', doc._id);
          for (const link of topicLinks(updated)) if (await tx.get(TOPIC_LINKS, link._id)) await tx.remove(TOPIC_LINKS, link._id);
        }
        return updated;
      });
      return staffItem(input.kind, saved, caller);
    } catch (error) {
      if (error instanceof StoreError && error.code === 'conflict') throw new AppError('CONFLICT', '该记录已被更新，请刷新后再操作');
      throw error;
    }
  },
});
