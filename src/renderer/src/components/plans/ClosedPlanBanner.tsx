// Above every page of a closed plan: it has ended and is read-only (still viewable, exportable and evaluated), with
// 重新打开… for the rare correction (a reason is required).
import { useState } from 'react';
import { Alert, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PlanSummary } from '../../../../shared/model';
import { ReopenPlanDialog } from './ReopenPlanDialog';

interface ClosedPlanBannerProps {
  plan: PlanSummary;
  onReopened: (plan: PlanSummary) => void;
}

export function ClosedPlanBanner({ plan, onReopened }: ClosedPlanBannerProps) {
  const { t } = useTranslation();
  const [reopening, setReopening] = useState(false);
  return (
    <>
      <Alert
        type="warning"
        showIcon
        className="closed-plan-banner"
        data-testid="closed-plan-banner"
        title={t('plans.banner.title', { shortName: plan.shortName })}
        description={t('plans.banner.body')}
        action={
          <Button size="small" data-testid="closed-plan-reopen" onClick={() => setReopening(true)}>
            {t('plans.reopen.button')}
          </Button>
        }
      />
      {reopening && (
        <ReopenPlanDialog
          plan={plan}
          onClose={() => setReopening(false)}
          onReopened={(p) => {
            setReopening(false);
            onReopened(p);
          }}
        />
      )}
    </>
  );
}
