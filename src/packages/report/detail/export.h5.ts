// Export on the web (h5): the file is downloaded through a Blob and a temporary <a download>, and
// printing uses the browser's own dialog with print styles that hide the controls. Web-only: the
// weapp build takes export.weapp.ts instead (Taro resolves `./export` by platform suffix).
import './print.css';

export interface ExportFile {
  filename: string;
  mimeType: string;
  content: string;
}

/** Whether this platform can print the page (the button is hidden where it cannot). */
export const CAN_PRINT = true;

/** Hands the exported file to the user; resolves with what happened, in words. */
export async function deliverExport(file: ExportFile): Promise<string> {
  const url = URL.createObjectURL(new Blob([file.content], { type: file.mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.filename;
  link.rel = 'noopener';
  link.style.display = 'none';
  document.body.appendChild(link);
  try {
    link.click();
  } finally {
    link.remove();
    // NOTE: revoking at once can cancel the download in some browsers; give it a moment.
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }
  return `已下载 ${file.filename}`;
}

export function printReport(): void {
  window.print();
}
