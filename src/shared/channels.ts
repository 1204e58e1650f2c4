// The channel names alone, free of zod, so the sandboxed preload can bundle them without npm dependencies.
// api.ts checks at compile time that this list and the contract agree.
export const CHANNEL_NAMES = [
  'plan/list',
  'plan/get',
  'plan/source-text',
  'indicator/update-values',
  'report/appendices',
  'export/appendix',
  'export/annual',
  'settings/fonts',
  'evaluation/set-override',
  'indicator/save',
  'indicator/delete',
  'indicator/restore',
  'indicator/move',
  'category/save',
  'category/delete',
  'category/move',
  'action/update',
  'action/set-progress',
  'task/update',
  'task/set-progress',
  'department/list',
  'department/save',
  'department/delete',
  'changelog/list',
  'changelog/revert',
] as const;

export type ChannelName = (typeof CHANNEL_NAMES)[number];
