// Reads the body of a plan appendix's indicator table, row by row: indicators under their categories (a merged 类别
// column, or category rows of their own such as 一、主体活力 / （一）质量提升), blank spacer rows skipped, footnotes
// (注：…, 数据来源：…) kept as notes, values kept verbatim. Problems name the file, sheet and cell.
import type { ImportProblem } from '../../shared/import';
import type { AppendixColumnKind } from '../../shared/plan-import';
import { parseValue } from '../../shared/value';
import { readHeaderText } from './plan-header';
import { squash } from './values-sheet';
import type { GridCell, SheetGrid } from './workbook-file';

/** A recognised column with its year settled (a bare 2020年 before the period is the base). */
export interface TableColumn {
  index: number;
  kind: AppendixColumnKind;
  year: number | null;
  header: string;
  group?: string;
  cell: string;
}

export interface ReadIndicator {
  /** 1-based row, as the clerk sees it */
  row: number;
  seq: string | null;
  seqCell: string | null;
  printedName: string;
  name: string;
  unit: string | null;
  nature: 'expected' | 'binding' | null;
  base: string | null;
  /** target column's year → verbatim text */
  targets: Record<string, string>;
  remark: string | null;
  department: string | null;
  dataSource: string | null;
  cell: string;
}

export interface ReadCategory {
  /** as printed: the 类别 cell, or the category row's text (numbering included) */
  text: string;
  cell: string;
  /** given as a row of its own (一、主体活力) rather than in the 类别 column */
  heading: boolean;
  indicators: ReadIndicator[];
}

export interface BodyReading {
  categories: ReadCategory[];
  /**
   * how categories were given: a 类别 column, rows of their own, or not at all (then every indicator is in the one
   * category 主要指标, with a warning)
   */
  mode: 'column' | 'rows' | 'none';
  notes: string[];
  problems: ImportProblem[];
}

const FOOTNOTE_RE = /^(?:注|说明|备注|数据来源|资料来源|来源|填表说明)\s*\d*\s*[:：]|^注\s*\d+\s*[.、．]|^[*※]/;
const LABEL_RE = /^附\s*件\s*\d+/;
/** Cells meaning "nothing here" in printed tables. */
const PLACEHOLDER_RE = /^(?:[-—–－/／\\]+|无)$/;
const MAX_VALUE_CHARS = 200;

/**
 * Characters units are written with (万户, %, 批次/千人, 个工作日, 亿元, m²): a parenthesised tail made of anything
 * else — 放心消费商圈（街区） — is part of the name.
 */
const UNIT_RE =
  /^(?:[%‰‱℃]|[万亿千百十个件项家户人元次批台辆吨天年月日周时小分秒钟公里米平方亩顷座所条篇册部份张套名位例起宗处株头只斤克升瓦度标准煤倍级枚笔场期届间床箱本单工作立顿万美港币辆/·a-zA-Z²³%‰]{1,10})$/u;

/** A name as printed split into name and unit: 在册市场主体总量（万户） → 在册市场主体总量 + 万户. */
export function splitUnit(printed: string): { name: string; unit: string | null } {
  const m = /^(.*\S)\s*[（(]\s*([^（）()]+?)\s*[）)]$/u.exec(printed);
  if (!m || !UNIT_RE.test(m[2]!)) return { name: printed, unit: null };
  return { name: m[1]!, unit: m[2]! };
}

const oneLine = (s: string) => s.replace(/\s*[\r\n]+\s*/g, '').trim();
const filled = (c: GridCell | undefined): c is GridCell => !!c && c.kind !== 'empty' && c.text.trim() !== '';

/** A value cell as it will be stored, or why it cannot be. */
function valueOf(c: GridCell | undefined): { text: string | null } | { error: string } {
  if (!filled(c)) return { text: null };
  switch (c.kind) {
    case 'number':
      return { text: c.text };
    case 'formula':
      return { error: `是公式（${c.text.slice(0, 40)}），不是写定的数值。请复制后“选择性粘贴 → 数值”再导入。` };
    case 'date':
      return { error: `是日期（${c.text}），可能被 Excel 自动转换了。请把单元格格式设为“文本”后按规划原文填写。` };
    case 'error':
      return { error: `是错误值 ${c.text}，请改为规划原文。` };
    case 'bool':
      return { error: `是逻辑值 ${c.text}，请改为规划原文。` };
    default: {
      const t = c.text.trim();
      if (PLACEHOLDER_RE.test(t)) return { text: null };
      if (t.length > MAX_VALUE_CHARS) return { error: `内容过长（${t.length} 个字），不像是一个指标值。` };
      return { text: t };
    }
  }
}

const NATURE = new Map<string, 'expected' | 'binding'>([
  ['预期性', 'expected'],
  ['预期', 'expected'],
  ['约束性', 'binding'],
  ['约束', 'binding'],
]);

export function readBody(sheet: SheetGrid, columns: TableColumn[], firstRow: number, file: string): BodyReading {
  const problems: ImportProblem[] = [];
  const problem = (cell: string | null, message: string, severity: ImportProblem['severity'] = 'error') =>
    problems.push({ file, sheet: sheet.name, cell, message, severity });
  const col = (kind: AppendixColumnKind) => columns.find((c) => c.kind === kind);
  const categoryCol = col('category');
  const nameCol = col('name')!;
  const seqCol = col('seq');
  const valueIndexes = new Set(
    columns.filter((c) => ['base', 'target', 'nature', 'unit'].includes(c.kind)).map((c) => c.index),
  );
  const known = new Set(columns.map((c) => c.index));

  const categories: ReadCategory[] = [];
  const notes: string[] = [];
  let inNotes = false;
  let current: ReadCategory | null = null;
  /** indicators read before any category */
  const orphans: ReadIndicator[] = [];

  for (let r = firstRow; r < sheet.rows.length; r++) {
    const cells = sheet.rows[r] ?? [];
    const present = cells.filter(filled);
    if (present.length === 0) continue; // spacer row
    const first = oneLine(present[0]!.text);
    if (LABEL_RE.test(first)) break; // the next appendix starts on the same sheet
    if (inNotes || (present.length === 1 && FOOTNOTE_RE.test(first))) {
      inNotes = true;
      notes.push(present.map((c) => c.text.trim()).join(' '));
      continue;
    }
    const at = (c: { index: number } | undefined) => (c ? cells[c.index] : undefined);
    const text = (c: { index: number } | undefined) => {
      const x = at(c);
      return filled(x) ? oneLine(x.text) : null;
    };

    // The header repeated further down (pasted tables, a header for each printed page): not an indicator.
    const named = text(nameCol);
    if (named !== null && readHeaderText(squash(named))?.kind === 'name') continue;

    // A row of its own naming a category: one text cell outside the value columns. With a 类别 column, only a
    // numbered one (一、… （一）…) is: a lone name there is an indicator without values.
    const only = present.length === 1 ? present[0]! : null;
    if (only && only.kind === 'text' && !valueIndexes.has(cells.indexOf(only))) {
      const numbered = /^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)])/.test(first);
      if (!categoryCol || numbered) {
        current = { text: first, cell: only.address, heading: true, indicators: [] };
        categories.push(current);
        continue;
      }
    }

    const categoryText = categoryCol ? text(categoryCol) : null;
    if (categoryText !== null) {
      current = { text: categoryText, cell: at(categoryCol)!.address, heading: false, indicators: [] };
      categories.push(current);
    }
    const nameCell = at(nameCol);
    const printed = text(nameCol);
    const rowNo = r + 1;
    if (printed === null) {
      const what = present.filter((c) => known.has(cells.indexOf(c)) && c !== at(categoryCol));
      if (what.length > 0) {
        problem(
          what[0]!.address,
          `第 ${rowNo} 行有内容（${what
            .map((c) => oneLine(c.text))
            .join('、')
            .slice(0, 40)}）但没有指标名称，该行未导入。请补上指标名称，或删除该行。`,
        );
      }
      continue;
    }
    const cell = nameCell!.address;

    const unitCol = col('unit');
    const split = unitCol ? { name: printed, unit: text(unitCol) } : splitUnit(printed);
    const natureText = text(col('nature'));
    const natureKey = natureText?.replace(/[\s[\]【】()（）]+/g, '').replace(/指标$/, '');
    const nature = natureKey === undefined ? null : (NATURE.get(natureKey) ?? null);
    if (natureText !== null && nature === null) {
      problem(
        at(col('nature'))!.address,
        `“${printed}”的属性“${natureText}”不是“预期性”或“约束性”，导入后属性为空，可在指标定义中补上。`,
        'warning',
      );
    }
    const value = (c: TableColumn, what: string): string | null => {
      const v = valueOf(at(c));
      const address = at(c)?.address ?? null;
      if ('error' in v) {
        problem(address, `“${printed}”的${what}${v.error}`);
        return null;
      }
      if (v.text !== null && !parseValue(v.text).evaluable) {
        problem(address, `“${printed}”的${what}“${v.text}”不是可比较的数值，将按原文保存，但无法自动评价。`, 'warning');
      }
      return v.text;
    };
    const baseCol = col('base');
    const base = baseCol ? value(baseCol, '基期值') : null;
    const targets: Record<string, string> = {};
    for (const c of columns.filter((x) => x.kind === 'target')) {
      const t = value(c, `${c.year}年目标值`);
      if (t !== null) targets[String(c.year)] = t;
    }
    (current?.indicators ?? orphans).push({
      row: rowNo,
      seq: text(seqCol),
      seqCell: at(seqCol)?.address ?? null,
      printedName: printed,
      name: split.name,
      unit: split.unit,
      nature,
      base,
      targets,
      remark: text(col('remark')),
      department: text(col('department')),
      dataSource: text(col('source')),
      cell,
    });
  }
  // Lines after the last indicator that looked like category rows are words under the table (a note without 注：).
  while (categories.length > 0 && categories.at(-1)!.heading && categories.at(-1)!.indicators.length === 0) {
    notes.unshift(categories.pop()!.text);
  }
  const rowsMode = categories.some((c) => c.heading && c.indicators.length > 0);
  if (categories.length === 0 && orphans.length > 0) {
    problem(
      nameCol.cell,
      '表中没有类别（既没有“类别”列，也没有“一、主体活力”这样的类别行），全部指标归入一个类别“主要指标”，导入后可在指标定义中调整。',
      'warning',
    );
    categories.push({ text: '主要指标', cell: nameCol.cell, heading: false, indicators: orphans });
    return { categories, mode: 'none', notes, problems };
  }
  for (const o of orphans) {
    problem(
      o.cell,
      `第 ${o.row} 行的指标“${o.printedName}”不属于任何类别：类别应写在“类别”列（可合并单元格），或在指标前单独占一行（如“一、主体活力”）。该行未导入。`,
    );
  }
  return { categories, mode: rowsMode ? 'rows' : categoryCol ? 'column' : 'none', notes, problems };
}
