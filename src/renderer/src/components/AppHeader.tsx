// Title bar: the app's name, the plan switcher and 管理规划 (create, import, clone, close, reopen, 总结评估).
import { Button, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PlanSummary } from '../../../shared/model';
import { PlanSwitcher } from './PlanSwitcher';

interface AppHeaderProps {
  plans: PlanSummary[];
  planId: number | null;
  loading: boolean;
  onPlanChange: (planId: number) => void;
  onManage: () => void;
}

export function AppHeader({ plans, planId, loading, onPlanChange, onManage }: AppHeaderProps) {
  const { t } = useTranslation();
  return (
    <div className="app-header-inner">
      <Typography.Title level={4} className="app-name" data-testid="app-name">
        {t('app.name')}
      </Typography.Title>
      <PlanSwitcher plans={plans} value={planId} loading={loading} onChange={onPlanChange} />
      <Button data-testid="plan-manage" onClick={onManage} disabled={loading}>
        {t('plans.manage')}
      </Button>
    </div>
  );
}
