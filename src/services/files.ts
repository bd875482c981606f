// Platform-neutral entry of attachments for tools that do not know Taro's platform suffixes (tsc,
// jest): it is the web implementation. The builds never use this file: Taro resolves
// `@/services/files` to files.h5.ts or files.weapp.ts. The types below keep the two with the same API.
import type * as Web from './files.h5';
import type * as Weapp from './files.weapp';

export * from './files.h5';

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Assert<T extends true> = T;
/** Fails to compile when files.h5.ts and files.weapp.ts stop offering the same API. */
export type PlatformFilesMatch = Assert<Same<keyof typeof Web, keyof typeof Weapp>> &
  Assert<Same<typeof Web.chooseAndUpload, typeof Weapp.chooseAndUpload>> &
  Assert<Same<typeof Web.openAttachment, typeof Weapp.openAttachment>>;
