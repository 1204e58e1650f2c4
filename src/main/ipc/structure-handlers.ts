import type { HandlerTable } from './dispatch';

type Channels =
  | 'indicator/save'
  | 'indicator/delete'
  | 'indicator/restore'
  | 'indicator/move'
  | 'category/save'
  | 'category/delete'
  | 'category/move';

export const structureHandlers: Pick<HandlerTable, Channels> = {
  'indicator/save': (a, ctx) => ctx.services.structure.saveIndicator(a.planId, a.indicator, ctx.actor),
  'indicator/delete': (a, ctx) => ctx.services.structure.deleteIndicator(a.planId, a.indicatorId, ctx.actor),
  'indicator/restore': (a, ctx) => ctx.services.structure.restoreIndicator(a.planId, a.indicatorId, ctx.actor),
  'indicator/move': (a, ctx) =>
    ctx.services.structure.moveIndicator(a.planId, a.indicatorId, a.categoryId, a.index, ctx.actor),
  'category/save': (a, ctx) => ctx.services.structure.saveCategory(a.planId, { id: a.id, name: a.name }, ctx.actor),
  'category/delete': (a, ctx) => ctx.services.structure.deleteCategory(a.planId, a.categoryId, ctx.actor),
  'category/move': (a, ctx) => ctx.services.structure.moveCategory(a.planId, a.categoryId, a.index, ctx.actor),
};
