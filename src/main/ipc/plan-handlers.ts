import type { HandlerTable } from './dispatch';

export const planHandlers: Pick<
  HandlerTable,
  'plan/list' | 'plan/get' | 'plan/source-text' | 'plan/create' | 'plan/clone' | 'plan/close' | 'plan/reopen'
> = {
  'plan/list': (_args, ctx) => ctx.services.plans.list(),
  'plan/get': (args, ctx) => ctx.services.plans.get(args.plan),
  'plan/source-text': (args, ctx) => ctx.services.plans.sourceText(args.plan),
  'plan/create': (a, ctx) => ctx.services.lifecycle.create(a.plan, a.categories, ctx.actor),
  'plan/clone': (a, ctx) =>
    ctx.services.lifecycle.clone(
      a.planId,
      a.plan,
      { indicatorIds: a.indicatorIds, copyTargets: a.copyTargets },
      ctx.actor,
    ),
  'plan/close': (a, ctx) => ctx.services.lifecycle.close(a.planId, ctx.actor),
  'plan/reopen': (a, ctx) => ctx.services.lifecycle.reopen(a.planId, a.reason, ctx.actor),
};
