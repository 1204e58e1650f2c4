// Argument schemas and result shapes of the contract's editing channels (api.ts maps channels to them).
import { z } from 'zod';
import type { ChangeLogEntry, IndicatorValue } from './model';

export const id = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
export const year = z.number().int().min(1949).max(2200);
const name = z.string().trim().min(1).max(200);
const optionalText = (max: number) => z.string().max(max).nullable();

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

/** An indicator's definition as the side panel edits it; without `id` a new indicator is created. */
export const indicatorDefinitionSchema = z.strictObject({
  id: id.optional(),
  categoryId: id,
  name,
  unit: optionalText(40),
  nature: z.enum(['expected', 'binding']).nullable(),
  direction: z.enum(['increase', 'decrease', 'maintain']).nullable(),
  targetKind: z.enum(['level', 'yearly_average', 'cumulative']),
  base: z
    .strictObject({ text: z.string().trim().min(1).max(200), year: year.nullable(), source: optionalText(1000) })
    .nullable(),
  departmentId: id.nullable(),
  dataSource: optionalText(1000),
  remark: optionalText(2000),
});
export type IndicatorDefinition = z.infer<typeof indicatorDefinitionSchema>;

export const progressSchema = z.strictObject({
  year,
  /** an empty text with a null status clears the year's entry */
  text: z.string().max(5000),
  status: z.enum(['not_started', 'in_progress', 'done', 'lagging']).nullable(),
});

export const actionFieldsSchema = z.strictObject({
  name: name.optional(),
  goal: z.string().max(5000).optional(),
  departmentId: id.nullable().optional(),
  remark: optionalText(2000).optional(),
});

export const taskFieldsSchema = z.strictObject({
  title: name.optional(),
  text: z.string().max(20000).optional(),
  leadDepartmentId: id.nullable().optional(),
  cooperatingDepartmentIds: z.array(id).max(50).optional(),
  deadline: z
    .string()
    .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, '期限应写作 2025、2025-06 或 2025-06-30')
    .nullable()
    .optional(),
});

export const changeLogQuerySchema = z.strictObject({
  planId: id.optional(),
  entity: z.string().max(40).optional(),
  entityId: id.optional(),
  /** e.g. '2023/actual' for one cell, or a year '2023' for every field of that year */
  field: z.string().max(40).optional(),
  year: year.optional(),
  /** ISO dates, inclusive */
  from: z
    .string()
    .max(40)
    .regex(/^\d{4}-\d{2}-\d{2}/)
    .optional(),
  to: z
    .string()
    .max(40)
    .regex(/^\d{4}-\d{2}-\d{2}/)
    .optional(),
  limit: z.number().int().min(1).max(1000).default(100),
  offset: z.number().int().min(0).default(0),
});
export type ChangeLogQuery = z.output<typeof changeLogQuerySchema>;

export interface ChangeLogPage {
  total: number;
  entries: ChangeLogEntry[];
}

/** A new plan's (or a clone's) metadata. */
export const planMetaInputSchema = z
  .strictObject({
    title: z.string().trim().min(1, '请填写规划名称').max(200),
    shortName: z.string().trim().min(1, '请填写简称，例如 十五五').max(20),
    firstYear: year,
    lastYear: year,
    /** the year base values refer to (usually firstYear − 1) */
    baseYear: year.nullable(),
    issuers: z.array(z.string().trim().min(1).max(100)).max(10).default([]),
  })
  .refine((p) => p.lastYear >= p.firstYear && p.lastYear - p.firstYear <= 20, {
    message: '规划期应为起止年份，且不超过 20 年',
    path: ['lastYear'],
  })
  .refine((p) => p.baseYear === null || p.baseYear < p.firstYear, {
    message: '基期年份应早于规划起始年份',
    path: ['baseYear'],
  });
export type PlanMetaInput = z.infer<typeof planMetaInputSchema>;
