// The window: header with the plan switcher, one tab per page, and the status line at the bottom.
import { useState } from 'react';
import { Empty, Layout, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { AppHeader } from './components/AppHeader';
import { QueryView } from './components/QueryView';
import { PageStatusBar } from './components/StatusBar';
import { createStatusStore, statusOf, type StatusInfo } from './lib/status';
import { useApiQuery } from './lib/use-api-query';
import { ActionsPage } from './pages/ActionsPage';
import { ChangeLogPage } from './pages/ChangeLogPage';
import { IndicatorsPage } from './pages/IndicatorsPage';
import { MonitoringPage } from './pages/MonitoringPage';
import { ReportsPage } from './pages/ReportsPage';
import { SettingsPage } from './pages/SettingsPage';
import { TasksPage } from './pages/TasksPage';

export type PageKey = 'indicators' | 'actions' | 'tasks' | 'monitoring' | 'reports' | 'changelog' | 'settings';

export function App() {
  const { t } = useTranslation();
  const plans = useApiQuery('plan/list', {});
  const [chosenPlan, setChosenPlan] = useState<number | null>(null);
  const [page, setPage] = useState<PageKey>('indicators');
  const [statusStore] = useState(createStatusStore);
  const setPageStatus = statusStore.report;
  // The progress year shared by 十大行动 and 主要任务, kept here so it survives switching tabs.
  const [workYear, setWorkYear] = useState<number | null>(null);
  const work = { onStatus: setPageStatus, year: workYear, onYearChange: setWorkYear };

  const list = plans.status === 'ok' ? plans.data : [];
  // Derived rather than stored: the first plan until the clerk picks another one that still exists.
  const planId = chosenPlan !== null && list.some((p) => p.id === chosenPlan) ? chosenPlan : (list[0]?.id ?? null);

  // The app's own status (plans loading, failed, none); otherwise the page's, from the store.
  let own: StatusInfo | null = null;
  if (plans.status !== 'ok') own = statusOf(plans, t, () => '');
  else if (planId === null) own = { tone: 'ok', text: t('app.noPlans') };

  const renderPages = (id: number) => (
    <Tabs
      activeKey={page}
      onChange={(key) => setPage(key as PageKey)}
      // Only the visible page stays mounted, so only it loads data and reports to the status line.
      destroyOnHidden
      items={[
        {
          key: 'indicators',
          label: t('nav.indicators'),
          children: <IndicatorsPage planId={id} onStatus={setPageStatus} />,
        },
        { key: 'actions', label: t('nav.actions'), children: <ActionsPage planId={id} {...work} /> },
        { key: 'tasks', label: t('nav.tasks'), children: <TasksPage planId={id} {...work} /> },
        {
          key: 'monitoring',
          label: t('monitoring.nav'),
          children: <MonitoringPage planId={id} onStatus={setPageStatus} />,
        },
        { key: 'reports', label: t('nav.reports'), children: <ReportsPage planId={id} onStatus={setPageStatus} /> },
        {
          key: 'changelog',
          label: t('changelog.nav'),
          children: <ChangeLogPage planId={id} onStatus={setPageStatus} />,
        },
        { key: 'settings', label: t('nav.settings'), children: <SettingsPage onStatus={setPageStatus} /> },
      ]}
    />
  );

  return (
    <Layout className="app-layout">
      <Layout.Header className="app-header">
        <AppHeader plans={list} planId={planId} loading={plans.status === 'loading'} onPlanChange={setChosenPlan} />
      </Layout.Header>
      <Layout.Content className="app-content">
        <QueryView state={plans}>
          {() => (planId === null ? <Empty description={t('app.noPlans')} /> : renderPages(planId))}
        </QueryView>
      </Layout.Content>
      <Layout.Footer className="app-status">
        <PageStatusBar own={own} store={statusStore} loading={{ tone: 'loading', text: t('status.loading') }} />
      </Layout.Footer>
    </Layout>
  );
}

export default App;
