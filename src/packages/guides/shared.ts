// Parts shared by the 交易操作一点通 / 土地推介 / 创新展示 pages (packages/guides): answer types, routes,
// tabs, and opening a parcel's location (WeChat's map on weapp, a map site on the web).
import Taro from '@tarojs/taro';
import type { ActionOutput } from '@/contracts';
import { GUIDE_KINDS, PARCEL_STATUSES } from '@/contracts/guides';
import { TRANSACTION_TYPES } from '@/contracts/trading';
import { mapSiteUrl } from '@/domain/guides/land';

export type GuideSummary = ActionOutput<'guides', 'listGuides'>['items'][number];
export type Guide = ActionOutput<'guides', 'getGuide'>;
export type ParcelSummary = ActionOutput<'guides', 'listParcels'>['items'][number];
export type Parcel = ActionOutput<'guides', 'getParcel'>;
export type ShowcaseCase = ActionOutput<'guides', 'listShowcase'>['items'][number];

export const GUIDES_ROUTES = {
  list: '/packages/guides/list/index',
  detail: (id: string) => `/packages/guides/detail/index?id=${encodeURIComponent(id)}`,
  parcels: '/packages/guides/parcels/index',
  parcel: (id: string) => `/packages/guides/parcel/index?id=${encodeURIComponent(id)}`,
  showcase: '/packages/guides/showcase/index',
  chain: (projectId: string) => `/packages/trading/chain/index?id=${encodeURIComponent(projectId)}`,
} as const;

export type TypeKey = (typeof TRANSACTION_TYPES)[number]['key'] | 'all';
export type KindKey = (typeof GUIDE_KINDS)[number]['key'] | 'all';
export type StatusKey = (typeof PARCEL_STATUSES)[number]['key'] | 'all';

/** `#type-<key>` tabs. */
export const TYPE_TABS: ReadonlyArray<{ key: TypeKey; label: string }> = [{ key: 'all', label: '全部' }, ...TRANSACTION_TYPES.map((t) => ({ key: t.key, label: t.label }))];
/** `#kind-<key>` chips. */
export const KIND_TABS: ReadonlyArray<{ key: KindKey; label: string }> = [{ key: 'all', label: '全部类别' }, ...GUIDE_KINDS.map((k) => ({ key: k.key, label: k.label }))];
/** `#status-<key>` tabs. */
export const STATUS_TABS: ReadonlyArray<{ key: StatusKey; label: string }> = [{ key: 'all', label: '全部' }, ...PARCEL_STATUSES.map((s) => ({ key: s.key, label: s.label }))];

/** 2026-03-16 → 2026年3月16日; anything else stays as it is. */
export function formatDate(iso: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return match ? `${match[1]}年${Number(match[2])}月${Number(match[3])}日` : iso;
}

/** Opens a parcel's location: WeChat's own map on weapp; on the web a map site in a new tab. */
export function openParcelLocation(parcel: { latitude: number; longitude: number; name: string; address: string }): void {
  if (process.env.TARO_ENV === 'weapp') {
    // NOTE: openLocation takes GCJ-02, which is what parcels store.
    void Taro.openLocation({ latitude: parcel.latitude, longitude: parcel.longitude, name: parcel.name, address: parcel.address, scale: 15 });
    return;
  }
  window.open(mapSiteUrl(parcel), '_blank', 'noopener');
}
