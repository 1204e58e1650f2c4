// The window: header with the plan switcher and 管理规划, a banner over every page of a closed plan, one tab per page,
// and the status line at the bottom. Whether the plan may be edited is decided here, once, from its status, and
// handed to every page through PlanAccessContext.
import { useCallback, useMemo, useState } from 'react';
import { Button, Empty, Layout, Space, Tabs, message } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PlanSummary } from '../../shared/model';
import { AppHeader } from './components/AppHeader';
import { ClosedPlanBanner } from './components/plans/ClosedPlanBanner';
import { PlanManager } from './components/plans/PlanManager';
import { QueryView } from './components/QueryView';
import { PageStatusBar } from './components/StatusBar';
import { useApi } from './lib/api-context';
import { EDITABLE, PlanAccessContext, type PlanAccess } from './lib/plan-access';
import { usePlanList } from './lib/plans/use-plan-list';
import { forgetSessions } from './lib/sheet/use-sheet-saver';
import { createStatusStore, statusOf, type StatusInfo } from './lib/status';
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
  const api = useApi();
  const plans = usePlanList();
  const [chosenPlan, setChosenPlan] = useState<number | null>(null);
  const [page, setPage] = useState<PageKey>('indicators');
  const [managing, setManaging] = useState(false);
  // Bumped when the whole database was replaced (a restore): every page is mounted afresh and loads again.
  const [epoch, setEpoch] = useState(0);
  const [messageApi, messageHolder] = message.useMessage();
  const [statusStore] = useState(createStatusStore);
  const setPageStatus = statusStore.report;
  // The progress year shared by 十大行动 and 主要任务, kept here so it survives switching tabs.
  const [workYear, setWorkYear] = useState<number | null>(null);
  const work = { onStatus: setPageStatus, year: workYear, onYearChange: setWorkYear };

  const list = plans.plans;
  // Derived rather than stored: the first plan until the clerk picks another one that still exists.
  const planId = chosenPlan !== null && list.some((p) => p.id === chosenPlan) ? chosenPlan : (list[0]?.id ?? null);
  const current = list.find((p) => p.id === planId) ?? null;
  const closed = current?.status === 'closed';
  const access: PlanAccess = useMemo(
    () =>
      closed && current
        ? { readOnly: true, hint: t('plans.readOnlyHint', { shortName: current.shortName }) }
        : EDITABLE,
    [closed, current, t],
  );

  const { refresh } = plans;
  const showCreated = async (plan: PlanSummary) => {
    await refresh();
    setChosenPlan(plan.id);
  };
  // After a restore: the plans, the current plan and every page come from the restored data.
  const reloadAll = useCallback(
    async (text: string) => {
      forgetSessions(api);
      await refresh();
      setEpoch((e) => e + 1);
      void messageApi.success({ content: text, duration: 8 });
    },
    [api, refresh, messageApi],
  );

  // The app's own status (plans loading, failed, none); otherwise the page's, from the store.
  let own: StatusInfo | null = null;
  if (plans.state.status !== 'ok') own = statusOf(plans.state, t, () => '');
  else if (planId === null) own = { tone: 'ok', text: t('app.noPlans') };

  const renderPages = (id: number) => (
    <Tabs
      key={epoch}
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
        {
          key: 'settings',
          label: t('nav.settings'),
          children: <SettingsPage onStatus={setPageStatus} onRestored={reloadAll} />,
        },
      ]}
    />
  );

  const noPlans = (
    <Empty description={t('app.noPlans')} data-testid="no-plans">
      <Space>
        <Button type="primary" data-testid="no-plans-manage" onClick={() => setManaging(true)}>
          {t('plans.noPlansAction')}
        </Button>
      </Space>
    </Empty>
  );

  return (
    <Layout className="app-layout">
      {messageHolder}
      <Layout.Header className="app-header">
        <AppHeader
          plans={list}
          planId={planId}
          loading={plans.state.status === 'loading'}
          onPlanChange={setChosenPlan}
          onManage={() => setManaging(true)}
        />
      </Layout.Header>
      <Layout.Content className="app-content">
        <QueryView state={plans.state}>
          {() => (
            <PlanAccessContext value={access}>
              {closed && current && (
                <ClosedPlanBanner
                  plan={current}
                  onReopened={(p) =>
                    void refresh().then(() => messageApi.success(t('plans.reopen.done', { shortName: p.shortName })))
                  }
                />
              )}
              {planId === null ? noPlans : renderPages(planId)}
            </PlanAccessContext>
          )}
        </QueryView>
      </Layout.Content>
      <Layout.Footer className="app-status">
        <PageStatusBar own={own} store={statusStore} loading={{ tone: 'loading', text: t('status.loading') }} />
      </Layout.Footer>
      <PlanManager
        open={managing}
        onClose={() => setManaging(false)}
        plans={list}
        currentId={planId}
        onSwitch={setChosenPlan}
        onCreated={showCreated}
        onChanged={refresh}
      />
    </Layout>
  );
}

export default App;
