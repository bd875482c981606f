// The FileStore port's contract, against both adapters: the local folder store, and CloudBase storage
// through the real tcb-admin-node driven against the CloudBase stand-in.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLocalFileStore } from '../../cloudfunctions/_lib/adapters/local-files';
import { createTcbFileStore } from '../../cloudfunctions/_lib/adapters/tcb-files';
import type { FileStore } from '../../cloudfunctions/_lib/ports/files';
import { startCloudbaseStandin, type CloudbaseStandin } from '../support/cloudbase-standin';

interface Fixture {
  files: FileStore;
  /** Stores a file the way a client upload would, and answers its id. */
  put(name: string, content: string, contentType: string): Promise<string>;
  /** An id of the same shape that was never uploaded. */
  missing: string;
}

function describeFileStoreContract(label: string, setup: () => Promise<Fixture>, teardown: () => Promise<void>) {
  describe(`FileStore contract: ${label}`, () => {
    let fixture: Fixture;
    beforeAll(async () => {
      fixture = await setup();
    });
    afterAll(teardown);

    it('describes an uploaded file by its name and links it', async () => {
      const id = await fixture.put('补正材料.pdf', '%PDF-1.4 test', 'application/pdf');
      const info = await fixture.files.describe(id);
      expect(info?.name).toBe('补正材料.pdf');
      const url = await fixture.files.downloadUrl(id);
      expect(typeof url).toBe('string');
      expect(url!.length).toBeGreaterThan(0);
    });

    it('answers null for a file that does not exist, and for ids of another shape', async () => {
      expect(await fixture.files.describe(fixture.missing)).toBeNull();
      expect(await fixture.files.downloadUrl(fixture.missing)).toBeNull();
      expect(await fixture.files.describe('../../etc/passwd')).toBeNull();
      expect(await fixture.files.downloadUrl('')).toBeNull();
    });
  });
}

describeFileStoreContract(
  'local folder',
  async () => {
    const files = createLocalFileStore(mkdtempSync(join(tmpdir(), 'files-contract-')));
    return {
      files,
      put: async (name, content, contentType) => (await files.save(Buffer.from(content), { name, contentType })).fileId,
      missing: `local-file://${'0'.repeat(32)}`,
    };
  },
  async () => undefined,
);

let standin: CloudbaseStandin;
describeFileStoreContract(
  'CloudBase storage via tcb-admin-node',
  async () => {
    standin = await startCloudbaseStandin();
    const files = createTcbFileStore({ env: 'standin-env', secretId: 'AKIDstandin', secretKey: 'standin-secret', serviceUrl: standin.url });
    return {
      files,
      put: async (name) => {
        const id = `cloud://standin-env.7374-standin/corrections/abc123/${name}`;
        standin.putStorageFile(id);
        return id;
      },
      missing: 'cloud://standin-env.7374-standin/corrections/none/none.pdf',
    };
  },
  async () => standin.close(),
);

describe('local folder store', () => {
  it('keeps size and type in the sidecar and reads the bytes back', async () => {
    const files = createLocalFileStore(mkdtempSync(join(tmpdir(), 'files-local-')));
    const saved = await files.save(Buffer.from('你好'), { name: 'a.txt', contentType: 'text/plain' });
    expect(saved.fileId).toMatch(/^local-file:\/\/[a-f0-9]{32}$/);
    expect(await files.describe(saved.fileId)).toEqual({ name: 'a.txt', size: 6, contentType: 'text/plain' });
    const id = saved.fileId.slice('local-file://'.length);
    expect(await files.downloadUrl(saved.fileId)).toBe(`/local/files/${id}`);
    expect((await files.read(id))?.data.toString('utf8')).toBe('你好');
  });
});

describe('CloudBase storage adapter', () => {
  it('asks storage.batchGetDownloadUrl with the file id and a max age', async () => {
    const local = await startCloudbaseStandin();
    try {
      const files = createTcbFileStore({ env: 'standin-env', secretId: 'AKIDstandin', secretKey: 'standin-secret', serviceUrl: local.url, maxAge: 300 });
      local.putStorageFile('cloud://env/corrections/x/a.pdf');
      expect(await files.downloadUrl('cloud://env/corrections/x/a.pdf')).toContain('max_age=300');
      expect(await files.describe('cloud://env/corrections/x/a.pdf')).toEqual({ name: 'a.pdf', size: null, contentType: null });
      const request = local.requests.find((r) => r.action === 'storage.batchGetDownloadUrl');
      expect(request?.body.file_list).toEqual([{ fileid: 'cloud://env/corrections/x/a.pdf', max_age: 300 }]);
      // A storage failure is an error (the router answers UNAVAILABLE/INTERNAL), not "file missing".
      local.failNext(1, 'dbError', { action: 'storage.batchGetDownloadUrl' });
      await expect(files.describe('cloud://env/corrections/x/a.pdf')).rejects.toThrow(/getTempFileURL failed/);
    } finally {
      await local.close();
    }
  });
});
