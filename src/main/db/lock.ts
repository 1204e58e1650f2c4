// One writer per database file (issue 7, item 3).
//
// The lock itself is SQLite's: every connection PlanDesk opens on a file runs in `locking_mode = EXCLUSIVE` set before
// the first WAL access, so SQLite keeps the WAL index in the process's own memory and holds an EXCLUSIVE lock on the
// file for as long as the connection is open. Any other process — a second PlanDesk, the CLI, the browser version, a
// SQLite viewer — gets SQLITE_BUSY on its first read. The operating system drops that lock when the process dies
// (a crash, a power cut, kill -9), so there is never a stale lock to clean up.
//
// The lock *file* (`plandesk.db.lock`) is only a label: who holds the lock (program, PID, start time, computer), so
// the refusal can say which program to close. It is written after SQLite granted the lock and removed on close; one
// left behind by a crash is simply overwritten by the next owner and never stops anyone.
import fs from 'node:fs';
import os from 'node:os';

export interface LockHolder {
  pid: number;
  /** e.g. PlanDesk 桌面版 */
  program: string;
  /** ISO time the holder opened the database */
  since: string;
  host: string;
}

export const lockFileOf = (dbFile: string): string => `${dbFile}.lock`;

export function writeLockInfo(dbFile: string, program: string): void {
  const info: LockHolder = { pid: process.pid, program, since: new Date().toISOString(), host: os.hostname() };
  try {
    fs.writeFileSync(lockFileOf(dbFile), JSON.stringify(info));
  } catch {
    // Only a label: a read-only folder must not stop the app (SQLite's lock still protects the data).
  }
}

export function readLockInfo(dbFile: string): LockHolder | null {
  try {
    const v = JSON.parse(fs.readFileSync(lockFileOf(dbFile), 'utf8')) as Partial<LockHolder>;
    if (typeof v.pid !== 'number' || typeof v.program !== 'string' || typeof v.since !== 'string') return null;
    return { pid: v.pid, program: v.program, since: v.since, host: typeof v.host === 'string' ? v.host : '' };
  } catch {
    return null;
  }
}

/** Removes the label if this process wrote it. */
export function removeLockInfo(dbFile: string): void {
  if (readLockInfo(dbFile)?.pid === process.pid) fs.rmSync(lockFileOf(dbFile), { force: true });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

const localTime = (iso: string): string => {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
};

/** The refusal a second process gets, naming the holder when the label is current. */
export function lockedMessage(dbFile: string): string {
  const rule = '同一个数据库文件同一时间只能由一个程序打开，以免修改互相覆盖。';
  const h = readLockInfo(dbFile);
  const here = h !== null && (h.host === '' || h.host === os.hostname());
  if (h && (!here || isAlive(h.pid))) {
    const where = here ? '' : `，计算机“${h.host}”`;
    return `数据库“${dbFile}”正由 ${h.program} 使用（进程 ${h.pid}${where}，${localTime(h.since)} 打开）。${rule}请先关闭该程序（桌面版请关闭窗口，浏览器版请在其命令窗口按 Ctrl+C），再重试。`;
  }
  return `数据库“${dbFile}”正被其他程序占用（例如另一个 PlanDesk 或 SQLite 查看工具）。${rule}请先关闭该程序，再重试。`;
}
