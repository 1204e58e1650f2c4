// The browser shell's bridge: the built renderer and the same handler table over HTTP, on 127.0.0.1 only,
// guarded by a random per-start token and a Host/Origin check (against DNS rebinding and other local pages).
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { ErrorInfo, IpcResult } from '../../shared/errors';
import type { AppContext } from '../context';
import { dispatch, type HandlerTable, type Logger } from '../ipc/dispatch';
import { handlers } from '../ipc/handlers';

export const TOKEN_HEADER = 'x-plandesk-token';
/**
 * Largest request body: room for several returned workbooks at once (20 MB each, base64) and a backup to restore.
 * Electron IPC has no such limit; the browser version is the fallback shell.
 */
export const MAX_BODY = 128 * 1024 * 1024;
const TOO_LARGE = `请求超过 ${MAX_BODY / 1024 / 1024} MB，未处理。请分几次导入（每次少选几个文件）。`;

class TooLarge extends Error {}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
};

export interface WebServerOptions {
  ctx: AppContext;
  /** the built renderer (out/renderer); without it only the API is served */
  rendererDir?: string;
  port?: number;
  token?: string;
  table?: HandlerTable;
  log?: Logger;
}

export interface WebServer {
  url: string;
  /** the address actually bound (always the loopback address) */
  host: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

function send(res: http.ServerResponse, status: number, body: IpcResult<unknown>): void {
  const json = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  res.end(json);
}

const fail = (code: ErrorInfo['code'], message: string): IpcResult<never> => ({ ok: false, error: { code, message } });

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (c: Buffer) => {
      size += c.length;
      // Keep reading (and dropping) the rest, so the client gets the answer instead of a reset connection.
      if (size > MAX_BODY) tooLarge = true;
      else chunks.push(c);
    });
    req.on('end', () => (tooLarge ? reject(new TooLarge()) : resolve(Buffer.concat(chunks).toString('utf8'))));
    req.on('error', reject);
  });
}

function serveStatic(rendererDir: string | undefined, pathname: string, res: http.ServerResponse): void {
  if (!rendererDir) {
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('界面尚未构建：请先运行 npm run build。');
    return;
  }
  const root = path.resolve(rendererDir);
  const rel = pathname === '/' ? 'index.html' : decodeURIComponent(pathname).replace(/^\/+/, '');
  const file = path.resolve(root, rel);
  if (!file.startsWith(root + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('未找到。');
    return;
  }
  res.writeHead(200, {
    'content-type': CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream',
    'x-content-type-options': 'nosniff',
    'cache-control': rel === 'index.html' ? 'no-store' : 'max-age=3600',
  });
  fs.createReadStream(file).pipe(res);
}

export async function startWebServer(opts: WebServerOptions): Promise<WebServer> {
  const token = opts.token ?? crypto.randomBytes(24).toString('base64url');
  const table = opts.table ?? handlers;
  let port = 0;
  const allowedHosts = () => new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  const tokenOk = (given: string | string[] | undefined) =>
    typeof given === 'string' &&
    given.length === token.length &&
    crypto.timingSafeEqual(Buffer.from(given), Buffer.from(token));

  const server = http.createServer((req, res) => {
    void (async () => {
      const hosts = allowedHosts();
      if (!req.headers.host || !hosts.has(req.headers.host)) {
        return send(res, 403, fail('FORBIDDEN', '拒绝访问：主机名不符。'));
      }
      const origin = req.headers.origin;
      if (origin !== undefined && !hosts.has(origin.replace(/^http:\/\//, ''))) {
        return send(res, 403, fail('FORBIDDEN', '拒绝访问：来源不符。'));
      }
      const url = new URL(req.url ?? '/', `http://${req.headers.host}`);
      if (!url.pathname.startsWith('/api/')) {
        if (req.method !== 'GET' && req.method !== 'HEAD')
          return send(res, 405, fail('FORBIDDEN', '不支持的请求方法。'));
        return serveStatic(opts.rendererDir, url.pathname, res);
      }
      if (req.method !== 'POST') return send(res, 405, fail('FORBIDDEN', '接口只接受 POST 请求。'));
      if (!tokenOk(req.headers[TOKEN_HEADER])) {
        return send(res, 403, fail('FORBIDDEN', '访问令牌无效：请使用启动时打印的完整地址（含 token）打开。'));
      }
      if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
        return send(res, 415, fail('VALIDATION', '请求体必须是 JSON。'));
      }
      if (Number(req.headers['content-length'] ?? 0) > MAX_BODY) {
        res.setHeader('connection', 'close');
        return send(res, 413, fail('VALIDATION', TOO_LARGE));
      }
      let args: unknown;
      try {
        const body = await readBody(req);
        args = body.trim() === '' ? {} : JSON.parse(body);
      } catch (e) {
        if (e instanceof TooLarge) return send(res, 413, fail('VALIDATION', TOO_LARGE));
        return send(res, 400, fail('VALIDATION', '请求体不是有效的 JSON。'));
      }
      const channel = url.pathname.slice('/api/'.length);
      send(res, 200, await dispatch(table, opts.ctx, channel, args, opts.log));
    })().catch((e: unknown) => {
      opts.log?.('web bridge failure', e);
      if (!res.headersSent) send(res, 500, fail('INTERNAL', '程序内部错误。'));
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  const address = server.address() as AddressInfo;
  port = address.port;
  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    host: address.address,
    port,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
