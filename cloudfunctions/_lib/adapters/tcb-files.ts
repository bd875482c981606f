// Production file storage: CloudBase storage through tcb-admin-node's getTempFileURL (action
// `storage.batchGetDownloadUrl`). That API only says whether a file exists and gives a link, so
// `describe` knows the name (from the path) but not the size or type; those are checked on the
// client before upload and by the storage security rules.
import tcb from 'tcb-admin-node';
import type { FileStore } from '../ports/files';

export interface TcbFilesOptions {
  env: string;
  secretId?: string;
  secretKey?: string;
  sessionToken?: string;
  serviceUrl?: string;
  timeout?: number;
  /** Seconds a download link stays valid (default 600). */
  maxAge?: number;
}

export function createTcbFileStore(options: TcbFilesOptions): FileStore {
  const app = tcb.init({
    env: options.env,
    ...(options.secretId !== undefined ? { secretId: options.secretId } : {}),
    ...(options.secretKey !== undefined ? { secretKey: options.secretKey } : {}),
    ...(options.sessionToken !== undefined ? { sessionToken: options.sessionToken } : {}),
    ...(options.serviceUrl !== undefined ? { serviceUrl: options.serviceUrl } : {}),
    timeout: options.timeout ?? 5000,
    isUpdateSelfConfig: false,
  });
  const maxAge = options.maxAge ?? 600;

  async function link(fileId: string): Promise<string | null> {
    if (!fileId.startsWith('cloud://')) return null;
    const answer = await app.getTempFileURL({ fileList: [{ fileID: fileId, maxAge }] });
    if ('code' in answer && answer.code) throw new Error(`getTempFileURL failed: ${String(answer.code)}`);
    const entry = 'fileList' in answer ? answer.fileList?.[0] : undefined;
    if (!entry || entry.code !== 'SUCCESS' || !entry.tempFileURL) return null;
    return entry.tempFileURL;
  }

  return {
    async describe(fileId) {
      const url = await link(fileId);
      if (!url) return null;
      const name = decodeURIComponent(fileId.split('/').pop() ?? '');
      return { name, size: null, contentType: null };
    },
    downloadUrl: link,
  };
}
