// A damaged database at start (issue 7, item 2): real database files with pages overwritten or cut short, as a
// failing disk or an interrupted copy leaves them. Detected at open, never a crash, the latest good backup offered
// and put in place with the damaged file kept.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { main } from '../../src/main/cli';
import { createAppContext, type AppContext } from '../../src/main/context';
import { backupDatabase, backupPath } from '../../src/main/db/backup';
import { openFailureOf } from '../../src/main/db/connection';
import { LATEST_VERSION } from '../../src/main/db/migrations';
import { recoverFromLatestBackup, type DamagedDetails } from '../../src/main/db/recover';
import { AppError } from '../../src/shared/errors';
import { RESOURCES, fixedClock } from '../helpers/db';

const tmpDirs: string[] = [];
afterEach(() => tmpDirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

function dbInTmp(): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'plandesk-damaged-'));
  tmpDirs.push(d);
  return path.join(d, 'plandesk.db');
}

const context = (file: string, clock = fixedClock()): AppContext =>
  createAppContext({ dbFile: file, resourcesDir: RESOURCES, clock, actor: 'tester' });

function edit(ctx: AppContext, text: string) {
  const plan = ctx.services.plans.get('十四五');
  ctx.services.indicators.updateValues(
    plan.plan.id,
    [{ indicatorId: plan.indicators[0]!.id, year: 2023, kind: 'actual', text }],
    'tester',
  );
}

const firstValue = (ctx: AppContext) =>
  ctx.services.plans.get('十四五').indicators[0]!.values.find((v) => v.year === 2023 && v.kind === 'actual')?.text;

/** Overwrites `count` pages from `first` (1-based; default: the middle of the file) in place. */
function damage(file: string, count = 3, first?: number) {
  const fd = fs.openSync(file, 'r+');
  try {
    const head = Buffer.alloc(100);
    fs.readSync(fd, head, 0, 100, 0);
    const pageSize = head.readUInt16BE(16);
    const pages = fs.fstatSync(fd).size / pageSize;
    const start = first ?? Math.floor(pages / 2);
    const junk = Buffer.alloc(pageSize * count, 0xa5);
    fs.writeSync(fd, junk, 0, junk.length, (start - 1) * pageSize);
  } finally {
    fs.closeSync(fd);
  }
}

/** A database with a value, a good backup of it at 08:00, then a later edit; closed (WAL checkpointed). */
function withBackup(): { file: string; backup: string } {
  const file = dbInTmp();
  const ctx = context(file, fixedClock('2026-04-01T08:00:00.000Z'));
  edit(ctx, '1');
  const backup = ctx.services.backups.create('daily')!.path;
  edit(ctx, '2');
  ctx.close();
  return { file, backup };
}

function openError(file: string): AppError {
  try {
    context(file).close();
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('a damaged database was opened');
}

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (s) => out.push(s), err: (s) => err.push(s) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('a damaged database at start', () => {
  it('is detected by the integrity check, left untouched, and the latest good backup is named', () => {
    const { file, backup } = withBackup();
    damage(file);
    const bytes = fs.readFileSync(file);
    const e = openError(file);
    expect(e.code).toBe('DB_ERROR');
    expect(e.message).toMatch(/^数据库文件已损坏，或不是有效的 PlanDesk 数据库：/);
    expect(e.message).toContain(`最近一次完好的备份是 ${path.basename(backup)}（`);
    expect(e.message).toMatch(/每日首次启动）/);
    const details = openFailureOf(e) as DamagedDetails;
    expect(details).toMatchObject({ kind: 'damaged', file, latestBackup: { path: backup, reason: 'daily' } });
    expect(details.problems!.length).toBeGreaterThan(0);
    expect(fs.readFileSync(file).equals(bytes)).toBe(true);
    expect(fs.existsSync(`${file}.lock`)).toBe(false);
  });

  it('is detected when the first page (the header and schema) is overwritten, or the file is cut short', () => {
    const a = withBackup().file;
    damage(a, 1, 1);
    expect(openFailureOf(openError(a))).toMatchObject({ kind: 'damaged' });
    const b = withBackup().file;
    const size = fs.statSync(b).size;
    fs.truncateSync(b, Math.floor(size / 2 / 4096) * 4096);
    const e = openError(b);
    expect(openFailureOf(e)).toMatchObject({ kind: 'damaged', latestBackup: { reason: 'daily' } });
    expect(e.message).toMatch(/截断/);
  });

  it('says so when there is no backup to offer', () => {
    const file = dbInTmp();
    context(file).close();
    damage(file);
    const e = openError(file);
    expect(e.message).toMatch(/没有找到可用的备份。请不要删除该文件/);
    expect(openFailureOf(e)).toMatchObject({ kind: 'damaged', latestBackup: null });
    expect(() => recoverFromLatestBackup(file)).toThrow(/没有找到可用的备份/);
  });

  it('recoverFromLatestBackup puts the newest good backup in place and keeps the damaged file', () => {
    const { file, backup } = withBackup();
    // Newer backups that cannot be used: one damaged, one from a newer PlanDesk.
    const ctx = context(file, fixedClock('2026-04-01T09:00:00.000Z'));
    const broken = ctx.services.backups.create('manual')!.path;
    const future = backupDatabase(ctx.db, backupPath(file, new Date('2026-04-01T10:00:00.000Z'), 'manual'));
    ctx.close();
    damage(broken);
    const f = new Database(future);
    f.pragma(`user_version = ${LATEST_VERSION + 1}`);
    f.close();
    damage(file);
    const damagedBytes = fs.readFileSync(file);
    expect((openFailureOf(openError(file)) as DamagedDetails).latestBackup!.path).toBe(backup);

    const r = recoverFromLatestBackup(file, new Date('2026-04-01T11:00:00.000Z'));
    expect(r.restoredFrom).toBe(backup);
    expect(r.damagedKeptAt).toEqual([
      path.join(path.dirname(file), 'backups', 'damaged', 'plandesk-20260401-110000.db'),
    ]);
    expect(fs.readFileSync(r.damagedKeptAt[0]!).equals(damagedBytes)).toBe(true);
    const restored = context(file);
    expect(firstValue(restored)).toBe('1');
    expect(restored.db.pragma('integrity_check', { simple: true })).toBe('ok');
    restored.services.backups.recordRecovery(r, 'tester');
    expect(restored.services.changeLog.list({ limit: 1, offset: 0 }).entries[0]).toMatchObject({
      entity: 'database',
      before: { damaged: true, keptAt: r.damagedKeptAt },
      after: { restoredFrom: path.basename(backup) },
    });
    // The damaged copy is not a rolling backup: never listed, never pruned.
    expect(restored.services.backups.list().map((e) => e.path)).not.toContain(r.damagedKeptAt[0]);
    restored.close();
  });

  it('keeps a leftover write-ahead log with the damaged file and never replays it into the backup', () => {
    const { file, backup } = withBackup();
    damage(file);
    const wal = Buffer.alloc(4096, 0x5a);
    fs.writeFileSync(`${file}-wal`, wal);
    const r = recoverFromLatestBackup(file, new Date('2026-04-02T00:00:00.000Z'));
    expect(r.damagedKeptAt.map((f) => path.basename(f))).toEqual([
      'plandesk-20260402-000000.db',
      'plandesk-20260402-000000.db-wal',
    ]);
    expect(fs.readFileSync(r.damagedKeptAt[1]!).equals(wal)).toBe(true);
    expect(fs.existsSync(`${file}-wal`)).toBe(false);
    expect(fs.readFileSync(file).equals(fs.readFileSync(backup))).toBe(true);
    const ctx = context(file);
    expect(firstValue(ctx)).toBe('1');
    ctx.close();
  });

  it('CLI: every command names the recovery command; backup restore --latest previews, --apply recovers', async () => {
    const { file, backup } = withBackup();
    damage(file);
    const failed = await cli('--db', file, 'plans');
    expect(failed.code).toBe(1);
    expect(failed.err).toContain('数据库文件已损坏');
    expect(failed.err).toContain(`npm run -s cli -- --db "${file}" backup restore --latest --apply`);

    const list = await cli('--db', file, 'backup', 'list');
    expect(list.code).toBe(0);
    expect(list.out).toContain(path.basename(backup));

    const preview = await cli('--db', file, 'backup', 'restore', '--latest');
    expect(preview.code).toBe(0);
    expect(preview.out).toContain(`备份文件：${path.basename(backup)}`);
    expect(preview.out).toMatch(/十四五《.*》2021—2025年：20 项指标/);
    expect(preview.out).toContain('当前数据库已损坏，无法读取');
    expect(preview.out).toContain('尚未恢复（加 --apply 恢复）。');
    expect(fs.existsSync(path.join(path.dirname(file), 'backups', 'damaged'))).toBe(false);

    const applied = await cli('--db', file, 'backup', 'restore', '--latest', '--apply');
    expect(applied.code).toBe(0);
    expect(applied.out).toMatch(/已从“.*”恢复数据库/);
    expect(applied.out).toMatch(/损坏的文件已保留在：.*backups.damaged/);
    const ctx = context(file);
    expect(firstValue(ctx)).toBe('1');
    expect(ctx.services.changeLog.list({ limit: 1, offset: 0 }).entries[0]).toMatchObject({
      entity: 'database',
      actor: 'cli',
    });
    ctx.close();
  });

  it('CLI: backup restore --file F on a damaged database checks F first, then puts it in place', async () => {
    const { file, backup } = withBackup();
    const chosen = path.join(path.dirname(file), '备份.db');
    fs.copyFileSync(backup, chosen);
    damage(file);
    const notDb = path.join(path.dirname(file), 'x.db');
    fs.writeFileSync(notDb, 'hello');
    const refused = await cli('--db', file, 'backup', 'restore', '--file', notDb, '--apply');
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/无法使用“x.db”恢复：不是 SQLite 数据库文件/);
    expect(openFailureOf(openError(file))).toMatchObject({ kind: 'damaged' }); // untouched
    const r = await cli('--db', file, 'backup', 'restore', '--file', chosen, '--apply');
    expect(r.code).toBe(0);
    const ctx = context(file);
    expect(firstValue(ctx)).toBe('1');
    ctx.close();
    expect((await cli('--db', file, 'backup', 'restore')).code).toBe(2);
  });

  it('the browser version exits with the message and the exact command instead of crashing', () => {
    const { file } = withBackup();
    damage(file);
    const r = spawnSync(process.execPath, ['--import', 'tsx', path.resolve('src/main/web/main.ts'), '--db', file], {
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('错误：数据库文件已损坏');
    expect(r.stderr).toContain('最近一次完好的备份是');
    expect(r.stderr).toContain(`npm run -s cli -- --db "${file}" backup restore --latest --apply`);
  }, 60_000);
});
