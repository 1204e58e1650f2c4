import { describeFontSet } from '../export/fonts';
import type { HandlerTable } from './dispatch';

export const settingsHandlers: Pick<HandlerTable, 'settings/fonts'> = {
  'settings/fonts': (_args, ctx) => describeFontSet(ctx.fonts()),
};
