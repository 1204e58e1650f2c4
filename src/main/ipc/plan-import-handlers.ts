import type { PlanImportArgs } from '../../shared/plan-import';
import type { PlanImportInput } from '../services/plan-import-service';
import type { HandlerTable } from './dispatch';

const decode = (a: PlanImportArgs): PlanImportInput => ({
  name: a.file.name,
  bytes: new Uint8Array(Buffer.from(a.file.bytesBase64, 'base64')),
  ...(a.shortName !== undefined ? { shortName: a.shortName } : {}),
  ...(a.title !== undefined ? { title: a.title } : {}),
});

export const planImportHandlers: Pick<HandlerTable, 'plan/import-preview' | 'plan/import-apply'> = {
  'plan/import-preview': (a, ctx) => ctx.services.planImport.preview(decode(a)),
  'plan/import-apply': (a, ctx) => ctx.services.planImport.apply(decode(a), a.token, ctx.actor),
};
