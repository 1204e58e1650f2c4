import type { ExportResult } from '../../shared/api';
import type { ExportFile } from '../services/report-service';
import type { HandlerTable } from './dispatch';
import { buildCollectionWorkbook } from '../services/reports/collection';
import { exportFinalEvaluation } from '../services/reports/final-evaluation';

export const toResult = (file: ExportFile): ExportResult => ({
  fileName: file.fileName,
  mimeType: file.mimeType,
  bytesBase64: Buffer.from(file.bytes).toString('base64'),
  warnings: file.warnings,
});

export const reportHandlers: Pick<
  HandlerTable,
  'report/appendices' | 'export/appendix' | 'export/annual' | 'export/collection' | 'export/final-evaluation'
> = {
  'report/appendices': (args, ctx) => ctx.services.reports.appendices(args.plan, args.appendix),
  'export/appendix': async (args, ctx) =>
    toResult(await ctx.services.reports.exportAppendix(args.plan, args.appendix, args.format)),
  'export/annual': async (args, ctx) =>
    toResult(await ctx.services.reports.exportAnnual(args.plan, args.year, args.format)),
  'export/collection': async (a, ctx) =>
    toResult(
      await buildCollectionWorkbook(ctx.services.plans.get(a.plan), a.year, a.departmentId, new Date(ctx.clock.now())),
    ),
  'export/final-evaluation': async (a, ctx) =>
    toResult(
      await exportFinalEvaluation(ctx.services.plans.get(a.plan), a.format, new Date(ctx.clock.now()), ctx.fonts()),
    ),
};
