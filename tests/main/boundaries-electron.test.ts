// Issue 7, item 7: the desktop shell locked down. The Electron modules are replaced by recording fakes (the
// Electron binary is not installed here), so the window, the IPC registration and the preload run as they would
// and every setting and handler they install can be checked: isolation, sandbox, no Node in the page, no new
// windows, no navigation, no permissions, no devtools in packaged builds, only the contract's channels. The last
// part runs .ci/electronegativity.mjs itself, on src/ and on a copy with the window's defences taken out.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CHANNELS } from '../../src/shared/api';
import { CHANNEL_NAMES } from '../../src/shared/channels';
import type { AppContext } from '../../src/main/context';
import { memoryContext } from '../helpers/db';

type Listener = (...args: unknown[]) => unknown;

const fake = vi.hoisted(() => {
  class FakeWebContents {
    listeners = new Map<string, Listener[]>();
    windowOpenHandler: ((details: { url: string }) => { action: string }) | undefined;
    on(event: string, f: Listener) {
      this.listeners.set(event, [...(this.listeners.get(event) ?? []), f]);
      return this;
    }
    setWindowOpenHandler(h: (details: { url: string }) => { action: string }) {
      this.windowOpenHandler = h;
    }
    /** Emits like Electron: returns whether a listener called preventDefault(). */
    emit(event: string, ...args: unknown[]) {
      let prevented = false;
      const e = { preventDefault: () => (prevented = true) };
      for (const f of this.listeners.get(event) ?? []) f(e, ...args);
      return prevented;
    }
  }
  const state = {
    windows: [] as { options: Record<string, unknown>; webContents: FakeWebContents; loaded: string[] }[],
    openExternal: [] as string[],
    permissionRequest: undefined as undefined | ((wc: unknown, p: string, cb: (ok: boolean) => void) => void),
    permissionCheck: undefined as undefined | ((wc: unknown, p: string) => boolean),
    handles: new Map<string, (event: unknown, args: unknown) => Promise<unknown>>(),
    exposed: new Map<string, unknown>(),
    invoked: [] as [string, unknown][],
  };
  class BrowserWindow {
    options: Record<string, unknown>;
    webContents = new FakeWebContents();
    loaded: string[] = [];
    constructor(options: Record<string, unknown>) {
      this.options = options;
      state.windows.push(this);
    }
    once() {
      return this;
    }
    loadURL(url: string) {
      this.loaded.push(`url:${url}`);
      return Promise.resolve();
    }
    loadFile(file: string) {
      this.loaded.push(`file:${file}`);
      return Promise.resolve();
    }
    static fromWebContents() {
      return null;
    }
  }
  const electron = {
    BrowserWindow,
    shell: { openExternal: (url: string) => (state.openExternal.push(url), Promise.resolve()) },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (h: typeof state.permissionRequest) => (state.permissionRequest = h),
        setPermissionCheckHandler: (h: typeof state.permissionCheck) => (state.permissionCheck = h),
      },
    },
    ipcMain: {
      handle: (channel: string, f: (event: unknown, args: unknown) => Promise<unknown>) =>
        state.handles.set(channel, f),
      removeHandler: (channel: string) => state.handles.delete(channel),
    },
    contextBridge: { exposeInMainWorld: (key: string, api: unknown) => state.exposed.set(key, api) },
    ipcRenderer: {
      invoke: (channel: string, args: unknown) => (state.invoked.push([channel, args]), Promise.resolve('answered')),
    },
    app: { getPath: () => os.tmpdir() },
    dialog: {},
  };
  return { state, electron };
});

vi.mock('electron', () => ({ ...fake.electron, default: fake.electron }));

const { createMainWindow, isExternalWebUrl } = await import('../../src/main/window');
const { registerIpc } = await import('../../src/main/ipc/register');

const ROOT = path.resolve(__dirname, '../..');

describe('the main window', () => {
  const open = (devUrl: string | undefined, production: boolean) => {
    createMainWindow(devUrl, production);
    return fake.state.windows[fake.state.windows.length - 1]!;
  };

  it('isolates the page: context isolation, sandbox, no Node anywhere, web security on, no webview', () => {
    const prefs = open(undefined, true).options.webPreferences as Record<string, unknown>;
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
    });
    expect(String(prefs.disableBlinkFeatures)).toContain('Auxclick');
    for (const risky of ['enableBlinkFeatures', 'experimentalFeatures', 'enableRemoteModule', 'additionalArguments'])
      expect(prefs, risky).not.toHaveProperty(risky);
    expect(String(prefs.preload)).toMatch(/[/\\]preload[/\\]index\.js$/);
  });

  it('has devtools off in a packaged (production) build and on only in development', () => {
    expect((open(undefined, true).options.webPreferences as Record<string, unknown>).devTools).toBe(false);
    expect((open('http://localhost:5173', false).options.webPreferences as Record<string, unknown>).devTools).toBe(
      true,
    );
    // index.ts decides by app.isPackaged, and nothing in main opens devtools by itself.
    expect(fs.readFileSync(path.join(ROOT, 'src/main/index.ts'), 'utf8')).toMatch(
      /createMainWindow\([^)]*app\.isPackaged\s*\)/,
    );
    const mainFiles = fs.readdirSync(path.join(ROOT, 'src/main'), { recursive: true, encoding: 'utf8' });
    for (const f of mainFiles.filter((f) => /\.ts$/.test(f))) {
      expect(fs.readFileSync(path.join(ROOT, 'src/main', f), 'utf8'), f).not.toMatch(/openDevTools|toggleDevTools/);
    }
  });

  it('loads our own page: the bundled file, or the dev server only when one is given', () => {
    expect(open(undefined, true).loaded).toEqual([expect.stringMatching(/^file:.*[/\\]renderer[/\\]index\.html$/)]);
    expect(open('http://localhost:5173', false).loaded).toEqual(['url:http://localhost:5173']);
  });

  it('denies every new window, handing only http(s) links to the system browser', () => {
    const wc = open(undefined, true).webContents;
    fake.state.openExternal.length = 0;
    const urls = [
      'https://www.gov.cn/',
      'http://example.invalid/page',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'smb://host/share/run.exe',
      'ms-msdt:/id PCWDiagnostic',
      'data:text/html,<script>alert(1)</script>',
      'about:blank',
      'not a url',
      '',
    ];
    for (const url of urls) expect(wc.windowOpenHandler!({ url }), url).toEqual({ action: 'deny' });
    expect(fake.state.openExternal).toEqual(['https://www.gov.cn/', 'http://example.invalid/page']);
    expect(isExternalWebUrl('HTTPS://EXAMPLE.INVALID')).toBe(true);
    expect(isExternalWebUrl('file://x')).toBe(false);
  });

  it('cancels every navigation away from the page and every <webview>', () => {
    const wc = open(undefined, true).webContents;
    for (const url of ['https://evil.example/', 'file:///etc/passwd', 'http://127.0.0.1:1/', 'about:blank'])
      expect(wc.emit('will-navigate', url), url).toBe(true);
    expect(wc.emit('will-attach-webview', {}, { src: 'https://evil.example/' })).toBe(true);
  });

  it('denies every permission request and check', () => {
    open(undefined, true);
    for (const permission of [
      'media',
      'geolocation',
      'notifications',
      'midi',
      'clipboard-read',
      'openExternal',
      'fullscreen',
      'pointerLock',
      'hid',
      'serial',
      'usb',
    ]) {
      let answer: boolean | undefined;
      fake.state.permissionRequest!({}, permission, (ok) => (answer = ok));
      expect(answer, permission).toBe(false);
      expect(fake.state.permissionCheck!({}, permission), permission).toBe(false);
    }
  });
});

describe('IPC: only the contract’s channels, only from our own page', () => {
  let ctx: AppContext;
  let unregister: () => void;
  beforeAll(() => {
    ctx = memoryContext();
    unregister = registerIpc(ctx, undefined);
  });
  afterAll(() => {
    unregister();
    ctx.close();
  });

  const frame = (url: string, parent: unknown = null) => ({ senderFrame: { url, parent }, sender: {} });

  it('registers exactly the contract’s channels', () => {
    expect([...fake.state.handles.keys()].sort()).toEqual([...CHANNELS].sort());
  });

  it('answers our top frame and refuses sub-frames and other pages', async () => {
    const call = fake.state.handles.get('plan/list')!;
    expect(await call(frame('file:///opt/PlanDesk/resources/app.asar/out/renderer/index.html'), {})).toMatchObject({
      ok: true,
    });
    for (const sender of [
      frame('https://evil.example/'),
      frame('http://127.0.0.1:5173/'),
      frame('file:///opt/PlanDesk/out/renderer/index.html', { url: 'file:///x' }),
      { senderFrame: null, sender: {} },
    ]) {
      expect(await call(sender, {}), JSON.stringify(sender)).toEqual({
        ok: false,
        error: { code: 'FORBIDDEN', message: expect.stringMatching(/[\u4e00-\u9fff]/) },
      });
    }
  });
});

describe('the preload', () => {
  beforeAll(async () => {
    await import('../../src/preload/index');
  });

  it('exposes one object with one function and nothing of Electron or Node', () => {
    expect([...fake.state.exposed.keys()]).toEqual(['plandesk']);
    const api = fake.state.exposed.get('plandesk') as Record<string, unknown>;
    expect(Object.keys(api)).toEqual(['invoke']);
    expect(typeof api.invoke).toBe('function');
  });

  it('forwards the contract’s channels and refuses every other name without reaching main', async () => {
    const { invoke } = fake.state.exposed.get('plandesk') as {
      invoke: (channel: unknown, args: unknown) => Promise<unknown>;
    };
    fake.state.invoked.length = 0;
    for (const channel of CHANNEL_NAMES) await expect(invoke(channel, { a: 1 })).resolves.toBe('answered');
    expect(fake.state.invoked.map(([c]) => c)).toEqual([...CHANNEL_NAMES]);
    fake.state.invoked.length = 0;
    const strangers: unknown[] = [
      'plan/drop',
      '__proto__',
      'constructor',
      'hasOwnProperty',
      'PLAN/LIST',
      'plan/list ',
      '',
      null,
      undefined,
      42,
      ['plan/list'],
      { toString: () => 'plan/list' },
    ];
    for (const channel of strangers) await expect(invoke(channel, {}), String(channel)).rejects.toThrow();
    expect(fake.state.invoked).toEqual([]);
  });
});

describe('Electronegativity in CI (.ci/electronegativity.mjs)', () => {
  const script = path.join(ROOT, '.ci/electronegativity.mjs');
  const run = (dir?: string) =>
    spawnSync(process.execPath, [script, ...(dir ? [dir] : [])], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });

  it('passes on the source as it is', () => {
    const r = run();
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toMatch(/0 high, .*; 0 unparsed files/);
  }, 60_000);

  it('fails on a window whose isolation, sandbox and web security are switched off', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plandesk-eng-'));
    try {
      fs.mkdirSync(path.join(dir, 'main'));
      fs.mkdirSync(path.join(dir, 'renderer'));
      fs.copyFileSync(path.join(ROOT, 'src/renderer/index.html'), path.join(dir, 'renderer/index.html'));
      const window = fs
        .readFileSync(path.join(ROOT, 'src/main/window.ts'), 'utf8')
        .replace('contextIsolation: true', 'contextIsolation: false')
        .replace('sandbox: true', 'sandbox: false')
        .replace('webSecurity: true', 'webSecurity: false');
      fs.writeFileSync(path.join(dir, 'main/window.ts'), window);
      const r = run(dir);
      expect(r.status, r.stdout).toBe(1);
      for (const id of ['CONTEXT_ISOLATION_JS_CHECK', 'SANDBOX_JS_CHECK', 'WEB_SECURITY_JS_CHECK'])
        expect(r.stdout).toContain(id);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
