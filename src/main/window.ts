import path from 'node:path';
import { BrowserWindow, shell, session } from 'electron';

export const WINDOW_TITLE = 'PlanDesk 规划指标台账';

/** Only web addresses ever leave the app, and only to the system browser. */
export function isExternalWebUrl(url: string): boolean {
  try {
    const { protocol } = new URL(url);
    return protocol === 'https:' || protocol === 'http:';
  } catch {
    return false;
  }
}

/**
 * A window with Electron's secure defaults on, nothing reachable but our own renderer. Checked by Electronegativity
 * in .ci/run and by tests/main/boundaries-electron.test.ts.
 */
export function createMainWindow(devUrl: string | undefined, isProduction: boolean): BrowserWindow {
  const win = new BrowserWindow({
    width: 1360,
    height: 860,
    minWidth: 960,
    minHeight: 600,
    title: WINDOW_TITLE,
    show: false,
    webPreferences: {
      // Reviewed (Electronegativity PRELOAD_JS_CHECK, manual review): the preload is ours, bundled into the app, and
      // exposes one function, invoke(channel, args), for the contract's channels only (src/preload/index.ts).
      preload: path.join(__dirname, '../preload/index.js'), // eng-disable PRELOAD_JS_CHECK
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      // A middle click on a link would otherwise ask for a new window (denied below anyway).
      disableBlinkFeatures: 'Auxclick',
      devTools: !isProduction,
      spellcheck: false,
    },
  });
  win.once('ready-to-show', () => win.show());
  win.webContents.setWindowOpenHandler(({ url }) => {
    // Links to the outside world open in the system browser, never inside the app.
    // Reviewed (Electronegativity OPEN_EXTERNAL_JS_CHECK, manual review): only http(s) addresses are handed over,
    // never file:, smb:, javascript: or custom schemes that could start a program.
    if (isExternalWebUrl(url)) void shell.openExternal(url); // eng-disable OPEN_EXTERNAL_JS_CHECK
    return { action: 'deny' };
  });
  win.webContents.on('will-navigate', (event) => event.preventDefault());
  win.webContents.on('will-attach-webview', (event) => event.preventDefault());
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
  if (devUrl) void win.loadURL(devUrl);
  else void win.loadFile(path.join(__dirname, '../renderer/index.html'));
  return win;
}
