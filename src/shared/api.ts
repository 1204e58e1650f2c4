// The one contract between the renderer and the core: every channel once, with its argument schema and result type.
// Main validates arguments against these schemas before any handler runs (the renderer and the HTTP bridge are
// untrusted); the preload forwards channels generically; the renderer's client is typed from the same map.
import { z } from 'zod';
import { CHANNEL_NAMES, type ChannelName } from './channels';
import type { ChangeLogEntry, IndicatorValue, PlanDetail, PlanSummary } from './model';
import type { ReportTable } from './report';

const id = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
const year = z.number().int().min(1949).max(2200);

/** A plan by numeric id or by its short name (十四五). */
export const planRefSchema = z.union([id, z.string().trim().min(1).max(100)]);

export const valueChangeSchema = z.strictObject({
  indicatorId: id,
  year,
  kind: z.enum(['target', 'actual']),
  /** the verbatim text; an empty string clears the value */
  text: z.string().max(200),
  note: z.string().max(2000).nullable().optional(),
});

export type ValueChange = z.infer<typeof valueChangeSchema>;

export interface UpdateValuesResult {
  /** the values as stored after the change; a cleared value comes back as null */
  values: { indicatorId: number; year: number; kind: 'target' | 'actual'; value: IndicatorValue | null }[];
  /** texts saved that carry no comparable number (shown as a warning, never rejected) */
  warnings: { indicatorId: number; year: number; kind: 'target' | 'actual'; message: string }[];
}

export interface ChangeLogPage {
  total: number;
  entries: ChangeLogEntry[];
}

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
  'settings/fonts': { args: z.strictObject({}), result: returns<FontRoleInfo[]>() },
  'changelog/list': {
    args: z.strictObject({
      planId: id.optional(),
      limit: z.number().int().min(1).max(1000).default(100),
      offset: z.number().int().min(0).default(0),
    }),
    result: returns<ChangeLogPage>(),
  },
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
