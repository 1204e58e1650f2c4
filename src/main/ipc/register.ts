import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { CHANNELS } from '../../shared/api';
import type { AppContext } from '../context';
import { dispatch } from './dispatch';
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
    ipcMain.handle(channel, (event, args: unknown) => {
      if (!isTrustedSender(event, devUrl)) {
        return { ok: false, error: { code: 'FORBIDDEN', message: '拒绝来自未知页面的调用。' } };
      }
      return dispatch(handlers, ctx, channel, args);
    });
  }
  return () => CHANNELS.forEach((c) => ipcMain.removeHandler(c));
}
