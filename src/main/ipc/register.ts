import { BrowserWindow, ipcMain, type IpcMainInvokeEvent } from 'electron';
import { CHANNELS, isFileChannel, type ExportResult } from '../../shared/api';
import type { AppContext } from '../context';
import { saveExport } from './dialogs';
import { dispatch, toErrorInfo } from './dispatch';
import { handlers } from './handlers';

/** Only our own top frame, loaded from the app bundle or the dev server, may call main. */
export function isTrustedSender(event: IpcMainInvokeEvent, devUrl: string | undefined): boolean {
  const frame = event.senderFrame;
  if (!frame || frame.parent !== null) return false;
  const url = frame.url;
  return url.startsWith('file://') || (devUrl !== undefined && url.startsWith(devUrl));
}

export function registerIpc(ctx: AppContext, devUrl: string | undefined): () => void {
  for (const channel of CHANNELS) {
    ipcMain.handle(channel, async (event, args: unknown) => {
      if (!isTrustedSender(event, devUrl)) {
        return { ok: false, error: { code: 'FORBIDDEN', message: '拒绝来自未知页面的调用。' } };
      }
      const result = await dispatch(handlers, ctx, channel, args);
      if (!result.ok || !isFileChannel(channel)) return result;
      try {
        const win = BrowserWindow.fromWebContents(event.sender) ?? undefined;
        return { ok: true, data: await saveExport(win, result.data as ExportResult) };
      } catch (e) {
        return { ok: false, error: toErrorInfo(e) };
      }
    });
  }
  return () => CHANNELS.forEach((c) => ipcMain.removeHandler(c));
}
