// `npm start` on a machine that cannot download the Electron runtime (this one, and CI): a plain message, then the
// browser version, never a stack trace.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '../..');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'plandesk-start-'));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

describe('npm start without the Electron runtime', () => {
  it('explains in Chinese and serves the browser version on the default database', async () => {
    const electronInstalled = fs.existsSync(path.join(ROOT, 'node_modules', 'electron', 'path.txt'));
    expect(electronInstalled, 'this test describes a machine without the Electron binary').toBe(false);
    // A stand-in for xdg-open that records what it was asked to open.
    fs.mkdirSync(path.join(dataDir, 'bin'));
    fs.writeFileSync(
      path.join(dataDir, 'bin', 'xdg-open'),
      `#!/bin/sh\necho "$1" > "${path.join(dataDir, 'opened.txt')}"\n`,
      { mode: 0o755 },
    );
    const child = spawn('npm', ['start', '--silent'], {
      cwd: ROOT,
      env: { ...process.env, PLANDESK_DATA_DIR: dataDir, PATH: `${path.join(dataDir, 'bin')}:${process.env.PATH}` },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    let stderr = '';
    child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
    const firstLine = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout!.on('data', (c: Buffer) => {
        out += c.toString();
        if (out.includes('\n')) resolve(out.split('\n')[0]!);
      });
      child.once('exit', (code) => reject(new Error(`npm start exited with ${code}: ${stderr}`)));
    });
    try {
      expect(firstLine).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=/);
      expect(stderr).toContain('无法获取 Electron 运行时');
      expect(stderr).toContain('浏览器版');
      expect(stderr).not.toMatch(/\n\s+at .*:\d+:\d+/);
      expect(fs.existsSync(path.join(dataDir, 'plandesk.db'))).toBe(true);
      const res = await fetch(firstLine);
      expect(res.status).toBe(200);
      await expect.poll(() => fs.existsSync(path.join(dataDir, 'opened.txt')), { timeout: 5000 }).toBe(true);
      expect(fs.readFileSync(path.join(dataDir, 'opened.txt'), 'utf8').trim()).toBe(firstLine);
    } finally {
      process.kill(-child.pid!, 'SIGTERM');
    }
  });
});
