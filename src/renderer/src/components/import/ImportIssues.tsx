// What an import leaves out: conflicts (files disagreeing on one cell, none of their values imported) and problems
// (级别: 错误 not imported, 提示 imported but worth a look; 文件, 工作表, 单元格, 原因 in the core's Chinese words).
import { Alert, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ImportConflict, ImportProblem } from '../../../../shared/import';
import { placeText } from './import-place';

export function ImportConflicts({ conflicts }: { conflicts: ImportConflict[] }) {
  const { t } = useTranslation();
  const columns: TableColumnsType<ImportConflict> = [
    { key: 'seq', title: t('importer.col.seq'), width: 60, align: 'center', render: (_, c) => c.seq },
    { key: 'indicator', title: t('importer.col.indicator'), width: 220, render: (_, c) => c.name },
    {
      key: 'year',
      title: t('importer.col.year'),
      width: 80,
      render: (_, c) => t('importer.yearValue', { year: c.year }),
    },
    {
      key: 'values',
      title: t('importer.col.values'),
      render: (_, c) => (
        <ul className="import-conflict-values">
          {c.values.map((v, i) => (
            <li key={i}>
              <strong>{v.text === null || v.text === '' ? t('importer.empty') : v.text}</strong>
              <Typography.Text type="secondary">{` · ${placeText(v)}`}</Typography.Text>
            </li>
          ))}
        </ul>
      ),
    },
  ];
  return (
    <>
      <Alert type="warning" showIcon className="import-section-hint" title={t('importer.conflictsHint')} />
      <Table<ImportConflict>
        data-testid="import-conflicts"
        rowKey={(c) => `${c.indicatorId}/${c.year}`}
        columns={columns}
        dataSource={conflicts}
        size="small"
        bordered
        tableLayout="fixed"
        pagination={false}
      />
    </>
  );
}

type KeyedProblem = ImportProblem & { key: number };

export function ImportProblems({ problems }: { problems: ImportProblem[] }) {
  const { t } = useTranslation();
  const dash = <Typography.Text type="secondary">{t('common.none')}</Typography.Text>;
  const columns: TableColumnsType<KeyedProblem> = [
    {
      key: 'severity',
      title: t('importer.col.severity'),
      width: 72,
      render: (_, p) => (
        <Tag color={p.severity === 'error' ? 'red' : 'orange'} data-severity={p.severity}>
          {t(`importer.severity.${p.severity}`)}
        </Tag>
      ),
    },
    {
      key: 'file',
      title: t('importer.col.file'),
      width: 220,
      render: (_, p) => <span className="import-file-name">{p.file}</span>,
    },
    { key: 'sheet', title: t('importer.col.sheet'), width: 140, render: (_, p) => p.sheet ?? dash },
    { key: 'cell', title: t('importer.col.cell'), width: 80, render: (_, p) => p.cell ?? dash },
    {
      key: 'reason',
      title: t('importer.col.reason'),
      render: (_, p) => <span className="import-reason">{p.message}</span>,
    },
  ];
  return (
    <Table<KeyedProblem>
      data-testid="import-problems"
      rowKey="key"
      columns={columns}
      dataSource={problems.map((p, key) => ({ ...p, key }))}
      size="small"
      bordered
      tableLayout="fixed"
      pagination={problems.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
    />
  );
}
