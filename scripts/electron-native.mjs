// Builds better-sqlite3 for Electron's ABI into .electron-native/, beside (never over) the Node build the tests use.
// Needs a connected machine: Electron's headers come from electronjs.org. Prints the binary's path on success.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { root } from './lib.mjs';

const require = createRequire(import.meta.url);
const electronVersion = require('electron/package.json').version;
const abi = fs.readFileSync(path.join(root, 'node_modules', 'electron', 'abi_version'), 'utf8').trim();
const sqliteDir = path.dirname(require.resolve('better-sqlite3/package.json'));
const target = path.join(root, '.electron-native', `better-sqlite3-electron-${electronVersion}-${process.arch}`);
const binary = path.join(target, 'build', 'Release', 'better_sqlite3.node');

/** A binary for Electron must NOT load in plain Node; if it does, it was built for Node's ABI by mistake. */
function checkAbi(file) {
  const r = spawnSync(process.execPath, ['-e', `process.dlopen({ exports: {} }, ${JSON.stringify(file)})`], {
    encoding: 'utf8',
  });
  if (r.status === 0)
    return `它能在 Node ${process.version} 中加载，说明是按 Node 的 ABI 编译的，而不是 Electron 的 ABI ${abi}（检查 npm 的 nodedir 设置）。`;
  if (!r.stderr.includes(`NODE_MODULE_VERSION ${abi}`))
    return `无法确认其 ABI 为 Electron 的 ${abi}：${r.stderr.split('\n').find((l) => l.includes('NODE_MODULE_VERSION')) ?? r.stderr.slice(0, 200)}`;
  return null;
}

export function ensureElectronNative() {
  if (fs.existsSync(binary) && checkAbi(binary) === null) return binary;
  fs.rmSync(target, { recursive: true, force: true });
  fs.cpSync(sqliteDir, target, { recursive: true, filter: (src) => !src.startsWith(path.join(sqliteDir, 'build')) });
  // npm's nodedir (set to /usr on some build machines) would silently make node-gyp build for Node's ABI.
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([k]) => !/^npm_config_(nodedir|target|runtime|disturl|dist_url)$/i.test(k)),
  );
  const r = spawnSync(
    process.execPath,
    [
      require.resolve('node-gyp/bin/node-gyp.js'),
      'rebuild',
      '--release',
      `--target=${electronVersion}`,
      `--arch=${process.arch}`,
      '--dist-url=https://electronjs.org/headers',
      '--runtime=electron',
      '--nodedir=',
    ],
    { cwd: target, env: { ...env, npm_config_nodedir: '' }, stdio: ['ignore', process.stderr, process.stderr] },
  );
  if (r.status !== 0 || !fs.existsSync(binary)) {
    throw new Error('为 Electron 编译 better-sqlite3 失败（需要联网下载 Electron 头文件）。');
  }
  const problem = checkAbi(binary);
  if (problem) {
    fs.rmSync(target, { recursive: true, force: true });
    throw new Error(`为 Electron 编译的 better-sqlite3 不可用：${problem}`);
  }
  return binary;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    console.log(ensureElectronNative());
  } catch (e) {
    console.error(e.message);
    process.exit(1);
  }
}
