// Export in the WeChat mini-program: no downloads there, so the file is written to the user data
// folder and offered as a chat message (shareFileMessage), from which it can be opened on a
// computer; where that fails the content is copied to the clipboard. No printing on a phone.
// Same exports as export.h5.ts (Taro resolves `./export` by platform suffix).
import Taro from '@tarojs/taro';

export interface ExportFile {
  filename: string;
  mimeType: string;
  content: string;
}

export const CAN_PRINT = false;

function writeFile(filePath: string, data: string): Promise<void> {
  return new Promise((resolve, reject) => {
    Taro.getFileSystemManager().writeFile({ filePath, data, encoding: 'utf8', success: () => resolve(), fail: reject });
  });
}

async function copyInstead(file: ExportFile): Promise<string> {
  await Taro.setClipboardData({ data: file.content });
  void Taro.showToast({ title: '已复制到剪贴板', icon: 'none' });
  return `无法发送文件，已将 ${file.filename} 的内容复制到剪贴板，可粘贴到电脑上保存`;
}

function cancelled(error: unknown): boolean {
  const message = error && typeof error === 'object' && 'errMsg' in error ? String((error as { errMsg: unknown }).errMsg) : '';
  return /cancel/.test(message);
}

export async function deliverExport(file: ExportFile): Promise<string> {
  // Plain names only in the user data folder (no path separators from the server's file name).
  const filePath = `${Taro.env.USER_DATA_PATH}/${file.filename.replace(/[\\/:*?"<>|\s]/g, '_')}`;
  try {
    await writeFile(filePath, file.content);
  } catch {
    return copyInstead(file);
  }
  // NOTE: shareFileMessage must be called from a user's tap, and the tap that started the export
  // was spent waiting for the cloud function: ask again, the modal's confirm is a fresh tap.
  const answer = await Taro.showModal({ title: '文件已生成', content: `${file.filename}\n发送到微信聊天后，可在电脑上打开。`, confirmText: '发送', cancelText: '取消' });
  if (!answer.confirm) return '已取消发送';
  try {
    await Taro.shareFileMessage({ filePath, fileName: file.filename });
    return `已发送 ${file.filename}`;
  } catch (error) {
    if (cancelled(error)) return '已取消发送';
    return copyInstead(file);
  }
}

export function printReport(): void {
  // Not available in a mini-program (CAN_PRINT is false, so no button calls this).
}
