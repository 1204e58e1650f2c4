import type { ImportFile } from '../../shared/import';
import type { IncomingFile } from '../services/import-service';
import type { HandlerTable } from './dispatch';

const decode = (files: ImportFile[]): IncomingFile[] =>
  files.map((f) => ({ name: f.name, bytes: new Uint8Array(Buffer.from(f.bytesBase64, 'base64')) }));

export const importHandlers: Pick<HandlerTable, 'import/preview' | 'import/apply'> = {
  'import/preview': (a, ctx) => ctx.services.imports.preview(a.planId, decode(a.files)),
  'import/apply': (a, ctx) => ctx.services.imports.apply(a.planId, decode(a.files), a.token, ctx.actor),
};
