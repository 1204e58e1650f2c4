import type { HandlerTable } from './dispatch';

export const indicatorHandlers: Pick<HandlerTable, 'indicator/update-values'> = {
  'indicator/update-values': (args, ctx) => ctx.services.indicators.updateValues(args.planId, args.changes, ctx.actor),
};
