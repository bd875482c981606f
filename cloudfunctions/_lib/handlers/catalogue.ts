// Handlers of the `catalogue` function: categories, keyset-paged item lists, item detail.
import type { Category } from '../../../src/contracts/catalogue';
import { COLLECTIONS, type CategoryDoc, type DisclosureDoc } from '../collections';
import { AppError, defineHandlers, type Deps } from '../router';
import type { Caller } from '../identity/caller';
import { StoreError } from '../ports/store';
import { randomUUID } from 'node:crypto';
import { shanghaiDate } from '../../../src/domain/calendar/dates';
import type { WorkingCalendar } from '../../../src/domain/calendar/working-days';
import { loadCalendar } from '../working-calendar';
import { disclosureItem, recordPublication, recordWithdrawal } from '../publication';
import { applyPublishing, DOCUMENT_STATE_LABELS, publishingCommands, PublishingError, timeliness, type DocumentRecord, type PublishingActor } from '../../../src/domain/publishing/review';

const ACTION_LABELS: Record<string, string> = { submit: '提交保密审查', approve: '保密审查通过，发布', reject: '保密审查不通过', revise: '退回修改', withdraw: '撤回', save: '保存草稿' };

function actorOf(caller: Caller): PublishingActor {
  return { openid: caller.openid!, roles: caller.roles };
}

function roleLabel(caller: Caller): string {
  return caller.roles.includes('reviewer') ? '审核人' : caller.roles.includes('admin') ? '管理员' : '受理员';
}

function recordOf(doc: DisclosureDoc): DocumentRecord {
  const p = doc.publishing!;
  return {
    state: doc.status,
    attribute: doc.attribute,
    authorOpenid: p.authorOpenid,
    formedOn: p.formedOn,
    timeLimit: p.timeLimit,
    ...(p.review ? { review: p.review } : {}),
    ...(doc.status === 'published' || doc.status === 'withdrawn' ? { publishedOn: doc.publishedAt } : {}),
    ...(p.withdrawal ? { withdrawal: p.withdrawal } : {}),
  };
}

function staffDocument(doc: StoredDoc<DisclosureDoc>, caller: Caller, today: string, calendar: WorkingCalendar) {
  const record = recordOf(doc);
  const time = timeliness(record, calendar, today);
  return {
    id: doc._id,
    version: doc._version,
    categoryId: doc.categoryId,
    title: doc.title,
    attribute: doc.attribute,
    state: doc.status,
    stateLabel: DOCUMENT_STATE_LABELS[doc.status],
    author: doc.publishing!.authorOpenid === caller.openid ? '本人' : '其他工作人员',
    formedOn: record.formedOn,
    due: time.due,
    workingDaysLeft: time.workingDaysLeft,
    timeliness: time.flag,
    ...(record.review?.reason ? { reviewReason: record.review.reason } : {}),
    ...(record.withdrawal ? { withdrawalReason: record.withdrawal.reason } : {}),
    availableCommands: publishingCommands(record, actorOf(caller)),
    history: doc.publishing!.history,
  };
}
import type { StoredDoc } from '../ports/store';

const DEFAULT_PAGE_SIZE = 20;

async function toCategory(deps: Deps, doc: StoredDoc<CategoryDoc>): Promise<Category> {
  const itemCount = await deps.store.count(COLLECTIONS.disclosures, { categoryId: doc._id, status: 'published' });
  return { id: doc._id, name: doc.name, description: doc.description, itemCount };
}

async function getCategory(deps: Deps, id: string): Promise<StoredDoc<CategoryDoc>> {
  const category = await deps.store.get<CategoryDoc>(COLLECTIONS.categories, id);
  if (!category) throw new AppError('NOT_FOUND', '该目录分类不存在');
  return category;
}

export const catalogueHandlers = defineHandlers('catalogue', {
  async listCategories(_input, { deps }) {
    const docs = await deps.store.find<CategoryDoc>(COLLECTIONS.categories, { orderBy: [['order', 'asc']], limit: 100 });
    return Promise.all(docs.map((doc) => toCategory(deps, doc)));
  },

  async listItems(input, { deps }) {
    const category = await getCategory(deps, input.categoryId);
    const limit = input.limit ?? DEFAULT_PAGE_SIZE;
    // Keyset pagination: every page costs the same as the first, however deep.
    const docs = await deps.store.find<DisclosureDoc>(COLLECTIONS.disclosures, {
      where: {
        categoryId: category._id,
        status: 'published',
        ...(input.cursor ? { sortKey: { $lt: input.cursor } } : {}),
      },
      orderBy: [['sortKey', 'desc'], ['_id', 'desc']],
      limit: limit + 1,
    });
    const page = docs.slice(0, limit);
    return {
      category: await toCategory(deps, category),
      items: page.map((doc) => ({ ...doc, id: doc._id })),
      nextCursor: docs.length > limit ? (page[page.length - 1]?.sortKey ?? null) : null,
    };
  },

  async staffDocuments(input, { caller, deps }) {
    const today = shanghaiDate(deps.clock.now());
    const states = input?.state ? [input.state] : ['draft', 'inReview', 'rejected', 'published', 'withdrawn'];
    const docs = await deps.store.find<DisclosureDoc>(COLLECTIONS.disclosures, { where: { status: { $in: states } , workflow: true }, orderBy: [['sortKey', 'desc'], ['_id', 'desc']], limit: 100 });
    const calendar = await loadCalendar(deps.store);
    return docs.filter((doc) => doc.publishing).map((doc) => staffDocument(doc, caller, today, calendar)).sort((a, b) => a.due.localeCompare(b.due));
  },

  async saveDocument(input, { caller, deps }) {
    await getCategory(deps, input.categoryId);
    const now = deps.clock.now();
    const today = shanghaiDate(now);
    if (input.formedOn > today) throw new AppError('VALIDATION_FAILED', '形成日期不能晚于今天', [{ path: 'formedOn', message: '形成日期不能晚于今天' }]);
    const fields = {
      categoryId: input.categoryId,
      title: input.title,
      ...(input.docNo ? { docNo: input.docNo } : {}),
      subject: input.subject,
      attribute: input.attribute,
      paragraphs: input.paragraphs.map((p) => p.trim()).filter(Boolean),
      writtenAt: input.formedOn,
    };
    if (input.id) {
      const doc = await deps.store.get<DisclosureDoc>(COLLECTIONS.disclosures, input.id);
      if (!doc || !doc.publishing) throw new AppError('NOT_FOUND', '未找到该文件');
      if (doc.publishing.authorOpenid !== caller.openid) throw new AppError('FORBIDDEN', '只有起草人可以修改草稿');
      if (doc.status !== 'draft') throw new AppError('CONFLICT', `当前状态为“${DOCUMENT_STATE_LABELS[doc.status]}”，不能修改`);
      const saved = await deps.store.update<DisclosureDoc>(COLLECTIONS.disclosures, doc._id, {
        ...fields,
        publishing: { ...doc.publishing, formedOn: input.formedOn, timeLimit: input.timeLimit, history: [...doc.publishing.history, { at: now.toISOString(), actor: roleLabel(caller), action: ACTION_LABELS.save! }] },
      });
      return staffDocument(saved, caller, today, await loadCalendar(deps.store));
    }
    const id = `doc-${randomUUID().replace(/-/g, '').slice(0, 16)}`;
    const saved = await deps.store.insert<DisclosureDoc>(COLLECTIONS.disclosures, {
      _id: id,
      ...fields,
      indexNo: `ZBGGZY-${today.slice(0, 4)}-${input.categoryId.toUpperCase()}-${id.slice(4, 12).toUpperCase()}`,
      publisher: '淄博市公共资源交易中心',
      publishedAt: today,
      validity: '现行有效',
      demo: false,
      status: 'draft',
      sortKey: `${today}|${id}`,
      workflow: true,
      publishing: { authorOpenid: caller.openid!, formedOn: input.formedOn, timeLimit: input.timeLimit, history: [{ at: now.toISOString(), actor: roleLabel(caller), action: ACTION_LABELS.save! }] },
    });
    return staffDocument(saved, caller, today, await loadCalendar(deps.store));
  },

  async publishing(input, { caller, deps }) {
    const now = deps.clock.now();
    const today = shanghaiDate(now);
    const doc = await deps.store.get<DisclosureDoc>(COLLECTIONS.disclosures, input.id);
    if (!doc || !doc.publishing) throw new AppError('NOT_FOUND', '未找到该文件');
    if (doc._version !== input.expectedVersion) throw new AppError('CONFLICT', '该文件已被更新，请刷新后再操作');
    let next: DocumentRecord;
    try {
      next = applyPublishing(recordOf(doc), input.command, actorOf(caller), today);
    } catch (error) {
      if (error instanceof PublishingError) throw new AppError(error.code, error.message);
      throw error;
    }
    const note = input.command.type === 'reject' || input.command.type === 'withdraw' ? input.command.reason.trim() : undefined;
    const publishing = doc.publishing;
    try {
      const saved = await deps.store.transaction(async (tx) => {
        const updated = await tx.update<DisclosureDoc>(
          COLLECTIONS.disclosures,
          doc._id,
          {
            status: next.state,
            // Publication dates the document and puts it at the top of its category.
            // The instant orders documents published on the same day, newest first.
            ...(input.command.type === 'approve' ? { publishedAt: today, sortKey: `${today}|${now.toISOString()}|${doc._id}` } : {}),
            publishing: {
              ...publishing,
              ...(next.review ? { review: next.review } : {}),
              ...(next.withdrawal ? { withdrawal: next.withdrawal } : {}),
              history: [...publishing.history, { at: now.toISOString(), actor: roleLabel(caller), action: ACTION_LABELS[input.command.type]!, ...(note ? { note } : {}) }],
            },
          },
          { ifVersion: input.expectedVersion },
        );
        // A published document is searchable and announced to followers in the same write.
        if (input.command.type === 'approve') await recordPublication(tx, disclosureItem(updated), now);
        if (input.command.type === 'withdraw') await recordWithdrawal(tx, 'document', doc._id);
        return updated;
      });
      return staffDocument(saved, caller, today, await loadCalendar(deps.store));
    } catch (error) {
      if (error instanceof StoreError && error.code === 'conflict') throw new AppError('CONFLICT', '该文件已被更新，请刷新后再操作');
      throw error;
    }
  },

  async getItem(input, { deps }) {
    const doc = await deps.store.get<DisclosureDoc>(COLLECTIONS.disclosures, input.id);
    if (!doc || doc.status !== 'published') throw new AppError('NOT_FOUND', '该信息不存在或已撤回');
    const category = await deps.store.get<CategoryDoc>(COLLECTIONS.categories, doc.categoryId);
    return { ...doc, id: doc._id, categoryName: category?.name ?? '' };
  },
});
