// Is a database file whole, and what does it hold? Used at every open (a damaged database is caught before anything
// reads from it) and on a backup before it may replace the data.
import fs from 'node:fs';
import type { DatabaseContents, PlanContents } from '../../shared/backup';
import type { Db } from './connection';

const MAGIC = Buffer.from('SQLite format 3\0', 'latin1');
/** Below this size the full integrity_check runs at open (the seed database: 0.2 MB, under 1 ms); above, quick_check. */
export const FULL_CHECK_MAX_BYTES = 64 * 1024 * 1024;
/** How many of SQLite's problem lines are kept (a badly damaged file reports thousands). */
const MAX_PROBLEMS = 10;

/**
 * Looks at the 100-byte header only. Returns why the bytes cannot be a whole SQLite database, or null.
 * A file cut short (a copy interrupted, a full USB stick) is recognised by the page count the header promises.
 */
export function headerProblem(head: Uint8Array, fileBytes: number): string | null {
  if (fileBytes === 0) return '文件是空的（0 字节）';
  if (fileBytes < 100 || !Buffer.from(head.subarray(0, 16)).equals(MAGIC)) {
    return '不是 SQLite 数据库文件（文件开头不是 SQLite 的标志）';
  }
  const b = Buffer.from(head);
  const rawPageSize = b.readUInt16BE(16);
  const pageSize = rawPageSize === 1 ? 65536 : rawPageSize;
  if (pageSize < 512 || (pageSize & (pageSize - 1)) !== 0) return '文件头已损坏（页大小无效）';
  const pages = b.readUInt32BE(28);
  // The in-header size is valid when the change counter matches "version-valid-for" (SQLite 3.7.0 and later).
  const valid = pages > 0 && b.readUInt32BE(24) === b.readUInt32BE(92);
  if (fileBytes % pageSize !== 0 || (valid && fileBytes < pages * pageSize)) {
    const expected = valid ? `应有 ${pages * pageSize} 字节，实际只有 ${fileBytes} 字节` : `${fileBytes} 字节`;
    return `文件不完整，可能在复制或保存时被截断（${expected}）`;
  }
  return null;
}

export function fileHeaderProblem(file: string): string | null {
  const fd = fs.openSync(file, 'r');
  try {
    const size = fs.fstatSync(fd).size;
    const head = Buffer.alloc(100);
    fs.readSync(fd, head, 0, 100, 0);
    return headerProblem(head, size);
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Runs SQLite's own check and returns its complaints ([] when the file is whole). `full` runs integrity_check (also
 * verifies indexes and constraints), otherwise quick_check (every page and record, O(N)).
 */
export function integrityProblems(db: Db, full: boolean): string[] {
  try {
    const rows = db.pragma(`${full ? 'integrity_check' : 'quick_check'}(${MAX_PROBLEMS})`) as Record<string, string>[];
    const lines = rows.map((r) => String(Object.values(r)[0]));
    return lines.length === 1 && lines[0] === 'ok' ? [] : lines;
  } catch (e) {
    // A damaged schema page or a missing page makes the check itself fail.
    return [(e as Error).message];
  }
}

/** integrity_check on small databases, quick_check on large ones. */
export function checkAtOpen(db: Db): string[] {
  const bytes =
    (db.pragma('page_count', { simple: true }) as number) * (db.pragma('page_size', { simple: true }) as number);
  return integrityProblems(db, bytes <= FULL_CHECK_MAX_BYTES);
}

const hasTable = (db: Db, name: string) =>
  db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?`).get(name) !== undefined;

/** Does the database look like PlanDesk's (any schema version)? */
export function isPlanDeskSchema(db: Db): boolean {
  return ['plan', 'indicator', 'indicator_value', 'change_log'].every((t) => hasTable(db, t));
}

/** What a PlanDesk database holds, with SQL that works on every schema version since 1. */
export function databaseContents(db: Db): DatabaseContents {
  const plans = db
    .prepare(
      `SELECT p.id, p.short_name AS shortName, p.title, p.first_year AS firstYear, p.last_year AS lastYear,
              (SELECT count(*) FROM indicator i WHERE i.plan_id = p.id) AS indicators,
              (SELECT count(*) FROM indicator_value v JOIN indicator i ON i.id = v.indicator_id
                WHERE i.plan_id = p.id) AS "values"
         FROM plan p ORDER BY p.first_year DESC, p.id`,
    )
    .all() as PlanContents[];
  const log = db.prepare(`SELECT count(*) AS n, max(id) AS last FROM change_log`).get() as {
    n: number;
    last: number | null;
  };
  const lastAt =
    log.last === null
      ? null
      : (db.prepare(`SELECT at FROM change_log WHERE id = ?`).get(log.last) as { at: string } | undefined)?.at;
  return {
    schemaVersion: db.pragma('user_version', { simple: true }) as number,
    plans,
    departments: hasTable(db, 'department')
      ? (db.prepare(`SELECT count(*) AS n FROM department`).get() as { n: number }).n
      : 0,
    changeLogEntries: log.n,
    lastChangeAt: lastAt ?? null,
  };
}

/**
 * A cheap fingerprint of the data: every write appends to the change log (tests/main/audit.test.ts), so the schema
 * version and the last log entry identify the content well enough to skip a backup identical to the previous one.
 */
export function contentFingerprint(db: Db): string {
  const v = db.pragma('user_version', { simple: true }) as number;
  const last = db.prepare(`SELECT id, at FROM change_log ORDER BY id DESC LIMIT 1`).get() as
    { id: number; at: string } | undefined;
  const n = (db.prepare(`SELECT count(*) AS n FROM change_log`).get() as { n: number }).n;
  return `v${v}/${n}/${last?.id ?? 0}/${last?.at ?? ''}`;
}
