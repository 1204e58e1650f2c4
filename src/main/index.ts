// Electron lifecycle only: everything else lives in the Node core (context.ts) shared with the CLI and browser shell.
import { app, BrowserWindow, dialog, Menu } from 'electron';
import path from 'node:path';
import { isAppError } from '../shared/errors';
import { createAppContext, type AppContext } from './context';
import { registerIpc } from './ipc/register';
import { APP_DIR_NAME, DB_FILE_NAME, defaultDataDir } from './paths';
import { createMainWindow, WINDOW_TITLE } from './window';

const devUrl = process.env.ELECTRON_RENDERER_URL;
let ctx: AppContext | undefined;
let win: BrowserWindow | undefined;

app.setName(APP_DIR_NAME);
app.setPath('userData', defaultDataDir());

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (win?.isMinimized()) win.restore();
    win?.focus();
  });

  void app.whenReady().then(() => {
    try {
      ctx = createAppContext({
        dbFile: path.join(app.getPath('userData'), DB_FILE_NAME),
        resourcesDir: app.isPackaged
          ? path.join(process.resourcesPath, 'resources')
          : path.join(app.getAppPath(), 'resources'),
        // Electron's ABI differs from Node's: scripts/electron-native.mjs builds a separate binary for it.
        nativeBinding: process.env.PLANDESK_SQLITE_BINDING,
        actor: process.env.USERNAME ?? process.env.USER ?? 'clerk',
      });
    } catch (e) {
      dialog.showErrorBox(WINDOW_TITLE, isAppError(e) ? e.message : `无法打开数据库：${(e as Error).message}`);
      app.quit();
      return;
    }
    registerIpc(ctx, devUrl);
    Menu.setApplicationMenu(
      Menu.buildFromTemplate([
        { label: '文件', submenu: [{ role: 'quit', label: '退出' }] },
        {
          label: '编辑',
          submenu: [
            { role: 'copy', label: '复制' },
            { role: 'paste', label: '粘贴' },
            { role: 'selectAll', label: '全选' },
          ],
        },
        {
          label: '视图',
          submenu: [
            { role: 'reload', label: '刷新' },
            { role: 'togglefullscreen', label: '全屏' },
          ],
        },
      ]),
    );
    win = createMainWindow(devUrl, app.isPackaged);
  });

  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => ctx?.close());
}
