// Where things live on disk, computed without Electron so the CLI and the browser shell use the same database
// as the desktop app.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const APP_DIR_NAME = 'PlanDesk';
export const DB_FILE_NAME = 'plandesk.db';

/** The same folder Electron's app.getPath('userData') gives for an app named PlanDesk. */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (env.PLANDESK_DATA_DIR) return env.PLANDESK_DATA_DIR;
  const home = os.homedir();
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), APP_DIR_NAME);
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', APP_DIR_NAME);
  return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), APP_DIR_NAME);
}

export function defaultDbFile(): string {
  return path.join(defaultDataDir(), DB_FILE_NAME);
}

/**
 * The `resources/` folder: PLANDESK_RESOURCES if set, else the nearest `resources/seed` above `from`
 * (source tree, `out/main`, or an unpacked app).
 */
export function findResourcesDir(from: string, env: NodeJS.ProcessEnv = process.env): string {
  if (env.PLANDESK_RESOURCES) return env.PLANDESK_RESOURCES;
  for (let dir = path.resolve(from); ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'resources');
    if (fs.existsSync(path.join(candidate, 'seed'))) return candidate;
    if (path.dirname(dir) === dir) break;
  }
  throw new Error(`resources/seed not found above ${from}`);
}
