// The one contract between the renderer and the core: every channel once, with its argument schema and result type.
// Main validates arguments against these schemas before any handler runs (the renderer and the HTTP bridge are
// untrusted); the preload forwards channels generically; the renderer's client is typed from the same map.
import { z } from 'zod';
import { CHANNEL_NAMES, type ChannelName } from './channels';
import {
  actionFieldsSchema,
  changeLogQuerySchema,
  id,
  indicatorDefinitionSchema,
  year,
  planRefSchema,
  planMetaInputSchema,
  progressSchema,
  taskFieldsSchema,
  valueChangeSchema,
  type ChangeLogPage,
  type UpdateValuesResult,
} from './api-schemas';
import type {
  Action,
  Category,
  ChangeLogEntry,
  Department,
  EvaluationOverride,
  Indicator,
  PlanDetail,
  PlanSummary,
  ProgressEntry,
  Task,
} from './model';
import type { ReportTable } from './report';
import { importArgsSchema, type ImportApplyResult, type ImportPreview } from './import';
import type { YearSubmission } from './model';
import { planImportArgsSchema, type PlanImportPreview } from './plan-import';
import {
  backupKeepSchema,
  restoreArgsSchema,
  restoreSourceSchema,
  type BackupEntry,
  type RestorePreview,
  type RestoreResult,
  type StorageInfo,
} from './backup';

export * from './api-schemas';

export const appendixSchema = z.enum(['1', '2', 'all']);
export const exportFormatSchema = z.enum(['xlsx', 'pdf']);

/**
 * An exported file. The core returns the bytes (base64, so they cross IPC and HTTP alike); the Electron shell
 * instead shows a save dialog, writes the file atomically and returns where it went (`savedTo`, null if cancelled).
 */
export interface ExportResult {
  fileName: string;
  mimeType: string;
  bytesBase64?: string;
  savedTo?: string | null;
  /** e.g. characters no available font can draw */
  warnings: string[];
}

/** Which font fills each typographic role of the official PDF (shown in 设置). */
export interface FontRoleInfo {
  /** heiti 黑体 (labels, headers) · songti 宋体 (page numbers) · biaosong 标宋 (titles) · fangsong 仿宋 (body) */
  role: 'heiti' | 'songti' | 'biaosong' | 'fangsong';
  /** the font used first, e.g. '仿宋_GB2312' or 'FandolFang' */
  family: string;
  file: string;
  /** true for a font installed on this machine (official fonts), false for the bundled open fonts */
  official: boolean;
  /** families tried per character when the first one lacks a glyph */
  fallbacks: string[];
}

/** Phantom marker carrying a result type through the contract without a runtime value. */
const returns = <T>() => undefined as unknown as T;

export const contract = {
  'plan/list': { args: z.strictObject({}), result: returns<PlanSummary[]>() },
  'plan/get': { args: z.strictObject({ plan: planRefSchema }), result: returns<PlanDetail>() },
  'plan/source-text': { args: z.strictObject({ plan: planRefSchema }), result: returns<{ text: string | null }>() },
  'indicator/update-values': {
    args: z.strictObject({ planId: id, changes: z.array(valueChangeSchema).min(1).max(10000) }),
    result: returns<UpdateValuesResult>(),
  },
  'report/appendices': {
    args: z.strictObject({ plan: planRefSchema, appendix: appendixSchema }),
    result: returns<ReportTable[]>(),
  },
  'export/appendix': {
    args: z.strictObject({ plan: planRefSchema, appendix: appendixSchema, format: exportFormatSchema }),
    result: returns<ExportResult>(),
    /** the Electron shell saves the result through a save dialog instead of returning the bytes */
    file: true,
  },
  /** 年度完成情况表 (annual submission) for one year */
  'export/annual': {
    args: z.strictObject({ plan: planRefSchema, year, format: exportFormatSchema }),
    result: returns<ExportResult>(),
    file: true,
  },
  'settings/fonts': { args: z.strictObject({}), result: returns<FontRoleInfo[]>() },
  /** a clerk's written override of the computed 评价 for one year; null removes it */
  'evaluation/set-override': {
    args: z.strictObject({
      planId: id,
      indicatorId: id,
      year,
      override: z
        .strictObject({
          status: z.enum(['achieved_early', 'ahead', 'on_track', 'lagging', 'no_data']),
          reason: z.string().trim().min(1, '请写明人工调整的理由').max(2000),
        })
        .nullable(),
    }),
    result: returns<EvaluationOverride | null>(),
  },
  'indicator/save': {
    args: z.strictObject({ planId: id, indicator: indicatorDefinitionSchema }),
    result: returns<Indicator>(),
  },
  'indicator/delete': {
    args: z.strictObject({ planId: id, indicatorId: id }),
    result: returns<{ snapshot: Indicator }>(),
  },
  /** puts a deleted indicator back with its values (the undo of indicator/delete) */
  'indicator/restore': {
    args: z.strictObject({ planId: id, indicatorId: id }),
    result: returns<Indicator>(),
  },
  'indicator/move': {
    args: z.strictObject({ planId: id, indicatorId: id, categoryId: id, index: z.number().int().min(0).max(100000) }),
    result: returns<Indicator[]>(),
  },
  'category/save': {
    args: z.strictObject({ planId: id, id: id.optional(), name: z.string().trim().min(1).max(100) }),
    result: returns<Category>(),
  },
  'category/delete': { args: z.strictObject({ planId: id, categoryId: id }), result: returns<{ ok: true }>() },
  'category/move': {
    args: z.strictObject({ planId: id, categoryId: id, index: z.number().int().min(0).max(10000) }),
    result: returns<Category[]>(),
  },
  'action/update': {
    args: z.strictObject({ planId: id, actionId: id, fields: actionFieldsSchema }),
    result: returns<Action>(),
  },
  'action/set-progress': {
    args: z.strictObject({ planId: id, actionId: id, progress: progressSchema }),
    result: returns<ProgressEntry | null>(),
  },
  'task/update': {
    args: z.strictObject({ planId: id, taskId: id, fields: taskFieldsSchema }),
    result: returns<Task>(),
  },
  'task/set-progress': {
    args: z.strictObject({ planId: id, taskId: id, progress: progressSchema }),
    result: returns<ProgressEntry | null>(),
  },
  'department/list': { args: z.strictObject({}), result: returns<Department[]>() },
  'department/save': {
    args: z.strictObject({ id: id.optional(), name: z.string().trim().min(1).max(100) }),
    result: returns<Department>(),
  },
  'department/delete': { args: z.strictObject({ id }), result: returns<{ ok: true }>() },
  'changelog/list': { args: changeLogQuerySchema, result: returns<ChangeLogPage>() },
  /** undoes one logged change by writing its `before` back (itself logged) */
  'changelog/revert': { args: z.strictObject({ id }), result: returns<ChangeLogEntry>() },
  /** a new, empty plan (categories may be named at once); indicators are then added with indicator/save */
  'plan/create': {
    args: z.strictObject({
      plan: planMetaInputSchema,
      categories: z.array(z.string().trim().min(1).max(100)).max(100).default([]),
    }),
    result: returns<PlanSummary>(),
  },
  /**
   * A new period from an old plan: its categories and the chosen indicators (all when omitted), base year = the old
   * plan's last year, base values = the latest actuals (marked as carried over); targets only when asked.
   */
  'plan/clone': {
    args: z.strictObject({
      planId: id,
      plan: planMetaInputSchema,
      indicatorIds: z.array(id).max(10000).optional(),
      copyTargets: z.boolean().default(false),
    }),
    result: returns<PlanSummary>(),
  },
  /** closes a plan: read-only from then on, still viewable, exportable and evaluated */
  'plan/close': { args: z.strictObject({ planId: id }), result: returns<PlanSummary>() },
  /** reopens a closed plan; the reason is logged */
  'plan/reopen': {
    args: z.strictObject({ planId: id, reason: z.string().trim().min(1, '请写明重新打开的理由').max(2000) }),
    result: returns<PlanSummary>(),
  },
  /** 总结评估: every indicator's final status against the final target */
  'export/final-evaluation': {
    args: z.strictObject({ plan: planRefSchema, format: exportFormatSchema }),
    result: returns<ExportResult>(),
    file: true,
  },
  /** a plan read from a workbook laid out like a plan appendix; writes nothing */
  'plan/import-preview': { args: planImportArgsSchema, result: returns<PlanImportPreview>() },
  /** creates the previewed plan in one transaction; refused if the token no longer matches */
  'plan/import-apply': {
    args: planImportArgsSchema.extend({ token: z.string().regex(/^[0-9a-f]{64}$/) }),
    result: returns<PlanSummary>(),
  },
  /** what returned workbooks would change; writes nothing */
  'import/preview': { args: importArgsSchema, result: returns<ImportPreview>() },
  /** writes a previewed import in one transaction; refused if the preview's token no longer matches */
  'import/apply': {
    args: importArgsSchema.extend({ token: z.string().regex(/^[0-9a-f]{64}$/) }),
    result: returns<ImportApplyResult>(),
  },
  /** 填报表 for one 科室: its indicators for year Y, only the cells to fill unlocked */
  'export/collection': {
    args: z.strictObject({ plan: planRefSchema, year, departmentId: id }),
    result: returns<ExportResult>(),
    file: true,
  },
  /** 报送: renders the annual workbook and PDF, keeps them with their SHA-256 and makes the year's actuals read-only */
  'year/submit': { args: z.strictObject({ planId: id, year }), result: returns<YearSubmission>() },
  /** lifts 报送's lock; the reason is logged */
  'year/unlock': {
    args: z.strictObject({ planId: id, year, reason: z.string().trim().min(1, '请写明解锁的理由').max(2000) }),
    result: returns<{ ok: true }>(),
  },
  /** one of the files kept at 报送, byte for byte */
  'year/submitted-file': {
    args: z.strictObject({ planId: id, year, format: exportFormatSchema }),
    result: returns<ExportResult>(),
    file: true,
  },
  /** the rolling backups in `backups/` beside the database, newest first */
  'backup/list': { args: z.strictObject({}), result: returns<BackupEntry[]>() },
  /** 立即备份: a rolling backup now (reason 'manual'); null for an in-memory database */
  'backup/create': { args: z.strictObject({}), result: returns<BackupEntry | null>() },
  /** 备份到文件: the whole database as one consistent .db file */
  'backup/export': { args: z.strictObject({}), result: returns<ExportResult>(), file: true },
  /** what a backup (a chosen file or a rolling one) holds and what restoring it replaces; writes nothing */
  'backup/restore-preview': { args: restoreSourceSchema, result: returns<RestorePreview>() },
  /** backs up the current data, then replaces it with the previewed backup; refused if the token no longer matches */
  'backup/restore': { args: restoreArgsSchema, result: returns<RestoreResult>() },
  /** 设置 → 数据存储: database file, its size, the backups folder, how many backups are kept */
  'settings/storage': { args: z.strictObject({}), result: returns<StorageInfo>() },
  /** how many rolling backups to keep (logged; pruning applies it at once) */
  'settings/set-backup-keep': { args: backupKeepSchema, result: returns<StorageInfo>() },
} as const;

export type Contract = typeof contract;
export type Channel = keyof Contract;
/** What a caller passes (defaults may be omitted). */
export type ArgsIn<C extends Channel> = z.input<Contract[C]['args']>;
/** What a handler receives after validation. */
export type Args<C extends Channel> = z.output<Contract[C]['args']>;
export type Result<C extends Channel> = Contract[C]['result'];

export const CHANNELS: readonly Channel[] = CHANNEL_NAMES;

// Compile-time: the preload's list and the contract name exactly the same channels.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const channelListMatches: Same<Channel, ChannelName> = true;
void channelListMatches;

/** Channels whose result is an ExportResult that each shell delivers its own way. */
export function isFileChannel(channel: Channel): boolean {
  return 'file' in contract[channel];
}

export function isChannel(name: unknown): name is Channel {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);
}
