// 设置 → 数据与备份 as the core reports it: the database and its backups folder, two rolling backups, and a restore
// preview of an older backup holding one plan the current data lacks and lacking one it has.
import type { BackupEntry, DatabaseContents, RestorePreview, StorageInfo } from '../../src/shared/backup';

const DIR = '/home/clerk/.config/PlanDesk/backups';

export function backupEntry(partial: Partial<BackupEntry> & Pick<BackupEntry, 'fileName' | 'at'>): BackupEntry {
  return {
    path: `${DIR}/${partial.fileName}`,
    bytes: 1572864,
    reason: 'manual',
    reasonLabel: '手动备份',
    kept: false,
    ...partial,
  };
}

export const manual = backupEntry({
  fileName: 'plandesk-2026-03-02T08-30-00-manual.db',
  at: '2026-03-02T08:30:00.000Z',
  kept: true,
});
export const daily = backupEntry({
  fileName: 'plandesk-2026-03-01T01-00-00-daily.db',
  at: '2026-03-01T01:00:00.000Z',
  bytes: 1048576,
  reason: 'daily',
  reasonLabel: '每日首次启动',
});

export function storageInfo(partial: Partial<StorageInfo> = {}): StorageInfo {
  return {
    dbFile: '/home/clerk/.config/PlanDesk/plandesk.db',
    dbBytes: 1572864,
    backupsDir: DIR,
    keep: 20,
    backupCount: 2,
    backupBytes: 2621440,
    latestBackup: manual,
    schemaVersion: 6,
    ...partial,
  };
}

const contents = (plans: DatabaseContents['plans'], entries: number): DatabaseContents => ({
  schemaVersion: 6,
  plans,
  departments: 8,
  changeLogEntries: entries,
  lastChangeAt: '2026-02-28T07:00:00.000Z',
});

const shiSiWu = {
  id: 1,
  shortName: '十四五',
  title: '磐安县市场监督管理“十四五”规划',
  firstYear: 2021,
  lastYear: 2025,
};

export function restorePreview(token: string, name = 'plandesk-备份.db'): RestorePreview {
  return {
    source: { name, bytes: 1048576, sha256: 'ab'.repeat(32), takenAt: '2026-01-15T02:00:00.000Z' },
    backup: {
      ...contents(
        [
          { ...shiSiWu, indicators: 18, values: 160 },
          {
            id: 2,
            shortName: '十三五',
            title: '“十三五”规划',
            firstYear: 2016,
            lastYear: 2020,
            indicators: 12,
            values: 90,
          },
        ],
        420,
      ),
      schemaVersion: 5,
    },
    needsUpgrade: true,
    appSchemaVersion: 6,
    integrity: 'ok',
    current: contents(
      [
        { ...shiSiWu, indicators: 18, values: 175 },
        {
          id: 3,
          shortName: '十五五',
          title: '磐安县市场监督管理“十五五”规划',
          firstYear: 2026,
          lastYear: 2030,
          indicators: 18,
          values: 0,
        },
      ],
      512,
    ),
    token,
  };
}
