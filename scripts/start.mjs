// `npm start`: the desktop app on the embedded plan. Where the Electron runtime cannot be obtained (no network to
// its download site), say so plainly and open the browser shell instead.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ensureElectronNative } from './electron-native.mjs';
import { ensureBuilt, root } from './lib.mjs';

const electronDir = path.join(root, 'node_modules', 'electron');

function electronBinary() {
  const pathFile = path.join(electronDir, 'path.txt');
  const installed = () =>
    fs.existsSync(pathFile) && fs.existsSync(path.join(electronDir, 'dist', fs.readFileSync(pathFile, 'utf8')));
  if (!installed()) {
    process.stderr.write('正在获取 Electron 运行时……\n');
    spawnSync(process.execPath, [path.join(electronDir, 'install.js')], { stdio: 'ignore', timeout: 180_000 });
  }
  return installed() ? path.join(electronDir, 'dist', fs.readFileSync(pathFile, 'utf8')) : null;
}

function openInBrowser(url) {
  const cmd =
    process.platform === 'win32'
      ? ['cmd', ['/c', 'start', '', url]]
      : process.platform === 'darwin'
        ? ['open', [url]]
        : ['xdg-open', [url]];
  const child = spawn(cmd[0], cmd[1], { stdio: 'ignore', detached: true });
  child.on('error', () => undefined);
  child.unref();
}

function startBrowserShell(reason) {
  process.stderr.write(
    `\n${reason}\n改为启动 PlanDesk 浏览器版：数据与桌面版相同，请用浏览器打开下面的地址。\n` +
      `(Electron runtime unavailable; starting the browser shell instead.)\n\n`,
  );
  const child = spawn(process.execPath, [path.join(root, 'out', 'main', 'web.js'), ...process.argv.slice(2)], {
    stdio: ['inherit', 'pipe', 'inherit'],
  });
  let first = true;
  child.stdout.on('data', (chunk) => {
    process.stdout.write(chunk);
    if (first) {
      first = false;
      openInBrowser(String(chunk).split('\n')[0].trim());
    }
  });
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
  child.on('exit', (code) => process.exit(code ?? 0));
}

ensureBuilt();
const electron = electronBinary();
if (!electron) {
  startBrowserShell('无法获取 Electron 运行时（本机无法访问其下载地址）。');
} else {
  let binding;
  try {
    binding = ensureElectronNative();
  } catch (e) {
    startBrowserShell(e.message);
  }
  if (binding) {
    const child = spawn(electron, [root], {
      stdio: 'inherit',
      env: { ...process.env, PLANDESK_SQLITE_BINDING: binding },
    });
    child.on('exit', (code) => process.exit(code ?? 0));
  }
}
