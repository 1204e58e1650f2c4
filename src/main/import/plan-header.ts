// Finds the indicator table of a plan appendix by its header texts: 类别, 序号, the indicator's name, 单位, 属性, base
// and target columns (2021年, 2020年基期值, 基期值（2020年）, 目标值, "2025年\n目标值"), 备注, 责任科室, 数据来源 — in one
// header row, or in two where a merged 目标值 spans 2021年 | 2025年. Tolerates what Excel, WPS and clerks do to header
// texts (line breaks, spaces, full-width characters); a merged cell's followers read as empty (workbook-file.ts).
import type { AppendixColumnKind } from '../../shared/plan-import';
import { squash } from './values-sheet';
import type { GridCell, SheetGrid } from './workbook-file';

const HEADER_SCAN_ROWS = 40;

/**
 * A column as its header reads. Year columns are 'base' or 'target' when the header says so; a bare year
 * (2020年) is 'year' until the plan's period is known (a year before the period is the base year).
 */
export interface HeaderColumn {
  index: number;
  /** the header cell (the lower one under a group) */
  cell: string;
  kind: AppendixColumnKind | 'year';
  /** the header as printed, line breaks kept */
  header: string;
  group?: string;
  year: number | null;
}

export interface PlanHeader {
  /** 0-based rows of the header (one or two) */
  rows: number[];
  columns: HeaderColumn[];
  /** header cells that name no column PlanDesk knows (their contents are not imported) */
  unknown: { cell: string; header: string }[];
}

type Kind = HeaderColumn['kind'];
interface Reading {
  kind: Kind;
  year: number | null;
}

const BASE_WORD = '(?:基期值?|基期年|基数|基准值?|现状值?|实际值|完成值|现值)';
/** 目标值, 规划目标, 预期目标值, 期末目标, “十五五”目标值 … */
const TARGET_WORD =
  '(?:(?:规划期末|规划|预期|年度|分年度|期末|[“”"]?十[一二三四五六七八九]五[“”"]?)?目标值?|预期值|规划值)';
const YEAR = '(\\d{4})年?(?:度|末)?';

const PATTERNS: readonly [RegExp, Kind][] = [
  [/^(?:类别|分类|领域|指标类别|类型|方面)$/, 'category'],
  [/^(?:序号|编号|序列|No\.?)$/i, 'seq'],
  [/^(?:主要|具体|目标)?指标(?:名称|内容|项目)?(?:及单位|\(.*\))?$/, 'name'],
  [/^(?:计量)?单位$/, 'unit'],
  [/^(?:指标)?(?:属性|性质)$/, 'nature'],
  [/^(?:备注|说明)$/, 'remark'],
  [/^(?:责任|牵头)(?:单位|科室|部门|处室)$/, 'department'],
  [/^(?:数据|指标)来源$/, 'source'],
];

/** What one header text names (already squashed), or null. */
export function readHeaderText(t: string): Reading | null {
  for (const [re, kind] of PATTERNS) if (re.test(t)) return { kind, year: null };
  let m = new RegExp(`^${YEAR}$`).exec(t);
  if (m) return { kind: 'year', year: Number(m[1]) };
  m = new RegExp(`^${YEAR}\\(?${BASE_WORD}\\)?$`).exec(t) ?? new RegExp(`^${BASE_WORD}\\(${YEAR}\\)$`).exec(t);
  if (m) return { kind: 'base', year: Number(m[1]) };
  if (new RegExp(`^${BASE_WORD}$`).test(t)) return { kind: 'base', year: null };
  m = new RegExp(`^${YEAR}\\(?${TARGET_WORD}\\)?$`).exec(t) ?? new RegExp(`^${TARGET_WORD}\\(${YEAR}\\)$`).exec(t);
  if (m) return { kind: 'target', year: Number(m[1]) };
  if (new RegExp(`^${TARGET_WORD}$`).test(t)) return { kind: 'target', year: null };
  return null;
}

const VALUE_KINDS: ReadonlySet<Kind> = new Set(['year', 'base', 'target']);
const textOf = (c: GridCell | undefined) => (c && c.kind !== 'empty' ? c.text.trim() : '');
/** A header cell's reading; a year typed as a number (2025) counts as the text 2025. */
const readCell = (c: GridCell | undefined) =>
  c && (c.kind === 'text' || c.kind === 'number') ? readHeaderText(squash(c.text)) : null;

/** The lower row of a two-row header: every filled cell a year or a value heading, at least one year. */
function isSubHeader(cells: GridCell[]): boolean {
  const filled = cells.filter((c) => c.kind !== 'empty' && c.text.trim() !== '');
  if (filled.length === 0) return false;
  const read = filled.map(readCell);
  return read.every((r) => r !== null && VALUE_KINDS.has(r.kind)) && read.some((r) => r!.year !== null);
}

/** A base or target column from a group heading over a year (基期值 / 2020年, 目标值 / 2025年). */
function combine(group: string, child: Reading): Reading {
  if (child.kind !== 'year') return child;
  const g = readHeaderText(squash(group));
  return { kind: g?.kind === 'base' ? 'base' : 'target', year: child.year };
}

export function findPlanHeader(sheet: SheetGrid): PlanHeader | null {
  const rows = sheet.rows;
  for (let r = 0; r < Math.min(rows.length, HEADER_SCAN_ROWS); r++) {
    const top = rows[r] ?? [];
    const read = top.map(readCell);
    if (!read.some((x) => x?.kind === 'name')) continue;
    if (!read.some((x) => x !== null && VALUE_KINDS.has(x.kind))) continue;

    const below = rows[r + 1] ?? [];
    const two = isSubHeader(below);
    const width = Math.max(top.length, two ? below.length : 0);
    const columns: HeaderColumn[] = [];
    const unknown: PlanHeader['unknown'] = [];
    let group: { text: string } | null = null;
    for (let c = 0; c < width; c++) {
      const upper = textOf(top[c]);
      const lower = two ? textOf(below[c]) : '';
      if (upper !== '' && lower === '') {
        group = null;
        const x = read[c];
        if (x) columns.push({ index: c, cell: top[c]!.address, kind: x.kind, header: upper, year: x.year });
        else unknown.push({ cell: top[c]!.address, header: upper });
        continue;
      }
      if (lower === '') continue; // no header at all: a spacer column
      // A lower cell: its group is the upper cell above it, or the merged one started to its left.
      if (upper !== '') group = { text: upper };
      const child = readHeaderText(squash(lower));
      if (!child || !group) {
        unknown.push({ cell: below[c]!.address, header: group ? `${group.text} ${lower}` : lower });
        continue;
      }
      const x = combine(group.text, child);
      columns.push({ index: c, cell: below[c]!.address, kind: x.kind, header: lower, group: group.text, year: x.year });
    }
    return { rows: two ? [r, r + 1] : [r], columns, unknown };
  }
  return null;
}
