// Attachments on the web (h5): the browser's own file dialog through a hidden <input type=file>
// created in code, then the raw file to the local gateway's POST /local/upload, which answers the
// reference the cloud function records. Web-only: the weapp build takes files.weapp.ts (Taro
// resolves `@/services/files` by platform suffix).
//
// Production h5 has no gateway: it would need a storage endpoint (e.g. CloudBase web SDK uploads with
// a signed-in web user, or a signed upload URL from a cloud function). Until one exists, uploading
// is refused there with a clear message rather than silently failing.
import { ATTACHMENT_TYPES, attachmentProblem, contentTypeForName, isAttachmentContentType, uploadResultSchema, type Attachment } from '@/contracts/files';

export type { Attachment };

export class FileUploadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FileUploadError';
  }
}

const ACCEPT = Object.values(ATTACHMENT_TYPES)
  .flat()
  .map((ext) => `.${ext}`)
  .join(',');

function pickFiles(max: number): Promise<File[]> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = ACCEPT;
    input.multiple = max > 1;
    input.style.display = 'none';
    input.setAttribute('data-testid', 'file-picker');
    const done = (files: File[]) => {
      input.remove();
      resolve(files.slice(0, max));
    };
    input.addEventListener('change', () => done(Array.from(input.files ?? [])));
    input.addEventListener('cancel', () => done([]));
    document.body.appendChild(input);
    input.click();
  });
}

async function upload(file: File, contentType: string): Promise<Attachment> {
  let response: Response;
  try {
    response = await fetch('/local/upload', {
      method: 'POST',
      body: file,
      headers: { 'content-type': contentType, 'x-file-name': encodeURIComponent(file.name) },
      credentials: 'same-origin',
    });
  } catch {
    throw new FileUploadError('网络连接失败，附件未能上传，请重试');
  }
  const body = (await response.json().catch(() => null)) as unknown;
  if (!response.ok) {
    const message = body && typeof body === 'object' && 'error' in body ? (body as { error?: { message?: unknown } }).error?.message : undefined;
    throw new FileUploadError(typeof message === 'string' ? message : `附件上传失败（HTTP ${response.status}）`);
  }
  const parsed = uploadResultSchema.safeParse(body);
  if (!parsed.success || !isAttachmentContentType(parsed.data.contentType)) throw new FileUploadError('附件上传失败：服务返回了无法识别的数据');
  return { ...parsed.data, contentType: parsed.data.contentType };
}

/** Lets the person choose up to `max` files, checks them and uploads them; [] when nothing was chosen. */
export async function chooseAndUpload(max: number): Promise<Attachment[]> {
  if (process.env.APP_MODE === 'production') throw new FileUploadError('网页版暂不支持上传附件，请在微信小程序中提交，或到中心窗口递交材料');
  if (max < 1) return [];
  const files = await pickFiles(max);
  const checked = files.map((file) => {
    const contentType = isAttachmentContentType(file.type) ? file.type : contentTypeForName(file.name);
    const problem = attachmentProblem({ name: file.name, size: file.size, contentType: contentType ?? file.type });
    if (problem || !contentType) throw new FileUploadError(problem ?? '不支持的文件类型');
    return { file, contentType };
  });
  const uploaded: Attachment[] = [];
  for (const { file, contentType } of checked) uploaded.push(await upload(file, contentType));
  return uploaded;
}

/** Opens a download link the server gave (a new tab; the gateway answers it as a download). */
export async function openAttachment(url: string, _name: string): Promise<void> {
  const opened = window.open(url, '_blank', 'noopener');
  if (opened === undefined) throw new FileUploadError('无法打开附件');
}
