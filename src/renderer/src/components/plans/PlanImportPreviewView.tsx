// What importing the workbook would create, before anything is written: the plan's metadata and the columns found,
// the problems (级别, 文件, 工作表, 单元格, 原因), then every category with its indicators and their values as read.
import type { HTMLAttributes, ReactNode } from 'react';
import { Alert, Descriptions, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PlanImportIndicator, PlanImportPreview } from '../../../../shared/plan-import';
import { ImportProblems } from '../import/ImportIssues';

interface Row {
  key: string;
  category: string;
  /** rows the category cell spans (0: covered by the row above) */
  span: number;
  indicator: PlanImportIndicator | null;
}

function rowsOf(preview: PlanImportPreview): Row[] {
  return preview.categories.flatMap((c, ci): Row[] => {
    if (c.indicators.length === 0) return [{ key: `c${ci}`, category: c.name, span: 1, indicator: null }];
    return c.indicators.map((ind, i) => ({
      key: `c${ci}-${i}`,
      category: c.name,
      span: i === 0 ? c.indicators.length : 0,
      indicator: ind,
    }));
  });
}

function IndicatorsTable({ preview }: { preview: PlanImportPreview }) {
  const { t } = useTranslation();
  const dash = <Typography.Text type="secondary">{t('common.none')}</Typography.Text>;
  const rows = rowsOf(preview);
  const all = preview.categories.flatMap((c) => c.indicators);
  const text = (v: string | null | undefined) => (v === null || v === undefined || v === '' ? dash : v);
  const ind = (r: Row, f: (i: PlanImportIndicator) => ReactNode) => (r.indicator ? f(r.indicator) : null);
  const columns: TableColumnsType<Row> = [
    {
      key: 'category',
      title: t('planImport.col.category'),
      width: 110,
      onCell: (r) => ({ rowSpan: r.span }),
      render: (_, r) => r.category || t('sheet.uncategorized'),
    },
    { key: 'seq', title: t('planImport.col.seq'), width: 56, align: 'center', render: (_, r) => ind(r, (i) => i.seq) },
    {
      key: 'name',
      title: t('planImport.col.name'),
      width: 240,
      render: (_, r) =>
        r.indicator ? (
          <span title={r.indicator.printedName}>{r.indicator.name}</span>
        ) : (
          <Typography.Text type="secondary">{t('planImport.noIndicators')}</Typography.Text>
        ),
    },
    { key: 'unit', title: t('planImport.col.unit'), width: 80, render: (_, r) => ind(r, (i) => text(i.unit)) },
    {
      key: 'nature',
      title: t('planImport.col.nature'),
      width: 72,
      render: (_, r) => ind(r, (i) => (i.nature ? t(`sheet.nature.${i.nature}`) : dash)),
    },
    {
      key: 'base',
      title:
        preview.plan.baseYear !== null
          ? t('planImport.col.baseWithYear', { year: preview.plan.baseYear })
          : t('planImport.col.base'),
      width: 110,
      render: (_, r) => ind(r, (i) => text(i.base)),
    },
    ...preview.plan.targetYears.map((year): TableColumnsType<Row>[number] => ({
      key: `target-${year}`,
      title: t('planImport.col.target', { year }),
      width: 110,
      render: (_, r) => ind(r, (i) => text(i.targets[String(year)])),
    })),
    { key: 'remark', title: t('planImport.col.remark'), width: 160, render: (_, r) => ind(r, (i) => text(i.remark)) },
  ];
  if (all.some((i) => i.department))
    columns.push({
      key: 'department',
      title: t('planImport.col.department'),
      width: 120,
      render: (_, r) => ind(r, (i) => text(i.department)),
    });
  if (all.some((i) => i.dataSource))
    columns.push({
      key: 'source',
      title: t('planImport.col.dataSource'),
      width: 140,
      render: (_, r) => ind(r, (i) => text(i.dataSource)),
    });
  const width = columns.reduce((sum, c) => sum + (typeof c.width === 'number' ? c.width : 0), 0);
  return (
    <Table<Row>
      data-testid="plan-import-indicators"
      rowKey="key"
      columns={columns}
      dataSource={rows}
      size="small"
      bordered
      tableLayout="fixed"
      scroll={{ x: width }}
      pagination={false}
      onRow={(r) =>
        ({
          'data-testid': r.indicator ? `plan-import-row-${r.indicator.seq}` : undefined,
        }) as HTMLAttributes<HTMLElement>
      }
    />
  );
}

export function PlanImportPreviewView({ preview }: { preview: PlanImportPreview }) {
  const { t } = useTranslation();
  const { plan, categories, problems } = preview;
  const indicators = categories.reduce((n, c) => n + c.indicators.length, 0);
  const errors = problems.filter((p) => p.severity === 'error').length;
  const heading = (text: string) => (
    <Typography.Title level={5} className="import-section-title">
      {text}
    </Typography.Title>
  );
  const none = t('common.none');
  return (
    <div className="import-preview" data-testid="plan-import-preview">
      <Typography.Paragraph strong data-testid="plan-import-summary">
        {t('planImport.summary', {
          shortName: plan.shortName || none,
          categories: categories.length,
          indicators,
          problems: problems.length,
          errors,
        })}
      </Typography.Paragraph>
      {errors > 0 && (
        <Alert
          type="error"
          showIcon
          className="import-section-hint"
          data-testid="plan-import-blocked"
          title={t('planImport.blocked', { n: errors })}
        />
      )}
      <Descriptions
        size="small"
        bordered
        column={2}
        data-testid="plan-import-meta"
        items={[
          { key: 'title', label: t('planImport.meta.title'), children: plan.title || none, span: 2 },
          { key: 'shortName', label: t('planImport.meta.shortName'), children: plan.shortName || none },
          {
            key: 'period',
            label: t('planImport.meta.period'),
            children: t('plans.period', { first: plan.firstYear, last: plan.lastYear }),
          },
          {
            key: 'baseYear',
            label: t('planImport.meta.baseYear'),
            children: plan.baseYear === null ? none : t('plans.yearValue', { year: plan.baseYear }),
          },
          {
            key: 'targetYears',
            label: t('planImport.meta.targetYears'),
            children:
              plan.targetYears.length === 0
                ? none
                : plan.targetYears.map((y) => t('plans.yearValue', { year: y })).join(t('planImport.listSeparator')),
          },
          {
            key: 'columns',
            label: t('planImport.meta.columns'),
            span: 2,
            children: (
              <span className="plan-import-columns" data-testid="plan-import-columns">
                {plan.columns.map((c, i) => (
                  <Tag key={i}>{c}</Tag>
                ))}
              </span>
            ),
          },
          {
            key: 'appendix',
            label: t('planImport.meta.appendix'),
            span: 2,
            children: `${plan.appendix.label} ${plan.appendix.title}`,
          },
        ]}
      />
      {problems.length > 0 && (
        <>
          {heading(t('planImport.problemsTitle', { n: problems.length }))}
          <ImportProblems problems={problems} />
        </>
      )}
      {heading(t('planImport.indicatorsTitle', { categories: categories.length, indicators }))}
      <IndicatorsTable preview={preview} />
    </div>
  );
}
