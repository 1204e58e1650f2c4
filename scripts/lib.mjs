// Helpers shared by the start scripts: is the build current, and build it if not (output kept off stdout,
// because the browser shell's first stdout line must be its URL).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function newestMtime(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : fs.statSync(p).mtimeMs);
  }
  return newest;
}

export function ensureBuilt() {
  const marker = path.join(root, 'out', 'renderer', 'index.html');
  const built = fs.existsSync(marker) && fs.existsSync(path.join(root, 'out', 'main', 'web.js'));
  if (built && fs.statSync(marker).mtimeMs >= newestMtime(path.join(root, 'src'))) return;
  process.stderr.write('正在构建界面（首次启动或代码有更新，约需半分钟）……\n');
  const r = spawnSync(
    process.execPath,
    [path.join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'],
    {
      cwd: root,
      stdio: ['ignore', process.stderr, process.stderr],
    },
  );
  if (r.status !== 0) {
    process.stderr.write('构建失败，请查看上面的输出。\n');
    process.exit(1);
  }
}
