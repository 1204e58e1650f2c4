// One writer (issue 7, item 3): a second process opening the same database file is refused with a Chinese message
// naming the holder — tested with real second Node processes, no mocks. The lock is SQLite's own (locking_mode
// EXCLUSIVE before the first WAL access, see src/main/db/lock.ts), so a killed holder leaves no stale lock.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { main } from '../../src/main/cli';
import { createAppContext } from '../../src/main/context';
import { lockFileOf, readLockInfo } from '../../src/main/db/lock';
import { replaceUnopenableDatabase } from '../../src/main/db/recover';
import { AppError } from '../../src/shared/errors';
import { RESOURCES, memoryContext } from '../helpers/db';

const CHILD = path.join(__dirname, 'lock-child.ts');
const tmpDirs: string[] = [];
const children: ChildProcess[] = [];
afterEach(() => {
  for (const c of children.splice(0)) if (c.exitCode === null) c.kill('SIGKILL');
  tmpDirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true }));
});

function dbInTmp(): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'plandesk-lock-'));
  tmpDirs.push(d);
  return path.join(d, 'plandesk.db');
}

interface Outcome {
  ok: boolean;
  code?: string;
  message?: string;
  details?: { kind?: string };
  plans?: number;
}

/** Runs the child to completion and returns what it printed. */
function child(mode: 'open' | 'raw', file: string): Outcome {
  const r = spawnSync(process.execPath, ['--import', 'tsx', CHILD, mode, file], { encoding: 'utf8', timeout: 60_000 });
  expect(r.stderr).toBe('');
  return JSON.parse(r.stdout.trim().split('\n').pop()!) as Outcome;
}

/** A child that opens the database and keeps it until killed. */
async function holder(file: string, program: string): Promise<ChildProcess> {
  const c = spawn(process.execPath, ['--import', 'tsx', CHILD, 'hold', file, program], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(c);
  await new Promise<void>((resolve, reject) => {
    let out = '';
    c.stdout!.on('data', (b: Buffer) => {
      out += b.toString();
      if (out.includes('"held"')) resolve();
      else if (out.includes('"ok":false')) reject(new Error(out));
    });
    c.on('exit', (code) => reject(new Error(`holder exited with ${code}: ${out}`)));
  });
  return c;
}

function openError(file: string): AppError {
  try {
    createAppContext({ dbFile: file, resourcesDir: RESOURCES }).close();
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('the database was opened although another process holds it');
}

describe('one writer per database file', { timeout: 60_000 }, () => {
  it('refuses a second process while this one has the database open, and lets it in once closed', () => {
    const file = dbInTmp();
    const ctx = createAppContext({ dbFile: file, resourcesDir: RESOURCES, program: 'PlanDesk 测试' });
    expect(readLockInfo(file)).toMatchObject({ pid: process.pid, program: 'PlanDesk 测试' });

    const refused = child('open', file);
    expect(refused).toMatchObject({ ok: false, code: 'DB_ERROR', details: { kind: 'locked' } });
    expect(refused.message).toContain('PlanDesk 测试');
    expect(refused.message).toContain(`进程 ${process.pid}`);
    expect(refused.message).toMatch(/同一时间只能由一个程序打开.*请先关闭该程序/);
    // Not just PlanDesk's own open: any SQLite client is kept out, even only to read.
    expect(child('raw', file)).toMatchObject({ ok: false, code: 'SQLITE_BUSY' });
    // Meanwhile this process carries on writing.
    const plan = ctx.services.plans.get('十四五');
    ctx.services.indicators.updateValues(
      plan.plan.id,
      [{ indicatorId: plan.indicators[0]!.id, year: 2023, kind: 'actual', text: '5' }],
      'tester',
    );

    ctx.close();
    expect(fs.existsSync(lockFileOf(file))).toBe(false);
    expect(child('open', file)).toEqual({ ok: true, plans: 1 });
  });

  it('is refused itself while another process holds the file; the CLI says to close the app', async () => {
    const file = dbInTmp();
    createAppContext({ dbFile: file, resourcesDir: RESOURCES }).close();
    const c = await holder(file, 'PlanDesk 浏览器版');
    const e = openError(file);
    expect(e.code).toBe('DB_ERROR');
    expect(e.details).toMatchObject({ kind: 'locked', file });
    expect(e.message).toContain(`PlanDesk 浏览器版 使用（进程 ${c.pid}`);

    const out: string[] = [];
    const err: string[] = [];
    const code = await main(['--db', file, 'plans'], { out: (s) => out.push(s), err: (s) => err.push(s) });
    expect(code).toBe(1);
    expect(out).toEqual([]);
    expect(err.join('\n')).toMatch(/^错误：数据库“.*”正由 PlanDesk 浏览器版 使用.*请先关闭该程序/s);
    // Creating a backup needs the database too; listing the backup files does not.
    expect(await main(['--db', file, 'backup', 'create'], { out: () => undefined, err: () => undefined })).toBe(1);
    expect(await main(['--db', file, 'backup', 'list'], { out: () => undefined, err: () => undefined })).toBe(0);
  });

  it('leaves no stale lock when the holder is killed: the next process opens the file at once', async () => {
    const file = dbInTmp();
    const c = await holder(file, 'PlanDesk 桌面版');
    expect(openError(file).details).toMatchObject({ kind: 'locked' });
    const dead = c.pid!;
    c.kill('SIGKILL');
    await new Promise((r) => c.once('exit', r));
    // The label is still there, naming a dead process; it stops nobody and is taken over.
    expect(readLockInfo(file)?.pid).toBe(dead);
    const ctx = createAppContext({ dbFile: file, resourcesDir: RESOURCES, program: 'PlanDesk 测试' });
    expect(readLockInfo(file)?.pid).toBe(process.pid);
    expect(ctx.db.pragma('integrity_check', { simple: true })).toBe('ok');
    ctx.close();
  });

  it('names no program when the label is missing or names a dead process (e.g. a SQLite tool holds the file)', async () => {
    const file = dbInTmp();
    const c = await holder(file, 'PlanDesk 桌面版');
    fs.writeFileSync(
      lockFileOf(file),
      JSON.stringify({ pid: 999999999, program: '旧程序', since: '2020-01-01T00:00:00Z' }),
    );
    expect(openError(file).message).toMatch(/正被其他程序占用/);
    fs.rmSync(lockFileOf(file));
    expect(openError(file).message).toMatch(/正被其他程序占用/);
    c.kill('SIGKILL');
  });

  it('keeps the file locked across a restore (close, swap, reopen) within the holder', async () => {
    const file = dbInTmp();
    const ctx = createAppContext({ dbFile: file, resourcesDir: RESOURCES });
    const copy = ctx.services.backups.exportCopy();
    const source = { file: { name: copy.fileName, bytesBase64: Buffer.from(copy.bytes).toString('base64') } };
    ctx.services.backups.restore(source, ctx.services.backups.preview(source).token, 'tester');
    expect(child('open', file)).toMatchObject({ ok: false, details: { kind: 'locked' } });
    ctx.close();
  });

  it('never replaces a database another process holds, even when asked to recover it', async () => {
    const file = dbInTmp();
    const ctx = createAppContext({ dbFile: file, resourcesDir: RESOURCES });
    const backup = ctx.services.backups.create('manual')!.path;
    ctx.close();
    const c = await holder(file, 'PlanDesk 桌面版');
    const before = fs.readFileSync(file);
    expect(() => replaceUnopenableDatabase(file, backup, new Date())).toThrow(/正由 PlanDesk 桌面版 使用/);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
    expect(fs.readdirSync(path.join(path.dirname(file), 'backups', 'damaged'))).toEqual([]);
    c.kill('SIGKILL');
  });

  it('does not apply to in-memory databases', () => {
    const a = memoryContext();
    const b = memoryContext();
    expect(a.services.plans.list()).toHaveLength(1);
    expect(b.services.plans.list()).toHaveLength(1);
    a.close();
    b.close();
  });
});
