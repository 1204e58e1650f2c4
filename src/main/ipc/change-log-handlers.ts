import type { HandlerTable } from './dispatch';

export const changeLogHandlers: Pick<HandlerTable, 'changelog/list'> = {
  'changelog/list': (args, ctx) => ctx.services.changeLog.list(args),
};
