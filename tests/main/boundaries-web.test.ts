// Issue 7, item 6: the browser shell's bridge poked from outside, as another page on the machine, a DNS-rebinding
// site or a curious colleague with curl would: hosts that only look like ours, origins of other sites, the token in
// the wrong place, bodies too big, methods and content types a form could send. Complements web-server.test.ts.
import http from 'node:http';
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '../../src/main/context';
import { MAX_BODY, startWebServer, type WebServer } from '../../src/main/web/server';
import { memoryContext } from '../helpers/db';

let ctx: AppContext;
let server: WebServer;

beforeAll(async () => {
  ctx = memoryContext();
  server = await startWebServer({ ctx, log: () => undefined });
});
afterAll(async () => {
  await server.close();
  ctx.close();
});

interface Reply {
  status: number;
  body: string;
  headers: http.IncomingHttpHeaders;
}

/** A raw request with exactly the headers given (Host included), as a hostile client would send it. */
function request(opts: {
  path: string;
  method?: string;
  headers?: Record<string, string | string[]>;
  body?: string | Buffer;
}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port: server.port,
        path: opts.path,
        method: opts.method ?? 'GET',
        headers: { host: `127.0.0.1:${server.port}`, ...opts.headers },
        setHost: false,
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

const json = { 'content-type': 'application/json' };
const withToken = () => ({ ...json, 'x-plandesk-token': server.token });
const api = (
  channel: string,
  headers: Record<string, string | string[]>,
  body: string | Buffer = '{}',
  path = `/api/${channel}`,
) => request({ path, method: 'POST', headers, body });

const changeLogCount = () => ctx.db.prepare('SELECT count(*) FROM change_log').pluck().get() as number;

/** A write that would show in the change log if it got through. */
async function writeArgs() {
  const plan = (await ctx.services.plans.get('十四五')) as { plan: { id: number }; indicators: { id: number }[] };
  return JSON.stringify({
    planId: plan.plan.id,
    changes: [{ indicatorId: plan.indicators[0]!.id, year: 2023, kind: 'actual', text: '9.99' }],
  });
}

describe('browser shell: who may call', () => {
  it('answers both loopback names of its own port', async () => {
    for (const host of [`127.0.0.1:${server.port}`, `localhost:${server.port}`]) {
      const r = await api('plan/list', { ...withToken(), host });
      expect(r.status, host).toBe(200);
      expect(JSON.parse(r.body)).toMatchObject({ ok: true });
    }
  });

  it('refuses every Host that is not exactly 127.0.0.1:port or localhost:port (DNS rebinding)', async () => {
    const p = server.port;
    const hosts = [
      `127.0.0.1.evil.com:${p}`,
      '127.0.0.1.evil.com',
      `localhost.evil.com:${p}`,
      `evil.com:${p}`,
      `127.0.0.1:${p}.evil.com`,
      `127.0.0.1:${p}@evil.com`,
      `evil.com@127.0.0.1:${p}`,
      '127.0.0.1',
      'localhost',
      `127.0.0.1:${p + 1}`,
      `localhost:${p === 80 ? 81 : 80}`,
      `[::1]:${p}`,
      `0.0.0.0:${p}`,
      `127.1:${p}`,
      `2130706433:${p}`,
      `127.0.0.2:${p}`,
      `LOCALHOST:${p}`,
      '',
    ];
    for (const host of hosts) {
      const r = await api('plan/list', { ...withToken(), host });
      expect(r.status, JSON.stringify(host)).toBe(403);
      expect(JSON.parse(r.body), host).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      // The page itself is not served to such a host either.
      expect((await request({ path: '/', headers: { host } })).status, host).toBe(403);
    }
  });

  it('refuses requests sent from another origin, even with the token', async () => {
    const p = server.port;
    for (const origin of [
      'http://evil.example',
      'null',
      `http://127.0.0.1.evil.com:${p}`,
      `https://127.0.0.1:${p}`,
      `http://127.0.0.1:${p + 1}`,
      `http://localhost:${p}.evil.com`,
      `http://127.0.0.1:${p}@evil.com`,
      'file://',
      `ws://127.0.0.1:${p}`,
    ]) {
      const r = await api('plan/list', { ...withToken(), origin });
      expect(r.status, origin).toBe(403);
      expect(JSON.parse(r.body).error.message, origin).toContain('来源');
    }
    for (const origin of [`http://127.0.0.1:${p}`, `http://localhost:${p}`]) {
      expect((await api('plan/list', { ...withToken(), origin })).status, origin).toBe(200);
    }
  });

  it('takes the token from its header only: not from the query string, a cookie or Authorization', async () => {
    const t = server.token;
    const attempts: { path?: string; headers: Record<string, string | string[]> }[] = [
      { path: `/api/plan/list?token=${t}`, headers: json },
      { headers: { ...json, cookie: `token=${t}; x-plandesk-token=${t}` } },
      { headers: { ...json, authorization: `Bearer ${t}` } },
      { headers: { ...json, 'x-plandesk-token': t.toUpperCase() === t ? t.toLowerCase() : t.toUpperCase() } },
      { headers: { ...json, 'x-plandesk-token': `${t}${t}` } },
      { headers: { ...json, 'x-plandesk-token': [t, t] } },
      { headers: { ...json, 'x-plandesk-token': t.slice(0, 16) } },
    ];
    for (const a of attempts) {
      const r = await api('plan/list', a.headers, '{}', a.path);
      expect(r.status, JSON.stringify(a)).toBe(403);
      expect(JSON.parse(r.body).error.message).toContain('令牌');
    }
    expect((await api('plan/list', withToken())).status).toBe(200);
  });

  it('writes nothing for a refused caller, whatever the call', async () => {
    const before = changeLogCount();
    const body = await writeArgs();
    const refused = [
      { ...json },
      { ...withToken(), host: `127.0.0.1.evil.com:${server.port}` },
      { ...withToken(), origin: 'http://evil.example' },
      { ...withToken(), 'content-type': 'text/plain' },
    ];
    for (const headers of refused) {
      const r = await api('indicator/update-values', headers, body);
      expect(r.status, JSON.stringify(headers)).toBeGreaterThanOrEqual(400);
    }
    expect(changeLogCount()).toBe(before);
  });
});

describe('browser shell: what it accepts', () => {
  it('refuses the content types and methods a plain HTML form can send (no CSRF through a simple request)', async () => {
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', '']) {
      const r = await api('plan/list', { 'x-plandesk-token': server.token, 'content-type': type });
      expect(r.status, type).toBe(415);
    }
    for (const method of ['GET', 'PUT', 'DELETE', 'PATCH', 'OPTIONS']) {
      const r = await request({ path: '/api/plan/list', method, headers: withToken() });
      expect(r.status, method).toBe(405);
      // No CORS grant: a preflight from another page gets nothing that would let it through.
      expect(r.headers['access-control-allow-origin'], method).toBeUndefined();
    }
  });

  it('refuses channel names that are not in the contract, however spelt', async () => {
    for (const path of [
      '/api/plan%2Flist',
      '/api/__proto__',
      '/api/constructor',
      '/api/plan/list/',
      '/api/PLAN/LIST',
    ]) {
      const r = await api('', withToken(), '{}', path);
      expect(r.status, path).toBe(200);
      expect(JSON.parse(r.body), path).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
    }
  });

  it('refuses a body over its limit with a Chinese 413, writes nothing, and keeps serving', async () => {
    const before = changeLogCount();
    const big = Buffer.alloc(MAX_BODY + 1024, 0x20); // spaces: valid JSON whitespace around nothing
    const r = await api('indicator/update-values', withToken(), big);
    expect(r.status).toBe(413);
    expect(JSON.parse(r.body).error).toMatchObject({
      code: 'VALIDATION',
      message: expect.stringMatching(/超过 128 MB.*分几次导入/),
    });
    expect(changeLogCount()).toBe(before);
    expect((await api('plan/list', withToken())).status).toBe(200);
  });

  it('takes a body as large as three 20 MB workbooks (base64)', async () => {
    const file = { name: 'x.xlsx', bytesBase64: Buffer.alloc(20 * 1024 * 1024, 1).toString('base64') };
    const r = await api('import/preview', withToken(), JSON.stringify({ planId: 1, files: [file, file, file] }));
    expect(r.status).toBe(200);
    // Read and refused by the importer itself (not a workbook), not by the bridge.
    expect(JSON.parse(r.body)).toMatchObject({
      ok: true,
      data: { files: [{ rejected: true }, { rejected: true }, { rejected: true }] },
    });
  });

  it('answers API calls with nosniff and no-store, and JSON only', async () => {
    const r = await api('plan/list', withToken());
    expect(r.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(r.headers['x-content-type-options']).toBe('nosniff');
    expect(r.headers['cache-control']).toBe('no-store');
  });
});

describe('browser shell: where it listens', () => {
  it('is bound to 127.0.0.1 only: not ::1, not the other loopback addresses', async () => {
    expect(server.host).toBe('127.0.0.1');
    const reach = (host: string) =>
      new Promise<boolean>((resolve) => {
        const socket = net.connect({ host, port: server.port, timeout: 2000 });
        socket.once('connect', () => (socket.destroy(), resolve(true)));
        socket.once('error', () => resolve(false));
        socket.once('timeout', () => (socket.destroy(), resolve(false)));
      });
    expect(await reach('127.0.0.1')).toBe(true);
    expect(await reach('127.0.0.2')).toBe(false);
    expect(await reach('::1')).toBe(false);
  });
});
