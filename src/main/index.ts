// Electron lifecycle only: everything else lives in the Node core (context.ts) shared with the CLI and browser shell.
import { app, BrowserWindow, dialog, Menu } from 'electron';
import path from 'node:path';
import { isAppError } from '../shared/errors';
import { createAppContext, type AppContext, type ContextOptions } from './context';
import { openFailureOf } from './db/connection';
import { describeBackup, recoverFromLatestBackup, type DamagedDetails } from './db/recover';
import { registerIpc } from './ipc/register';
import { APP_DIR_NAME, DB_FILE_NAME, defaultDataDir } from './paths';
import { createMainWindow, WINDOW_TITLE } from './window';

const devUrl = process.env.ELECTRON_RENDERER_URL;
let ctx: AppContext | undefined;
let win: BrowserWindow | undefined;

app.setName(APP_DIR_NAME);
app.setPath('userData', defaultDataDir());

/**
 * Opens the database. A damaged one is not a crash: the clerk is offered the latest good backup (the damaged file is
 * kept in backups/damaged); a database held by another program (the browser version, the CLI) is explained.
 */
async function openContext(opts: ContextOptions): Promise<AppContext | undefined> {
  try {
    return createAppContext(opts);
  } catch (e) {
    const message = isAppError(e) ? e.message : `无法打开数据库：${(e as Error).message}`;
    const failure = openFailureOf(e);
    const latest = failure?.kind === 'damaged' ? (failure as DamagedDetails).latestBackup : null;
    if (!latest) {
      dialog.showErrorBox(WINDOW_TITLE, message);
      return undefined;
    }
    const choice = await dialog.showMessageBox({
      type: 'error',
      title: WINDOW_TITLE,
      message: '数据库文件已损坏',
      detail: message,
      buttons: ['从最近的备份恢复', '退出'],
      defaultId: 0,
      cancelId: 1,
      noLink: true,
    });
    if (choice.response !== 0) return undefined;
    try {
      const recovered = recoverFromLatestBackup(opts.dbFile);
      const restored = createAppContext(opts);
      restored.services.backups.recordRecovery(recovered, restored.actor);
      await dialog.showMessageBox({
        type: 'info',
        title: WINDOW_TITLE,
        message: `已从备份 ${describeBackup(recovered.backup)} 恢复。`,
        detail: `该备份之后所做的修改需要重新录入。损坏的文件已保留在：\n${recovered.damagedKeptAt.join('\n')}`,
        buttons: ['确定'],
      });
      return restored;
    } catch (e2) {
      dialog.showErrorBox(WINDOW_TITLE, isAppError(e2) ? e2.message : `恢复失败：${(e2 as Error).message}`);
      return undefined;
    }
  }
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (win?.isMinimized()) win.restore();
    win?.focus();
  });

  void app.whenReady().then(async () => {
    ctx = await openContext({
      dbFile: path.join(app.getPath('userData'), DB_FILE_NAME),
      resourcesDir: app.isPackaged
        ? path.join(process.resourcesPath, 'resources')
        : path.join(app.getAppPath(), 'resources'),
      // Electron's ABI differs from Node's: scripts/electron-native.mjs builds a separate binary for it.
      nativeBinding: process.env.PLANDESK_SQLITE_BINDING,
      actor: process.env.USERNAME ?? process.env.USER ?? 'clerk',
      program: 'PlanDesk 桌面版',
      startupBackup: true,
      onWarning: (m) => dialog.showErrorBox('PlanDesk', m),
    });
    if (!ctx) {
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
