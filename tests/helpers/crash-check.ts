// Reading what a killed server left on disk. The database and its write-ahead log are copied as they are (the process
// is gone, so nothing changes under us) and the copy is opened with better-sqlite3: SQLite replays the log there as it
// would for the app, while the original files stay untouched for the restarted server to recover on its own.
//
// SIGKILL loses nothing the process handed to the kernel, so this proves the transactions and the recovery, not the
// flushing: a power cut additionally depends on fsync (synchronous=FULL) doing what the disk promises.
//
// The state is flattened to keys with a canonical text, the same for the tables and for the change log:
//   v:<indicatorId>/<year>/<kind>  indicator_value → [text, note]
//   p:<actionId>/<year>            action_progress → [text, status]
//   r:<indicatorId>                indicator.remark → remark
// An absent row is null.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';

export type State = Map<string, string | null>;

export interface LogEntry {
  id: number;
  key: string;
  op: 'create' | 'update' | 'delete';
  /** canonical text of `after` (null for a delete) */
  after: string | null;
  source: string | null;
}

export interface DiskState {
  /** PRAGMA integrity_check lines (['ok'] when whole) */
  integrity: string[];
  /** PRAGMA foreign_key_check rows */
  foreignKeyProblems: number;
  /** every present row, by key */
  state: State;
  /** change-log entries about values, progress and indicator definitions, in order */
  log: LogEntry[];
  /** the highest change_log id (every entity) */
  maxLogId: number;
  /** bytes of the database and its log as found */
  dbBytes: number;
  walBytes: number;
}

export const valueKey = (indicatorId: number, year: number, kind: string) => `v:${indicatorId}/${year}/${kind}`;
export const progressKey = (actionId: number, year: number) => `p:${actionId}/${year}`;
export const remarkKey = (indicatorId: number) => `r:${indicatorId}`;
export const valueState = (text: string, note: string | null) => JSON.stringify([text, note]);
export const progressState = (text: string, status: string | null) => JSON.stringify([text, status]);
export const remarkState = (remark: string | null) => JSON.stringify(remark);

const size = (f: string) => (fs.existsSync(f) ? fs.statSync(f).size : 0);

/** Copies the database file and whatever journal SQLite left beside it into `scratch` (emptied first). */
export function copyDatabase(dbFile: string, scratch: string): string {
  fs.rmSync(scratch, { recursive: true, force: true });
  fs.mkdirSync(scratch, { recursive: true });
  const copy = path.join(scratch, path.basename(dbFile));
  // Not -shm: it only indexes the log and is rebuilt from it (in exclusive mode it does not even exist).
  for (const suffix of ['', '-wal', '-journal']) {
    if (fs.existsSync(dbFile + suffix)) fs.copyFileSync(dbFile + suffix, copy + suffix);
  }
  return copy;
}

function logKey(entity: string, entityId: number, field: string | null): string | null {
  if (entity === 'indicator_value') return `v:${entityId}/${field}`;
  if (entity === 'action_progress') return `p:${entityId}/${field}`;
  if (entity === 'indicator') return remarkKey(entityId);
  return null;
}

function canonicalAfter(key: string, after: string | null): string | null {
  if (after === null) return null;
  const a = JSON.parse(after) as {
    text?: string;
    note?: string | null;
    status?: string | null;
    remark?: string | null;
  };
  if (key.startsWith('v:')) return valueState(a.text!, a.note ?? null);
  if (key.startsWith('p:')) return progressState(a.text!, a.status ?? null);
  return remarkState(a.remark ?? null);
}

/** Opens a copy of the files and reads everything the crash tests compare. */
export function readDisk(dbFile: string, scratch: string): DiskState {
  const dbBytes = size(dbFile);
  const walBytes = size(`${dbFile}-wal`);
  const db = new Database(copyDatabase(dbFile, scratch));
  try {
    const integrity = (db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check);
    const foreignKeyProblems = (db.pragma('foreign_key_check') as unknown[]).length;
    const state: State = new Map();
    const values = db.prepare('SELECT indicator_id AS i, year, kind, text, note FROM indicator_value').all() as {
      i: number;
      year: number;
      kind: string;
      text: string;
      note: string | null;
    }[];
    for (const v of values) state.set(valueKey(v.i, v.year, v.kind), valueState(v.text, v.note));
    const progress = db.prepare('SELECT action_id AS a, year, text, status FROM action_progress').all() as {
      a: number;
      year: number;
      text: string;
      status: string | null;
    }[];
    for (const p of progress) state.set(progressKey(p.a, p.year), progressState(p.text, p.status));
    const remarks = db.prepare('SELECT id, remark FROM indicator').all() as { id: number; remark: string | null }[];
    for (const r of remarks) state.set(remarkKey(r.id), remarkState(r.remark));
    const rows = db
      .prepare(
        `SELECT id, entity, entity_id AS entityId, field, op, after, source FROM change_log
          WHERE entity IN ('indicator_value', 'action_progress', 'indicator') ORDER BY id`,
      )
      .all() as {
      id: number;
      entity: string;
      entityId: number;
      field: string | null;
      op: LogEntry['op'];
      after: string | null;
      source: string | null;
    }[];
    const log: LogEntry[] = [];
    for (const r of rows) {
      const key = logKey(r.entity, r.entityId, r.field);
      if (key) log.push({ id: r.id, key, op: r.op, after: canonicalAfter(key, r.after), source: r.source });
    }
    const maxLogId = (db.prepare('SELECT coalesce(max(id), 0) AS m FROM change_log').get() as { m: number }).m;
    return { integrity, foreignKeyProblems, state, log, maxLogId, dbBytes, walBytes };
  } finally {
    db.close();
  }
}

/**
 * Every stored value has its log entry: the last entry for a key describes exactly what is stored (a delete: nothing
 * stored); a key never logged still holds what the fresh database held. Returns the disagreements.
 */
export function logMismatches(disk: DiskState, initial: State): string[] {
  const last = new Map<string, LogEntry>();
  for (const e of disk.log) last.set(e.key, e);
  const keys = new Set([...disk.state.keys(), ...last.keys(), ...initial.keys()]);
  const problems: string[] = [];
  for (const key of keys) {
    const stored = disk.state.get(key) ?? null;
    const entry = last.get(key);
    const expected = entry ? (entry.op === 'delete' ? null : entry.after) : (initial.get(key) ?? null);
    if (stored !== expected) {
      problems.push(
        `${key}: stored ${stored} but ${entry ? `last log entry #${entry.id} (${entry.op}) says` : 'never logged, fresh database had'} ${expected}`,
      );
    }
  }
  return problems;
}

/** The keys whose stored state differs from `expected` (both as flattened states). */
export function differences(stored: State, expected: State, keys?: Iterable<string>): string[] {
  const all = keys ? [...keys] : [...new Set([...stored.keys(), ...expected.keys()])];
  return all
    .filter((k) => (stored.get(k) ?? null) !== (expected.get(k) ?? null))
    .map((k) => `${k}: stored ${stored.get(k) ?? null}, expected ${expected.get(k) ?? null}`);
}
