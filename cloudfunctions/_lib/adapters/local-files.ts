// Local file storage for the gateway and tests: each file is `<folder>/<id>` with its metadata in a
// JSON sidecar `<folder>/<id>.json`. File ids look like `local-file://<32 hex>`; the gateway serves
// the bytes at `/local/files/<id>` (its download link). Production uses tcb-files.ts instead.
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { FileStore, StoredFileInfo } from '../ports/files';

export const LOCAL_FILE_PREFIX = 'local-file://';
const ID_PATTERN = /^[a-f0-9]{32}$/;

export interface LocalFileMeta {
  name: string;
  size: number;
  contentType: string;
  uploadedAt: string;
}

export interface LocalFileStore extends FileStore {
  readonly folder: string;
  /** Stores the bytes and answers the new file's id (`local-file://…`). */
  save(data: Uint8Array, meta: { name: string; contentType: string }): Promise<{ fileId: string; name: string; size: number; contentType: string }>;
  /** Stores the bytes under a given bare id (32 hex digits), e.g. demo files with fixed ids. */
  saveAs(id: string, data: Uint8Array, meta: { name: string; contentType: string }): Promise<{ fileId: string; name: string; size: number; contentType: string }>;
  /** The bytes and metadata of a stored file by its bare id (the part after the prefix), or null. */
  read(id: string): Promise<{ data: Buffer; meta: LocalFileMeta } | null>;
}

/** The bare id of a local file id, or null when it is not one. */
export function localFileKey(fileId: string): string | null {
  if (!fileId.startsWith(LOCAL_FILE_PREFIX)) return null;
  const id = fileId.slice(LOCAL_FILE_PREFIX.length);
  return ID_PATTERN.test(id) ? id : null;
}

export function createLocalFileStore(folder: string, options: { urlBase?: string } = {}): LocalFileStore {
  const urlBase = options.urlBase ?? '/local/files/';

  async function meta(id: string): Promise<LocalFileMeta | null> {
    if (!ID_PATTERN.test(id)) return null;
    try {
      return JSON.parse(await readFile(join(folder, `${id}.json`), 'utf8')) as LocalFileMeta;
    } catch {
      return null;
    }
  }

  async function saveAs(id: string, data: Uint8Array, { name, contentType }: { name: string; contentType: string }) {
    if (!ID_PATTERN.test(id)) throw new Error('local file ids are 32 hex digits');
    await mkdir(folder, { recursive: true });
    const record: LocalFileMeta = { name, size: data.byteLength, contentType, uploadedAt: new Date().toISOString() };
    await writeFile(join(folder, id), data);
    // The sidecar last: a file without one does not exist yet.
    await writeFile(join(folder, `${id}.json`), JSON.stringify(record));
    return { fileId: `${LOCAL_FILE_PREFIX}${id}`, name, size: record.size, contentType };
  }

  return {
    folder,
    save: (data, meta) => saveAs(randomBytes(16).toString('hex'), data, meta),
    saveAs,
    async read(id) {
      const found = await meta(id);
      if (!found) return null;
      try {
        return { data: await readFile(join(folder, id)), meta: found };
      } catch {
        return null;
      }
    },
    async describe(fileId): Promise<StoredFileInfo | null> {
      const id = localFileKey(fileId);
      const found = id ? await meta(id) : null;
      return found ? { name: found.name, size: found.size, contentType: found.contentType } : null;
    },
    async downloadUrl(fileId) {
      const id = localFileKey(fileId);
      return id && (await meta(id)) ? `${urlBase}${id}` : null;
    },
  };
}
