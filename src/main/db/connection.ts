import fs from 'node:fs';
import Database from 'better-sqlite3';
import { AppError } from '../../shared/errors';
import { checkAtOpen, fileHeaderProblem } from './integrity';
import { lockedMessage, writeLockInfo } from './lock';

export type Db = Database.Database;

export interface OpenOptions {
  /** a file path, or ':memory:' */
  file: string;
  /**
   * path to a better_sqlite3.node built for the running runtime (Electron's ABI differs from Node's); default
   * PLANDESK_SQLITE_BINDING, so that every connection (backups, restore checks) loads the same build
   */
  nativeBinding?: string;
  readonly?: boolean;
  /** ':memory:' only: start from this database image (a restored backup) instead of an empty database */
  image?: Buffer;
  /** who holds the file, named to a second process that is refused (see lock.ts); default 'PlanDesk' */
  program?: string;
  /** run the integrity check (default: for a writable file) */
  check?: boolean;
  /**
   * false: a writable file opened without taking it for this process (no exclusive lock, no lock label, journal
   * mode left as it is) — for touching a fresh backup copy; default true
   */
  exclusive?: boolean;
}

/** Why a database could not be opened, for shells that offer a way out (details of a DB_ERROR AppError). */
export interface DbOpenFailure {
  kind: 'locked' | 'damaged' | 'unreadable';
  file: string;
  /** damaged: what SQLite reported */
  problems?: string[];
}

const sqliteCode = (e: unknown): string => (e as { code?: unknown }).code?.toString() ?? '';

function fail(kind: DbOpenFailure['kind'], file: string, message: string, problems?: string[]): AppError {
  const details: DbOpenFailure = problems ? { kind, file, problems } : { kind, file };
  return new AppError('DB_ERROR', message, details);
}

export function damagedMessage(file: string, problems: string[]): string {
  const first = problems[0] ?? '';
  const more = problems.length > 1 ? ` 等 ${problems.length} 处` : '';
  return `数据库文件已损坏，或不是有效的 PlanDesk 数据库：${file}（${first}${more}）。为避免读到错误的数据，已停止打开。`;
}

/** The open-time failure carried by an error, if it is one. */
export function openFailureOf(e: unknown): DbOpenFailure | null {
  if (!(e instanceof AppError) || e.code !== 'DB_ERROR') return null;
  const d = e.details as Partial<DbOpenFailure> | undefined;
  return d && typeof d.kind === 'string' && typeof d.file === 'string' ? (d as DbOpenFailure) : null;
}

/**
 * Opens a database with the pragmas every PlanDesk connection needs. A writable file is opened for this process
 * alone (locking_mode EXCLUSIVE before the first WAL access: see lock.ts) and checked (integrity.ts) before anything
 * reads from it. Failures are AppError('DB_ERROR') with a Chinese message and DbOpenFailure details.
 */
export function openDatabase(opts: OpenOptions): Db {
  const memory = opts.file === ':memory:';
  const readonly = opts.readonly ?? false;
  const own = !memory && !readonly && (opts.exclusive ?? true);
  const nativeBinding = opts.nativeBinding ?? process.env.PLANDESK_SQLITE_BINDING;
  if (own && (opts.check ?? true)) {
    // A file cut short is caught before SQLite sees it, unless a write-ahead log may still complete it.
    const wal = `${opts.file}-wal`;
    const size = fs.existsSync(opts.file) ? fs.statSync(opts.file).size : 0;
    if (size > 0 && !(fs.existsSync(wal) && fs.statSync(wal).size > 0)) {
      const problem = fileHeaderProblem(opts.file);
      if (problem) throw fail('damaged', opts.file, damagedMessage(opts.file, [problem]), [problem]);
    }
  }
  let db: Db;
  try {
    db = new Database(memory && opts.image ? opts.image : opts.file, {
      readonly,
      fileMustExist: readonly,
      // Only the lock probe waits: with the file held exclusively nobody else can make us wait later.
      timeout: 500,
      ...(nativeBinding ? { nativeBinding } : {}),
    });
  } catch (e) {
    throw fail('unreadable', opts.file, `无法打开数据库文件：${opts.file}（${(e as Error).message}）`);
  }
  try {
    if (own) {
      db.pragma('locking_mode = EXCLUSIVE');
      db.pragma('journal_mode = WAL');
    }
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    // Fails fast on a file that is not a database at all (e.g. a renamed spreadsheet).
    db.prepare('SELECT count(*) FROM sqlite_master').get();
  } catch (e) {
    db.close();
    if (/SQLITE_BUSY|SQLITE_LOCKED/.test(sqliteCode(e))) throw fail('locked', opts.file, lockedMessage(opts.file));
    const problem = (e as Error).message;
    throw fail('damaged', opts.file, damagedMessage(opts.file, [problem]), [problem]);
  }
  if (own && (opts.check ?? true)) {
    const problems = checkAtOpen(db);
    if (problems.length > 0) {
      db.close();
      throw fail('damaged', opts.file, damagedMessage(opts.file, problems), problems);
    }
  }
  if (own) writeLockInfo(opts.file, opts.program ?? 'PlanDesk');
  return db;
}
