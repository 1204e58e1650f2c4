// Backups and restore (issue 7, item 2).
//
// Rolling backups: VACUUM INTO `backups/` beside the database (db/backup.ts) at start (see atStart), before a
// migration, before an import is applied, before a restore, and on demand; after each one the folder is pruned to the
// clerk's N (setting `backup.keep`, default 20), never deleting the newest nor a pre-migration / pre-restore backup
// under 30 days old.
//
// Restore: the chosen file is written to a staging file beside the database and checked there (SQLite header, not
// cut short, PlanDesk tables, schema version not newer than this PlanDesk, full integrity_check); the preview lists
// what it holds and what it replaces, and a token binds the file's SHA-256 to the current data. backup/restore
// re-checks the same way, refuses a different token, backs up the current data, then has the context swap the staged
// file in (close, rename, reopen, migrate if older, rebuild repos and services: see context.ts) and logs the restore
// in the restored database's change log.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  DEFAULT_BACKUP_KEEP,
  MAX_BACKUP_FILE_BYTES,
  MAX_BACKUP_KEEP,
  MIN_BACKUP_KEEP,
  type BackupEntry,
  type BackupReason,
  type DatabaseContents,
  type RestorePreview,
  type RestoreResult,
  type RestoreSource,
  type StorageInfo,
} from '../../shared/backup';
import { AppError } from '../../shared/errors';
import { backupDatabase, backupPath, backupsDirOf, listBackups, parseAnyBackupName, pruneBackups } from '../db/backup';
import { openDatabase, type Db } from '../db/connection';
import {
  contentFingerprint,
  databaseContents,
  headerProblem,
  integrityProblems,
  isPlanDeskSchema,
} from '../db/integrity';
import type { MigrateResult } from '../db/migrate';
import { LATEST_VERSION } from '../db/migrations';
import { deleteSetting, getSetting, setSetting } from '../db/settings';
import type { Clock } from './clock';

const KEEP_KEY = 'backup.keep';
/** Written into every backup copy (never into the live database): when the copy was taken. */
const TAKEN_AT_KEY = 'backup.takenAt';
const HOUR_MS = 60 * 60 * 1000;

export interface BackupHost {
  /** the database file, or ':memory:' */
  dbFile: string;
  db(): Db;
  clock: Clock;
  /** closes the database, puts the staged file (or, in memory, the image) in its place, reopens and migrates it */
  replace(next: { file: string } | { image: Buffer }): MigrateResult;
}

/** A restore candidate as bytes, with the name the clerk knows it by. */
export interface BackupBytes {
  name: string;
  bytes: Uint8Array;
}

const sha256 = (b: Uint8Array) => crypto.createHash('sha256').update(b).digest('hex');

const refuse = (name: string, why: string) =>
  new AppError('FILE_ERROR', `无法使用“${name}”恢复：${why}。请选择 PlanDesk 的备份文件（.db）。`);

/**
 * Writes a candidate to `stage` in the form it will take as the database: a WAL-mode header is switched to the
 * rollback journal (the file arrives without its -wal, so there is nothing to replay) and fsync'd.
 */
function stageCandidate(c: BackupBytes, stage: string): void {
  const bytes = Buffer.from(c.bytes);
  if (bytes.length >= 100 && headerProblem(bytes.subarray(0, 100), bytes.length) === null) {
    if (bytes[18] === 2) bytes[18] = 1;
    if (bytes[19] === 2) bytes[19] = 1;
  }
  const fd = fs.openSync(stage, 'w');
  try {
    for (let done = 0; done < bytes.length;) done += fs.writeSync(fd, bytes, done, bytes.length - done);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

interface Inspected {
  contents: DatabaseContents;
  takenAt: string | null;
}

/** Checks a staged candidate; throws a Chinese refusal for anything that must not become the database. */
function inspectStaged(stage: string, c: BackupBytes): Inspected {
  const header = headerProblem(Buffer.from(c.bytes.subarray(0, 100)), c.bytes.length);
  if (header) throw refuse(c.name, header);
  let db: Db;
  try {
    db = openDatabase({ file: stage, readonly: true });
  } catch (e) {
    throw refuse(c.name, `文件已损坏（${(e as Error).message}）`);
  }
  try {
    let schema: boolean;
    try {
      schema = isPlanDeskSchema(db);
    } catch (e) {
      throw refuse(c.name, `文件已损坏（${(e as Error).message}）`);
    }
    const problems = integrityProblems(db, true);
    if (problems.length > 0) {
      const more = problems.length > 1 ? ` 等 ${problems.length} 处` : '';
      throw refuse(c.name, `文件已损坏，SQLite 完整性检查未通过（${problems[0]}${more}）`);
    }
    if (!schema) throw refuse(c.name, '这是一个 SQLite 数据库，但不是 PlanDesk 的数据库');
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version > LATEST_VERSION) {
      throw new AppError(
        'DB_TOO_NEW',
        `“${c.name}”由更新版本的 PlanDesk 创建（数据库版本 ${version}，本程序支持到 ${LATEST_VERSION}），不能用它恢复。请升级 PlanDesk 后再恢复。`,
        { dbVersion: version, appVersion: LATEST_VERSION },
      );
    }
    const stamped = getSetting(db, TAKEN_AT_KEY);
    const named = parseAnyBackupName(path.basename(c.name));
    const takenAt = typeof stamped === 'string' ? stamped : (named?.at ?? null);
    return { contents: databaseContents(db), takenAt };
  } finally {
    db.close();
  }
}

/** The preview of a candidate against the current database (null when it cannot be read, e.g. damaged). */
export function previewCandidate(c: BackupBytes, current: Db | null, stageDir: string): RestorePreview {
  if (c.bytes.length > MAX_BACKUP_FILE_BYTES) throw refuse(c.name, '文件超过 200 MB');
  fs.mkdirSync(stageDir, { recursive: true });
  const stage = path.join(stageDir, `.plandesk-restore-${crypto.randomBytes(6).toString('hex')}.tmp`);
  try {
    stageCandidate(c, stage);
    return previewStaged(stage, c, current);
  } finally {
    fs.rmSync(stage, { force: true });
  }
}

function currentContents(db: Db | null): { contents: DatabaseContents | null; fingerprint: string } {
  if (!db) return { contents: null, fingerprint: 'unreadable' };
  try {
    return { contents: databaseContents(db), fingerprint: contentFingerprint(db) };
  } catch {
    return { contents: null, fingerprint: 'unreadable' };
  }
}

function previewStaged(stage: string, c: BackupBytes, current: Db | null): RestorePreview {
  const { contents, takenAt } = inspectStaged(stage, c);
  const hash = sha256(c.bytes);
  const now = currentContents(current);
  return {
    source: { name: c.name, bytes: c.bytes.length, sha256: hash, takenAt },
    backup: contents,
    needsUpgrade: contents.schemaVersion < LATEST_VERSION,
    appSchemaVersion: LATEST_VERSION,
    integrity: 'ok',
    current: now.contents,
    token: sha256(Buffer.from(`${hash}\n${now.fingerprint}`)),
  };
}

/** Stamps a fresh backup copy with the time it was taken (schema 5 and later have the setting table). */
function stampCopy(file: string, at: string): void {
  const copy = openDatabase({ file, exclusive: false });
  try {
    if (copy.prepare(`SELECT 1 FROM sqlite_master WHERE name = 'setting'`).get()) setSetting(copy, TAKEN_AT_KEY, at);
  } finally {
    copy.close();
  }
}

export function createBackupService(host: BackupHost) {
  const inMemory = host.dbFile === ':memory:';
  const now = () => new Date(host.clock.now());

  const keep = (): number => {
    const v = getSetting(host.db(), KEEP_KEY);
    return typeof v === 'number' && Number.isInteger(v) && v >= MIN_BACKUP_KEEP && v <= MAX_BACKUP_KEEP
      ? v
      : DEFAULT_BACKUP_KEEP;
  };

  const list = (): BackupEntry[] => (inMemory ? [] : listBackups(host.dbFile, keep(), now()));

  /** Takes a rolling backup now and prunes; null for an in-memory database. */
  function create(reason: Exclude<BackupReason, 'migration'>): BackupEntry | null {
    if (inMemory) return null;
    const at = now();
    const file = backupDatabase(host.db(), backupPath(host.dbFile, at, reason));
    try {
      stampCopy(file, at.toISOString());
    } catch {
      // The stamp is a convenience for the preview; the copy itself is complete.
    }
    pruneBackups(host.dbFile, keep(), at);
    return list().find((e) => e.path === file) ?? null;
  }

  function fingerprintOf(file: string): string | null {
    try {
      const db = openDatabase({ file, readonly: true });
      try {
        return contentFingerprint(db);
      } finally {
        db.close();
      }
    } catch {
      return null;
    }
  }

  const localDay = (d: Date) => `${d.getFullYear()}-${d.getMonth()}-${d.getDate()}`;

  /**
   * The start-up backup. Skipped for an in-memory or just-created database (nothing to lose) and when the data is
   * the same as in the newest backup (same schema version and change log). Otherwise the first start of a (local)
   * day takes a 'daily' backup; later starts take a 'start' backup only when the newest backup is over an hour old,
   * so that restarting the app many times cannot push older days out of the N kept.
   */
  function atStart(migration: MigrateResult): BackupEntry | null {
    if (inMemory || migration.from === 0) return null;
    const t = now();
    const newest = list()[0];
    if (newest && fingerprintOf(newest.path) === contentFingerprint(host.db())) return null;
    if (!newest || localDay(new Date(newest.at)) !== localDay(t)) return create('daily');
    if (t.getTime() - new Date(newest.at).getTime() < HOUR_MS) return null;
    return create('start');
  }

  function readSource(source: RestoreSource): BackupBytes {
    if ('file' in source) return { name: source.file.name, bytes: Buffer.from(source.file.bytesBase64, 'base64') };
    const entry = list().find((e) => e.fileName === source.backup);
    if (!entry) throw new AppError('NOT_FOUND', `找不到备份“${source.backup}”，它可能已被清理。请刷新备份列表。`);
    try {
      return { name: entry.fileName, bytes: fs.readFileSync(entry.path) };
    } catch {
      throw new AppError('FILE_ERROR', `无法读取备份文件：${entry.path}`);
    }
  }

  const stageDir = () => (inMemory ? os.tmpdir() : path.dirname(path.resolve(host.dbFile)));

  return {
    inMemory,
    keep,
    list,
    create,
    atStart,

    /** 备份到文件: a consistent copy of the whole database as bytes, named with the local date and time. */
    exportCopy(): { fileName: string; bytes: Uint8Array } {
      const at = now();
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plandesk-export-'));
      try {
        const file = backupDatabase(host.db(), path.join(dir, 'copy.db'));
        stampCopy(file, at.toISOString());
        const p = (n: number) => String(n).padStart(2, '0');
        const stamp = `${at.getFullYear()}${p(at.getMonth() + 1)}${p(at.getDate())}-${p(at.getHours())}${p(at.getMinutes())}`;
        return { fileName: `PlanDesk备份-${stamp}.db`, bytes: new Uint8Array(fs.readFileSync(file)) };
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },

    preview(source: RestoreSource): RestorePreview {
      return previewCandidate(readSource(source), host.db(), stageDir());
    },

    restore(source: RestoreSource, token: string, actor: string): RestoreResult {
      const c = readSource(source);
      if (c.bytes.length > MAX_BACKUP_FILE_BYTES) throw refuse(c.name, '文件超过 200 MB');
      const stage = path.join(stageDir(), `.plandesk-restore-${crypto.randomBytes(6).toString('hex')}.tmp`);
      try {
        stageCandidate(c, stage);
        const preview = previewStaged(stage, c, host.db());
        if (preview.token !== token) {
          throw new AppError(
            'CONFLICT',
            '备份文件或当前数据在预览之后有变化（或预览已过期），未恢复。请重新预览后再确认恢复。',
          );
        }
        const replaced = preview.current;
        const safety = create('restore');
        const migration = host.replace(inMemory ? { image: fs.readFileSync(stage) } : { file: stage });
        const db = host.db();
        deleteSetting(db, TAKEN_AT_KEY);
        db.prepare(
          `INSERT INTO change_log (at, actor, plan_id, entity, entity_id, field, op, before, after)
           VALUES (?, ?, NULL, 'database', NULL, NULL, 'update', ?, ?)`,
        ).run(
          host.clock.now(),
          actor,
          JSON.stringify({ contents: replaced, safetyBackup: safety?.fileName ?? null }),
          JSON.stringify({
            restoredFrom: c.name,
            sha256: preview.source.sha256,
            takenAt: preview.source.takenAt,
            schemaVersion: preview.backup.schemaVersion,
            upgradedTo: migration.to,
            plans: preview.backup.plans.map((x) => x.shortName),
          }),
        );
        if (!inMemory) pruneBackups(host.dbFile, keep(), now());
        return {
          safetyBackup: safety?.path ?? null,
          from: migration.from,
          to: migration.to,
          contents: databaseContents(db),
        };
      } finally {
        fs.rmSync(stage, { force: true });
      }
    },

    storage,
    setKeep,

    /** Logs that a damaged database was replaced by a backup (db/recover.ts), in the restored database. */
    recordRecovery(r: { restoredFrom: string; damagedKeptAt: string[] }, actor: string): void {
      host
        .db()
        .prepare(
          `INSERT INTO change_log (at, actor, plan_id, entity, entity_id, field, op, before, after)
           VALUES (?, ?, NULL, 'database', NULL, NULL, 'update', ?, ?)`,
        )
        .run(
          host.clock.now(),
          actor,
          JSON.stringify({ damaged: true, keptAt: r.damagedKeptAt }),
          JSON.stringify({ restoredFrom: path.basename(r.restoredFrom) }),
        );
    },
  };

  function storage(): StorageInfo {
    const size = (f: string) => {
      try {
        return fs.statSync(f).size;
      } catch {
        return 0;
      }
    };
    const backups = list();
    return {
      dbFile: inMemory ? ':memory:' : path.resolve(host.dbFile),
      dbBytes: inMemory ? 0 : size(host.dbFile) + size(`${host.dbFile}-wal`),
      backupsDir: inMemory ? null : backupsDirOf(host.dbFile),
      keep: keep(),
      backupCount: backups.length,
      backupBytes: backups.reduce((n, e) => n + e.bytes, 0),
      latestBackup: backups[0] ?? null,
      schemaVersion: host.db().pragma('user_version', { simple: true }) as number,
    };
  }

  /** How many rolling backups to keep; logged, and applied at once (pruning). */
  function setKeep(n: number, actor: string): StorageInfo {
    if (!Number.isInteger(n) || n < MIN_BACKUP_KEEP || n > MAX_BACKUP_KEEP) {
      throw new AppError('VALIDATION', `保留的备份份数应为 ${MIN_BACKUP_KEEP}—${MAX_BACKUP_KEEP} 之间的整数。`);
    }
    const before = keep();
    const db = host.db();
    db.transaction(() => {
      setSetting(db, KEEP_KEY, n);
      db.prepare(
        `INSERT INTO change_log (at, actor, plan_id, entity, entity_id, field, op, before, after)
           VALUES (?, ?, NULL, 'setting', NULL, ?, 'update', ?, ?)`,
      ).run(host.clock.now(), actor, KEEP_KEY, JSON.stringify({ keep: before }), JSON.stringify({ keep: n }));
    })();
    if (!inMemory) pruneBackups(host.dbFile, n, now());
    return storage();
  }
}

export type BackupService = ReturnType<typeof createBackupService>;

const megabytes = (n: number) =>
  n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(n / 1024)} KB`;

const localTime = (iso: string | null): string => {
  if (!iso) return '未知';
  const d = new Date(iso);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
};

function describeContents(c: DatabaseContents): string[] {
  const plans = c.plans.map(
    (x) => `  ${x.shortName}《${x.title}》${x.firstYear}—${x.lastYear}年：${x.indicators} 项指标，${x.values} 个数值`,
  );
  return [
    ...(plans.length > 0 ? plans : ['  （没有规划）']),
    `  科室 ${c.departments} 个，修改记录 ${c.changeLogEntries} 条，最后修改 ${localTime(c.lastChangeAt)}`,
  ];
}

/** The preview in words (CLI). */
export function describeRestorePreview(p: RestorePreview): string[] {
  return [
    `备份文件：${p.source.name}（${megabytes(p.source.bytes)}，SHA-256 ${p.source.sha256}）`,
    `备份时间：${localTime(p.source.takenAt)}`,
    `数据库版本：${p.backup.schemaVersion}${p.needsUpgrade ? `（恢复后升级到 ${p.appSchemaVersion}）` : ''}`,
    '完整性检查：通过',
    '备份中的数据：',
    ...describeContents(p.backup),
    ...(p.current
      ? ['将被替换的当前数据（恢复前会先自动备份）：', ...describeContents(p.current)]
      : ['当前数据库已损坏，无法读取；恢复时损坏的文件会移到 backups/damaged 文件夹保留。']),
  ];
}

export function describeBackupEntry(e: BackupEntry): string {
  return `${localTime(e.at)}\t${megabytes(e.bytes)}\t${e.reasonLabel}${e.kept ? '' : '（下次备份时清理）'}\t${e.fileName}`;
}
