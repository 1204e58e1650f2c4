import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { createAppContext } from '../../src/main/context';
import { openDatabase } from '../../src/main/db/connection';
import { migrate, schemaVersion } from '../../src/main/db/migrate';
import { LATEST_VERSION, MIGRATIONS } from '../../src/main/db/migrations';
import { AppError } from '../../src/shared/errors';
import { RESOURCES, fixedClock, memoryContext } from '../helpers/db';

const tmpDirs: string[] = [];
function tmpDir(): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'plandesk-mig-'));
  tmpDirs.push(d);
  return d;
}
afterEach(() => tmpDirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

describe('migrations', () => {
  it('are numbered contiguously from 1 and named after their number', () => {
    MIGRATIONS.forEach((m, i) => {
      expect(m.version).toBe(i + 1);
      expect(m.name.startsWith(String(i + 1).padStart(4, '0') + '-')).toBe(true);
      expect(m.sql.trim().length).toBeGreaterThan(0);
    });
    expect(LATEST_VERSION).toBe(MIGRATIONS.length);
  });

  it('bring a fresh database to the latest version with the expected tables', () => {
    const db = openDatabase({ file: ':memory:' });
    const r = migrate(db);
    expect(r).toEqual({ from: 0, to: LATEST_VERSION, backupFile: null });
    expect(schemaVersion(db)).toBe(LATEST_VERSION);
    const tables = (
      db.prepare(`SELECT name FROM sqlite_master WHERE type='table' ORDER BY name`).all() as { name: string }[]
    ).map((t) => t.name);
    expect(tables).toEqual(
      expect.arrayContaining([
        'plan',
        'category',
        'indicator',
        'indicator_value',
        'action',
        'action_progress',
        'task_group',
        'task',
        'task_progress',
        'task_cooperator',
        'department',
        'change_log',
        'appendix',
      ]),
    );
    expect(migrate(db)).toEqual({ from: LATEST_VERSION, to: LATEST_VERSION, backupFile: null });
    db.close();
  });

  it('sets the pragmas a safe database needs', () => {
    const file = path.join(tmpDir(), 'p.db');
    const ctx = createAppContext({ dbFile: file, resourcesDir: RESOURCES });
    expect(ctx.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(ctx.db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(ctx.db.pragma('synchronous', { simple: true })).toBe(2);
    ctx.close();
  });

  it('backs up an existing database before migrating it, and the backup holds the old data', () => {
    const dir = tmpDir();
    const file = path.join(dir, 'plandesk.db');
    // A database left at schema version 1 by an older PlanDesk, with data in it.
    const old = openDatabase({ file });
    migrate(old, { migrations: MIGRATIONS.slice(0, 1) });
    old.prepare(`INSERT INTO department (name) VALUES ('综合科')`).run();
    old.close();

    const ctx = createAppContext({
      dbFile: file,
      resourcesDir: RESOURCES,
      clock: fixedClock('2026-11-27T08:09:10.000Z'),
    });
    expect(ctx.migration).toEqual({
      from: 1,
      to: LATEST_VERSION,
      backupFile: path.join(dir, 'backups', 'plandesk-20261127-080910-v1.db'),
    });
    expect(schemaVersion(ctx.db)).toBe(LATEST_VERSION);
    // The data survives the upgrade, and an upgraded database is not seeded.
    expect(ctx.services.work.departments().map((d) => d.name)).toEqual(['综合科']);
    expect(ctx.services.plans.list()).toEqual([]);
    ctx.close();
    const copy = new Database(ctx.migration.backupFile!, { readonly: true });
    expect(copy.pragma('user_version', { simple: true })).toBe(1);
    expect(copy.prepare('SELECT name FROM department').all()).toEqual([{ name: '综合科' }]);
    expect(copy.prepare(`SELECT count(*) AS n FROM sqlite_master WHERE name = 'evaluation_override'`).get()).toEqual({
      n: 0,
    });
    copy.close();
  });

  it('does not back up or seed twice when a database is already current', () => {
    const dir = tmpDir();
    const file = path.join(dir, 'plandesk.db');
    createAppContext({ dbFile: file, resourcesDir: RESOURCES }).close();
    const ctx = createAppContext({ dbFile: file, resourcesDir: RESOURCES });
    expect(ctx.migration.backupFile).toBeNull();
    expect(ctx.services.plans.list()).toHaveLength(1);
    ctx.close();
    expect(fs.existsSync(path.join(dir, 'backups'))).toBe(false);
  });

  it('refuses a database written by a newer PlanDesk with a clear Chinese message, leaving it untouched', () => {
    const file = path.join(tmpDir(), 'future.db');
    const ctx = createAppContext({ dbFile: file, resourcesDir: RESOURCES });
    ctx.db.pragma(`user_version = ${LATEST_VERSION + 5}`);
    ctx.close();
    const before = fs.readFileSync(file);
    let error: unknown;
    try {
      createAppContext({ dbFile: file, resourcesDir: RESOURCES });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('DB_TOO_NEW');
    expect((error as AppError).message).toMatch(/更新版本的 PlanDesk/);
    expect((error as AppError).message).toContain(String(LATEST_VERSION + 5));
    const check = new Database(file, { readonly: true });
    expect(check.pragma('user_version', { simple: true })).toBe(LATEST_VERSION + 5);
    check.close();
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it('rejects a file that is not a database with a Chinese message', () => {
    const file = path.join(tmpDir(), 'not-a-db.db');
    fs.writeFileSync(file, 'PK\u0003\u0004 this is a spreadsheet, not a database'.repeat(100));
    expect(() => createAppContext({ dbFile: file, resourcesDir: RESOURCES })).toThrow(/不是有效的 PlanDesk 数据库/);
  });

  it('upgrades a version-2 database with history: old change-log entries keep their data, source empty', () => {
    const db = openDatabase({ file: ':memory:' });
    migrate(db, { migrations: MIGRATIONS.slice(0, 2) });
    db.prepare(
      `INSERT INTO change_log (at, actor, plan_id, entity, entity_id, field, op, before, after)
       VALUES ('2024-01-01T00:00:00.000Z', 'clerk', NULL, 'department', 1, NULL, 'create', NULL, '{"name":"综合科"}')`,
    ).run();
    expect(migrate(db)).toMatchObject({ from: 2, to: LATEST_VERSION });
    expect(db.prepare('SELECT entity, after, source FROM change_log').all()).toEqual([
      { entity: 'department', after: '{"name":"综合科"}', source: null },
    ]);
    const tables = db.prepare(`SELECT name FROM sqlite_master WHERE name LIKE 'year_submission%' ORDER BY name`).all();
    expect(tables).toEqual([{ name: 'year_submission' }, { name: 'year_submission_file' }]);
    // The log stays append-only after the column was added.
    expect(() => db.prepare(`UPDATE change_log SET source = 'x'`).run()).toThrow(/append-only/);
    db.close();
  });

  it('rolls a failing migration back completely, version included', () => {
    const db = openDatabase({ file: ':memory:' });
    const bad = [
      ...MIGRATIONS,
      { version: MIGRATIONS.length + 1, name: 'bad', sql: 'CREATE TABLE x (a); INSERT INTO nope VALUES (1);' },
    ];
    expect(() => migrate(db, { migrations: bad })).toThrow();
    expect(schemaVersion(db)).toBe(LATEST_VERSION);
    expect(db.prepare(`SELECT count(*) AS n FROM sqlite_master WHERE name = 'x'`).get()).toEqual({ n: 0 });
    db.close();
  });

  it('keeps the change log append-only', () => {
    const ctx = memoryContext();
    expect(() => ctx.db.exec('DELETE FROM change_log')).toThrow(/append-only/);
    expect(() => ctx.db.exec(`UPDATE change_log SET actor = 'x'`)).toThrow(/append-only/);
    ctx.close();
  });
});
