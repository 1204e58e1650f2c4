// 备份 / 恢复 (issue 7, item 2): a backup file previewed, then restored into the running context — real database
// files, real damaged and foreign files, no mocks.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { main } from '../../src/main/cli';
import { createAppContext, type AppContext } from '../../src/main/context';
import { listBackups } from '../../src/main/db/backup';
import { openDatabase } from '../../src/main/db/connection';
import { migrate } from '../../src/main/db/migrate';
import { LATEST_VERSION, MIGRATIONS } from '../../src/main/db/migrations';
import { dispatch } from '../../src/main/ipc/dispatch';
import { handlers } from '../../src/main/ipc/handlers';
import type { ArgsIn, Channel, Result } from '../../src/shared/api';
import type { ErrorInfo } from '../../src/shared/errors';
import { RESOURCES, fixedClock, memoryContext } from '../helpers/db';

const tmpDirs: string[] = [];
const open: AppContext[] = [];
afterEach(() => {
  open.splice(0).forEach((c) => c.close());
  tmpDirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true }));
});

function tmpDir(): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'plandesk-restore-'));
  tmpDirs.push(d);
  return d;
}

function context(file = path.join(tmpDir(), 'plandesk.db'), clock = fixedClock()): AppContext {
  const ctx = createAppContext({ dbFile: file, resourcesDir: RESOURCES, clock, actor: 'tester' });
  open.push(ctx);
  return ctx;
}

async function call<C extends Channel>(ctx: AppContext, channel: C, args: ArgsIn<C>): Promise<Result<C>> {
  const r = await dispatch(handlers, ctx, channel, args, () => undefined);
  if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message}`);
  return r.data as Result<C>;
}

async function refusal<C extends Channel>(ctx: AppContext, channel: C, args: ArgsIn<C>): Promise<ErrorInfo> {
  const r = await dispatch(handlers, ctx, channel, args, () => undefined);
  if (r.ok) throw new Error(`${channel} was accepted`);
  return r.error;
}

const asFile = (name: string, bytes: Uint8Array) => ({ name, bytesBase64: Buffer.from(bytes).toString('base64') });

function firstValue(ctx: AppContext, year = 2023): string | null {
  const plan = ctx.services.plans.get('十四五');
  return plan.indicators[0]!.values.find((v) => v.year === year && v.kind === 'actual')?.text ?? null;
}

function edit(ctx: AppContext, text: string, year = 2023, actor = 'tester') {
  const plan = ctx.services.plans.get('十四五');
  ctx.services.indicators.updateValues(
    plan.plan.id,
    [{ indicatorId: plan.indicators[0]!.id, year, kind: 'actual', text }],
    actor,
  );
}

/** A real database file's bytes with `pages` pages in the middle overwritten, as a failing disk would leave it. */
function damagedCopy(bytes: Uint8Array, pages = 3): Buffer {
  const b = Buffer.from(bytes);
  const pageSize = b.readUInt16BE(16);
  const middle = Math.floor(b.length / pageSize / 2);
  for (let p = middle; p < middle + pages; p++) b.fill(0xa5, p * pageSize, (p + 1) * pageSize);
  return b;
}

describe('backup/restore-preview', () => {
  it('shows the backup’s date, schema version, plans with counts, change-log size, integrity and what it replaces', async () => {
    const clock = fixedClock('2026-06-01T02:00:00.000Z');
    const ctx = context(undefined, clock);
    edit(ctx, '7');
    const copy = ctx.services.backups.exportCopy();
    clock.set('2026-06-02T03:00:00.000Z');
    edit(ctx, '8', 2024);
    const preview = await call(ctx, 'backup/restore-preview', { file: asFile(copy.fileName, copy.bytes) });
    expect(preview.source).toMatchObject({
      name: copy.fileName,
      bytes: copy.bytes.length,
      takenAt: '2026-06-01T02:00:00.000Z',
    });
    expect(preview.source.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(preview).toMatchObject({ needsUpgrade: false, appSchemaVersion: LATEST_VERSION, integrity: 'ok' });
    expect(preview.backup).toMatchObject({
      schemaVersion: LATEST_VERSION,
      plans: [{ shortName: '十四五', firstYear: 2021, lastYear: 2025, indicators: 20 }],
      lastChangeAt: '2026-06-01T02:00:00.000Z',
    });
    expect(preview.current!.plans[0]!.values).toBe(preview.backup.plans[0]!.values + 1);
    expect(preview.current!.changeLogEntries).toBe(preview.backup.changeLogEntries + 1);
    expect(preview.current!.lastChangeAt).toBe('2026-06-02T03:00:00.000Z');
    // A preview writes nothing: no backup taken, no log entry.
    expect(ctx.services.backups.list()).toEqual([]);
    expect(ctx.services.changeLog.list({ limit: 1, offset: 0 }).total).toBe(preview.current!.changeLogEntries);
  });

  it('reads a rolling backup by name, and the date from its file name', async () => {
    const ctx = context(undefined, fixedClock('2026-06-01T02:00:00.000Z'));
    const made = ctx.services.backups.create('manual')!;
    const preview = await call(ctx, 'backup/restore-preview', { backup: made.fileName });
    expect(preview.source).toMatchObject({ name: made.fileName, takenAt: '2026-06-01T02:00:00.000Z' });
    expect((await refusal(ctx, 'backup/restore-preview', { backup: 'plandesk-20200101-000000-daily.db' })).code).toBe(
      'NOT_FOUND',
    );
    expect((await refusal(ctx, 'backup/restore-preview', { backup: '../plandesk.db' })).code).toBe('VALIDATION');
    expect((await refusal(ctx, 'backup/restore-preview', { backup: '..\\x.db' })).code).toBe('VALIDATION');
  });

  it('refuses, in Chinese, what must not become the database', async () => {
    const ctx = context();
    const good = ctx.services.backups.exportCopy().bytes;
    const dir = tmpDir();
    const other = new Database(path.join(dir, 'other.db'));
    other.exec('CREATE TABLE notes (t TEXT); INSERT INTO notes VALUES (1)');
    other.close();
    const futureFile = path.join(dir, 'future.db');
    fs.writeFileSync(futureFile, good);
    const future = new Database(futureFile);
    future.pragma(`user_version = ${LATEST_VERSION + 1}`);
    future.close();
    const cases: [string, Uint8Array, string, RegExp][] = [
      [
        '表格.xlsx',
        Buffer.from('PK\u0003\u0004 not a database at all '.repeat(50)),
        'FILE_ERROR',
        /不是 SQLite 数据库文件/,
      ],
      ['短.db', Buffer.from('SQLite format 3'), 'FILE_ERROR', /不是 SQLite 数据库文件/],
      ['截断.db', good.subarray(0, Math.floor(good.length / 4096 / 2) * 4096), 'FILE_ERROR', /截断/],
      ['半页.db', good.subarray(0, good.length - 100), 'FILE_ERROR', /截断/],
      ['损坏.db', damagedCopy(good), 'FILE_ERROR', /已损坏/],
      [
        '别的.db',
        fs.readFileSync(path.join(path.dirname(futureFile), 'other.db')),
        'FILE_ERROR',
        /不是 PlanDesk 的数据库/,
      ],
      ['新版.db', fs.readFileSync(futureFile), 'DB_TOO_NEW', /更新版本的 PlanDesk.*不能用它恢复/],
    ];
    for (const [name, bytes, code, message] of cases) {
      const e = await refusal(ctx, 'backup/restore-preview', { file: asFile(name, bytes) });
      expect(e.code, name).toBe(code);
      expect(e.message, name).toMatch(message);
      expect(e.message, name).toContain(name);
    }
    // An empty file never reaches the service.
    const empty = await refusal(ctx, 'backup/restore-preview', { file: { name: '空.db', bytesBase64: '' } });
    expect(empty).toMatchObject({ code: 'VALIDATION' });
    expect(empty.message).toMatch(/备份文件是空的/);
    // Nothing was left behind in the database folder.
    expect(fs.readdirSync(path.dirname(ctx.dbFile)).filter((f) => f.includes('restore'))).toEqual([]);
  });
});

describe('backup/restore', () => {
  it('backs up the current data, replaces it, logs the restore, and the running context keeps working', async () => {
    const clock = fixedClock('2026-06-01T02:00:00.000Z');
    const ctx = context(undefined, clock);
    edit(ctx, '7');
    const copy = ctx.services.backups.exportCopy();
    clock.set('2026-06-02T03:00:00.000Z');
    edit(ctx, '8');
    const before = { db: ctx.db, services: ctx.services };
    const file = asFile(copy.fileName, copy.bytes);
    const preview = await call(ctx, 'backup/restore-preview', { file });
    const result = await call(ctx, 'backup/restore', { file, token: preview.token });

    expect(result).toMatchObject({ from: LATEST_VERSION, to: LATEST_VERSION });
    expect(firstValue(ctx)).toBe('7');
    // The connection, repos and services are new; the old connection is closed.
    expect(ctx.db).not.toBe(before.db);
    expect(before.db.open).toBe(false);
    expect(ctx.services.plans).not.toBe(before.services.plans);
    // The data just replaced is in a pre-restore backup.
    expect(listBackups(ctx.dbFile, 20, new Date()).map((e) => e.reason)).toEqual(['restore']);
    const safety = new Database(result.safetyBackup!, { readonly: true });
    expect(safety.prepare(`SELECT text FROM indicator_value WHERE year = 2023 AND kind = 'actual'`).get()).toEqual({
      text: '8',
    });
    safety.close();
    // The restore is in the (restored) change log, with what it replaced and where that went.
    const logged = ctx.services.changeLog.list({ limit: 1, offset: 0 }).entries[0]!;
    expect(logged).toMatchObject({ entity: 'database', op: 'update', actor: 'tester', at: '2026-06-02T03:00:00.000Z' });
    expect(logged.before).toMatchObject({ safetyBackup: path.basename(result.safetyBackup!) });
    expect(logged.after).toMatchObject({
      restoredFrom: copy.fileName,
      sha256: preview.source.sha256,
      plans: ['十四五'],
    });
    // Writes go on through the same context object (as the shells hold it), and reach the file on disk.
    await call(ctx, 'indicator/update-values', {
      planId: ctx.services.plans.get('十四五').plan.id,
      changes: [
        { indicatorId: ctx.services.plans.get('十四五').indicators[0]!.id, year: 2024, kind: 'actual', text: '9' },
      ],
    });
    const file2 = ctx.dbFile;
    ctx.close();
    open.splice(0);
    // Closed cleanly: the log checkpointed into the file, the lock label gone, no staging file left.
    expect(fs.readdirSync(path.dirname(file2)).sort()).toEqual(['backups', 'plandesk.db']);
    const check = new Database(file2, { readonly: true });
    expect(check.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(
      check
        .prepare(`SELECT year, text FROM indicator_value WHERE kind = 'actual' AND year IN (2023, 2024) ORDER BY year`)
        .all(),
    ).toEqual([
      { year: 2023, text: '7' },
      { year: 2024, text: '9' },
    ]);
    check.close();
  });

  it('restores a rolling backup by name', async () => {
    const ctx = context();
    edit(ctx, '1');
    const made = ctx.services.backups.create('manual')!;
    edit(ctx, '2');
    const preview = await call(ctx, 'backup/restore-preview', { backup: made.fileName });
    await call(ctx, 'backup/restore', { backup: made.fileName, token: preview.token });
    expect(firstValue(ctx)).toBe('1');
  });

  it('upgrades a backup from an older PlanDesk after putting it in place', async () => {
    const dir = tmpDir();
    const oldFile = path.join(dir, 'old.db');
    const old = openDatabase({ file: oldFile });
    migrate(old, { migrations: MIGRATIONS.slice(0, 1) });
    old.prepare(`INSERT INTO department (name) VALUES ('综合科')`).run();
    old.close();
    const ctx = context();
    const file = asFile('old.db', fs.readFileSync(oldFile));
    const preview = await call(ctx, 'backup/restore-preview', { file });
    expect(preview).toMatchObject({ needsUpgrade: true, backup: { schemaVersion: 1, plans: [], departments: 1 } });
    const result = await call(ctx, 'backup/restore', { file, token: preview.token });
    expect(result).toMatchObject({ from: 1, to: LATEST_VERSION });
    expect(ctx.migration).toMatchObject({ from: 1, to: LATEST_VERSION });
    expect(ctx.services.work.departments().map((d) => d.name)).toEqual(['综合科']);
    expect(ctx.services.plans.list()).toEqual([]);
    // Pre-restore and pre-migration backups both kept.
    expect(
      ctx.services.backups
        .list()
        .map((e) => e.reason)
        .sort(),
    ).toEqual(['migration', 'restore']);
  });

  it('accepts a plain copy of a database file left in WAL mode (the header is switched, nothing to replay)', async () => {
    const dir = tmpDir();
    const src = context(path.join(dir, 'src.db'));
    edit(src, '5');
    src.close();
    open.splice(open.indexOf(src), 1);
    const bytes = fs.readFileSync(path.join(dir, 'src.db'));
    expect(bytes[18]).toBe(2); // WAL
    const ctx = context();
    const file = asFile('plandesk.db', bytes);
    await call(ctx, 'backup/restore', { file, token: (await call(ctx, 'backup/restore-preview', { file })).token });
    expect(firstValue(ctx)).toBe('5');
    expect(ctx.db.pragma('journal_mode', { simple: true })).toBe('wal');
  });

  it('refuses a token from another preview, another file, or data changed since the preview — changing nothing', async () => {
    const ctx = context();
    const a = asFile('a.db', ctx.services.backups.exportCopy().bytes);
    edit(ctx, '1');
    const b = asFile('b.db', ctx.services.backups.exportCopy().bytes);
    const previewA = await call(ctx, 'backup/restore-preview', { file: a });
    const wrongFile = await refusal(ctx, 'backup/restore', { file: b, token: previewA.token });
    expect(wrongFile.code).toBe('CONFLICT');
    expect(wrongFile.message).toMatch(/请重新预览/);
    expect((await refusal(ctx, 'backup/restore', { file: a, token: 'f'.repeat(64) })).code).toBe('CONFLICT');
    expect((await refusal(ctx, 'backup/restore', { file: a, token: 'nope' })).code).toBe('VALIDATION');
    edit(ctx, '2'); // someone edits between preview and restore
    expect((await refusal(ctx, 'backup/restore', { file: a, token: previewA.token })).code).toBe('CONFLICT');
    expect(firstValue(ctx)).toBe('2');
    expect(ctx.services.backups.list()).toEqual([]);
    // A damaged file is refused at restore too, whatever token it comes with.
    const bad = asFile('bad.db', damagedCopy(Buffer.from(a.bytesBase64, 'base64')));
    expect((await refusal(ctx, 'backup/restore', { file: bad, token: previewA.token })).code).toBe('FILE_ERROR');
    expect(fs.readdirSync(path.dirname(ctx.dbFile)).sort()).toEqual([
      'plandesk.db',
      'plandesk.db-wal',
      'plandesk.db.lock',
    ]);
  });

  it('works for an in-memory database (no safety copy there)', async () => {
    const ctx = memoryContext();
    open.push(ctx);
    const file = asFile('m.db', ctx.services.backups.exportCopy().bytes);
    edit(ctx, '3');
    const result = await call(ctx, 'backup/restore', {
      file,
      token: (await call(ctx, 'backup/restore-preview', { file })).token,
    });
    expect(result.safetyBackup).toBeNull();
    expect(firstValue(ctx)).toBeNull();
  });
});

describe('CLI backup commands', () => {
  async function cli(...argv: string[]) {
    const out: string[] = [];
    const err: string[] = [];
    const code = await main(argv, { out: (s) => out.push(s), err: (s) => err.push(s) });
    return { code, out: out.join('\n'), err: err.join('\n') };
  }

  it('list, create, restore --file with a preview first and --apply to write, restore --latest', async () => {
    const db = path.join(tmpDir(), 'plandesk.db');
    expect((await cli('--db', db, 'plans')).code).toBe(0);
    expect(await cli('--db', db, 'backup', 'list')).toMatchObject({
      code: 0,
      out: `${path.join(path.dirname(db), 'backups')} 中还没有备份。`,
    });
    expect((await cli('--db', db, 'backup', 'restore', '--latest')).err).toMatch(/没有找到可用的备份/);

    const created = await cli('--db', db, 'backup', 'create');
    expect(created.code).toBe(0);
    expect(created.out).toMatch(/backups[/\\]plandesk-\d{8}-\d{6}-manual\.db$/);
    const listed = JSON.parse((await cli('--db', db, 'backup', 'list', '--json')).out) as {
      path: string;
      reasonLabel: string;
    }[];
    expect(listed).toEqual([expect.objectContaining({ path: created.out, reasonLabel: '手动备份' })]);
    expect((await cli('--db', db, 'backup', 'list')).out).toMatch(/\t手动备份\tplandesk-.*-manual\.db$/);

    const ctx = context(db);
    edit(ctx, '6');
    ctx.close();
    open.splice(0);

    const preview = await cli('--db', db, 'backup', 'restore', '--file', created.out);
    expect(preview.code).toBe(0);
    expect(preview.out).toContain('完整性检查：通过');
    expect(preview.out).toContain('将被替换的当前数据（恢复前会先自动备份）：');
    expect(preview.out).toMatch(/尚未恢复（加 --apply 恢复）。$/);
    const still = context(db);
    expect(firstValue(still)).toBe('6');
    still.close();
    open.splice(0);

    const applied = await cli('--db', db, 'backup', 'restore', '--file', created.out, '--apply');
    expect(applied.code).toBe(0);
    expect(applied.out).toMatch(/恢复前的数据已备份到：.*-restore\.db/);
    const after = context(db);
    expect(firstValue(after)).toBeNull();
    expect(after.services.changeLog.list({ limit: 1, offset: 0 }).entries[0]).toMatchObject({
      entity: 'database',
      actor: 'cli',
    });
    after.close();
    open.splice(0);

    // --latest is now the pre-restore backup, holding the edit.
    const latest = await cli('--db', db, 'backup', 'restore', '--latest', '--apply', '--json');
    expect(JSON.parse(latest.out)).toMatchObject({
      preview: { source: { name: expect.stringMatching(/-restore\.db$/) } },
    });
    const back = context(db);
    expect(firstValue(back)).toBe('6');
    back.close();
    open.splice(0);

    for (const argv of [
      ['backup'],
      ['backup', 'restore'],
      ['backup', 'restore', '--latest', '--file', created.out],
      ['backup', 'drop'],
    ]) {
      expect((await cli('--db', db, ...argv)).code, argv.join(' ')).toBe(2);
    }
    expect((await cli('--db', db, 'backup', 'restore', '--file', path.join(path.dirname(db), 'nope.db'))).err).toMatch(
      /无法读取文件/,
    );
  });
});
