// Chooses the plan every page shows; a closed plan is marked 已结束. Plan titles come from the database and are rendered
// as text.
import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PlanSummary } from '../../../shared/model';

interface PlanSwitcherProps {
  plans: PlanSummary[];
  value: number | null;
  loading: boolean;
  onChange: (planId: number) => void;
}

export function PlanSwitcher({ plans, value, loading, onChange }: PlanSwitcherProps) {
  const { t } = useTranslation();
  return (
    <Select<number>
      data-testid="plan-switcher"
      aria-label={t('app.planLabel')}
      className="plan-switcher"
      placeholder={t('app.planPlaceholder')}
      loading={loading}
      value={value ?? undefined}
      onChange={onChange}
      popupMatchSelectWidth={false}
      options={plans.map((p) => ({
        value: p.id,
        label:
          p.status === 'closed'
            ? t('plans.closedOption', { shortName: p.shortName, title: p.title })
            : t('app.planOption', { shortName: p.shortName, title: p.title }),
      }))}
    />
  );
}
