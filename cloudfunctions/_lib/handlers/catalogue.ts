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
import { checkIndexPattern, DEFAULT_INDEX_ORG, DEFAULT_INDEX_PATTERN, formatIndexNumber, sequenceKey } from '../../../src/domain/publishing/index-number';
import type { TransactionStore } from '../ports/store';
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

/** The 索引号 rule lives in a settings document; sequences per year and category in their own counters. */
const INDEX_RULE = { collection: 'settings', id: 'indexNumber' } as const;
export const INDEX_SEQUENCES = 'indexSequences';

interface IndexRuleDoc {
  pattern: string;
  org: string;
}

async function indexRule(deps: Deps): Promise<IndexRuleDoc> {
  const saved = await deps.store.get<Partial<IndexRuleDoc>>(INDEX_RULE.collection, INDEX_RULE.id);
  return { pattern: saved?.pattern ?? DEFAULT_INDEX_PATTERN, org: saved?.org ?? DEFAULT_INDEX_ORG };
}

function ruleView(rule: IndexRuleDoc, year: number) {
  return { ...rule, example: formatIndexNumber(rule.pattern, { org: rule.org, year, category: 'zcwj', seq: 1 }) };
}

/**
 * Takes the next number of a year and category inside the caller's transaction: the counter is read
 * and written by id with a version check, so two concurrent drafts never get the same number (the
 * store retries the losing transaction, which then reads the raised counter).
 */
async function nextIndexNumber(tx: TransactionStore, rule: IndexRuleDoc, year: number, category: string): Promise<string> {
  const key = sequenceKey(rule.pattern, year, category);
  const counter = await tx.get<{ last: number }>(INDEX_SEQUENCES, key);
  const seq = (counter?.last ?? 0) + 1;
  if (counter) await tx.update(INDEX_SEQUENCES, key, { last: seq }, { ifVersion: counter._version });
  else await tx.insert(INDEX_SEQUENCES, { _id: key, last: seq });
  return formatIndexNumber(rule.pattern, { org: rule.org, year, category, seq });
}

async function itemView(deps: Deps, doc: StoredDoc<DisclosureDoc>) {
  const category = await deps.store.get<CategoryDoc>(COLLECTIONS.categories, doc.categoryId);
  const replacement = doc.replacedBy ? await deps.store.get<DisclosureDoc>(COLLECTIONS.disclosures, doc.replacedBy) : null;
  const { status: _status, workflow: _workflow, publishing: _publishing, sortKey: _sortKey, replacedBy, ...fields } = doc;
  return {
    ...fields,
    ...(replacedBy ? { replacedBy } : {}),
    id: doc._id,
    categoryName: category?.name ?? '',
    ...(replacement && replacement.status === 'published' ? { replacedByTitle: replacement.title } : {}),
  };
}

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
    const rule = await indexRule(deps);
    const saved = await deps.store.transaction(async (tx) => tx.insert<DisclosureDoc>(COLLECTIONS.disclosures, {
      _id: id,
      ...fields,
      // 索引号 by the configured rule; the sequence counts per year (of the 成文日期) and category.
      indexNo: await nextIndexNumber(tx, rule, Number(input.formedOn.slice(0, 4)), input.categoryId),
      publisher: '淄博市公共资源交易中心',
      publishedAt: today,
      validity: '现行有效',
      demo: false,
      status: 'draft',
      sortKey: `${today}|${id}`,
      workflow: true,
      publishing: { authorOpenid: caller.openid!, formedOn: input.formedOn, timeLimit: input.timeLimit, history: [{ at: now.toISOString(), actor: roleLabel(caller), action: ACTION_LABELS.save! }] },
    }));
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
    return itemView(deps, doc);
  },

  async setValidity(input, { caller, deps }) {
    const doc = await deps.store.get<DisclosureDoc>(COLLECTIONS.disclosures, input.id);
    if (!doc || doc.status !== 'published') throw new AppError('NOT_FOUND', '未找到该已发布文件');
    if (input.validity === '现行有效' && input.replacedBy) {
      throw new AppError('VALIDATION_FAILED', '现行有效的文件不填写替代文件', [{ path: 'replacedBy', message: '现行有效的文件不填写替代文件' }]);
    }
    if (input.validity !== '现行有效') {
      if (!input.replacedBy) throw new AppError('VALIDATION_FAILED', `${input.validity}的文件请填写修改或替代它的文件`, [{ path: 'replacedBy', message: '请填写替代文件' }]);
      if (input.replacedBy === doc._id) throw new AppError('VALIDATION_FAILED', '替代文件不能是它自己', [{ path: 'replacedBy', message: '替代文件不能是它自己' }]);
      const replacement = await deps.store.get<DisclosureDoc>(COLLECTIONS.disclosures, input.replacedBy);
      if (!replacement || replacement.status !== 'published') {
        throw new AppError('VALIDATION_FAILED', '替代文件不存在或尚未发布', [{ path: 'replacedBy', message: '替代文件不存在或尚未发布' }]);
      }
    }
    const now = deps.clock.now();
    const history = doc.publishing ? { publishing: { ...doc.publishing, history: [...doc.publishing.history, { at: now.toISOString(), actor: roleLabel(caller), action: `有效性改为${input.validity}`, ...(input.replacedBy ? { note: `替代文件 ${input.replacedBy}` } : {}) }] } } : {};
    // The store keeps no `undefined`: 现行有效 clears the replacement with an empty string.
    const saved = await deps.store.update<DisclosureDoc>(COLLECTIONS.disclosures, doc._id, { validity: input.validity, replacedBy: input.replacedBy ?? '', ...history });
    return itemView(deps, saved);
  },

  async indexRule(_input, { deps }) {
    return ruleView(await indexRule(deps), Number(shanghaiDate(deps.clock.now()).slice(0, 4)));
  },

  async saveIndexRule(input, { deps }) {
    const problems = checkIndexPattern(input.pattern);
    if (problems.length > 0) throw new AppError('VALIDATION_FAILED', problems[0]!, problems.map((message) => ({ path: 'pattern', message })));
    const rule = { pattern: input.pattern, org: input.org };
    if (await deps.store.get(INDEX_RULE.collection, INDEX_RULE.id)) await deps.store.update(INDEX_RULE.collection, INDEX_RULE.id, rule);
    else await deps.store.insert(INDEX_RULE.collection, { _id: INDEX_RULE.id, ...rule });
    return ruleView(rule, Number(shanghaiDate(deps.clock.now()).slice(0, 4)));
  },
});
