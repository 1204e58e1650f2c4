// Issue 7, item 7, on what ships: the built preload (out/preload/index.js) run as Electron runs it — a sandboxed
// script whose only module is `electron` — with a recording stand-in for contextBridge and ipcRenderer, and the
// built main process checked for the window's defences. `npm test` builds before it runs.
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { CHANNELS } from '../../src/shared/api';

const out = path.resolve(__dirname, '../../out');
const read = (p: string) => {
  const file = path.join(out, p);
  if (!fs.existsSync(file)) throw new Error(`${file} is missing: run npm run build first`);
  return fs.readFileSync(file, 'utf8');
};

/** Runs the built preload with only `electron` to require, as Electron's sandbox allows. */
function loadPreload() {
  const exposed = new Map<string, unknown>();
  const invoked: [unknown, unknown][] = [];
  const required: string[] = [];
  const electron = {
    contextBridge: { exposeInMainWorld: (key: string, api: unknown) => exposed.set(key, api) },
    ipcRenderer: {
      invoke: (channel: unknown, args: unknown) => (invoked.push([channel, args]), Promise.resolve('ok')),
    },
  };
  const module = { exports: {} };
  vm.runInNewContext(read('preload/index.js'), {
    require: (name: string) => {
      required.push(name);
      if (name !== 'electron') throw new Error(`a sandboxed preload cannot require ${name}`);
      return electron;
    },
    module,
    exports: module.exports,
    Promise,
    Set,
    Error,
  });
  return { exposed, invoked, required };
}

describe('the built preload', () => {
  it('exposes window.plandesk.invoke and nothing else', () => {
    const { exposed, required } = loadPreload();
    expect(required).toEqual(['electron']);
    expect([...exposed.keys()]).toEqual(['plandesk']);
    expect(Object.keys(exposed.get('plandesk') as object)).toEqual(['invoke']);
  });

  it('reaches main on exactly the contract’s channels', async () => {
    const { exposed, invoked } = loadPreload();
    const { invoke } = exposed.get('plandesk') as { invoke: (c: unknown, a: unknown) => Promise<unknown> };
    for (const channel of CHANNELS) await expect(invoke(channel, {})).resolves.toBe('ok');
    expect(invoked.map(([c]) => c)).toEqual([...CHANNELS]);
    invoked.length = 0;
    for (const channel of ['plan/drop', '__proto__', 'constructor', 'toString', '', 'PLAN/LIST', null, 1, {}])
      await expect(invoke(channel, {}), String(channel)).rejects.toThrow();
    expect(invoked).toEqual([]);
    // The list bundled into the preload is the contract's, no more.
    const bundled = [...read('preload/index.js').matchAll(/^\s*"([a-z-]+\/[a-z-]+)",?$/gm)].map((m) => m[1]);
    expect(bundled.sort()).toEqual([...CHANNELS].sort());
  });
});

describe('the built main process', () => {
  const main = () => read('main/index.js');

  it('creates the window isolated, sandboxed, without Node, webviews or devtools in packaged builds', () => {
    const code = main();
    const prefs = /webPreferences:\s*\{([^}]*)\}/.exec(code)?.[1] ?? '';
    for (const setting of [
      /contextIsolation:\s*(true|!0)/,
      /sandbox:\s*(true|!0)/,
      /nodeIntegration:\s*(false|!1)/,
      /nodeIntegrationInSubFrames:\s*(false|!1)/,
      /webSecurity:\s*(true|!0)/,
      /allowRunningInsecureContent:\s*(false|!1)/,
      /webviewTag:\s*(false|!1)/,
      /devTools:\s*!isProduction/,
    ])
      expect(prefs).toMatch(setting);
    expect(code).toMatch(/createMainWindow\([^)]*app\.isPackaged\)/);
    expect(code).not.toMatch(/openDevTools|toggleDevTools/);
  });

  it('denies new windows, navigation, webviews and permissions', () => {
    const code = main();
    expect(code).toMatch(/setWindowOpenHandler\([\s\S]{0,400}action:\s*"deny"/);
    expect(code).toMatch(/"will-navigate",\s*\(event\)\s*=>\s*event\.preventDefault\(\)/);
    expect(code).toMatch(/"will-attach-webview",\s*\(event\)\s*=>\s*event\.preventDefault\(\)/);
    expect(code).toMatch(/setPermissionRequestHandler\([^)]*\)\s*=>\s*callback\(false\)\)/);
    expect(code).toMatch(/setPermissionCheckHandler\(\(\)\s*=>\s*false\)/);
  });
});
