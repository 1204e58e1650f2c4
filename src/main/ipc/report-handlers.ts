import type { HandlerTable } from './dispatch';

export const reportHandlers: Pick<HandlerTable, 'report/appendices' | 'export/appendix'> = {
  'report/appendices': (args, ctx) => ctx.services.reports.appendices(args.plan, args.appendix),
  'export/appendix': async (args, ctx) => {
    const file = await ctx.services.reports.exportAppendix(args.plan, args.appendix, args.format);
    return {
      fileName: file.fileName,
      mimeType: file.mimeType,
      bytesBase64: Buffer.from(file.bytes).toString('base64'),
      warnings: file.warnings,
    };
  },
};
