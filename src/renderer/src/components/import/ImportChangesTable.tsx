// The cells an import would change: 序号, 指标, 年份, 原值 → 新值, 情况说明 (only where the file touches it) and where the
// new value comes from (file · sheet · cell).
import type { HTMLAttributes } from 'react';
import { Table, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ImportChange } from '../../../../shared/import';
import { placeText } from './import-place';

function BeforeAfter({ before, after }: { before: string | null; after: string | null }) {
  const { t } = useTranslation();
  const text = (v: string | null) => (v === null || v === '' ? t('importer.empty') : v);
  if (before === after)
    return <span className="import-unchanged">{t('importer.unchangedValue', { value: text(after) })}</span>;
  return (
    <span className="import-before-after">
      <span className="import-before">{text(before)}</span>
      <span aria-hidden className="import-arrow">
        {'→'}
      </span>
      <span className="import-after">{text(after)}</span>
    </span>
  );
}

export function ImportChangesTable({ changes }: { changes: ImportChange[] }) {
  const { t } = useTranslation();
  const columns: TableColumnsType<ImportChange> = [
    { key: 'seq', title: t('importer.col.seq'), width: 60, align: 'center', render: (_, c) => c.seq },
    { key: 'indicator', title: t('importer.col.indicator'), width: 220, render: (_, c) => c.name },
    {
      key: 'year',
      title: t('importer.col.year'),
      width: 80,
      render: (_, c) => t('importer.yearValue', { year: c.year }),
    },
    {
      key: 'value',
      title: t('importer.col.value'),
      width: 200,
      render: (_, c) => <BeforeAfter before={c.before} after={c.after} />,
    },
    {
      key: 'note',
      title: t('importer.col.note'),
      width: 220,
      render: (_, c) =>
        c.noteAfter === undefined ? (
          <Typography.Text type="secondary">{t('importer.noteUntouched')}</Typography.Text>
        ) : (
          <BeforeAfter before={c.noteBefore ?? null} after={c.noteAfter} />
        ),
    },
    {
      key: 'source',
      title: t('importer.col.source'),
      render: (_, c) => <span className="import-source">{placeText(c)}</span>,
    },
  ];
  return (
    <Table<ImportChange>
      data-testid="import-changes"
      rowKey={(c) => `${c.indicatorId}/${c.year}/${c.kind}`}
      columns={columns}
      dataSource={changes}
      size="small"
      bordered
      tableLayout="fixed"
      scroll={{ x: 1000 }}
      pagination={changes.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
      onRow={(c) => ({ 'data-testid': `import-change-${c.seq}-${c.year}` }) as HTMLAttributes<HTMLElement>}
    />
  );
}
