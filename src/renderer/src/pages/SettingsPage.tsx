// 设置: the departments (科室) the other pages choose from; 数据与备份 (where the database lives, the rolling backups,
// backing up to a file and restoring from one); then which font fills each typographic role of the exported PDF, and
// whether it is an official font installed on this machine or one of the bundled open fonts.
import type { HTMLAttributes } from 'react';
import { Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { FontRoleInfo } from '../../../shared/api';
import { DataBackupPanel } from '../components/backup/DataBackupPanel';
import { DepartmentsPanel } from '../components/departments/DepartmentsPanel';
import { QueryView } from '../components/QueryView';
import { statusOf, useReportStatus, type StatusReporter } from '../lib/status';
import { useApiQuery } from '../lib/use-api-query';

type Role = FontRoleInfo['role'];

// Fixed key lists keep t() calls type-checked instead of built from strings.
const ROLE_NAME = {
  heiti: 'settings.roleName.heiti',
  songti: 'settings.roleName.songti',
  biaosong: 'settings.roleName.biaosong',
  fangsong: 'settings.roleName.fangsong',
} as const satisfies Record<Role, string>;

const ROLE_USAGE = {
  heiti: 'settings.roleUsage.heiti',
  songti: 'settings.roleUsage.songti',
  biaosong: 'settings.roleUsage.biaosong',
  fangsong: 'settings.roleUsage.fangsong',
} as const satisfies Record<Role, string>;

function FontTable({ fonts }: { fonts: FontRoleInfo[] }) {
  const { t } = useTranslation();
  const columns: TableColumnsType<FontRoleInfo> = [
    {
      key: 'role',
      title: t('settings.role'),
      width: 120,
      render: (_, f) => <Typography.Text strong>{t(ROLE_NAME[f.role])}</Typography.Text>,
    },
    { key: 'usage', title: t('settings.usage'), width: 180, render: (_, f) => t(ROLE_USAGE[f.role]) },
    { key: 'family', title: t('settings.family'), width: 180, dataIndex: 'family' },
    {
      key: 'source',
      title: t('settings.source'),
      width: 150,
      render: (_, f) =>
        f.official ? (
          <Tag color="green" data-testid={`font-source-${f.role}`} data-official="true">
            {t('settings.official')}
          </Tag>
        ) : (
          <Tag color="blue" data-testid={`font-source-${f.role}`} data-official="false">
            {t('settings.bundled')}
          </Tag>
        ),
    },
    {
      key: 'file',
      title: t('settings.file'),
      render: (_, f) => <Typography.Text className="font-file">{f.file}</Typography.Text>,
    },
    {
      key: 'fallbacks',
      title: t('settings.fallbacks'),
      width: 220,
      render: (_, f) =>
        f.fallbacks.length === 0 ? (
          t('common.none')
        ) : (
          <Space size={[0, 4]} wrap>
            {f.fallbacks.map((family) => (
              <Tag key={family}>{family}</Tag>
            ))}
          </Space>
        ),
    },
  ];
  return (
    <div data-testid="settings-page">
      <Typography.Title level={5} className="page-title">
        {t('settings.fontsTitle')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('settings.fontsIntro')}</Typography.Paragraph>
      <Table<FontRoleInfo>
        rowKey="role"
        columns={columns}
        dataSource={fonts}
        bordered
        size="small"
        pagination={false}
        // data-* keys are not part of HTMLAttributes' declared members, hence the cast.
        onRow={(f) => ({ 'data-testid': `font-role-${f.role}` }) as HTMLAttributes<HTMLElement>}
        locale={{ emptyText: t('common.empty') }}
      />
    </div>
  );
}

interface SettingsPageProps {
  onStatus?: StatusReporter;
  /** after a restore replaced the data, with the text saying so: the window reloads everything */
  onRestored?: (text: string) => void;
}

export function SettingsPage({ onStatus, onRestored }: SettingsPageProps) {
  const { t } = useTranslation();
  const state = useApiQuery('settings/fonts', {});
  useReportStatus(
    onStatus,
    statusOf(state, t, (fonts) => t('status.fontsLoaded', { n: fonts.length })),
  );
  return (
    <>
      <DepartmentsPanel onStatus={onStatus} />
      <DataBackupPanel onRestored={onRestored} />
      <QueryView state={state}>{(fonts) => <FontTable fonts={fonts} />}</QueryView>
    </>
  );
}
