// 报表: 附件1 / 附件2 previewed exactly as the exporters lay them out (the same ReportTable model), exported to
// Excel or PDF, or printed straight from the preview (print CSS leaves only the sheet on paper); and the plan's
// 总结评估 (final evaluation) as Excel or PDF — of a closed plan too.
import { useState } from 'react';
import { Alert, Button, Empty, Segmented, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ReportTable } from '../../../shared/report';
import { QueryView } from '../components/QueryView';
import { ReportPreview } from '../components/ReportPreview';
import { statusOf, useReportStatus, type StatusInfo, type StatusReporter } from '../lib/status';
import { useFinalEvaluationExport } from '../lib/plans/use-final-evaluation-export';
import { useAppendixExport, type ExportFormat } from '../lib/use-appendix-export';
import { useApiQuery } from '../lib/use-api-query';

export type PreviewAppendix = '1' | '2';

function Preview({ tables }: { tables: ReportTable[] }) {
  const { t } = useTranslation();
  if (tables.length === 0) return <Empty description={t('reports.empty')} />;
  const hints = tables.flatMap((table) => table.hints);
  return (
    <>
      {hints.length > 0 && (
        <Alert
          className="report-hints no-print"
          data-testid="report-hints"
          type="warning"
          showIcon
          title={t('reports.hintsTitle')}
          description={
            <ul className="report-hint-list">
              {hints.map((hint, i) => (
                <li key={i}>{hint}</li>
              ))}
            </ul>
          }
        />
      )}
      <div className="report-desk">
        {tables.map((table) => (
          <ReportPreview key={table.id} table={table} />
        ))}
      </div>
    </>
  );
}

interface ReportsPageProps {
  planId: number;
  onStatus?: StatusReporter;
}

export function ReportsPage({ planId, onStatus }: ReportsPageProps) {
  const { t } = useTranslation();
  const [appendix, setAppendix] = useState<PreviewAppendix>('1');
  const state = useApiQuery('report/appendices', { plan: planId, appendix });

  // The latest export's outcome, shown on the status line until another plan or appendix is previewed.
  const viewKey = `${planId}/${appendix}`;
  const [exportStatus, setExportStatus] = useState<{ key: string; status: StatusInfo } | null>(null);
  const exporter = useAppendixExport(planId, (status) => setExportStatus({ key: viewKey, status }));
  const evaluation = useFinalEvaluationExport((status) => setExportStatus({ key: viewKey, status }));

  const previewStatus = statusOf(state, t, (tables) =>
    t('status.reportLoaded', {
      label: tables.map((table) => table.label).join(' '),
      n: tables.reduce((sum, table) => sum + table.rows.length, 0),
    }),
  );
  useReportStatus(onStatus, exportStatus?.key === viewKey ? exportStatus.status : previewStatus);

  const exportButton = (testId: string, label: string, target: PreviewAppendix | 'all', format: ExportFormat) => {
    const running = exporter.busy?.appendix === target && exporter.busy.format === format;
    return (
      <Button
        data-testid={testId}
        loading={running}
        disabled={exporter.busy !== null && !running}
        onClick={() => void exporter.run({ appendix: target, format })}
      >
        {label}
      </Button>
    );
  };

  return (
    <div data-testid="reports-page" className="reports-page">
      {exporter.holders}
      {evaluation.holders}
      <div className="reports-toolbar no-print">
        <Segmented<PreviewAppendix>
          data-testid="appendix-picker"
          aria-label={t('reports.appendixPicker')}
          value={appendix}
          onChange={setAppendix}
          options={[
            { value: '1', label: t('reports.appendix1') },
            { value: '2', label: t('reports.appendix2') },
          ]}
        />
        <Space wrap>
          {exportButton('export-xlsx', t('reports.exportXlsx'), appendix, 'xlsx')}
          {exportButton('export-pdf', t('reports.exportPdf'), appendix, 'pdf')}
          {exportButton('export-all', t('reports.exportAll'), 'all', 'xlsx')}
          <Space.Compact>
            {(['xlsx', 'pdf'] as const).map((format) => {
              const running = evaluation.busy?.format === format;
              return (
                <Button
                  key={format}
                  data-testid={`export-evaluation-${format}`}
                  loading={running}
                  disabled={evaluation.busy !== null && !running}
                  onClick={() => void evaluation.run(planId, format)}
                >
                  {t(format === 'xlsx' ? 'plans.evaluationXlsx' : 'plans.evaluationPdf')}
                </Button>
              );
            })}
          </Space.Compact>
          <Button
            data-testid="print-report"
            type="primary"
            disabled={state.status !== 'ok' || state.data.length === 0}
            onClick={() => window.print()}
          >
            {t('reports.print')}
          </Button>
        </Space>
      </div>
      <QueryView state={state}>{(tables) => <Preview tables={tables} />}</QueryView>
    </div>
  );
}
