// Rolling backups in `backups/` beside the database file: named `<db>-<UTC yyyymmdd-hhmmss>-<label>.db`, written with
// VACUUM INTO to a temporary name, flushed and renamed (a crash never leaves a half-written backup under a real
// name), listed newest first and pruned to the clerk's N. The label says why: start, daily, import, manual, restore,
// or vN (before migrating a version-N database).
import fs from 'node:fs';
import { AppError } from '../../shared/errors';
import path from 'node:path';
import { BACKUP_REASON_LABELS, type BackupEntry, type BackupReason } from '../../shared/backup';
import { openDatabase, type Db } from './connection';
import { fileHeaderProblem, integrityProblems, isPlanDeskSchema } from './integrity';

/** Pre-migration and pre-restore backups younger than this survive pruning whatever N is. */
export const PROTECT_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;

export const backupsDirOf = (dbFile: string): string => path.join(path.dirname(path.resolve(dbFile)), 'backups');

const baseOf = (dbFile: string) => path.basename(dbFile, path.extname(dbFile));

/** `plandesk.db` + 2026-11-27T18:30:00.000Z → `backups/plandesk-20261127-183000-v1.db` next to it. */
export function backupPath(dbFile: string, now: Date, label: string): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  return path.join(backupsDirOf(dbFile), `${baseOf(dbFile)}-${stamp}-${label}.db`);
}

/**
 * Writes a consistent copy of an open database (VACUUM INTO works inside WAL mode and is synchronous): to a hidden
 * temporary file first, fsync'd, then renamed. Returns the path written. Never overwrites an existing file.
 */
export function backupDatabase(db: Db, target: string): string {
  fs.mkdirSync(path.dirname(target), { recursive: true });
  let file = target;
  for (let i = 1; fs.existsSync(file); i++) file = target.replace(/\.db$/, `-${i}.db`);
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.tmp`);
  fs.rmSync(temp, { force: true });
  try {
    db.prepare('VACUUM INTO ?').run(temp);
    const fd = fs.openSync(temp, 'r+');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(temp, file);
  } catch (e) {
    fs.rmSync(temp, { force: true });
    throw backupWriteError(e, path.dirname(file));
  }
  return file;
}

/** A failed backup write in the clerk's words (disk full, folder not writable), not SQLite's English. */
function backupWriteError(e: unknown, dir: string): unknown {
  const code = (e as { code?: string }).code ?? '';
  const text = (e as Error).message ?? '';
  if (code === 'SQLITE_FULL' || code === 'ENOSPC' || /disk is full/i.test(text)) {
    return new AppError(
      'FILE_ERROR',
      `备份未能写入：磁盘空间不足（${dir}）。请清理磁盘空间后重试；数据库本身未受影响。`,
    );
  }
  if (/^SQLITE_CANTOPEN|^SQLITE_READONLY|^EACCES|^EPERM|^EROFS/.test(code) || /unable to open/i.test(text)) {
    return new AppError('FILE_ERROR', `备份未能写入：无法在“${dir}”中写文件（只读或没有权限）。数据库本身未受影响。`);
  }
  return e;
}

/**
 * Removes hidden temporary backups (`.name.db.tmp`) that a crash or a kill in the middle of a backup left behind:
 * each is a full-size copy never used again. Returns the paths removed.
 */
export function removeStaleBackupTemps(dbFile: string): string[] {
  const dir = path.join(path.dirname(dbFile), 'backups');
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return [];
  }
  const base = path.basename(dbFile, path.extname(dbFile));
  const removed: string[] = [];
  for (const n of names) {
    if (!n.startsWith(`.${base}-`) || !n.endsWith('.db.tmp')) continue;
    try {
      fs.rmSync(path.join(dir, n));
      removed.push(path.join(dir, n));
    } catch {
      // Another program holds it: the next start tries again.
    }
  }
  return removed;
}

interface ParsedName {
  at: string;
  reason: BackupReason;
  /** the schema version a pre-migration backup holds */
  version?: number;
  /** the -N suffix of same-second backups */
  n: number;
}

const NAME = /^(.+)-(\d{8})-(\d{6})-([a-z]+|v\d+)(?:-(\d+))?\.db$/;

/** Reads a backup file name (`<base>-<yyyymmdd-hhmmss UTC>-<label>[-N].db`) whatever the database's name. */
export function parseAnyBackupName(fileName: string): (ParsedName & { base: string }) | null {
  const m = NAME.exec(fileName);
  if (!m) return null;
  const [, base, d, t, label, n] = m as unknown as [string, string, string, string, string, string | undefined];
  const at = new Date(
    `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}T${t.slice(0, 2)}:${t.slice(2, 4)}:${t.slice(4, 6)}.000Z`,
  );
  if (Number.isNaN(at.getTime())) return null;
  const version = /^v(\d+)$/.exec(label);
  if (version)
    return { base, at: at.toISOString(), reason: 'migration', version: Number(version[1]), n: Number(n ?? 0) };
  if (!(label in BACKUP_REASON_LABELS) || label === 'migration') return null;
  return { base, at: at.toISOString(), reason: label as BackupReason, n: Number(n ?? 0) };
}

/** A rolling backup of this database, by its file name. */
export function parseBackupName(dbFile: string, fileName: string): ParsedName | null {
  const p = parseAnyBackupName(fileName);
  return p && p.base === baseOf(dbFile) ? p : null;
}

const reasonLabel = (p: ParsedName) =>
  p.reason === 'migration' && p.version !== undefined
    ? `${BACKUP_REASON_LABELS.migration}（第 ${p.version} 版）`
    : BACKUP_REASON_LABELS[p.reason];

/**
 * The rolling backups of a database, newest first. `kept` marks what pruning to `keep` would leave: the newest
 * `keep`, and pre-migration / pre-restore backups younger than PROTECT_DAYS.
 */
export function listBackups(dbFile: string, keep: number, now: Date): BackupEntry[] {
  const dir = backupsDirOf(dbFile);
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return [];
  }
  const found: (BackupEntry & { n: number; mtime: number })[] = [];
  for (const fileName of names) {
    const p = parseBackupName(dbFile, fileName);
    if (!p) continue;
    const full = path.join(dir, fileName);
    let stat: fs.Stats;
    try {
      stat = fs.statSync(full);
    } catch {
      continue;
    }
    if (!stat.isFile()) continue;
    const entry = { fileName, path: full, at: p.at, bytes: stat.size, reason: p.reason, reasonLabel: reasonLabel(p) };
    found.push({ ...entry, kept: false, n: p.n, mtime: stat.mtimeMs });
  }
  // Newest first: by the time in the name (seconds), then by when the file was written, then by the -N suffix.
  found.sort((a, b) => (a.at !== b.at ? (a.at < b.at ? 1 : -1) : b.mtime - a.mtime || b.n - a.n));
  return found.map(({ n: _n, mtime: _m, ...e }, i) => {
    const young = now.getTime() - new Date(e.at).getTime() < PROTECT_DAYS * DAY_MS;
    return { ...e, kept: i < Math.max(1, keep) || ((e.reason === 'migration' || e.reason === 'restore') && young) };
  });
}

/** Deletes the backups `listBackups` does not keep; returns their paths. Never touches other files. */
export function pruneBackups(dbFile: string, keep: number, now: Date): string[] {
  const deleted: string[] = [];
  for (const e of listBackups(dbFile, keep, now)) {
    if (e.kept) continue;
    try {
      fs.rmSync(e.path);
      deleted.push(e.path);
    } catch {
      // A backup open in another program stays until the next prune.
    }
  }
  return deleted;
}

/**
 * Why a backup file cannot be used, or null when it is a whole PlanDesk database this PlanDesk can open
 * (schema version at most `maxVersion`). Opens it read-only; quick_check is enough to pick a candidate.
 */
export function backupFileProblem(file: string, maxVersion: number): string | null {
  try {
    const header = fileHeaderProblem(file);
    if (header) return header;
    const db = openDatabase({ file, readonly: true });
    try {
      if (!isPlanDeskSchema(db)) return '不是 PlanDesk 的数据库';
      const v = db.pragma('user_version', { simple: true }) as number;
      if (v > maxVersion) return `由更新版本的 PlanDesk 创建（数据库版本 ${v}）`;
      const problems = integrityProblems(db, false);
      return problems.length > 0 ? `已损坏（${problems[0]}）` : null;
    } finally {
      db.close();
    }
  } catch (e) {
    return (e as Error).message;
  }
}

/** The newest rolling backup that is whole and not too new, or null. */
export function latestGoodBackup(dbFile: string, maxVersion: number, now: Date): BackupEntry | null {
  for (const e of listBackups(dbFile, Number.MAX_SAFE_INTEGER, now)) {
    if (backupFileProblem(e.path, maxVersion) === null) return e;
  }
  return null;
}
