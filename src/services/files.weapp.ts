// Attachments in the WeChat mini-program: files from a chat (chooseMessageFile), checked for size and
// type, then uploaded straight to CloudBase storage (wx.cloud.uploadFile); with GATEWAY_URL set (local
// testing) they go to the gateway's POST /local/upload instead, as a raw body (wx.uploadFile would
// send multipart). The cloud function records only the references. Same exports as files.h5.ts.
import Taro from '@tarojs/taro';
import { ATTACHMENT_TYPES, attachmentProblem, contentTypeForName, uploadResultSchema, type Attachment } from '@/contracts/files';

export type { Attachment };

export class FileUploadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FileUploadError';
  }
}

const EXTENSIONS = Object.values(ATTACHMENT_TYPES).flat() as string[];

function cancelled(error: unknown): boolean {
  const message = error && typeof error === 'object' && 'errMsg' in error ? String((error as { errMsg: unknown }).errMsg) : '';
  return /cancel/.test(message);
}

function randomId(): string {
  return `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 10)}`;
}

function readFile(filePath: string): Promise<ArrayBuffer> {
  return new Promise((resolve, reject) => {
    Taro.getFileSystemManager().readFile({ filePath, success: (res) => resolve(res.data as ArrayBuffer), fail: reject });
  });
}

async function upload(file: { path: string; name: string; size: number }, contentType: Attachment['contentType']): Promise<Attachment> {
  // Tested directly on the build-time constant (not through a variable), so that webpack drops this
  // branch, and the `/local/` route with it, from every build without GATEWAY_URL.
  if (process.env.GATEWAY_URL) {
    const response = await Taro.request({
      url: `${process.env.GATEWAY_URL}/local/upload`,
      method: 'POST',
      data: await readFile(file.path),
      header: { 'content-type': contentType, 'x-file-name': encodeURIComponent(file.name) },
      responseType: 'text',
      dataType: '其他',
    });
    const body = typeof response.data === 'string' ? (JSON.parse(response.data) as unknown) : (response.data as unknown);
    if (response.statusCode !== 200) {
      const message = body && typeof body === 'object' && 'error' in body ? (body as { error?: { message?: unknown } }).error?.message : undefined;
      throw new FileUploadError(typeof message === 'string' ? message : `附件上传失败（HTTP ${response.statusCode}）`);
    }
    const parsed = uploadResultSchema.safeParse(body);
    if (!parsed.success) throw new FileUploadError('附件上传失败：服务返回了无法识别的数据');
    return { ...parsed.data, contentType };
  }
  const safeName = file.name.replace(/[\\/:*?"<>|\s]/g, '_');
  const result = await Taro.cloud.uploadFile({ cloudPath: `corrections/${randomId()}/${safeName}`, filePath: file.path });
  return { fileId: result.fileID, name: file.name, size: file.size, contentType };
}

/** Lets the person choose up to `max` files from a chat, checks them and uploads them; [] when cancelled. */
export async function chooseAndUpload(max: number): Promise<Attachment[]> {
  if (max < 1) return [];
  let picked: Array<{ path: string; name: string; size: number }>;
  try {
    const result = await Taro.chooseMessageFile({ count: max, type: 'file', extension: EXTENSIONS });
    picked = result.tempFiles.map((f) => ({ path: f.path, name: f.name, size: f.size }));
  } catch (error) {
    if (cancelled(error)) return [];
    throw new FileUploadError('无法选择文件，请重试');
  }
  const checked = picked.map((file) => {
    const contentType = contentTypeForName(file.name);
    const problem = attachmentProblem({ name: file.name, size: file.size, contentType: contentType ?? '' });
    if (problem || !contentType) throw new FileUploadError(problem ?? '不支持的文件类型');
    return { file, contentType };
  });
  const uploaded: Attachment[] = [];
  for (const { file, contentType } of checked) {
    try {
      uploaded.push(await upload(file, contentType));
    } catch (error) {
      throw error instanceof FileUploadError ? error : new FileUploadError('附件上传失败，请检查网络后重试');
    }
  }
  return uploaded;
}

/** Downloads the file behind a link and opens it (images in the viewer, documents with openDocument). */
export async function openAttachment(url: string, name: string): Promise<void> {
  const full = url.startsWith('/') ? `${process.env.GATEWAY_URL ?? ''}${url}` : url;
  if (/\.(jpe?g|png)$/i.test(name)) {
    await Taro.previewImage({ urls: [full], current: full });
    return;
  }
  const downloaded = await Taro.downloadFile({ url: full });
  if (downloaded.statusCode !== 200) throw new FileUploadError('附件下载失败，请稍后重试');
  const ext = /\.([A-Za-z0-9]+)$/.exec(name)?.[1]?.toLowerCase();
  await Taro.openDocument({ filePath: downloaded.tempFilePath, showMenu: true, ...(ext && ext !== 'txt' ? { fileType: ext as 'pdf' } : {}) });
}
