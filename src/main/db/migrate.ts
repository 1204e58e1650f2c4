import { AppError } from '../../shared/errors';
import type { Db } from './connection';
import { MIGRATIONS, LATEST_VERSION, type Migration } from './migrations';

export interface MigrateResult {
  from: number;
  to: number;
  backupFile: string | null;
}

export interface MigrateOptions {
  /** called before the first migration of a database that already has data; returns the backup path */
  backup?: (fromVersion: number) => string;
  migrations?: readonly Migration[];
}

export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/**
 * Brings the schema to the latest version. Each migration and its version bump run in one transaction.
 * A database written by a newer PlanDesk is refused rather than touched.
 */
export function migrate(db: Db, opts: MigrateOptions = {}): MigrateResult {
  const migrations = opts.migrations ?? MIGRATIONS;
  const latest = opts.migrations ? migrations.length : LATEST_VERSION;
  const from = schemaVersion(db);
  if (from > latest) {
    throw new AppError(
      'DB_TOO_NEW',
      `此数据库由更新版本的 PlanDesk 创建（数据库版本 ${from}，本程序支持到 ${latest}）。为避免损坏数据，已拒绝打开。请升级 PlanDesk 后再打开此文件。`,
      { dbVersion: from, appVersion: latest },
    );
  }
  if (from === latest) return { from, to: latest, backupFile: null };
  const backupFile = from > 0 && opts.backup ? opts.backup(from) : null;
  for (const m of migrations.slice(from)) {
    db.transaction(() => {
      db.exec(m.sql);
      db.pragma(`user_version = ${m.version}`);
    })();
  }
  return { from, to: latest, backupFile };
}
