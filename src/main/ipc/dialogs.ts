// How the Electron shell delivers an exported file: a save dialog with the dated default name, an atomic write,
// then an offer to open the folder. A failed write (file open in WPS, read-only folder, full disk) is explained and
// the dialog offered again, so nothing is lost.
import path from 'node:path';
import { app, dialog, shell, type BrowserWindow } from 'electron';
import type { ExportResult } from '../../shared/api';
import { isAppError } from '../../shared/errors';
import { writeFileAtomic } from '../files/atomic-write';

const FILTERS: Record<string, Electron.FileFilter[]> = {
  '.xlsx': [{ name: 'Excel 工作簿', extensions: ['xlsx'] }],
  '.pdf': [{ name: 'PDF 文档', extensions: ['pdf'] }],
  '.db': [{ name: 'PlanDesk 数据库备份', extensions: ['db'] }],
};

export async function saveExport(win: BrowserWindow | undefined, result: ExportResult): Promise<ExportResult> {
  const bytes = Buffer.from(result.bytesBase64 ?? '', 'base64');
  let defaultPath = path.join(app.getPath('documents'), result.fileName);
  for (;;) {
    const options: Electron.SaveDialogOptions = {
      title: '保存导出文件',
      defaultPath,
      buttonLabel: '保存',
      filters: FILTERS[path.extname(result.fileName)] ?? [],
    };
    const choice = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
    if (choice.canceled || !choice.filePath) return { ...result, bytesBase64: undefined, savedTo: null };
    try {
      writeFileAtomic(choice.filePath, bytes);
    } catch (e) {
      if (!isAppError(e)) throw e;
      await dialog.showMessageBox({ type: 'error', title: '保存失败', message: e.message, buttons: ['重新选择位置'] });
      defaultPath = choice.filePath;
      continue;
    }
    const open = await dialog.showMessageBox({
      type: 'info',
      title: '导出完成',
      message: `已保存：${choice.filePath}`,
      buttons: ['打开所在文件夹', '关闭'],
      defaultId: 1,
      cancelId: 1,
    });
    if (open.response === 0) shell.showItemInFolder(choice.filePath);
    return { ...result, bytesBase64: undefined, savedTo: choice.filePath };
  }
}
