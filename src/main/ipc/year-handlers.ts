import type { HandlerTable } from './dispatch';
import { toResult } from './report-handlers';

export const yearHandlers: Pick<HandlerTable, 'year/submit' | 'year/unlock' | 'year/submitted-file'> = {
  'year/submit': (a, ctx) => ctx.services.submissions.submit(a.planId, a.year, ctx.actor),
  'year/unlock': (a, ctx) => ctx.services.submissions.unlock(a.planId, a.year, a.reason, ctx.actor),
  'year/submitted-file': (a, ctx) => toResult(ctx.services.submissions.file(a.planId, a.year, a.format)),
};
