// Attachments: what the client may upload (checked on the client before upload, by the local gateway
// and by the `requests` handler) and the reference a case stores. The file itself lives in storage
// (CloudBase storage, or the local gateway's folder); cases record only these references.
import * as z from 'zod/mini';
import { MAX_CORRECTION_ATTACHMENTS } from '../domain/requests/workflow';

export { MAX_CORRECTION_ATTACHMENTS };

export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

/** Allowed types by MIME type, with the extensions that map to them. */
export const ATTACHMENT_TYPES = {
  'application/pdf': ['pdf'],
  'image/jpeg': ['jpg', 'jpeg'],
  'image/png': ['png'],
  'application/msword': ['doc'],
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': ['docx'],
  'text/plain': ['txt'],
} as const;
export type AttachmentContentType = keyof typeof ATTACHMENT_TYPES;
export const ATTACHMENT_CONTENT_TYPES = Object.keys(ATTACHMENT_TYPES) as AttachmentContentType[];
export const ATTACHMENT_TYPES_LABEL = 'PDF、JPG、PNG、DOC、DOCX、TXT';

export function isAttachmentContentType(value: string): value is AttachmentContentType {
  return Object.prototype.hasOwnProperty.call(ATTACHMENT_TYPES, value);
}

/** The allowed MIME type for a file name's extension, or null. */
export function contentTypeForName(name: string): AttachmentContentType | null {
  const ext = /\.([A-Za-z0-9]+)$/.exec(name)?.[1]?.toLowerCase();
  if (!ext) return null;
  for (const type of ATTACHMENT_CONTENT_TYPES) if ((ATTACHMENT_TYPES[type] as readonly string[]).includes(ext)) return type;
  return null;
}

/** Why a file may not be attached, or null when it may. */
export function attachmentProblem(file: { name: string; size: number; contentType: string }): string | null {
  if (!isAttachmentContentType(file.contentType)) return `不支持的文件类型：仅可上传 ${ATTACHMENT_TYPES_LABEL} 文件`;
  if (file.size <= 0) return `文件“${file.name}”是空文件`;
  if (file.size > MAX_ATTACHMENT_BYTES) return `文件“${file.name}”超过 10 MB，请压缩或分开上传`;
  return null;
}

export const attachmentSchema = z.object({
  fileId: z.string().check(z.minLength(1, '附件标识为空'), z.maxLength(500, '附件标识过长')),
  name: z.string().check(z.trim(), z.minLength(1, '附件缺少文件名'), z.maxLength(200, '附件文件名过长')),
  size: z.int().check(z.gte(1, '附件是空文件'), z.lte(MAX_ATTACHMENT_BYTES, '每个附件不能超过 10 MB')),
  contentType: z.enum(ATTACHMENT_CONTENT_TYPES as [AttachmentContentType, ...AttachmentContentType[]], { error: `仅可上传 ${ATTACHMENT_TYPES_LABEL} 文件` }),
});
export type Attachment = z.infer<typeof attachmentSchema>;

export const correctionAttachmentsSchema = z.optional(z.array(attachmentSchema).check(z.maxLength(MAX_CORRECTION_ATTACHMENTS, `补正附件最多 ${MAX_CORRECTION_ATTACHMENTS} 个`)));

/** What a stored case shows (the stored values, as recorded). */
export const attachmentViewSchema = z.object({ fileId: z.string(), name: z.string(), size: z.int(), contentType: z.string() });

/** What the local upload route answers. */
export const uploadResultSchema = attachmentViewSchema;
