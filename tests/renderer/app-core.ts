// A fake core for the whole window: a plan list the test can change, a PlanDetail per plan, every call recorded with
// its arguments, and per-test handlers for the channels under test (unknown channels fail like the real dispatcher).
import type { Channel } from '../../src/shared/api';
import type { IpcResult } from '../../src/shared/errors';
import type { PlanDetail, PlanSummary } from '../../src/shared/model';
import type { Transport } from '../../src/renderer/src/lib/api';
import { fail } from './monitoring-core';
import { buildPlanDetail, ok, planSummary } from './plan-fixture';
import { buildAppendix1, fontRoles } from './report-fixture';

export interface AppCore {
  transport: Transport;
  calls: { channel: Channel; args: unknown }[];
  plans: PlanSummary[];
  details: Map<number, PlanDetail>;
  argsOf: (channel: Channel) => unknown[];
  /** sets a plan's status in the list and in its detail, as plan/close and plan/reopen do */
  setStatus: (planId: number, status: PlanSummary['status']) => PlanSummary;
}

export type AppHandler = (args: never, core: AppCore) => IpcResult<unknown> | Promise<IpcResult<unknown>>;

export const nextPlan: PlanSummary = {
  ...planSummary,
  id: 2,
  shortName: '十五五',
  title: '磐安县市场监督管理“十五五”规划',
  firstYear: 2026,
  lastYear: 2030,
  baseYear: 2025,
  indicatorCount: 2,
};

/** The plan detail of a summary: the fixture's plan under the summary's identity and status. */
export function detailOf(summary: PlanSummary): PlanDetail {
  const d = buildPlanDetail();
  d.plan = { ...d.plan, ...summary };
  return d;
}

export function appCore(
  plans: PlanSummary[] = [planSummary],
  handlers: Partial<Record<Channel, AppHandler>> = {},
): AppCore {
  const core: AppCore = {
    calls: [],
    plans: structuredClone(plans),
    details: new Map(plans.map((p) => [p.id, detailOf(p)])),
    argsOf: (channel) => core.calls.filter((c) => c.channel === channel).map((c) => c.args),
    setStatus: (planId, status) => {
      const p = core.plans.find((x) => x.id === planId)!;
      p.status = status;
      const d = core.details.get(planId);
      if (d) d.plan.status = status;
      return structuredClone(p);
    },
    transport: async (channel, args) => {
      core.calls.push({ channel, args });
      const handler = handlers[channel];
      if (handler) return handler(args as never, core);
      switch (channel) {
        case 'plan/list':
          return ok(structuredClone(core.plans));
        case 'plan/get': {
          const d = core.details.get((args as { plan: number }).plan);
          return d ? ok(structuredClone(d)) : fail('NOT_FOUND', '找不到该规划。');
        }
        case 'report/appendices':
          return ok([buildAppendix1()]);
        case 'settings/fonts':
          return ok(fontRoles);
        case 'department/list':
          return ok([]);
        case 'changelog/list':
          return ok({ total: 0, entries: [] });
        default:
          return fail('UNKNOWN_CHANNEL', `未知的调用：${channel}`);
      }
    },
  };
  return core;
}
