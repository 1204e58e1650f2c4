// Rolling backups (issue 7, item 2): real database files in a temporary folder, real VACUUM INTO copies.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { createAppContext, type AppContext } from '../../src/main/context';
import { backupDatabase, backupPath, listBackups, parseBackupName, pruneBackups } from '../../src/main/db/backup';
import { openDatabase } from '../../src/main/db/connection';
import { migrate } from '../../src/main/db/migrate';
import { LATEST_VERSION, MIGRATIONS } from '../../src/main/db/migrations';
import { dispatch } from '../../src/main/ipc/dispatch';
import { handlers } from '../../src/main/ipc/handlers';
import { isFileChannel, type ArgsIn, type Channel, type Result } from '../../src/shared/api';
import { DEFAULT_BACKUP_KEEP } from '../../src/shared/backup';
import { RESOURCES, fixedClock } from '../helpers/db';

// The daily backup follows the clerk's calendar day: pin the zone so the times below fall where they say.
process.env.TZ = 'Asia/Shanghai';

const tmpDirs: string[] = [];
const open: AppContext[] = [];
afterEach(() => {
  open.splice(0).forEach((c) => c.close());
  tmpDirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true }));
});

function dbInTmp(): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'plandesk-backup-'));
  tmpDirs.push(d);
  return path.join(d, 'plandesk.db');
}

function context(file: string, clock: ReturnType<typeof fixedClock>, startupBackup = false): AppContext {
  const ctx = createAppContext({ dbFile: file, resourcesDir: RESOURCES, clock, actor: 'tester', startupBackup });
  open.push(ctx);
  return ctx;
}

function closeAll() {
  open.splice(0).forEach((c) => c.close());
}

async function call<C extends Channel>(ctx: AppContext, channel: C, args: ArgsIn<C>): Promise<Result<C>> {
  const r = await dispatch(handlers, ctx, channel, args, () => undefined);
  if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message}`);
  return r.data as Result<C>;
}

function edit(ctx: AppContext, text: string, actor = 'tester') {
  const plan = ctx.services.plans.get('十四五');
  ctx.services.indicators.updateValues(
    plan.plan.id,
    [{ indicatorId: plan.indicators[0]!.id, year: 2023, kind: 'actual', text }],
    actor,
  );
}

const reasons = (file: string) => listBackups(file, 1000, new Date('2100-01-01')).map((e) => e.reason);

describe('backup files', () => {
  it('are named by database, UTC time and reason, and read back', () => {
    const file = '/data/plandesk.db';
    const p = backupPath(file, new Date('2026-11-27T18:30:05.000Z'), 'daily');
    expect(p).toBe(path.join('/data', 'backups', 'plandesk-20261127-183005-daily.db'));
    expect(parseBackupName(file, path.basename(p))).toMatchObject({
      at: '2026-11-27T18:30:05.000Z',
      reason: 'daily',
      n: 0,
    });
    expect(parseBackupName(file, 'plandesk-20261127-183005-v3-2.db')).toMatchObject({
      reason: 'migration',
      version: 3,
      n: 2,
    });
    expect(parseBackupName(file, 'other-20261127-183005-daily.db')).toBeNull();
    expect(parseBackupName(file, 'plandesk-20261127-183005-bogus.db')).toBeNull();
    expect(parseBackupName(file, 'notes.txt')).toBeNull();
  });

  it('are whole, consistent copies written under their final name only when complete', () => {
    const file = dbInTmp();
    const ctx = context(file, fixedClock());
    edit(ctx, '42');
    const made = ctx.services.backups.create('manual')!;
    expect(made).toMatchObject({ reason: 'manual', reasonLabel: '手动备份', kept: true });
    expect(fs.readdirSync(path.dirname(made.path))).toEqual([made.fileName]); // no temporary file left
    const copy = new Database(made.path, { readonly: true });
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(copy.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    expect(copy.prepare(`SELECT text FROM indicator_value WHERE year = 2023 AND kind = 'actual'`).all()).toEqual([
      { text: '42' },
    ]);
    // The copy knows when it was taken (for the restore preview); the live database does not carry that.
    expect(copy.prepare(`SELECT value FROM setting WHERE key = 'backup.takenAt'`).get()).toEqual({
      value: JSON.stringify('2026-11-27T08:00:00.000Z'),
    });
    copy.close();
    expect(ctx.db.prepare(`SELECT count(*) AS n FROM setting`).get()).toEqual({ n: 0 });
    // Same second: a suffix, never an overwrite.
    const again = ctx.services.backups.create('manual')!;
    expect(again.fileName).toBe('plandesk-20261127-080000-manual-1.db');
    expect(ctx.services.backups.list().map((e) => e.fileName)).toEqual([again.fileName, made.fileName]);
  });

  it('keep the newest N (default 20), a setting changed through settings/set-backup-keep and logged', async () => {
    const file = dbInTmp();
    const clock = fixedClock('2026-03-01T08:00:00.000Z');
    const ctx = context(file, clock);
    for (let i = 0; i < 25; i++) {
      clock.set(new Date(Date.parse('2026-03-01T08:00:00.000Z') + i * 3600_000).toISOString());
      ctx.services.backups.create('manual');
    }
    let list = ctx.services.backups.list();
    expect(list).toHaveLength(DEFAULT_BACKUP_KEEP);
    expect(list[0]!.at).toBe('2026-03-02T08:00:00.000Z');
    expect(list.every((e) => e.kept)).toBe(true);

    const storage = await call(ctx, 'settings/set-backup-keep', { keep: 5 });
    expect(storage).toMatchObject({ keep: 5, backupCount: 5, dbFile: path.resolve(file) });
    list = ctx.services.backups.list();
    expect(list.map((e) => e.at)).toEqual(
      [24, 23, 22, 21, 20].map((h) => new Date(Date.parse('2026-03-01T08:00:00.000Z') + h * 3600_000).toISOString()),
    );
    const logged = ctx.services.changeLog.list({ limit: 1, offset: 0 }).entries[0]!;
    expect(logged).toMatchObject({ entity: 'setting', field: 'backup.keep', op: 'update', actor: 'tester' });
    expect(logged.before).toEqual({ keep: 20 });
    expect(logged.after).toEqual({ keep: 5 });

    // Out of range: refused in Chinese, nothing changed.
    for (const keep of [0, 2, 501, 3.5]) {
      const r = await dispatch(handlers, ctx, 'settings/set-backup-keep', { keep }, () => undefined);
      expect(r.ok).toBe(false);
    }
    expect(ctx.services.backups.keep()).toBe(5);
    // The setting lives in the database: it survives a restart.
    closeAll();
    expect(context(file, clock).services.backups.keep()).toBe(5);
  });

  it('never prune the newest, nor a pre-migration or pre-restore backup younger than 30 days', () => {
    const file = dbInTmp();
    const clock = fixedClock('2026-01-01T08:00:00.000Z');
    const ctx = context(file, clock);
    const at = (iso: string, label: string) => backupDatabase(ctx.db, backupPath(file, new Date(iso), label));
    at('2025-10-01T00:00:00.000Z', 'v2'); // old pre-migration: may go
    at('2025-12-20T00:00:00.000Z', 'v3'); // 12 days old: stays
    at('2025-12-21T00:00:00.000Z', 'restore'); // stays
    at('2025-11-01T00:00:00.000Z', 'restore'); // old: may go
    for (let d = 22; d <= 31; d++) at(`2025-12-${d}T00:00:00.000Z`, 'daily');
    const now = new Date('2026-01-01T08:00:00.000Z');
    const deleted = pruneBackups(file, 3, now).map((p) => path.basename(p));
    expect(deleted.sort()).toEqual(
      [
        'plandesk-20251001-000000-v2.db',
        'plandesk-20251101-000000-restore.db',
        ...[22, 23, 24, 25, 26, 27, 28].map((d) => `plandesk-202512${d}-000000-daily.db`),
      ].sort(),
    );
    expect(listBackups(file, 3, now).map((e) => e.fileName)).toEqual([
      'plandesk-20251231-000000-daily.db',
      'plandesk-20251230-000000-daily.db',
      'plandesk-20251229-000000-daily.db',
      'plandesk-20251221-000000-restore.db',
      'plandesk-20251220-000000-v3.db',
    ]);
    // Even with nothing to keep, the newest stays.
    pruneBackups(file, 0, new Date('2027-01-01'));
    expect(listBackups(file, 0, now).map((e) => e.fileName)).toEqual(['plandesk-20251231-000000-daily.db']);
    // Files that are not backups of this database are never touched.
    fs.writeFileSync(path.join(path.dirname(file), 'backups', 'notes.txt'), 'x');
    fs.writeFileSync(path.join(path.dirname(file), 'backups', 'other-20200101-000000-daily.db'), 'x');
    pruneBackups(file, 0, new Date('2027-01-01'));
    expect(fs.readdirSync(path.join(path.dirname(file), 'backups')).sort()).toEqual([
      'notes.txt',
      'other-20200101-000000-daily.db',
      'plandesk-20251231-000000-daily.db',
    ]);
  });

  it('at start: none for a new database or unchanged data, daily on the first start of a day, else hourly at most', () => {
    const file = dbInTmp();
    const clock = fixedClock('2026-05-04T04:00:00.000Z');
    const start = () => {
      closeAll();
      return context(file, clock, true);
    };
    start(); // a new database holds only the embedded plan: nothing to lose
    expect(reasons(file)).toEqual([]);
    start(); // the first backup of the data
    expect(reasons(file)).toEqual(['daily']);
    clock.set('2026-05-04T04:30:00.000Z');
    start(); // unchanged since that backup
    expect(reasons(file)).toEqual(['daily']);
    edit(open[0]!, '1');
    clock.set('2026-05-04T04:45:00.000Z');
    start(); // changed, but the newest backup is under an hour old
    expect(reasons(file)).toEqual(['daily']);
    clock.set('2026-05-04T05:30:00.000Z');
    start(); // changed, over an hour since the newest backup
    expect(reasons(file)).toEqual(['start', 'daily']);
    edit(open[0]!, '2');
    clock.set('2026-05-05T04:00:00.000Z');
    start(); // next day
    expect(reasons(file)).toEqual(['daily', 'start', 'daily']);
    clock.set('2026-05-06T04:00:00.000Z');
    start(); // next day again, but nothing changed
    expect(reasons(file)).toEqual(['daily', 'start', 'daily']);
    const newest = new Database(listBackups(file, 100, new Date())[0]!.path, { readonly: true });
    expect(newest.prepare(`SELECT text FROM indicator_value WHERE year = 2023 AND kind = 'actual'`).get()).toEqual({
      text: '2',
    });
    newest.close();
  });

  it('are taken before a migration (labelled with the old version) and pruned with the others', () => {
    const file = dbInTmp();
    const old = openDatabase({ file });
    migrate(old, { migrations: MIGRATIONS.slice(0, 2) });
    old.close();
    const ctx = context(file, fixedClock('2026-11-27T08:09:10.000Z'));
    expect(ctx.migration.backupFile).toBe(path.join(path.dirname(file), 'backups', 'plandesk-20261127-080910-v2.db'));
    expect(ctx.services.backups.list()).toEqual([
      expect.objectContaining({ reason: 'migration', reasonLabel: '升级数据库前（第 2 版）', kept: true }),
    ]);
  });

  it('are taken before an import is applied (the import service callback)', async () => {
    const file = dbInTmp();
    const ctx = context(file, fixedClock());
    const plan = ctx.services.plans.get('十四五');
    const indicatorId = plan.indicators[0]!.id;
    ctx.services.indicators.updateValues(plan.plan.id, [{ indicatorId, year: 2022, kind: 'actual', text: '3.3' }], 's');
    const xlsx = await ctx.services.reports.exportAnnual(plan.plan.id, 2022, 'xlsx');
    ctx.services.indicators.updateValues(plan.plan.id, [{ indicatorId, year: 2022, kind: 'actual', text: '' }], 's');
    const files = [{ name: 'a.xlsx', bytes: xlsx.bytes }];
    const preview = await ctx.services.imports.preview(plan.plan.id, files);
    await ctx.services.imports.apply(plan.plan.id, files, preview.token, 'tester');
    expect(reasons(file)).toEqual(['import']);
    // The backup holds the data from before the import.
    const copy = new Database(listBackups(file, 10, new Date())[0]!.path, { readonly: true });
    expect(
      copy.prepare(`SELECT count(*) AS n FROM indicator_value WHERE year = 2022 AND kind = 'actual'`).get(),
    ).toEqual({ n: 0 });
    copy.close();
  });

  it('backup/list, backup/create, settings/storage and backup/export through the contract', async () => {
    const file = dbInTmp();
    const ctx = context(file, fixedClock());
    expect(await call(ctx, 'backup/list', {})).toEqual([]);
    const made = await call(ctx, 'backup/create', {});
    expect(made).toMatchObject({ reason: 'manual', reasonLabel: '手动备份' });
    expect(await call(ctx, 'backup/list', {})).toEqual([made]);
    const storage = await call(ctx, 'settings/storage', {});
    expect(storage).toMatchObject({
      dbFile: path.resolve(file),
      backupsDir: path.join(path.dirname(path.resolve(file)), 'backups'),
      keep: 20,
      backupCount: 1,
      latestBackup: made,
      schemaVersion: LATEST_VERSION,
    });
    expect(storage.dbBytes).toBeGreaterThan(100_000);
    expect(storage.backupBytes).toBe(made!.bytes);

    expect(isFileChannel('backup/export')).toBe(true);
    const exported = await call(ctx, 'backup/export', {});
    expect(exported.fileName).toMatch(/^PlanDesk备份-\d{8}-\d{4}\.db$/);
    expect(exported.mimeType).toBe('application/vnd.sqlite3');
    const bytes = Buffer.from(exported.bytesBase64!, 'base64');
    expect(bytes.subarray(0, 16).toString('latin1')).toBe('SQLite format 3\0');
    const copy = new Database(bytes);
    expect(copy.prepare('SELECT short_name AS s FROM plan').all()).toEqual([{ s: '十四五' }]);
    copy.close();
    // Exporting writes no rolling backup and leaves nothing in the database folder.
    expect(ctx.services.backups.list()).toHaveLength(1);
    expect(fs.readdirSync(path.dirname(file)).sort()).toEqual([
      'backups',
      'plandesk.db',
      'plandesk.db-wal',
      'plandesk.db.lock',
    ]);
  });

  it('are not taken for an in-memory database', async () => {
    const ctx = createAppContext({ dbFile: ':memory:', resourcesDir: RESOURCES, startupBackup: true });
    open.push(ctx);
    expect(await call(ctx, 'backup/create', {})).toBeNull();
    expect(await call(ctx, 'backup/list', {})).toEqual([]);
    expect(await call(ctx, 'settings/storage', {})).toMatchObject({ dbFile: ':memory:', backupsDir: null });
  });
});
