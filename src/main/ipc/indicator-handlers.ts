import type { HandlerTable } from './dispatch';

export const indicatorHandlers: Pick<HandlerTable, 'indicator/update-values' | 'evaluation/set-override'> = {
  'indicator/update-values': (args, ctx) => ctx.services.indicators.updateValues(args.planId, args.changes, ctx.actor),
  'evaluation/set-override': (a, ctx) =>
    ctx.services.indicators.setOverride(a.planId, a.indicatorId, a.year, a.override, ctx.actor),
};
