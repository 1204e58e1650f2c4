// A fake core for the 年度监测 tools: serves plan/get from a plan the test can change, records every call with its
// arguments, and answers other channels from per-test handlers (unknown channels fail like the real dispatcher).
import type { Channel } from '../../src/shared/api';
import type { ErrorCode, IpcResult } from '../../src/shared/errors';
import type { PlanDetail } from '../../src/shared/model';
import type { Transport } from '../../src/renderer/src/lib/api';
import { ok } from './plan-fixture';

export interface Call {
  channel: Channel;
  args: unknown;
}

export type Handler = (args: never, core: FakeCore) => IpcResult<unknown> | Promise<IpcResult<unknown>>;

export interface FakeCore {
  transport: Transport;
  calls: Call[];
  detail: PlanDetail;
  /** calls of one channel, arguments only */
  argsOf: (channel: Channel) => unknown[];
}

export const fail = (code: ErrorCode, message: string): IpcResult<never> => ({ ok: false, error: { code, message } });

export function fakeCore(detail: PlanDetail, handlers: Partial<Record<Channel, Handler>> = {}): FakeCore {
  const core: FakeCore = {
    calls: [],
    detail,
    argsOf: (channel) => core.calls.filter((c) => c.channel === channel).map((c) => c.args),
    transport: async (channel, args) => {
      core.calls.push({ channel, args });
      const handler = handlers[channel];
      if (handler) return handler(args as never, core);
      // A copy, as the real core answers: the page must not see later changes to the test's plan by reference.
      if (channel === 'plan/get') return ok(structuredClone(core.detail));
      return fail('UNKNOWN_CHANNEL', `未知的调用：${channel}`);
    },
  };
  return core;
}
