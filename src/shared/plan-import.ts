// Importing a plan from a workbook laid out like a plan appendix (issue 6): the preview shown before anything is
// written, and the appendix layout a plan keeps so that its 附件1 prints with the columns it was published with.
// Produced by src/main/import/plan-*.ts, shown by the renderer, printed by the CLI (`import plan`).
import { z } from 'zod';
import { importFileSchema, type ImportPlace, type ImportProblem } from './import';

const layoutYear = z.number().int().min(1949).max(2200);

/**
 * What one column of 附件1 prints: 类别, 序号, the indicator's name as printed, its unit, 属性 (预期性/约束性), the base
 * value, the target of a year, 备注, the responsible section (责任科室) or the data source (数据来源).
 */
export const APPENDIX_COLUMN_KINDS = [
  'category',
  'seq',
  'name',
  'unit',
  'nature',
  'base',
  'target',
  'remark',
  'department',
  'source',
] as const;
export type AppendixColumnKind = (typeof APPENDIX_COLUMN_KINDS)[number];

export const appendixColumnSchema = z
  .strictObject({
    kind: z.enum(APPENDIX_COLUMN_KINDS),
    /** the header as printed, line breaks included (e.g. "2025年\n目标值") */
    header: z.string().max(200),
    /** target: the year whose target the column prints; base: the base year when the header names one */
    year: layoutYear.optional(),
    /** a header printed above this one across consecutive columns (a merged 目标值 over 2021年 | 2025年) */
    group: z.string().min(1).max(200).optional(),
  })
  .refine((c) => c.kind !== 'target' || c.year !== undefined, { message: '目标值列须注明年份', path: ['year'] })
  .refine((c) => c.year === undefined || c.kind === 'target' || c.kind === 'base', {
    message: '只有基期值列和目标值列带年份',
    path: ['year'],
  });
export type AppendixColumn = z.infer<typeof appendixColumnSchema>;

/** The numbering printed before a category's name on its own row: 一、主体活力 or （一）质量提升. */
export const CATEGORY_NUMBERINGS = ['一、', '（一）'] as const;
export type CategoryNumbering = (typeof CATEGORY_NUMBERINGS)[number];

export const appendixLayoutSchema = z
  .strictObject({
    columns: z.array(appendixColumnSchema).min(1).max(60),
    /**
     * 'column': a merged 类别 column (needs a category column); 'rows': a row of its own before each category;
     * 'none': categories are not printed (a table that had none)
     */
    categories: z.enum(['column', 'rows', 'none']),
    /** rows only: numbering printed before each category name; null prints the name alone */
    categoryNumbering: z.enum(CATEGORY_NUMBERINGS).nullable(),
    /** lines printed under the table (注：…, 数据来源：…) */
    notes: z.array(z.string().min(1).max(2000)).max(50),
  })
  .refine((l) => l.categories !== 'column' || l.columns.some((c) => c.kind === 'category'), {
    message: '按列排列类别时须有“类别”列',
    path: ['columns'],
  })
  .refine((l) => l.columns.some((c) => c.kind === 'name'), { message: '须有指标名称列', path: ['columns'] });
export type AppendixLayout = z.infer<typeof appendixLayoutSchema>;

/**
 * The layout PlanDesk has always printed: 类别 | 序号 | 主要指标 | one column per published target year | 备注
 * (the plan's last year when it publishes none). Also what migration 0004 gives the plans that existed before it.
 */
export function defaultAppendixLayout(plan: { targetYears: readonly number[]; lastYear: number }): AppendixLayout {
  const years = plan.targetYears.length > 0 ? plan.targetYears : [plan.lastYear];
  return {
    columns: [
      { kind: 'category', header: '类别' },
      { kind: 'seq', header: '序号' },
      { kind: 'name', header: '主要指标' },
      ...years.map((year): AppendixColumn => ({ kind: 'target', header: `${year}年`, year })),
      { kind: 'remark', header: '备注' },
    ],
    categories: 'column',
    categoryNumbering: null,
    notes: [],
  };
}

/** 1 → 一, 12 → 十二, 20 → 二十 (category numbering; beyond 99 plain digits). */
export function chineseNumber(n: number): string {
  const d = '零一二三四五六七八九';
  if (!Number.isInteger(n) || n < 1 || n > 99) return String(n);
  if (n < 10) return d[n]!;
  const tens = Math.floor(n / 10);
  return (tens === 1 ? '' : d[tens]!) + '十' + (n % 10 === 0 ? '' : d[n % 10]!);
}

/** A category's printed heading under a numbering: (一、, 2, 质量提升) → 二、质量提升. */
export function numberedCategory(numbering: CategoryNumbering | null, position: number, name: string): string {
  if (numbering === null) return name;
  const n = chineseNumber(position);
  return numbering === '一、' ? `${n}、${name}` : `（${n}）${name}`;
}

export const planImportArgsSchema = z.strictObject({
  file: importFileSchema,
  /** the clerk may name the plan when the workbook's title does not (or differently) */
  shortName: z.string().trim().min(1).max(20).optional(),
  title: z.string().trim().min(1).max(200).optional(),
});
export type PlanImportArgs = z.infer<typeof planImportArgsSchema>;

export interface PlanImportIndicator {
  seq: string;
  printedName: string;
  name: string;
  unit: string | null;
  nature: 'expected' | 'binding' | null;
  /** verbatim text of the base value */
  base: string | null;
  /** year → verbatim target text */
  targets: Record<string, string>;
  remark: string | null;
  /** 责任科室 / 数据来源 when the table has such a column */
  department: string | null;
  dataSource: string | null;
  /** where the indicator's name was read */
  place: ImportPlace;
}

export interface PlanImportPreview {
  file: string;
  sha256: string;
  plan: {
    title: string;
    shortName: string;
    firstYear: number;
    lastYear: number;
    baseYear: number | null;
    /** years with a target column, ascending */
    targetYears: number[];
    /** the appendix columns found, in order, as printed (e.g. 基期值（2020年） | 目标值（2025年） | 属性) */
    columns: string[];
    /** what is stored with the plan: 附件1 exports print exactly these columns */
    layout: AppendixLayout;
    /** the 附件 label and title as the workbook prints them (or as PlanDesk will print them) */
    appendix: { label: string; title: string };
  };
  categories: { name: string; indicators: PlanImportIndicator[] }[];
  problems: ImportProblem[];
  /** fingerprint of the file and the plan to be created; plan/import-apply refuses a different one */
  token: string;
}
