// Handlers of the `guides` function: 交易操作一点通 guides (public reading, attachment links, staff
// create/update published at once), 拟出让土地 parcels and the innovation showcase.
import { GUIDE_KINDS, PARCEL_STATUSES } from '../../../src/contracts/guides';
import { MAX_ATTACHMENT_BYTES, isAttachmentContentType } from '../../../src/contracts/files';
import { TRANSACTION_TYPES } from '../../../src/contracts/trading';
import { shanghaiDate } from '../../../src/domain/calendar/dates';
import { guideProblems } from '../../../src/domain/guides/guides';
import { AGENCY_PROFILE_ID, COLLECTIONS, type AgencyDoc } from '../collections';
import type { GuideDoc, ParcelDoc, ShowcaseDoc } from '../seed/guides-demo';
import { guideItem, recordPublication } from '../publication';
import { StoreError, type StoredDoc } from '../ports/store';
import { AppError, defineHandlers, type Deps } from '../router';

export const GUIDES_COLLECTIONS = { guides: 'guides', parcels: 'landParcels', showcase: 'showcaseCases', idempotency: 'idempotencyKeys' } as const;

const TYPE_LABELS: Record<string, string> = Object.fromEntries(TRANSACTION_TYPES.map((t) => [t.key, t.label]));
const KIND_LABELS: Record<string, string> = Object.fromEntries(GUIDE_KINDS.map((k) => [k.key, k.label]));
const STATUS_LABELS: Record<string, string> = Object.fromEntries(PARCEL_STATUSES.map((s) => [s.key, s.label]));

function guideSummary(doc: StoredDoc<GuideDoc>) {
  return {
    id: doc._id,
    type: doc.type,
    typeLabel: TYPE_LABELS[doc.type] ?? doc.type,
    kind: doc.kind,
    kindLabel: KIND_LABELS[doc.kind] ?? doc.kind,
    title: doc.title,
    summary: doc.summary,
    updatedOn: doc.updatedOn,
    stepCount: doc.steps.length,
    attachmentCount: doc.attachments.length,
    demo: doc.demo,
  };
}

function guideView(doc: StoredDoc<GuideDoc>) {
  return { ...guideSummary(doc), steps: doc.steps, materials: doc.materials, contacts: doc.contacts, attachments: doc.attachments, version: doc._version };
}

function parcelSummary(doc: StoredDoc<ParcelDoc>) {
  return {
    id: doc._id,
    code: doc.code,
    name: doc.name,
    district: doc.district,
    address: doc.address,
    latitude: doc.latitude,
    longitude: doc.longitude,
    areaSqm: doc.areaSqm,
    areaMu: doc.areaMu,
    use: doc.use,
    transferMethod: doc.transferMethod,
    plannedDate: doc.plannedDate,
    ...(doc.reservePrice ? { reservePrice: doc.reservePrice } : {}),
    status: doc.status,
    statusLabel: STATUS_LABELS[doc.status] ?? doc.status,
    demo: doc.demo,
  };
}

async function checkAttachments(deps: Deps, attachments: GuideDoc['attachments'], already: ReadonlySet<string>): Promise<void> {
  for (const [index, attachment] of attachments.entries()) {
    // Attachments kept from the stored version were checked when they were added.
    if (already.has(attachment.fileId)) continue;
    const stored = await deps.files.describe(attachment.fileId);
    const path = `guide.attachments.${index}`;
    if (!stored) throw new AppError('VALIDATION_FAILED', `附件“${attachment.name}”不存在或已过期，请重新上传`, [{ path, message: '附件不存在或已过期，请重新上传' }]);
    if (stored.size !== null && stored.size > MAX_ATTACHMENT_BYTES) throw new AppError('VALIDATION_FAILED', `附件“${attachment.name}”超过 10 MB`, [{ path, message: '附件超过 10 MB' }]);
    if (stored.contentType !== null && !isAttachmentContentType(stored.contentType)) throw new AppError('VALIDATION_FAILED', `附件“${attachment.name}”的文件类型不受支持`, [{ path, message: '文件类型不受支持' }]);
  }
}

export const guidesHandlers = defineHandlers('guides', {
  async listGuides(input, { deps }) {
    const limit = input?.limit ?? 20;
    const docs = await deps.store.find<GuideDoc>(GUIDES_COLLECTIONS.guides, {
      where: {
        ...(input?.type ? { type: input.type } : {}),
        ...(input?.kind ? { kind: input.kind } : {}),
        ...(input?.cursor ? { sortKey: { $lt: input.cursor } } : {}),
      },
      orderBy: [['sortKey', 'desc'], ['_id', 'desc']],
      limit: limit + 1,
    });
    const page = docs.slice(0, limit);
    return { items: page.map(guideSummary), nextCursor: docs.length > limit ? (page[page.length - 1]?.sortKey ?? null) : null };
  },

  async getGuide(input, { deps }) {
    const doc = await deps.store.get<GuideDoc>(GUIDES_COLLECTIONS.guides, input.id);
    if (!doc) throw new AppError('NOT_FOUND', '未找到该办事指南');
    return guideView(doc);
  },

  async attachmentUrl(input, { deps }) {
    const doc = await deps.store.get<GuideDoc>(GUIDES_COLLECTIONS.guides, input.guideId);
    const attachment = doc?.attachments.find((a) => a.fileId === input.fileId);
    // Only files a guide lists can be linked: no probing of other stored files.
    if (!attachment) throw new AppError('NOT_FOUND', '未找到该附件');
    const url = await deps.files.downloadUrl(attachment.fileId);
    if (!url) throw new AppError('NOT_FOUND', '附件暂时无法下载，请稍后重试或拨打咨询电话索取');
    return { url };
  },

  async saveGuide(input, { caller, deps }) {
    const openid = caller.openid!;
    const problems = guideProblems(input.guide);
    if (problems.length > 0) throw new AppError('VALIDATION_FAILED', problems[0]!.message, problems.map((p) => ({ path: `guide.${p.path}`, message: p.message })));
    const replayKey = `${openid}:guide:${input.idempotencyKey}`;
    const earlier = await deps.store.get<{ guideId?: string; version?: number }>(GUIDES_COLLECTIONS.idempotency, replayKey);
    if (earlier?.guideId) {
      const doc = await deps.store.get<GuideDoc>(GUIDES_COLLECTIONS.guides, earlier.guideId);
      if (doc) return { guide: guideView(doc), replayed: true };
    }
    const existing = input.id ? await deps.store.get<GuideDoc>(GUIDES_COLLECTIONS.guides, input.id) : null;
    if (input.id && !existing) throw new AppError('NOT_FOUND', '未找到该办事指南');
    if (existing && input.expectedVersion === undefined) throw new AppError('VALIDATION_FAILED', '修改办事指南需要提供版本号', [{ path: 'expectedVersion', message: '修改办事指南需要提供版本号' }]);
    if (existing && existing._version !== input.expectedVersion) throw new AppError('CONFLICT', '该指南已被他人修改，请刷新后重试');
    await checkAttachments(deps, input.guide.attachments, new Set(existing?.attachments.map((a) => a.fileId) ?? []));

    const now = deps.clock.now();
    const updatedOn = shanghaiDate(now);
    const fields = {
      ...input.guide,
      updatedOn,
      updatedBy: openid,
      demo: false,
    };
    try {
      const saved = await deps.store.transaction(async (tx) => {
        let doc: StoredDoc<GuideDoc>;
        if (existing) {
          doc = await tx.update<GuideDoc>(GUIDES_COLLECTIONS.guides, existing._id, { ...fields, sortKey: `${updatedOn}|${existing._id}` }, { ifVersion: existing._version });
        } else {
          const inserted = await tx.insert<GuideDoc>(GUIDES_COLLECTIONS.guides, { ...fields, createdBy: openid, sortKey: '' });
          doc = await tx.update<GuideDoc>(GUIDES_COLLECTIONS.guides, inserted._id, { sortKey: `${updatedOn}|${inserted._id}` });
        }
        await tx.insert(GUIDES_COLLECTIONS.idempotency, { _id: replayKey, guideId: doc._id, at: now.toISOString() });
        await recordPublication(tx, guideItem(doc), now);
        return doc;
      });
      return { guide: guideView(saved), replayed: false };
    } catch (error) {
      if (error instanceof StoreError && error.code === 'duplicate') {
        const replay = await deps.store.get<{ guideId?: string }>(GUIDES_COLLECTIONS.idempotency, replayKey);
        const doc = replay?.guideId ? await deps.store.get<GuideDoc>(GUIDES_COLLECTIONS.guides, replay.guideId) : null;
        if (doc) return { guide: guideView(doc), replayed: true };
      }
      if (error instanceof StoreError && error.code === 'conflict') throw new AppError('CONFLICT', '该指南已被他人修改，请刷新后重试');
      throw error;
    }
  },

  async listParcels(input, { deps }) {
    const limit = input?.limit ?? 20;
    const docs = await deps.store.find<ParcelDoc>(GUIDES_COLLECTIONS.parcels, {
      where: {
        ...(input?.district ? { district: input.district } : {}),
        ...(input?.status ? { status: input.status } : {}),
        ...(input?.cursor ? { sortKey: { $gt: input.cursor } } : {}),
      },
      orderBy: [['sortKey', 'asc']],
      limit: limit + 1,
    });
    const page = docs.slice(0, limit);
    return { items: page.map(parcelSummary), nextCursor: docs.length > limit ? (page[page.length - 1]?.sortKey ?? null) : null };
  },

  async getParcel(input, { deps }) {
    const doc = await deps.store.get<ParcelDoc>(GUIDES_COLLECTIONS.parcels, input.id);
    if (!doc) throw new AppError('NOT_FOUND', '未找到该宗地');
    const agency = await deps.store.get<AgencyDoc>(COLLECTIONS.agency, AGENCY_PROFILE_ID);
    return {
      ...parcelSummary(doc),
      particulars: doc.particulars,
      ...(doc.projectId ? { projectId: doc.projectId } : {}),
      ...(agency?.phone ? { contact: { name: '市公共资源交易中心咨询电话', phone: agency.phone } } : {}),
    };
  },

  async listShowcase(input, { deps }) {
    const docs = await deps.store.find<ShowcaseDoc>(GUIDES_COLLECTIONS.showcase, { orderBy: [['order', 'asc']], limit: input?.limit ?? 20 });
    return {
      items: docs.map((doc) => ({
        id: doc._id,
        title: doc.title,
        period: doc.period,
        summary: doc.summary,
        ...(doc.projectId ? { projectId: doc.projectId } : {}),
        ...(doc.source ? { source: doc.source } : {}),
        demo: doc.demo,
      })),
    };
  },
});
