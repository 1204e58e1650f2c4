import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '../../src/main/context';
import { startWebServer, type WebServer } from '../../src/main/web/server';
import { memoryContext } from '../helpers/db';

let ctx: AppContext;
let server: WebServer;
let rendererDir: string;

beforeAll(async () => {
  ctx = memoryContext();
  rendererDir = fs.mkdtempSync(path.join(os.tmpdir(), 'plandesk-renderer-'));
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>PlanDesk</title>');
  fs.mkdirSync(path.join(rendererDir, 'assets'));
  fs.writeFileSync(path.join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  fs.writeFileSync(path.join(os.tmpdir(), 'plandesk-secret.txt'), 'secret');
  server = await startWebServer({ ctx, rendererDir, log: () => undefined });
});
afterAll(async () => {
  await server.close();
  ctx.close();
  fs.rmSync(rendererDir, { recursive: true, force: true });
});

/** A raw request, so the Host and Origin headers are exactly what a hostile page or rebinding attack would send. */
function request(opts: { path: string; method?: string; headers?: Record<string, string>; body?: string }) {
  return new Promise<{ status: number; body: string; headers: http.IncomingHttpHeaders }>((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port: server.port,
        path: opts.path,
        method: opts.method ?? 'GET',
        headers: { host: `127.0.0.1:${server.port}`, ...opts.headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), headers: res.headers }),
        );
      },
    );
    req.on('error', reject);
    if (opts.body !== undefined) req.write(opts.body);
    req.end();
  });
}

const api = (channel: string, args: unknown, headers: Record<string, string> = {}) =>
  request({
    path: `/api/${channel}`,
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-plandesk-token': server.token, ...headers },
    body: JSON.stringify(args),
  });

describe('browser shell bridge', () => {
  it('prints a URL on 127.0.0.1 carrying a long random token', () => {
    expect(server.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${server.port}/\\?token=[A-Za-z0-9_-]{32}$`));
  });

  it('answers the contract with the token', async () => {
    const r = await api('plan/list', {});
    expect(r.status).toBe(200);
    const body = JSON.parse(r.body) as { ok: boolean; data: { shortName: string }[] };
    expect(body.ok).toBe(true);
    expect(body.data[0]!.shortName).toBe('十四五');
  });

  it('refuses a request without the token or with a wrong one', async () => {
    for (const token of [
      undefined,
      '',
      'x'.repeat(32),
      server.token.slice(0, -1) + (server.token.endsWith('A') ? 'B' : 'A'),
    ]) {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (token !== undefined) headers['x-plandesk-token'] = token;
      const r = await request({ path: '/api/plan/list', method: 'POST', headers, body: '{}' });
      expect(r.status).toBe(403);
      expect(JSON.parse(r.body)).toEqual({
        ok: false,
        error: { code: 'FORBIDDEN', message: expect.stringContaining('令牌') },
      });
    }
  });

  it('refuses a foreign Host header (DNS rebinding) and a foreign Origin', async () => {
    const evilHost = await api('plan/list', {}, { host: `evil.example:${server.port}` });
    expect(evilHost.status).toBe(403);
    const evilOrigin = await api('plan/list', {}, { origin: 'http://evil.example' });
    expect(evilOrigin.status).toBe(403);
    const page = await request({ path: '/', headers: { host: 'attacker.test' } });
    expect(page.status).toBe(403);
    const sameOrigin = await api('plan/list', {}, { origin: `http://127.0.0.1:${server.port}` });
    expect(sameOrigin.status).toBe(200);
  });

  it('rejects non-POST calls, non-JSON bodies and broken JSON', async () => {
    expect((await request({ path: '/api/plan/list', headers: { 'x-plandesk-token': server.token } })).status).toBe(405);
    expect(
      (
        await request({
          path: '/api/plan/list',
          method: 'POST',
          headers: { 'x-plandesk-token': server.token, 'content-type': 'text/plain' },
          body: '{}',
        })
      ).status,
    ).toBe(415);
    const broken = await request({
      path: '/api/plan/list',
      method: 'POST',
      headers: { 'x-plandesk-token': server.token, 'content-type': 'application/json' },
      body: '{"a":',
    });
    expect(broken.status).toBe(400);
    expect(JSON.parse(broken.body).error.message).toContain('JSON');
  });

  it('validates arguments exactly like the desktop shell', async () => {
    const r = await api('plan/get', { plan: { $gt: 0 } });
    expect(JSON.parse(r.body)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    const unknown = await api('plan/drop', {});
    expect(JSON.parse(unknown.body)).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
  });

  it('serves the built renderer and nothing outside it', async () => {
    const index = await request({ path: '/?token=abc' });
    expect(index.status).toBe(200);
    expect(index.headers['content-type']).toContain('text/html');
    expect(index.body).toContain('PlanDesk');
    expect((await request({ path: '/assets/app.js' })).headers['content-type']).toContain('javascript');
    for (const p of [
      '/../plandesk-secret.txt',
      '/%2e%2e/plandesk-secret.txt',
      '/assets/../../plandesk-secret.txt',
      '/nope.js',
    ]) {
      const r = await request({ path: p });
      expect(r.status).toBe(404);
      expect(r.body).not.toContain('secret');
    }
  });

  it('listens on the loopback address only', async () => {
    expect(server.host).toBe('127.0.0.1');
    // And, where the machine has another address, nothing answers there.
    const others = Object.values(os.networkInterfaces())
      .flat()
      .filter((a) => a && a.family === 'IPv4' && !a.internal);
    for (const other of others) {
      const reached = await new Promise<boolean>((resolve) => {
        const req = http.request({ host: other!.address, port: server.port, path: '/', timeout: 2000 }, () =>
          resolve(true),
        );
        req.on('error', () => resolve(false));
        req.on('timeout', () => (req.destroy(), resolve(false)));
        req.end();
      });
      expect(reached).toBe(false);
    }
  });
});
