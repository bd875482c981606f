// Contract of the `guides` cloud function: 交易操作一点通 (service guides, manuals and plain-language
// sheets by transaction type), 拟出让土地市场推介 (land parcels with their location) and the showcase
// of trading innovations shown in the home page's floating window (飘窗).
import * as z from 'zod/mini';
import { cursorSchema, defineAction, defineFunction, idSchema, pageLimitSchema } from './core';
import { attachmentSchema, attachmentViewSchema } from './files';
import { idempotencyKeySchema } from './requests';
import { TRANSACTION_TYPES, type TransactionType } from './trading';

export const GUIDE_KINDS = [
  { key: 'serviceGuide', label: '服务指南' },
  { key: 'manual', label: '操作手册' },
  { key: 'plainSheet', label: '进场交易明白纸' },
] as const;
export type GuideKind = (typeof GUIDE_KINDS)[number]['key'];

export const PARCEL_STATUSES = [
  { key: 'promoting', label: '推介中' },
  { key: 'listed', label: '已挂牌' },
  { key: 'sold', label: '已成交' },
] as const;
export type ParcelStatus = (typeof PARCEL_STATUSES)[number]['key'];

/** Districts and development zones of Zibo, as parcels name them. */
export const ZIBO_DISTRICTS = ['张店区', '淄川区', '博山区', '周村区', '临淄区', '桓台县', '高青县', '沂源县', '高新区', '经济开发区', '文昌湖区'] as const;
export type ZiboDistrict = (typeof ZIBO_DISTRICTS)[number];

export const MAX_GUIDE_STEPS = 30;
export const MAX_GUIDE_ATTACHMENTS = 10;

const typeSchema = z.enum(TRANSACTION_TYPES.map((t) => t.key) as [TransactionType, ...TransactionType[]], { error: '交易类型不正确' });
const kindSchema = z.enum(GUIDE_KINDS.map((k) => k.key) as [GuideKind, ...GuideKind[]], { error: '指南类别不正确' });
const statusSchema = z.enum(PARCEL_STATUSES.map((s) => s.key) as [ParcelStatus, ...ParcelStatus[]], { error: '宗地状态不正确' });
const districtSchema = z.enum(ZIBO_DISTRICTS as unknown as [ZiboDistrict, ...ZiboDistrict[]], { error: '区县不正确' });

export const contactSchema = z.object({
  name: z.string().check(z.trim(), z.minLength(1, '请填写联系部门或联系人'), z.maxLength(40, '联系部门或联系人最多 40 字')),
  phone: z.string().check(z.trim(), z.regex(/^[0-9][0-9-]{6,19}$/, '联系电话格式不正确')),
});

export const guideSummarySchema = z.object({
  id: z.string(),
  type: typeSchema,
  typeLabel: z.string(),
  kind: kindSchema,
  kindLabel: z.string(),
  title: z.string(),
  summary: z.string(),
  updatedOn: z.string(),
  stepCount: z.int(),
  attachmentCount: z.int(),
  demo: z.boolean(),
});

export const guideSchema = z.extend(guideSummarySchema, {
  /** Plain-language steps, in the order they are done. */
  steps: z.array(z.string()),
  materials: z.array(z.string()),
  contacts: z.array(z.object({ name: z.string(), phone: z.string() })),
  attachments: z.array(attachmentViewSchema),
  version: z.int(),
});

/** What staff write; the server adds the dates, labels and version. */
export const guideInputSchema = z.object({
  type: typeSchema,
  kind: kindSchema,
  title: z.string().check(z.trim(), z.minLength(2, '标题至少 2 个字'), z.maxLength(60, '标题最多 60 字')),
  summary: z.string().check(z.trim(), z.maxLength(200, '简介最多 200 字')),
  steps: z
    .array(z.string().check(z.trim(), z.minLength(2, '每个步骤至少 2 个字'), z.maxLength(300, '每个步骤最多 300 字')))
    .check(z.minLength(1, '请至少填写一个办理步骤'), z.maxLength(MAX_GUIDE_STEPS, `办理步骤最多 ${MAX_GUIDE_STEPS} 个`)),
  materials: z.array(z.string().check(z.trim(), z.minLength(1, '材料名称不能为空'), z.maxLength(200, '材料名称最多 200 字'))).check(z.maxLength(30, '所需材料最多 30 项')),
  contacts: z.array(contactSchema).check(z.maxLength(5, '联系方式最多 5 个')),
  attachments: z.array(attachmentSchema).check(z.maxLength(MAX_GUIDE_ATTACHMENTS, `附件最多 ${MAX_GUIDE_ATTACHMENTS} 个`)),
});
export type GuideInput = z.infer<typeof guideInputSchema>;

export const parcelSummarySchema = z.object({
  id: z.string(),
  /** 宗地编号. */
  code: z.string(),
  name: z.string(),
  district: z.string(),
  address: z.string(),
  /** GCJ-02 (the coordinate system WeChat's map and location APIs use). */
  latitude: z.number(),
  longitude: z.number(),
  areaSqm: z.number(),
  /** 亩 (1 亩 = 10000/15 m²), rounded to 0.01. */
  areaMu: z.number(),
  use: z.string(),
  transferMethod: z.string(),
  plannedDate: z.string(),
  reservePrice: z.optional(z.string()),
  status: statusSchema,
  statusLabel: z.string(),
  demo: z.boolean(),
});

export const parcelSchema = z.extend(parcelSummarySchema, {
  /** Planning conditions and other particulars, one paragraph each. */
  particulars: z.array(z.string()),
  /** The trading project (交易公告 chain) once the parcel is announced. */
  projectId: z.optional(z.string()),
  contact: z.optional(z.object({ name: z.string(), phone: z.string() })),
});

export const showcaseCaseSchema = z.object({
  id: z.string(),
  title: z.string(),
  /** When it happened, as precisely as known (e.g. `2023年`, or a date). */
  period: z.string(),
  summary: z.string(),
  /** The trading project whose chain tells the case, if any. */
  projectId: z.optional(z.string()),
  source: z.optional(z.string()),
  demo: z.boolean(),
});

export const guidesContract = defineFunction({
  name: 'guides',
  summary: '交易操作一点通、拟出让土地市场推介与交易创新展示',
  actions: {
    listGuides: defineAction({
      summary: 'Guides by transaction type and kind, most recently updated first (keyset pagination).',
      access: { kind: 'public' },
      input: z.optional(z.object({ type: z.optional(typeSchema), kind: z.optional(kindSchema), cursor: cursorSchema, limit: pageLimitSchema })),
      output: z.object({ items: z.array(guideSummarySchema), nextCursor: z.nullable(z.string()) }),
    }),
    getGuide: defineAction({
      summary: 'One guide with its ordered steps, materials, contacts and attachments.',
      access: { kind: 'public' },
      input: z.object({ id: idSchema }),
      output: guideSchema,
    }),
    attachmentUrl: defineAction({
      summary: 'A short-lived download link for one attachment of a guide.',
      access: { kind: 'public' },
      input: z.object({ guideId: idSchema, fileId: z.string().check(z.minLength(1, '附件标识为空'), z.maxLength(500, '附件标识过长')) }),
      output: z.object({ url: z.string() }),
    }),
    saveGuide: defineAction({
      summary: 'Staff create (no id) or update (id + expectedVersion) a guide; it is published at once (search entry and publication event).',
      access: { kind: 'staff', roles: ['clerk', 'admin'] },
      input: z.object({
        id: z.optional(idSchema),
        expectedVersion: z.optional(z.int().check(z.gte(1, '版本号不正确'))),
        idempotencyKey: idempotencyKeySchema,
        guide: guideInputSchema,
      }),
      output: z.object({ guide: guideSchema, replayed: z.boolean() }),
    }),
    listParcels: defineAction({
      summary: 'Land parcels offered for transfer (拟出让土地), by district and status, soonest planned transfer first.',
      access: { kind: 'public' },
      input: z.optional(z.object({ district: z.optional(districtSchema), status: z.optional(statusSchema), cursor: cursorSchema, limit: pageLimitSchema })),
      output: z.object({ items: z.array(parcelSummarySchema), nextCursor: z.nullable(z.string()) }),
    }),
    getParcel: defineAction({
      summary: 'One parcel: location, area, use, planned transfer, particulars and its trading chain.',
      access: { kind: 'public' },
      input: z.object({ id: idSchema }),
      output: parcelSchema,
    }),
    listShowcase: defineAction({
      summary: 'Trading innovations (交易创新突破) for the home page’s floating window and its list page.',
      access: { kind: 'public' },
      input: z.optional(z.object({ limit: pageLimitSchema })),
      output: z.object({ items: z.array(showcaseCaseSchema) }),
    }),
  },
});
