import Database from 'better-sqlite3';
import { AppError } from '../../shared/errors';

export type Db = Database.Database;

export interface OpenOptions {
  /** a file path, or ':memory:' */
  file: string;
  /** path to a better_sqlite3.node built for the running runtime (Electron's ABI differs from Node's) */
  nativeBinding?: string;
  readonly?: boolean;
}

/** Opens a database with the pragmas every PlanDesk connection needs. */
export function openDatabase(opts: OpenOptions): Db {
  let db: Db;
  try {
    db = new Database(opts.file, {
      readonly: opts.readonly ?? false,
      fileMustExist: opts.readonly ?? false,
      ...(opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {}),
    });
  } catch (e) {
    throw new AppError('DB_ERROR', `无法打开数据库文件：${opts.file}（${(e as Error).message}）`);
  }
  try {
    if (opts.file !== ':memory:' && !opts.readonly) db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    // Fails fast on a file that is not a database at all (e.g. a renamed spreadsheet).
    db.prepare('SELECT count(*) FROM sqlite_master').get();
  } catch (e) {
    db.close();
    throw new AppError('DB_ERROR', `文件不是有效的 PlanDesk 数据库：${opts.file}（${(e as Error).message}）`);
  }
  return db;
}
