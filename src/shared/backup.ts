// Backups and restore (issue 7, item 2): the rolling copies kept in `backups/` beside the database, a backup file the
// clerk chose being previewed before it replaces the data, and where the database lives (设置).
// Produced by src/main/services/backup-service.ts, shown by 设置 and printed by the CLI (`backup …`).
import { z } from 'zod';

/** Largest backup file accepted for a restore (bytes). */
export const MAX_BACKUP_FILE_BYTES = 200 * 1024 * 1024;
/** Rolling backups kept when the clerk has not chosen (setting `backup.keep`). */
export const DEFAULT_BACKUP_KEEP = 20;
export const MIN_BACKUP_KEEP = 3;
export const MAX_BACKUP_KEEP = 500;

/**
 * Why a rolling backup was taken: start (an app start after changes), daily (the first start of a day), migration
 * (before the schema was upgraded), import (before returned workbooks or a plan were imported), manual (备份 now,
 * the CLI), restore (the data as it was just before a restore replaced it).
 */
export const BACKUP_REASONS = ['start', 'daily', 'migration', 'import', 'manual', 'restore'] as const;
export type BackupReason = (typeof BACKUP_REASONS)[number];

export const BACKUP_REASON_LABELS: Record<BackupReason, string> = {
  start: '启动时',
  daily: '每日首次启动',
  migration: '升级数据库前',
  import: '导入数据前',
  manual: '手动备份',
  restore: '恢复备份前',
};

export interface BackupEntry {
  /** the file name inside the backups folder (what backup/restore's `backup` argument takes) */
  fileName: string;
  /** full path */
  path: string;
  /** when it was taken (ISO, from the name) */
  at: string;
  bytes: number;
  reason: BackupReason;
  /** Chinese, e.g. 升级数据库前（第 3 版） */
  reasonLabel: string;
  /** pruning will not delete it now (the newest, or a pre-migration / pre-restore backup under 30 days old) */
  kept: boolean;
}

/** 设置 → 数据存储 */
export interface StorageInfo {
  /** full path of the database file, or ':memory:' */
  dbFile: string;
  /** main file plus its write-ahead log */
  dbBytes: number;
  backupsDir: string | null;
  /** how many rolling backups are kept */
  keep: number;
  backupCount: number;
  backupBytes: number;
  latestBackup: BackupEntry | null;
  /** the schema version of the open database */
  schemaVersion: number;
}

export const backupFileSchema = z.strictObject({
  /** the file's name as the clerk sees it (kept in the change log) */
  name: z.string().trim().min(1).max(260),
  bytesBase64: z
    .string()
    .min(1, '备份文件是空的。')
    .max(Math.ceil((MAX_BACKUP_FILE_BYTES * 4) / 3) + 4, '文件超过 200 MB，不像是 PlanDesk 的备份文件。'),
});

/** A rolling backup by its file name as backup/list gives it (no folders). */
export const backupNameSchema = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[^/\\]+\.db$/, '备份文件名无效');

/** What to restore from: a file the clerk picked, or one of the rolling backups. */
export const restoreSourceSchema = z.union([
  z.strictObject({ file: backupFileSchema }),
  z.strictObject({ backup: backupNameSchema }),
]);
export type RestoreSource = z.infer<typeof restoreSourceSchema>;

const token = z.string().regex(/^[0-9a-f]{64}$/);
export const restoreArgsSchema = z.union([
  z.strictObject({ file: backupFileSchema, token }),
  z.strictObject({ backup: backupNameSchema, token }),
]);

export const backupKeepSchema = z.strictObject({
  keep: z.number().int().min(MIN_BACKUP_KEEP).max(MAX_BACKUP_KEEP),
});

/** One plan as a database (the open one or a backup) holds it. */
export interface PlanContents {
  id: number;
  shortName: string;
  title: string;
  firstYear: number;
  lastYear: number;
  indicators: number;
  /** stored target and actual values */
  values: number;
}

export interface DatabaseContents {
  schemaVersion: number;
  plans: PlanContents[];
  departments: number;
  changeLogEntries: number;
  /** the latest change-log entry's time (ISO), null for an empty log */
  lastChangeAt: string | null;
}

export interface RestorePreview {
  source: {
    name: string;
    bytes: number;
    sha256: string;
    /** when the backup was taken, read from a PlanDesk backup's file name; null for other names */
    takenAt: string | null;
  };
  /** what the backup holds */
  backup: DatabaseContents;
  /** true when the backup is from an older PlanDesk and will be upgraded after the restore */
  needsUpgrade: boolean;
  appSchemaVersion: number;
  /** PRAGMA integrity_check of the backup: always 'ok' here (a damaged file is refused) */
  integrity: 'ok';
  /** what the restore replaces (null when the current database cannot be read) */
  current: DatabaseContents | null;
  /** backup/restore refuses a different file or a database changed since the preview */
  token: string;
}

export interface RestoreResult {
  /** the backup of the data just replaced (null for an in-memory database) */
  safetyBackup: string | null;
  /** schema versions: of the backup, and after the upgrade */
  from: number;
  to: number;
  contents: DatabaseContents;
}
