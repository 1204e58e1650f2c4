// All handlers, merged into one table checked against the contract: a missing or extra channel fails to compile.
import { backupHandlers } from './backup-handlers';
import { changeLogHandlers } from './change-log-handlers';
import type { HandlerTable } from './dispatch';
import { importHandlers } from './import-handlers';
import { indicatorHandlers } from './indicator-handlers';
import { planHandlers } from './plan-handlers';
import { planImportHandlers } from './plan-import-handlers';
import { reportHandlers } from './report-handlers';
import { settingsHandlers } from './settings-handlers';
import { structureHandlers } from './structure-handlers';
import { workHandlers } from './work-handlers';
import { yearHandlers } from './year-handlers';

export const handlers = {
  ...planHandlers,
  ...indicatorHandlers,
  ...structureHandlers,
  ...workHandlers,
  ...reportHandlers,
  ...settingsHandlers,
  ...changeLogHandlers,
  ...importHandlers,
  ...yearHandlers,
  ...backupHandlers,
  ...planImportHandlers,
} satisfies HandlerTable;
