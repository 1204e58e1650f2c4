// A damaged database at start (issue 7, item 2): instead of a crash the shells get AppError('DB_ERROR') naming the
// latest good backup, and can put that backup in place with recoverFromLatestBackup() (Electron: a dialog; browser
// version and CLI: `backup restore --latest --apply`). The damaged file is never deleted: it is moved to
// `backups/damaged/` for whoever may want to rescue something from it.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { BackupEntry } from '../../shared/backup';
import { AppError } from '../../shared/errors';
import { writeFileAtomic } from '../files/atomic-write';
import { backupsDirOf, latestGoodBackup } from './backup';
import { openFailureOf, type DbOpenFailure } from './connection';
import { lockedMessage } from './lock';
import { LATEST_VERSION } from './migrations';

export interface DamagedDetails extends DbOpenFailure {
  kind: 'damaged';
  latestBackup: BackupEntry | null;
}

export const localTime = (iso: string): string => {
  const d = new Date(iso);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
};

/** The backup sentence appended to a damaged database's message. */
export function describeBackup(e: BackupEntry): string {
  return `${e.fileName}（${localTime(e.at)}，${e.reasonLabel}）`;
}

/**
 * Adds the latest good backup to a 'damaged' open failure (message and details); any other error is returned as is.
 */
export function withRecoveryAdvice(e: unknown, dbFile: string, now: Date): unknown {
  const f = openFailureOf(e);
  if (!f || f.kind !== 'damaged') return e;
  const latest = latestGoodBackup(dbFile, LATEST_VERSION, now);
  const advice = latest
    ? `最近一次完好的备份是 ${describeBackup(latest)}，位于 ${path.dirname(latest.path)}。可以用它恢复：损坏的文件会移到 backups${path.sep}damaged 文件夹保留，该备份之后所做的修改需要重新录入。`
    : `在 ${backupsDirOf(dbFile)} 中没有找到可用的备份。请不要删除该文件，联系信息技术人员尝试抢救。`;
  const details: DamagedDetails = { ...f, kind: 'damaged', latestBackup: latest };
  return new AppError('DB_ERROR', `${(e as Error).message}\n${advice}`, details);
}

/** Refuses when another process holds the database (see lock.ts); a damaged file is otherwise fine to move. */
function assertNotLocked(dbFile: string): void {
  if (!fs.existsSync(dbFile)) return;
  let probe: Database.Database | undefined;
  try {
    const nativeBinding = process.env.PLANDESK_SQLITE_BINDING;
    probe = new Database(dbFile, { timeout: 300, ...(nativeBinding ? { nativeBinding } : {}) });
    probe.pragma('locking_mode = EXCLUSIVE');
    probe.prepare('SELECT count(*) FROM sqlite_master').get();
  } catch (e) {
    if (/SQLITE_BUSY|SQLITE_LOCKED/.test(String((e as { code?: unknown }).code ?? ''))) {
      throw new AppError('DB_ERROR', lockedMessage(dbFile), { kind: 'locked', file: dbFile });
    }
  } finally {
    probe?.close();
  }
}

export interface Recovered {
  /** the backup now in place */
  restoredFrom: string;
  /** where the damaged file (and its -wal) went */
  damagedKeptAt: string[];
}

/**
 * Puts `source` (a checked backup file) in place of a database that cannot be opened. The current file and its
 * -wal/-shm are first copied, byte for byte, to `backups/damaged/`; then, unless another process holds the database,
 * they are replaced: the log files removed (an old log must never be replayed into the backup) and the backup written
 * atomically. The caller opens the database afterwards (createAppContext), which migrates an older backup.
 */
export function replaceUnopenableDatabase(dbFile: string, source: string, now: Date): Recovered {
  const bytes = fs.readFileSync(source);
  const stamp = now.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  const damagedDir = path.join(backupsDirOf(dbFile), 'damaged');
  const kept: string[] = [];
  let base = `${path.basename(dbFile, path.extname(dbFile))}-${stamp}`;
  for (let i = 1; fs.existsSync(path.join(damagedDir, `${base}.db`)); i++) {
    base = `${path.basename(dbFile, path.extname(dbFile))}-${stamp}-${i}`;
  }
  // Copied before the lock probe below: opening a WAL database and closing it may checkpoint into the file.
  for (const suffix of ['', '-wal', '-shm']) {
    if (!fs.existsSync(`${dbFile}${suffix}`)) continue;
    fs.mkdirSync(damagedDir, { recursive: true });
    const to = path.join(damagedDir, `${base}.db${suffix}`);
    fs.copyFileSync(`${dbFile}${suffix}`, to, fs.constants.COPYFILE_EXCL);
    kept.push(to);
  }
  try {
    assertNotLocked(dbFile);
  } catch (e) {
    for (const f of kept) fs.rmSync(f, { force: true });
    throw e;
  }
  for (const suffix of ['-wal', '-shm']) fs.rmSync(`${dbFile}${suffix}`, { force: true });
  fs.rmSync(`${dbFile}.lock`, { force: true });
  writeFileAtomic(dbFile, bytes);
  return { restoredFrom: source, damagedKeptAt: kept };
}

/** The latest good rolling backup put in place of a damaged database; refused when there is none. */
export function recoverFromLatestBackup(dbFile: string, now: Date = new Date()): Recovered & { backup: BackupEntry } {
  const latest = latestGoodBackup(dbFile, LATEST_VERSION, now);
  if (!latest) {
    throw new AppError(
      'DB_ERROR',
      `在 ${backupsDirOf(dbFile)} 中没有找到可用的备份，无法自动恢复。请不要删除数据库文件，联系信息技术人员。`,
    );
  }
  return { ...replaceUnopenableDatabase(dbFile, latest.path, now), backup: latest };
}

/** What the browser version and the CLI print for a damaged database: the exact commands that recover it. */
export function recoverCommandHint(dbFile: string): string {
  const cmd = `npm run -s cli -- --db "${path.resolve(dbFile)}" backup restore --latest`;
  return `恢复方法：先查看最近一次完好的备份：\n  ${cmd}\n确认无误后从该备份恢复（损坏的文件会保留在 backups${path.sep}damaged 文件夹）：\n  ${cmd} --apply`;
}
