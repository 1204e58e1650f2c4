// 修改记录 of one plan: filters, the paginated entries and revert, reporting to the status line.
import { useState } from 'react';
import { Alert, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ChangeLogEntry, PlanDetail } from '../../../../shared/model';
import { toApiError } from '../../lib/api';
import { useApi } from '../../lib/api-context';
import { usePlanAccess } from '../../lib/plan-access';
import { useReportStatus, type StatusInfo, type StatusReporter } from '../../lib/status';
import { useReloadableQuery } from '../work/use-reloadable-query';
import { ChangeLogFilters, changeLogQuery, type ChangeLogFilterValue } from './ChangeLogFilters';
import { ChangeLogTable } from './ChangeLogTable';
import { buildLookup } from './describe';
import '../work/work.css';

const PAGE_SIZE = 20;

export function ChangeLogView({ detail, onStatus }: { detail: PlanDetail; onStatus?: StatusReporter }) {
  const { t } = useTranslation();
  const api = useApi();
  const [filters, setFilters] = useState<ChangeLogFilterValue>({});
  const [page, setPage] = useState({ current: 1, pageSize: PAGE_SIZE });
  const [reverting, setReverting] = useState<number | null>(null);
  const access = usePlanAccess();
  // What the last revert did; shown in the status line until the clerk changes the view.
  const [notice, setNotice] = useState<StatusInfo | null>(null);
  const query = useReloadableQuery('changelog/list', changeLogQuery(detail.plan.id, filters, page));
  const { state } = query;
  const shown = state.status === 'ok' ? state.data : query.lastData;

  let status: StatusInfo;
  if (reverting !== null) status = { tone: 'loading', text: t('changelog.reverting') };
  else if (state.status === 'loading') status = { tone: 'loading', text: t('status.loading') };
  else if (notice) status = notice;
  else if (state.status === 'error')
    status = { tone: 'error', text: t('status.error', { message: state.error.message }) };
  else status = { tone: 'ok', text: t('changelog.loaded', { n: state.data.total }) };
  useReportStatus(onStatus, status);

  const changeFilters = (next: ChangeLogFilterValue) => {
    setFilters(next);
    setPage((p) => ({ ...p, current: 1 }));
    setNotice(null);
  };
  const revert = async (entry: ChangeLogEntry) => {
    setReverting(entry.id);
    try {
      await api.call('changelog/revert', { id: entry.id });
      setNotice({ tone: 'ok', text: t('changelog.reverted', { id: entry.id }) });
    } catch (e) {
      setNotice({ tone: 'error', text: t('changelog.revertFailed', { message: toApiError(e).message }) });
    } finally {
      setReverting(null);
      query.reload();
    }
  };

  return (
    <div data-testid="changelog-page">
      <Typography.Title level={5} className="page-title">
        {t('changelog.title', { plan: detail.plan.shortName })}
      </Typography.Title>
      <ChangeLogFilters detail={detail} value={filters} onChange={changeFilters} />
      {state.status === 'error' && (
        <Alert
          type="error"
          showIcon
          className="changelog-error"
          title={t('common.loadFailed')}
          description={state.error.message}
        />
      )}
      <ChangeLogTable
        entries={shown?.entries ?? []}
        lookup={buildLookup(t, detail)}
        loading={state.status === 'loading'}
        reverting={reverting}
        onRevert={(entry) => void revert(entry)}
        readOnlyHint={access.hint}
        pagination={{ ...page, total: shown?.total ?? 0 }}
        onPage={(current, pageSize) => {
          setPage({ current: pageSize === page.pageSize ? current : 1, pageSize });
          setNotice(null);
        }}
      />
    </div>
  );
}
