// One line per file of an import: what kind of workbook it was recognised as, its year, how many indicator rows it
// matched, changed and left unchanged, and 未导入 when it could not be read at all.
import type { HTMLAttributes } from 'react';
import { Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ImportFileSummary } from '../../../../shared/import';

export function ImportFilesTable({ files }: { files: ImportFileSummary[] }) {
  const { t } = useTranslation();
  const dash = <Typography.Text type="secondary">{t('common.none')}</Typography.Text>;
  const count = (f: ImportFileSummary, n: number) => (f.rejected ? dash : n);
  const columns: TableColumnsType<ImportFileSummary> = [
    {
      key: 'file',
      title: t('importer.col.file'),
      render: (_, f) => <span className="import-file-name">{f.file}</span>,
    },
    { key: 'kind', title: t('importer.col.kind'), width: 110, render: (_, f) => t(`importer.kind.${f.kind}`) },
    {
      key: 'year',
      title: t('importer.col.year'),
      width: 80,
      render: (_, f) => (f.year === null ? dash : t('importer.yearValue', { year: f.year })),
    },
    {
      key: 'matched',
      title: t('importer.col.matched'),
      width: 88,
      align: 'right',
      render: (_, f) => count(f, f.matched),
    },
    {
      key: 'changed',
      title: t('importer.col.changed'),
      width: 64,
      align: 'right',
      render: (_, f) => count(f, f.changed),
    },
    {
      key: 'unchanged',
      title: t('importer.col.unchanged'),
      width: 64,
      align: 'right',
      render: (_, f) => count(f, f.unchanged),
    },
    {
      key: 'state',
      title: t('importer.col.state'),
      width: 88,
      render: (_, f) =>
        f.rejected ? (
          <Tag color="red">{t('importer.rejected')}</Tag>
        ) : (
          <Tag color="green">{t('importer.accepted')}</Tag>
        ),
    },
  ];
  return (
    <Table<ImportFileSummary>
      data-testid="import-files"
      rowKey="file"
      columns={columns}
      dataSource={files}
      size="small"
      bordered
      tableLayout="fixed"
      pagination={false}
      onRow={(f) => ({ 'data-testid': `import-file-${f.file}` }) as HTMLAttributes<HTMLElement>}
    />
  );
}
