// 总结评估 of a plan (issue 6): the 主要指标 table of its last year, where 序时进度 is 100 %, read as the final
// verdict of every indicator against its final target. Same model and exporters as the annual submission.
import type { PlanDetail } from '../../../shared/model';
import type { ReportMeta, ReportTable } from '../../../shared/report';
import type { FontSet } from '../../export/fonts';
import { renderPdf } from '../../export/pdf';
import { renderXlsx } from '../../export/xlsx';
import { MIME, safeFileName, type ExportFile } from '../report-service';
import { DEFAULT_EVAL, evaluateIndicator, type Evaluation } from '../../../shared/evaluate';
import { buildAnnualTables } from './annual';

/**
 * The verdict at the end of the period: 已实现 when the final target is met (完成进度 ≥ 100 %, or a threshold/level
 * met), 基本实现 within the tolerance band, 未实现 below it, 无数据 without a final-year actual. A clerk's override
 * is read the same way and marked.
 */
export function finalVerdict(e: Evaluation): string {
  const status = e.status;
  const label =
    status === 'no_data'
      ? '无数据'
      : status === 'not_evaluable'
        ? '无法自动评价'
        : status === 'lagging'
          ? '未实现'
          : e.override
            ? status === 'on_track'
              ? '基本实现'
              : '已实现'
            : e.progress !== null && e.progress < 1
              ? '基本实现'
              : '已实现';
  return e.override ? `${label}（人工调整）` : label;
}

export function buildFinalEvaluationTables(d: PlanDetail): ReportTable[] {
  const [indicators] = buildAnnualTables(d, d.plan.lastYear);
  const t = indicators!;
  const statusCol = t.columns.findIndex((c) => c.key === 'status');
  const year = d.plan.lastYear;
  // Same order as the annual table's rows: categories, then their indicators.
  const verdicts = d.categories.flatMap((c) =>
    d.indicators
      .filter((i) => i.categoryId === c.id)
      .map((ind) => {
        const manual = d.overrides.find((o) => o.indicatorId === ind.id && o.year === year);
        return finalVerdict(
          evaluateIndicator(ind, d.plan, year, {
            ...DEFAULT_EVAL,
            override: manual ? { status: manual.status, reason: manual.reason } : null,
          }),
        );
      }),
  );
  return [
    {
      ...t,
      id: 'final-evaluation',
      title: `${d.plan.title}主要指标总结评估（${d.plan.firstYear}—${d.plan.lastYear}年）`,
      sheetName: '总结评估',
      header: t.header.map((row) =>
        row.map((c, i) =>
          c && i === statusCol
            ? { ...c, text: '评估结论' }
            : c && c.text === '当年完成值'
              ? { ...c, text: `${d.plan.lastYear}年完成值` }
              : c,
        ),
      ),
      rows: t.rows.map((r, k) => ({
        ...r,
        cells: r.cells.map((c, i) => (c && i === statusCol ? { ...c, text: verdicts[k]! } : c)),
      })),
      notes: [
        `评估结论按规划期末（${d.plan.lastYear}年）完成值对照规划目标值得出：完成进度达到 100% 为“已实现”，差距在 5 个百分点以内为“基本实现”，其余为“未实现”；约束性指标不设容差。`,
      ],
    },
  ];
}

/** The 总结评估 as a workbook or a PDF, named like the other exports (十四五_总结评估_20261127.pdf). */
export async function exportFinalEvaluation(
  d: PlanDetail,
  format: 'xlsx' | 'pdf',
  now: Date,
  fonts: FontSet,
): Promise<ExportFile> {
  const tables = buildFinalEvaluationTables(d);
  const meta: ReportMeta = { subject: d.plan.title, author: d.plan.issuers.at(-1) ?? 'PlanDesk', now };
  const stamp = `${now.getFullYear()}${String(now.getMonth() + 1).padStart(2, '0')}${String(now.getDate()).padStart(2, '0')}`;
  const fileName = safeFileName(`${d.plan.shortName}_总结评估_${stamp}.${format}`);
  if (format === 'xlsx') return { fileName, mimeType: MIME.xlsx, bytes: await renderXlsx(tables, meta), warnings: [] };
  const pdf = await renderPdf(tables, meta, fonts);
  const warnings =
    pdf.missingGlyphs.length > 0 ? [`以下字符在可用字体中都没有字形：${pdf.missingGlyphs.join(' ')}`] : [];
  return { fileName, mimeType: MIME.pdf, bytes: pdf.bytes, warnings };
}
