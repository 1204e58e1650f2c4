// The API client against real in-test transports: shell selection, token handling, envelope unwrapping.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { IpcResult } from '../../src/shared/errors';
import {
  ApiError,
  createApiClient,
  createAutoTransport,
  TOKEN_HEADER,
  type PlanDeskBridge,
  type Transport,
} from '../../src/renderer/src/lib/api';
import { captureToken, TOKEN_STORAGE_KEY } from '../../src/renderer/src/lib/token';
import { buildPlanDetail, ok, planSummary } from './plan-fixture';

interface FetchCall {
  url: string;
  init: RequestInit;
}

/** A fetch that records its calls and answers with whatever `respond` returns (or throws). */
function fakeFetch(respond: () => Response | Promise<Response>) {
  const calls: FetchCall[] = [];
  const fn: typeof fetch = async (input, init) => {
    calls.push({ url: String(input), init: init ?? {} });
    return respond();
  };
  return { fn, calls };
}

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json; charset=utf-8' } });

const headersOf = (call: FetchCall) => call.init.headers as Record<string, string>;

async function rejection(p: Promise<unknown>): Promise<ApiError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(ApiError);
    return e as ApiError;
  }
  throw new Error('expected the call to fail');
}

beforeEach(() => {
  sessionStorage.clear();
  window.history.replaceState(null, '', '/');
  delete window.plandesk;
});

afterEach(() => {
  delete window.plandesk;
});

describe('transport selection', () => {
  it('uses the preload bridge when window.plandesk.invoke exists, and never fetch', async () => {
    const invoked: { channel: string; args: unknown }[] = [];
    const bridge: PlanDeskBridge = {
      invoke: async (channel, args) => {
        invoked.push({ channel, args });
        return ok([planSummary]);
      },
    };
    window.plandesk = bridge;
    const http = fakeFetch(() => {
      throw new Error('fetch must not be used inside Electron');
    });
    const api = createApiClient(createAutoTransport({ fetch: http.fn }));

    await expect(api.call('plan/list', {})).resolves.toEqual([planSummary]);
    expect(invoked).toEqual([{ channel: 'plan/list', args: {} }]);
    expect(http.calls).toHaveLength(0);
  });

  it('falls back to HTTP POST /api/<channel> with JSON body and the token header', async () => {
    window.history.replaceState(null, '', '/?token=tok-123&view=1#top');
    const http = fakeFetch(() => json(ok(buildPlanDetail())));
    const api = createApiClient(createAutoTransport({ fetch: http.fn }));

    const detail = await api.call('plan/get', { plan: 1 });
    expect(detail.indicators).toHaveLength(3);
    expect(http.calls).toHaveLength(1);
    const [call] = http.calls;
    expect(call!.url).toBe('/api/plan/get');
    expect(call!.init.method).toBe('POST');
    expect(headersOf(call!)).toEqual({ 'content-type': 'application/json', [TOKEN_HEADER]: 'tok-123' });
    expect(JSON.parse(String(call!.init.body))).toEqual({ plan: 1 });
  });

  it('switches per call, so a bridge that appears later is used', async () => {
    const http = fakeFetch(() => json(ok([])));
    const api = createApiClient(createAutoTransport({ fetch: http.fn }));
    await api.call('plan/list', {});
    window.plandesk = { invoke: async () => ok([planSummary]) };
    await expect(api.call('plan/list', {})).resolves.toEqual([planSummary]);
    expect(http.calls).toHaveLength(1);
  });
});

describe('token', () => {
  it('is read from ?token=, stored in sessionStorage and removed from the visible URL', () => {
    window.history.replaceState({ keep: true }, '', '/index.html?view=1&token=abc%2Bdef#top');
    expect(captureToken()).toBe('abc+def');
    expect(sessionStorage.getItem(TOKEN_STORAGE_KEY)).toBe('abc+def');
    expect(window.location.search).toBe('?view=1');
    expect(window.location.hash).toBe('#top');
    expect(window.location.pathname).toBe('/index.html');
    expect(window.history.state).toEqual({ keep: true });
    expect(window.location.href).not.toContain('abc');
  });

  it('keeps being sent after the URL was cleaned (reloads within the tab)', async () => {
    window.history.replaceState(null, '', '/?token=persist-me');
    const http = fakeFetch(() => json(ok([])));
    const api = createApiClient(createAutoTransport({ fetch: http.fn }));
    await api.call('plan/list', {});
    expect(window.location.search).toBe('');
    await api.call('plan/list', {});
    expect(http.calls.map((c) => headersOf(c)[TOKEN_HEADER])).toEqual(['persist-me', 'persist-me']);
  });

  it('is omitted when there is none; the server 403 envelope becomes an ApiError with its Chinese message', async () => {
    const message = '访问令牌无效：请使用启动时打印的完整地址（含 token）打开。';
    const http = fakeFetch(() => json({ ok: false, error: { code: 'FORBIDDEN', message } }, 403));
    const api = createApiClient(createAutoTransport({ fetch: http.fn }));

    const err = await rejection(api.call('plan/list', {}));
    expect(err.code).toBe('FORBIDDEN');
    expect(err.message).toBe(message);
    expect(headersOf(http.calls[0]!)).not.toHaveProperty(TOKEN_HEADER);
    expect(captureToken()).toBeNull();
  });
});

describe('envelope unwrapping and failures', () => {
  it('turns ok:false into an ApiError carrying code, Chinese message and details', async () => {
    const transport: Transport = async () => ({
      ok: false,
      error: { code: 'NOT_FOUND', message: '未找到规划：十五五', details: { plan: '十五五' } },
    });
    const err = await rejection(createApiClient(transport).call('plan/get', { plan: '十五五' }));
    expect(err.code).toBe('NOT_FOUND');
    expect(err.message).toBe('未找到规划：十五五');
    expect(err.details).toEqual({ plan: '十五五' });
  });

  it('passes channel and args to the transport unchanged and returns data as is', async () => {
    const seen: { channel: string; args: unknown }[] = [];
    const transport: Transport = async (channel, args): Promise<IpcResult<unknown>> => {
      seen.push({ channel, args });
      return ok({ total: 0, entries: [] });
    };
    const page = await createApiClient(transport).call('changelog/list', { planId: 1, limit: 5 });
    expect(page).toEqual({ total: 0, entries: [] });
    expect(seen).toEqual([{ channel: 'changelog/list', args: { planId: 1, limit: 5 } }]);
  });

  it('maps a rejected fetch (server gone) to INTERNAL with a Chinese message', async () => {
    const http = fakeFetch(() => Promise.reject(new TypeError('Failed to fetch')));
    const err = await rejection(createApiClient(createAutoTransport({ fetch: http.fn })).call('plan/list', {}));
    expect(err.code).toBe('INTERNAL');
    expect(err.message).toContain('无法连接到 PlanDesk 服务');
    expect(err.details).toBe('Failed to fetch');
  });

  it('maps a response without the envelope (e.g. an HTML 404) to INTERNAL', async () => {
    const http = fakeFetch(() => new Response('<!doctype html><p>Not Found</p>', { status: 404 }));
    const err = await rejection(createApiClient(createAutoTransport({ fetch: http.fn })).call('plan/list', {}));
    expect(err.code).toBe('INTERNAL');
    expect(err.message).toContain('HTTP 404');
  });

  it('maps a failing preload bridge to INTERNAL', async () => {
    window.plandesk = { invoke: () => Promise.reject(new Error('ipc down')) };
    const err = await rejection(createApiClient(createAutoTransport()).call('plan/list', {}));
    expect(err.code).toBe('INTERNAL');
    expect(err.message).toContain('无法连接到 PlanDesk 服务');
  });

  it('treats an unknown error code from a newer core as INTERNAL but keeps its message', async () => {
    const transport = (async () => ({
      ok: false,
      error: { code: 'SOMETHING_NEW', message: '新错误' },
    })) as unknown as Transport;
    const err = await rejection(createApiClient(transport).call('plan/list', {}));
    expect(err.code).toBe('INTERNAL');
    expect(err.message).toBe('新错误');
  });
});
