// 填报表 (DOMAIN.md §7): the workbook sent to one responsible section (科室) to fill in its indicators' actuals for a
// year and send back. Same ReportTable model and xlsx renderer as the appendices, so it has their official look; the
// sheet is protected and only the year's 完成值 and 情况说明 cells are open, highlighted and guarded by a rule.
// The importer finds the table by its header texts, so those are fixed (see COLLECTION_HEADER).
import { AppError } from '../../../shared/errors';
import { DEFAULT_EVAL, evaluateIndicator } from '../../../shared/evaluate';
import type { Indicator, PlanDetail } from '../../../shared/model';
import type { ReportCell, ReportColumn, ReportInput, ReportMeta, ReportRow, ReportTable } from '../../../shared/report';
import { formatNumber } from '../../../shared/value';
import { renderXlsx } from '../../export/xlsx';
import { MIME, safeFileName, type ExportFile } from '../report-service';
import { valueCell } from './cells';

/** Longest 完成值 accepted: a number or a short text such as ≥95 or 88%以上 (stored values allow 200). */
export const VALUE_MAX_LENGTH = 50;
/** Longest 情况说明 accepted in the file. */
export const NOTE_MAX_LENGTH = 500;

const NATURE_LABELS = { expected: '预期性', binding: '约束性' } as const;

/** The header row, exactly: the importer looks for these texts. */
export function collectionHeader(year: number): string[] {
  return [
    '类别',
    '序号',
    '指标名称（单位）',
    '属性',
    '基期值',
    `${year - 1}年完成值`,
    `${year}年目标值`,
    '规划目标值',
    `${year}年完成值`,
    '情况说明',
  ];
}

const COLUMNS: ReportColumn[] = [
  { key: 'category', width: 10, align: 'center' },
  { key: 'seq', width: 5, align: 'center' },
  { key: 'name', width: 30, align: 'left' },
  { key: 'nature', width: 7, align: 'center' },
  { key: 'base', width: 10, align: 'center' },
  { key: 'previousActual', width: 12, align: 'center' },
  { key: 'yearTarget', width: 12, align: 'center' },
  { key: 'finalTarget', width: 12, align: 'center' },
  { key: 'actual', width: 12, align: 'center' },
  { key: 'note', width: 32, align: 'left' },
];

const text = (t: string | null | undefined, align: ReportCell['align'] = 'left'): ReportCell => ({
  text: t ?? '',
  align,
});

/** yyyymmdd in local time, as the clerk's calendar shows it (as the other exports name their files). */
const dateStamp = (now: Date) =>
  `${now.getFullYear()}${String(now.getMonth() + 1).padStart(2, '0')}${String(now.getDate()).padStart(2, '0')}`;

function preamble(year: number): string[] {
  return [
    '填报说明：',
    `1. 只填写黄色单元格（${year}年的完成值和情况说明两列），其他单元格已锁定，不能修改。`,
    '2. 完成值按“指标名称（单位）”中的单位只填数字，不写单位和百分号，例如 95% 填 95；“≥95”“88%以上”这类写法可照写文字。',
    '3. 不要修改序号、指标名称等内容，不要插入或删除行、列，也不要增删工作表；表中信息如有错误，请在情况说明中注明。',
    '4. 完成值低于目标值或暂无数据的，请在情况说明中写明原因。',
    '5. 请于＿＿＿＿年＿＿月＿＿日前将本表以 .xlsx 格式报回（不要另存为 .xls、.et 或 PDF）。',
  ];
}

interface YearTarget {
  cell: ReportCell;
  /** as the prompt names it */
  label: string;
  derived: boolean;
}

/** The year's published target, else the value interpolated between published ones, marked （推算） as annual.ts does. */
function yearTarget(d: PlanDetail, ind: Indicator, year: number): YearTarget {
  const published = ind.values.find((v) => v.year === year && v.kind === 'target');
  if (published) return { cell: valueCell(published), label: published.text, derived: false };
  const e = evaluateIndicator(ind, d.plan, year, DEFAULT_EVAL);
  if (e.expectedValue === null) return { cell: text('', 'center'), label: '未设定', derived: false };
  // The mark on a line of its own: "82.67（推算）" is a little wider than the column and would break inside the mark.
  const shown = formatNumber(e.expectedValue, 2);
  return { cell: text(`${shown}\n（推算）`, 'center'), label: `${shown}（推算）`, derived: true };
}

function valueInput(ind: Indicator, year: number, target: string): ReportInput {
  return {
    maxLength: VALUE_MAX_LENGTH,
    promptTitle: `${year}年完成值`,
    prompt: `单位：${ind.unit ?? '无'}；${year}年目标值：${target}。只填数字，例如 95，不写单位；“≥95”这类可照写。`,
    errorTitle: '内容过长',
    error: `完成值最多 ${VALUE_MAX_LENGTH} 个字。请只填数字（例如 95），原因和说明请写在“情况说明”列。`,
  };
}

const NOTE_INPUT: ReportInput = {
  maxLength: NOTE_MAX_LENGTH,
  promptTitle: '情况说明',
  prompt: `完成值低于目标值或暂无数据的，请写明原因（${NOTE_MAX_LENGTH} 字以内）。`,
  errorTitle: '内容过长',
  error: `情况说明最多 ${NOTE_MAX_LENGTH} 字，请精简后再填。`,
};

export function buildCollectionTable(
  d: PlanDetail,
  year: number,
  departmentName: string,
  departmentId: number,
): ReportTable {
  const rows: ReportRow[] = [];
  let derived = false;
  for (const c of d.categories) {
    const members = d.indicators.filter((i) => i.categoryId === c.id && i.departmentId === departmentId);
    members.forEach((ind, k) => {
      const value = (y: number, kind: 'target' | 'actual') => ind.values.find((v) => v.year === y && v.kind === kind);
      const target = yearTarget(d, ind, year);
      derived ||= target.derived;
      const actual = value(year, 'actual');
      rows.push({
        group: c.name,
        cells: [
          k === 0 ? { text: c.name, align: 'center', rowSpan: members.length } : null,
          text(ind.seq, 'center'),
          text(ind.printedName),
          text(ind.nature ? NATURE_LABELS[ind.nature] : '', 'center'),
          ind.base ? valueCell(ind.base) : text('', 'center'),
          valueCell(value(year - 1, 'actual')),
          target.cell,
          valueCell(value(d.plan.lastYear, 'target')),
          { ...valueCell(actual), input: valueInput(ind, year, target.label) },
          { text: actual?.note ?? '', align: 'left', input: NOTE_INPUT },
        ],
      });
    });
  }
  return {
    id: 'collection',
    label: '',
    title: `${d.plan.title}${year}年度主要指标完成情况填报表`,
    sheetName: `${year}年度填报表`,
    orientation: 'landscape',
    columns: COLUMNS,
    header: [collectionHeader(year).map((h) => ({ text: h, align: 'center' }))],
    rows,
    groupColumn: 0,
    notes: derived ? ['注：标“推算”的目标值由相邻年度的规划目标按直线推算，仅供参考。'] : [],
    hints: [],
    preamble: preamble(year),
    subheading: [`填报科室：${departmentName}`],
    protect: true,
  };
}

/**
 * The 填报表 of one 科室 for `year`: only the indicators it is responsible for, with the year's current actuals and
 * notes prefilled in the cells it may change.
 */
export async function buildCollectionWorkbook(
  detail: PlanDetail,
  year: number,
  departmentId: number,
  now: Date,
): Promise<ExportFile> {
  const { firstYear, lastYear, shortName, title } = detail.plan;
  const dept = detail.departments.find((x) => x.id === departmentId);
  if (!dept)
    throw new AppError('NOT_FOUND', `找不到编号为 ${departmentId} 的科室，可能已被删除。请在“设置”中查看科室列表。`);
  if (!Number.isInteger(year) || year < firstYear || year > lastYear) {
    throw new AppError('VALIDATION', `年份 ${year} 不在规划期 ${firstYear}—${lastYear} 年之内。`);
  }
  if (!detail.indicators.some((i) => i.departmentId === departmentId)) {
    throw new AppError(
      'VALIDATION',
      `科室“${dept.name}”没有负责的指标，无需生成填报表。请先在指标定义中为指标指定责任科室。`,
    );
  }
  const table = buildCollectionTable(detail, year, dept.name, departmentId);
  const meta: ReportMeta = {
    subject: title,
    author: detail.plan.issuers.at(-1) ?? 'PlanDesk',
    now,
    title: `${table.title}（${dept.name}）`,
    keywords: ['填报表', shortName, `${year}年度`, dept.name].join('; '),
    category: '填报表',
  };
  return {
    fileName: safeFileName(`${shortName}_${year}年度填报表_${dept.name}_${dateStamp(now)}.xlsx`),
    mimeType: MIME.xlsx,
    bytes: await renderXlsx([table], meta),
    warnings: [],
  };
}
