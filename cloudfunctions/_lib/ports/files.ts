// Files in storage, as the handlers see them. The client uploads a file straight to storage
// (wx.cloud.uploadFile, or the local gateway's /local/upload) and the functions record only its
// reference: they check that it exists and hand out short-lived download links.

export interface StoredFileInfo {
  name: string;
  /** Bytes, when the storage reports it (CloudBase's link API does not: null). */
  size: number | null;
  /** MIME type, when known (null otherwise). */
  contentType: string | null;
}

export interface FileStore {
  /** What storage knows of a file, or null when it does not exist (or has expired). */
  describe(fileId: string): Promise<StoredFileInfo | null>;
  /** A download link for the file, or null when it does not exist. */
  downloadUrl(fileId: string): Promise<string | null>;
}
