import fs from 'node:fs';
import path from 'node:path';
import type { Db } from './connection';

/** `plandesk.db` + 2026-11-27T18:30:00.000Z → `backups/plandesk-20261127-183000-v1.db` next to it. */
export function backupPath(dbFile: string, now: Date, label: string): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  const base = path.basename(dbFile, path.extname(dbFile));
  return path.join(path.dirname(dbFile), 'backups', `${base}-${stamp}-${label}.db`);
}

/**
 * Writes a consistent copy of an open database (VACUUM INTO works inside WAL mode and is synchronous).
 * Returns the path written. Never overwrites an existing file.
 */
export function backupDatabase(db: Db, target: string): string {
  fs.mkdirSync(path.dirname(target), { recursive: true });
  let file = target;
  for (let i = 1; fs.existsSync(file); i++) file = target.replace(/\.db$/, `-${i}.db`);
  db.prepare('VACUUM INTO ?').run(file);
  return file;
}
