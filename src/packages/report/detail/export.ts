// Platform-neutral entry of the report export for tools that do not know Taro's platform suffixes
// (tsc, jest): it is the web implementation. The builds never use this file: Taro resolves
// `./export` to export.h5.ts or export.weapp.ts. The type below keeps the two with the same API.
import type * as Web from './export.h5';
import type * as Weapp from './export.weapp';

export * from './export.h5';

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Assert<T extends true> = T;
/** Fails to compile when export.h5.ts and export.weapp.ts stop offering the same API. */
export type PlatformExportsMatch = Assert<Same<keyof typeof Web, keyof typeof Weapp>> & Assert<Same<typeof Web.deliverExport, typeof Weapp.deliverExport>>;
