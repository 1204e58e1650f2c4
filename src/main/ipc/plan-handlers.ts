import type { HandlerTable } from './dispatch';

export const planHandlers: Pick<HandlerTable, 'plan/list' | 'plan/get' | 'plan/source-text'> = {
  'plan/list': (_args, ctx) => ctx.services.plans.list(),
  'plan/get': (args, ctx) => ctx.services.plans.get(args.plan),
  'plan/source-text': (args, ctx) => ctx.services.plans.sourceText(args.plan),
};
