// Appendices as ReportTables (preview) and as files (xlsx, pdf). Files come back as bytes; each shell delivers them.
import { AppError } from '../../shared/errors';
import type { ReportMeta, ReportTable } from '../../shared/report';
import { renderPdf, type PdfOptions } from '../export/pdf';
import { renderXlsx } from '../export/xlsx';
import type { FontSet } from '../export/fonts';
import { buildAppendices, type AppendixNo } from './reports';
import { buildAnnualTables } from './reports/annual';
import { buildAnnualSummary } from './reports/annual-summary';
import type { Clock } from './clock';
import type { PlanService } from './plan-service';

export interface ExportFile {
  fileName: string;
  mimeType: string;
  bytes: Uint8Array;
  warnings: string[];
}

export const MIME = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
} as const;

/** Characters Windows, macOS and Linux all refuse in file names, replaced by full-width look-alikes. */
export function safeFileName(name: string): string {
  return name
    .replace(/[\\/:*?"<>|]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0))
    .replace(/\s+/g, '')
    .slice(0, 120);
}

/** 十四五_附件1_主要目标指标_20261127.xlsx — dated in local time, as the clerk's calendar shows it. */
const dateStamp = (now: Date) =>
  `${now.getFullYear()}${String(now.getMonth() + 1).padStart(2, '0')}${String(now.getDate()).padStart(2, '0')}`;

export function exportFileName(shortName: string, tables: ReportTable[], format: 'xlsx' | 'pdf', now: Date): string {
  const date = dateStamp(now);
  const what = tables.length === 1 ? tables[0]!.label + '_' + describe(tables[0]!) : '规划附件';
  return safeFileName(`${shortName}_${what}_${date}.${format}`);
}

function describe(t: ReportTable): string {
  return t.id === 'appendix-1' ? '主要目标指标' : t.id === 'appendix-2' ? '十大行动' : t.sheetName;
}

export function createReportService(plans: PlanService, clock: Clock, fonts: () => FontSet) {
  async function render(
    tables: ReportTable[],
    meta: ReportMeta,
    fileName: string,
    format: 'xlsx' | 'pdf',
    pdfOptions: PdfOptions = {},
  ): Promise<ExportFile> {
    if (format === 'xlsx')
      return { fileName, mimeType: MIME.xlsx, bytes: await renderXlsx(tables, meta), warnings: [] };
    const pdf = await renderPdf(tables, meta, fonts(), pdfOptions);
    const warnings =
      pdf.missingGlyphs.length > 0
        ? [`以下字符在可用字体中都没有字形，PDF 中无法正确显示：${pdf.missingGlyphs.join(' ')}`]
        : [];
    return { fileName, mimeType: MIME.pdf, bytes: pdf.bytes, warnings };
  }

  return {
    appendices: (ref: number | string, which: AppendixNo | 'all'): ReportTable[] =>
      buildAppendices(plans.get(ref), which),
    async exportAppendix(ref: number | string, which: AppendixNo | 'all', format: 'xlsx' | 'pdf'): Promise<ExportFile> {
      const detail = plans.get(ref);
      const tables = buildAppendices(detail, which);
      const now = new Date(clock.now());
      const meta: ReportMeta = { subject: detail.plan.title, author: detail.plan.issuers.at(-1) ?? 'PlanDesk', now };
      return render(tables, meta, exportFileName(detail.plan.shortName, tables, format, now), format);
    },
    /**
     * 年度完成情况表 for one year: indicators judged, actions and tasks with the year's progress. The PDF opens with
     * a one-page summary of the year (counts per status with a chart, lagging and 约束性 indicators by name).
     */
    async exportAnnual(ref: number | string, year: number, format: 'xlsx' | 'pdf'): Promise<ExportFile> {
      const detail = plans.get(ref);
      const { firstYear, lastYear, shortName, title } = detail.plan;
      if (year < firstYear || year > lastYear) {
        throw new AppError('VALIDATION', `年份 ${year} 不在规划期 ${firstYear}—${lastYear} 年之内。`);
      }
      const now = new Date(clock.now());
      const meta: ReportMeta = { subject: title, author: detail.plan.issuers.at(-1) ?? 'PlanDesk', now };
      const fileName = safeFileName(`${shortName}_${year}年度完成情况表_${dateStamp(now)}.${format}`);
      const summary = format === 'pdf' ? buildAnnualSummary(detail, year) : undefined;
      return render(buildAnnualTables(detail, year), meta, fileName, format, { summary });
    },
  };
}

export type ReportService = ReturnType<typeof createReportService>;
