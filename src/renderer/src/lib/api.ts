// The renderer's only way to the core: a typed `call(channel, args)` over whichever shell we run in.
// In Electron the sandboxed preload exposes `window.plandesk.invoke`; in the browser shell the same channels
// are served over HTTP at /api/<channel>. Both answer with the IpcResult envelope, unwrapped here so pages
// only ever see data or an ApiError carrying the Chinese message meant for the clerk.
// Only types come from shared/api, so zod never ends up in the renderer bundle.
import type { ArgsIn, Channel, Result } from '../../../shared/api';
import { AppError, ERROR_CODES, type IpcResult } from '../../../shared/errors';
import { captureToken } from './token';

/** What the preload script exposes (see src/preload/index.ts). */
export interface PlanDeskBridge {
  invoke(channel: string, args: unknown): Promise<IpcResult<unknown>>;
}

declare global {
  interface Window {
    plandesk?: PlanDeskBridge;
  }
}

/** Delivers one call and resolves with the raw envelope; rejects only when the core cannot be reached. */
export type Transport = (channel: Channel, args: unknown) => Promise<IpcResult<unknown>>;

export const TOKEN_HEADER = 'x-plandesk-token';

export const MSG_UNREACHABLE = '无法连接到 PlanDesk 服务，请确认程序仍在运行，然后刷新页面。';
export const MSG_BAD_RESPONSE = 'PlanDesk 服务返回了无法识别的响应';

/** An error as the renderer sees it: the core's AppError, rebuilt from its envelope. */
export class ApiError extends AppError {
  override readonly name = 'ApiError';
}

/** Anything thrown while talking to the core, as an ApiError (unexpected throws become INTERNAL). */
export function toApiError(e: unknown): ApiError {
  if (e instanceof ApiError) return e;
  return new ApiError('INTERNAL', MSG_UNREACHABLE, e instanceof Error ? e.message : String(e));
}

const KNOWN_CODES: ReadonlySet<string> = new Set(ERROR_CODES);

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null;
}

// The envelope comes from outside the renderer (IPC or HTTP), so its shape is checked rather than trusted.
function isEnvelope(v: unknown): v is IpcResult<unknown> {
  if (!isRecord(v)) return false;
  if (v.ok === true) return 'data' in v;
  if (v.ok !== false || !isRecord(v.error)) return false;
  return typeof v.error.code === 'string' && typeof v.error.message === 'string';
}

export interface HttpTransportOptions {
  fetch?: typeof fetch;
  /** read per call, so a token captured after the transport was built is still used */
  getToken?: () => string | null;
  /** prefix of the API endpoints; the page and the API share one origin */
  baseUrl?: string;
}

export function createHttpTransport(opts: HttpTransportOptions = {}): Transport {
  // Wrapped, not passed bare: calling window.fetch detached from window throws "Illegal invocation".
  const doFetch = opts.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const getToken = opts.getToken ?? (() => captureToken());
  const baseUrl = opts.baseUrl ?? '/api/';
  return async (channel, args) => {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    const token = getToken();
    // Without a token the server answers 403 with its own explanation, which is what the clerk should read.
    if (token) headers[TOKEN_HEADER] = token;
    let response: Response;
    try {
      response = await doFetch(baseUrl + channel, { method: 'POST', headers, body: JSON.stringify(args ?? {}) });
    } catch (e) {
      throw new ApiError('INTERNAL', MSG_UNREACHABLE, e instanceof Error ? e.message : String(e));
    }
    let body: unknown;
    try {
      body = await response.json();
    } catch {
      body = undefined;
    }
    // Error statuses (403, 415, 500…) still carry the envelope; only a foreign answer (e.g. an HTML 404
    // from a dev server without the API) lacks it.
    if (!isEnvelope(body)) {
      throw new ApiError('INTERNAL', `${MSG_BAD_RESPONSE}（HTTP ${response.status}）。`);
    }
    return body;
  };
}

/** Electron: forward to the preload bridge. */
export function createBridgeTransport(bridge: PlanDeskBridge): Transport {
  return async (channel, args) => {
    let body: unknown;
    try {
      body = await bridge.invoke(channel, args);
    } catch (e) {
      throw new ApiError('INTERNAL', MSG_UNREACHABLE, e instanceof Error ? e.message : String(e));
    }
    if (!isEnvelope(body)) throw new ApiError('INTERNAL', `${MSG_BAD_RESPONSE}。`);
    return body;
  };
}

export interface AutoTransportOptions extends HttpTransportOptions {
  win?: Window;
}

/**
 * Chooses per call: the preload bridge when the page runs inside Electron, HTTP otherwise. Deciding per call
 * (not at import time) keeps module loading free of side effects and lets tests switch shells.
 */
export function createAutoTransport(opts: AutoTransportOptions = {}): Transport {
  const win = opts.win ?? window;
  const http = createHttpTransport({ getToken: () => captureToken(win), ...opts });
  return (channel, args) => {
    const bridge = win.plandesk;
    if (bridge && typeof bridge.invoke === 'function') return createBridgeTransport(bridge)(channel, args);
    return http(channel, args);
  };
}

export interface ApiClient {
  call<C extends Channel>(channel: C, args: ArgsIn<C>): Promise<Result<C>>;
}

export function createApiClient(transport: Transport): ApiClient {
  return {
    async call<C extends Channel>(channel: C, args: ArgsIn<C>): Promise<Result<C>> {
      let envelope: IpcResult<unknown>;
      try {
        envelope = await transport(channel, args);
      } catch (e) {
        throw toApiError(e);
      }
      if (envelope.ok) return envelope.data as Result<C>;
      const { code, message, details } = envelope.error;
      // An unknown code from a newer core is still an error; INTERNAL is the honest catch-all.
      const known = KNOWN_CODES.has(code) ? code : 'INTERNAL';
      throw new ApiError(known, message, details);
    },
  };
}

/** The client the app uses: picks the Electron bridge or HTTP by itself. */
const api: ApiClient = createApiClient(createAutoTransport());

export function call<C extends Channel>(channel: C, args: ArgsIn<C>): Promise<Result<C>> {
  return api.call(channel, args);
}

export default api;
