// All handlers, merged into one table checked against the contract: a missing or extra channel fails to compile.
import { changeLogHandlers } from './change-log-handlers';
import type { HandlerTable } from './dispatch';
import { indicatorHandlers } from './indicator-handlers';
import { planHandlers } from './plan-handlers';

export const handlers = {
  ...planHandlers,
  ...indicatorHandlers,
  ...changeLogHandlers,
} satisfies HandlerTable;
