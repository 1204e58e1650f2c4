// Title bar: the app's name and the plan switcher.
import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PlanSummary } from '../../../shared/model';
import { PlanSwitcher } from './PlanSwitcher';

interface AppHeaderProps {
  plans: PlanSummary[];
  planId: number | null;
  loading: boolean;
  onPlanChange: (planId: number) => void;
}

export function AppHeader({ plans, planId, loading, onPlanChange }: AppHeaderProps) {
  const { t } = useTranslation();
  return (
    <div className="app-header-inner">
      <Typography.Title level={4} className="app-name" data-testid="app-name">
        {t('app.name')}
      </Typography.Title>
      <PlanSwitcher plans={plans} value={planId} loading={loading} onChange={onPlanChange} />
    </div>
  );
}
