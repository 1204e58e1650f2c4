import type { HandlerTable } from './dispatch';

export const changeLogHandlers: Pick<HandlerTable, 'changelog/list' | 'changelog/revert'> = {
  'changelog/list': (args, ctx) => ctx.services.changeLog.list(args),
  'changelog/revert': (args, ctx) => ctx.services.revert.revert(args.id, ctx.actor),
};
