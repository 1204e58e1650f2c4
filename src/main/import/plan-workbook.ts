// A plan read from a workbook laid out like a plan appendix: the table found by its header, the period from the title
// and the year columns, categories and indicators from the body, the appendix layout to print it again — as the
// PlanFile that insertPlan writes, and the preview the clerk checks first. Writes nothing.
import { AppError } from '../../shared/errors';
import type { ImportProblem } from '../../shared/import';
import {
  chineseNumber,
  type AppendixColumn,
  type AppendixLayout,
  type CategoryNumbering,
  type PlanImportIndicator,
  type PlanImportPreview,
} from '../../shared/plan-import';
import type { PlanFile } from '../db/seed';
import { findPlanHeader, type HeaderColumn, type PlanHeader } from './plan-header';
import { readBody, type ReadCategory, type ReadIndicator, type TableColumn } from './plan-rows';
import { fiveYearName, fiveYearPeriod, planTitleFrom, readTitle, type Period, type TitleInfo } from './plan-title';
import { readWorkbook, type SheetGrid } from './workbook-file';

export interface PlanWorkbookInput {
  name: string;
  bytes: Uint8Array;
  shortName?: string;
  title?: string;
}

export interface PlanReading {
  file: PlanFile;
  preview: Omit<PlanImportPreview, 'sha256' | 'token'>;
}

export const NO_TABLE_MESSAGE =
  '文件中没有找到规划指标表。指标表的表头应有“指标名称”（或“主要指标”）列，以及年份或基期值、目标值列，' +
  '例如“序号 | 指标名称 | 单位 | 2020年基期值 | 2025年目标值 | 属性”。请确认选择的是规划附件（主要指标表）。';

type Problem = (cell: string | null, message: string, severity?: ImportProblem['severity']) => void;

interface Years {
  firstYear: number;
  lastYear: number;
  baseYear: number | null;
  columns: TableColumn[];
}

/** Settles the year columns: the plan's period, which bare years are the base, the year of 目标值 without one. */
function settleYears(header: PlanHeader, title: TitleInfo, shortName: string | undefined, problem: Problem): Years {
  const named = shortName ? /十([一二三四五六七八九])五/.exec(shortName) : null;
  const period: Period | null =
    title.period ??
    title.fiveYear?.period ??
    (named ? fiveYearPeriod(11 + '一二三四五六七八九'.indexOf(named[1]!)) : null);
  const cols = header.columns;
  const explicitBase = cols.some((c) => c.kind === 'base');
  const datedYears = cols.filter((c) => (c.kind === 'year' || c.kind === 'target') && c.year !== null);
  const maxYear = datedYears.length > 0 ? Math.max(...datedYears.map((c) => c.year!)) : null;
  const settled: HeaderColumn[] = cols.map((c) => {
    if (c.kind !== 'year') return c;
    const isBase = period ? c.year! < period.first : !explicitBase && maxYear !== null && c.year! <= maxYear - 5;
    return { ...c, kind: isBase ? 'base' : 'target' };
  });
  const targetYears = settled.filter((c) => c.kind === 'target' && c.year !== null).map((c) => c.year!);
  const bases = settled.filter((c) => c.kind === 'base');
  for (const extra of bases.slice(1)) {
    problem(extra.cell, `表中有多个基期值列（“${bases[0]!.header}”“${extra.header}”），一个指标只能有一个基期值。`);
  }
  const baseColumnYear = bases[0]?.year ?? null;

  const lastYear = period?.last ?? (targetYears.length > 0 ? Math.max(...targetYears) : null);
  let firstYear = period?.first ?? (baseColumnYear !== null ? baseColumnYear + 1 : null);
  if (firstYear === null && lastYear !== null) {
    firstYear = Math.min(lastYear - 4, ...targetYears);
    problem(
      title.cell,
      `标题中没有写明规划期，按五年规划推定为 ${firstYear}—${lastYear} 年。如不对，请在标题中写明（如“（2021—2025年）”）后重新导入。`,
      'warning',
    );
  }
  if (firstYear === null || lastYear === null) {
    throw new AppError(
      'VALIDATION',
      '无法确定规划期：表头的“目标值”列没有写年份，标题中也没有写明规划期。请把表头写成“2025年目标值”，或在标题中写明“（2021—2025年）”后重新导入。',
    );
  }
  const baseYear = baseColumnYear ?? firstYear - 1;
  const columns: TableColumn[] = [];
  const seen = new Map<number, string>();
  const kinds = new Map<string, HeaderColumn>();
  for (const c of settled) {
    if (c.kind === 'year') continue; // settled above
    const same = kinds.get(c.kind);
    if (same && c.kind !== 'target' && c.kind !== 'base') {
      problem(
        c.cell,
        `表中有两列“${same.header.replace(/\s+/g, '')}”“${c.header.replace(/\s+/g, '')}”，只读取第一列（${same.cell}），这一列未导入。`,
        'warning',
      );
      continue;
    }
    kinds.set(c.kind, c);
    const year = c.kind === 'target' ? (c.year ?? lastYear) : c.kind === 'base' ? (c.year ?? baseYear) : null;
    if (c.kind === 'target') {
      if (year! < firstYear || year! > lastYear) {
        problem(
          c.cell,
          `“${c.header.replace(/\s+/g, '')}”列的年份 ${year} 不在规划期 ${firstYear}—${lastYear} 年之内。`,
        );
      }
      const earlier = seen.get(year!);
      if (earlier) problem(c.cell, `${year} 年的目标值列出现了两次（另见 ${earlier}），请只保留一列。`);
      seen.set(year!, c.cell);
    }
    if (c.kind === 'base' && c === bases[0] && year! >= firstYear) {
      problem(c.cell, `基期值列的年份 ${year} 应早于规划起始年份 ${firstYear}。`);
    }
    columns.push({
      index: c.index,
      kind: c.kind,
      year,
      header: c.header,
      cell: c.cell,
      ...(c.group !== undefined ? { group: c.group } : {}),
    });
  }
  if (lastYear - firstYear > 20)
    problem(title.cell, `规划期 ${firstYear}—${lastYear} 年超过 20 年，请核对标题和表头的年份。`);
  return { firstYear, lastYear, baseYear, columns };
}

/** The printed layout of the columns read (a bare year heading keeps its year; 基期值 without one does not). */
function layoutColumns(columns: TableColumn[], header: PlanHeader): AppendixColumn[] {
  return columns.map((c) => {
    const original = header.columns.find((h) => h.index === c.index)!;
    const year = c.kind === 'target' || (c.kind === 'base' && original.year !== null) ? c.year! : undefined;
    return {
      kind: c.kind,
      header: c.header,
      ...(year !== undefined ? { year } : {}),
      ...(c.group !== undefined ? { group: c.group } : {}),
    };
  });
}

const NUMBERED: readonly [CategoryNumbering, RegExp][] = [
  ['一、', /^([一二三四五六七八九十]+)、\s*(.+)$/],
  ['（一）', /^[（(]([一二三四五六七八九十]+)[）)]\s*(.+)$/],
];

/** Category rows numbered 一、二、… (or （一）（二）…) in order: names without the numbering, which is printed again. */
function categoryNames(read: ReadCategory[]): { names: string[]; numbering: CategoryNumbering | null } {
  for (const [numbering, re] of NUMBERED) {
    const names = read.map((c, i) => {
      const m = re.exec(c.text);
      return m && m[1] === chineseNumber(i + 1) ? m[2]!.trim() : null;
    });
    if (names.every((n) => n !== null)) return { names: names as string[], numbering };
  }
  return { names: read.map((c) => c.text), numbering: null };
}

function toIndicator(i: ReadIndicator, seq: string): PlanFile['categories'][number]['indicators'][number] {
  return {
    seq,
    printedName: i.printedName,
    name: i.name,
    unit: i.unit,
    nature: i.nature,
    direction: null,
    targetKind: 'level',
    targets: i.targets,
    base: null,
    remark: i.remark,
    department: i.department,
    dataSource: i.dataSource,
  };
}

function chooseSheet(sheets: SheetGrid[], file: string, problem: Problem): { sheet: SheetGrid; header: PlanHeader } {
  const found = sheets.flatMap((sheet) => {
    const header = findPlanHeader(sheet);
    return header ? [{ sheet, header }] : [];
  });
  if (found.length === 0) throw new AppError('VALIDATION', `${file}：${NO_TABLE_MESSAGE}`, { file });
  for (const other of found.slice(1)) {
    problem(
      null,
      `工作表“${other.sheet.name}”也有指标表，未导入：每次导入一个规划，读取的是工作表“${found[0]!.sheet.name}”。`,
      'warning',
    );
  }
  return found[0]!;
}

export async function readPlanWorkbook(input: PlanWorkbookInput): Promise<PlanReading> {
  const read = await readWorkbook(input.bytes);
  if (!read.ok) throw new AppError('VALIDATION', `${input.name}：${read.message}`, { file: input.name });
  const problems: ImportProblem[] = [];
  let sheetName: string | null = null;
  const problem: Problem = (cell, message, severity = 'error') =>
    problems.push({ file: input.name, sheet: sheetName, cell, message, severity });

  const { sheet, header } = chooseSheet(read.sheets, input.name, problem);
  sheetName = sheet.name;
  for (const u of header.unknown) {
    problem(
      u.cell,
      `表头“${u.header.replace(/\s+/g, '')}”不是 PlanDesk 认识的列，该列内容未导入，导出的附件中也不会有这一列。`,
      'warning',
    );
  }
  const title = readTitle(sheet.rows, header.rows[0]!);
  const years = settleYears(header, title, input.shortName, problem);
  const body = readBody(sheet, years.columns, header.rows.at(-1)! + 1, input.name);
  problems.push(...body.problems);

  // Categories: numbering taken off (and printed again), the same name twice merged, empty ones left out.
  const nonEmpty = body.categories.filter((c) => {
    if (c.indicators.length > 0) return true;
    problem(c.cell, `类别“${c.text}”下没有指标，未作为类别导入。`, 'warning');
    return false;
  });
  const { names, numbering } =
    body.mode === 'rows' ? categoryNames(nonEmpty) : { names: nonEmpty.map((c) => c.text), numbering: null };
  const merged: { name: string; members: ReadIndicator[] }[] = [];
  nonEmpty.forEach((c, i) => {
    const same = merged.find((m) => m.name === names[i]);
    if (same) {
      problem(c.cell, `类别“${names[i]}”出现了不止一次，其下的指标都归入同一个类别。`, 'warning');
      same.members.push(...c.indicators);
    } else merged.push({ name: names[i]!, members: [...c.indicators] });
  });
  if (merged.length === 0 && !problems.some((p) => p.severity === 'error')) {
    throw new AppError('VALIDATION', `${input.name}：找到了指标表的表头，但表头下面没有读到任何指标。`, {
      file: input.name,
    });
  }

  // 序号 is kept as printed; the plan needs each one once, so a repeat gets a suffix (and a warning).
  const seqs = new Map<string, string>();
  const seqCol = years.columns.some((c) => c.kind === 'seq');
  let position = 0;
  const categories = merged.map((m) => ({
    name: m.name,
    indicators: m.members.map((i) => {
      position++;
      let seq = i.seq ?? String(position);
      if (i.seq === null && seqCol) {
        problem(i.seqCell ?? i.cell, `第 ${i.row} 行“${i.printedName}”没有序号，导入后序号记为“${seq}”。`, 'warning');
      }
      const earlier = seqs.get(seq);
      if (earlier !== undefined) {
        let n = 2;
        while (seqs.has(`${seq}-${n}`)) n++;
        const renamed = `${seq}-${n}`;
        problem(
          i.seqCell ?? i.cell,
          `序号“${seq}”重复（另见 ${earlier}）。规划中的序号须各不相同，“${i.printedName}”导入后序号记为“${renamed}”，可在指标定义中修改。`,
          'warning',
        );
        seq = renamed;
      }
      seqs.set(seq, i.seqCell ?? i.cell);
      return { read: i, seq };
    }),
  }));

  // The plan's name: the clerk's, else from the title; the short name likewise, else from the period.
  const planTitle = input.title ?? (title.title ? planTitleFrom(title.title) : '');
  if (planTitle === '') {
    problem(null, '表格上方没有标题行，无法得知规划名称。请在导入时填写规划名称。');
  }
  const period = { first: years.firstYear, last: years.lastYear };
  let shortName = input.shortName ?? title.fiveYear?.shortName ?? '';
  if (shortName === '') {
    const guess = fiveYearName(period);
    if (guess) {
      shortName = guess;
      problem(
        title.cell,
        `标题中没有“十五五”这样的简称，按规划期 ${period.first}—${period.last} 年记为“${guess}”，可在导入时修改。`,
        'warning',
      );
    } else {
      problem(title.cell, '无法从标题或规划期得出规划简称，请在导入时填写简称（如“十五五”）。');
    }
  }
  const appendix = {
    label: title.label ?? '附件1',
    title: title.title ?? `${planTitle}主要目标指标（${period.first}-${period.last}年）`,
  };
  const layout: AppendixLayout = {
    columns: layoutColumns(years.columns, header),
    categories: body.mode,
    categoryNumbering: numbering,
    notes: body.notes,
  };
  const targetYears = [...new Set(years.columns.filter((c) => c.kind === 'target').map((c) => c.year!))].sort(
    (a, b) => a - b,
  );
  const baseColumn = years.columns.find((c) => c.kind === 'base');

  const file: PlanFile = {
    format: 'plandesk-plan/1',
    sourceFile: input.name,
    plan: {
      title: planTitle,
      shortName,
      issuers: [],
      docNumber: null,
      issueDate: null,
      firstYear: years.firstYear,
      lastYear: years.lastYear,
      baseYear: years.baseYear,
      targetYears,
      appendices: [{ kind: 'indicators', ...appendix }],
      appendixLayout: layout,
    },
    departments: [],
    categories: categories.map((c) => ({
      name: c.name,
      indicators: c.indicators.map(({ read: i, seq }) => ({
        ...toIndicator(i, seq),
        base: i.base === null ? null : { year: baseColumn?.year ?? years.baseYear, text: i.base, source: null },
      })),
    })),
    actions: [],
    taskGroups: [],
  };

  const place = (cell: string) => ({ file: input.name, sheet: sheet.name, cell });
  const previewCategories = categories.map((c) => ({
    name: c.name,
    indicators: c.indicators.map(({ read: i, seq }): PlanImportIndicator => ({
      seq,
      printedName: i.printedName,
      name: i.name,
      unit: i.unit,
      nature: i.nature,
      base: i.base,
      targets: i.targets,
      remark: i.remark,
      department: i.department,
      dataSource: i.dataSource,
      place: place(i.cell),
    })),
  }));
  return {
    file,
    preview: {
      file: input.name,
      plan: {
        title: planTitle,
        shortName,
        firstYear: years.firstYear,
        lastYear: years.lastYear,
        baseYear: years.baseYear,
        targetYears,
        columns: layout.columns.map((c) => (c.group ? `${c.group}／${c.header}` : c.header).replace(/\s+/g, '')),
        layout,
        appendix,
      },
      categories: previewCategories,
      problems,
    },
  };
}
