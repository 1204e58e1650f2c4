// Settings kept in the database (migration 0005), as JSON values by key. SQL only.
import type { Db } from './connection';

const hasSettingTable = (db: Db) =>
  db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'setting'`).get() !== undefined;

export function getSetting(db: Db, key: string): unknown {
  if (!hasSettingTable(db)) return undefined;
  const row = db.prepare(`SELECT value FROM setting WHERE key = ?`).get(key) as { value: string } | undefined;
  return row === undefined ? undefined : (JSON.parse(row.value) as unknown);
}

export function setSetting(db: Db, key: string, value: unknown): void {
  db.prepare(
    `INSERT INTO setting (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
  ).run(key, JSON.stringify(value));
}

export function deleteSetting(db: Db, key: string): void {
  if (hasSettingTable(db)) db.prepare(`DELETE FROM setting WHERE key = ?`).run(key);
}
