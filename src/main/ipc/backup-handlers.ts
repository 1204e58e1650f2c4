import type { HandlerTable } from './dispatch';

type BackupChannels =
  | 'backup/list'
  | 'backup/create'
  | 'backup/export'
  | 'backup/restore-preview'
  | 'backup/restore'
  | 'settings/storage'
  | 'settings/set-backup-keep';

export const backupHandlers: Pick<HandlerTable, BackupChannels> = {
  'backup/list': (_a, ctx) => ctx.services.backups.list(),
  'backup/create': (_a, ctx) => ctx.services.backups.create('manual'),
  'backup/export': (_a, ctx) => {
    const copy = ctx.services.backups.exportCopy();
    return {
      fileName: copy.fileName,
      mimeType: 'application/vnd.sqlite3',
      bytesBase64: Buffer.from(copy.bytes).toString('base64'),
      warnings: [],
    };
  },
  'backup/restore-preview': (a, ctx) => ctx.services.backups.preview(a),
  'backup/restore': (a, ctx) => {
    const { token, ...source } = a;
    return ctx.services.backups.restore(source, token, ctx.actor);
  },
  'settings/storage': (_a, ctx) => ctx.services.backups.storage(),
  'settings/set-backup-keep': (a, ctx) => ctx.services.backups.setKeep(a.keep, ctx.actor),
};
