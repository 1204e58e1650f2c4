// A backup that cannot be written: a clear Chinese message, no hidden leftovers, and the app still starts.
// Real file systems: the backups folder is a full or a read-only tmpfs (CI runs as root).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppContext } from '../../src/main/context';
import { backupDatabase, removeStaleBackupTemps } from '../../src/main/db/backup';
import { RESOURCES } from '../helpers/db';

let dir: string;
const mounts: string[] = [];
function mounted(name: string, options: string): string {
  const m = path.join(dir, name, 'backups');
  fs.mkdirSync(m, { recursive: true });
  execFileSync('mount', ['-t', 'tmpfs', '-o', options, 'tmpfs', m]);
  mounts.push(m);
  return path.join(dir, name, 'plandesk.db');
}

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plandesk-backup-fail-'));
});
afterAll(() => {
  for (const m of mounts) execFileSync('umount', [m]);
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('backups that cannot be written', () => {
  it('says the disk is full, in Chinese, and leaves no temporary file', () => {
    const file = mounted('full', 'size=64k');
    const ctx = createAppContext({ dbFile: file, resourcesDir: RESOURCES });
    try {
      expect(() => backupDatabase(ctx.db, path.join(path.dirname(file), 'backups', 'plandesk-x-manual.db'))).toThrow(
        /备份未能写入：磁盘空间不足/,
      );
      expect(fs.readdirSync(path.join(path.dirname(file), 'backups'))).toEqual([]);
    } finally {
      ctx.close();
    }
  });

  it('says the folder is read-only', () => {
    const file = mounted('readonly', 'size=64k,ro');
    const ctx = createAppContext({ dbFile: file, resourcesDir: RESOURCES });
    try {
      expect(() => backupDatabase(ctx.db, path.join(path.dirname(file), 'backups', 'plandesk-x-manual.db'))).toThrow(
        /备份未能写入：无法在.*写文件（只读或没有权限）/,
      );
    } finally {
      ctx.close();
    }
  });

  it('still starts the app when the start-up backup fails, and says why', () => {
    const file = mounted('start', 'size=64k');
    // A first start creates the database; the second one (with data) would take the start-up backup.
    createAppContext({ dbFile: file, resourcesDir: RESOURCES }).close();
    const warnings: string[] = [];
    const ctx = createAppContext({
      dbFile: file,
      resourcesDir: RESOURCES,
      startupBackup: true,
      onWarning: (m) => warnings.push(m),
    });
    try {
      expect(ctx.services.plans.list()).toHaveLength(1);
      expect(warnings).toEqual([expect.stringMatching(/启动时的自动备份未能完成：备份未能写入：磁盘空间不足/)]);
    } finally {
      ctx.close();
    }
  });

  it('removes temporary backups a kill left behind, and nothing else', () => {
    const file = path.join(dir, 'stale', 'plandesk.db');
    const backups = path.join(dir, 'stale', 'backups');
    fs.mkdirSync(backups, { recursive: true });
    const names = [
      '.plandesk-20261127-080000-daily.db.tmp',
      'plandesk-20261127-080000-daily.db',
      'notes.txt',
      '.other-x.db.tmp',
    ];
    for (const n of names) fs.writeFileSync(path.join(backups, n), 'x');
    expect(removeStaleBackupTemps(file)).toEqual([path.join(backups, names[0]!)]);
    expect(fs.readdirSync(backups).sort()).toEqual(names.slice(1).sort());
  });
});
