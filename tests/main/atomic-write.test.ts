// Real file systems, real failures: a full disk and a read-only folder are small tmpfs mounts (CI runs as root).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../src/main/files/atomic-write';
import { AppError } from '../../src/shared/errors';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'plandesk-write-'));
const small = path.join(root, 'small');
const readonly = path.join(root, 'readonly');

beforeAll(() => {
  fs.mkdirSync(small);
  fs.mkdirSync(readonly);
  execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', small]);
  execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k,ro', 'tmpfs', readonly]);
});
afterAll(() => {
  for (const m of [small, readonly]) execFileSync('umount', [m]);
  fs.rmSync(root, { recursive: true, force: true });
});

function failure(target: string, bytes: Uint8Array): AppError {
  try {
    writeFileAtomic(target, bytes);
  } catch (e) {
    return e as AppError;
  }
  throw new Error('expected the write to fail');
}

const leftovers = (dir: string) => fs.readdirSync(dir).filter((f) => f.endsWith('.tmp'));

describe('atomic write', () => {
  it('writes the bytes and leaves no temporary file', () => {
    const target = path.join(root, '十四五_附件1.xlsx');
    writeFileAtomic(target, Buffer.from('first'));
    writeFileAtomic(target, Buffer.from('second'));
    expect(fs.readFileSync(target, 'utf8')).toBe('second');
    expect(leftovers(root)).toEqual([]);
  });

  it('on a full disk says so in Chinese, keeps the previous file whole and leaves nothing behind', () => {
    const target = path.join(small, 'report.pdf');
    writeFileAtomic(target, Buffer.from('previous version'));
    const e = failure(target, Buffer.alloc(256 * 1024, 1));
    expect(e).toBeInstanceOf(AppError);
    expect(e.code).toBe('FILE_ERROR');
    expect(e.message).toContain('磁盘空间不足');
    expect(fs.readFileSync(target, 'utf8')).toBe('previous version');
    expect(leftovers(small)).toEqual([]);
  });

  it('in a read-only folder says so in Chinese', () => {
    const e = failure(path.join(readonly, 'report.xlsx'), Buffer.from('x'));
    expect(e.code).toBe('FILE_ERROR');
    expect(e.message).toContain('只读');
    expect(fs.readdirSync(readonly)).toEqual([]);
  });

  it('refuses a folder that does not exist, or a folder given as the file', () => {
    expect(failure(path.join(root, 'missing', 'a.pdf'), Buffer.from('x')).message).toContain('文件夹不存在');
    const dirTarget = path.join(root, 'a-folder');
    fs.mkdirSync(dirTarget);
    expect(failure(dirTarget, Buffer.from('x')).message).toContain('是一个文件夹');
    expect(leftovers(root)).toEqual([]);
  });
});
