// A plan's status as a tag: 进行中 (green), 已结束 (grey), 草稿.
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PlanStatus } from '../../../../shared/model';

const COLOR: Record<PlanStatus, string | undefined> = { active: 'green', closed: undefined, draft: 'gold' };

export function PlanStatusTag({ status }: { status: PlanStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={COLOR[status]} data-testid="plan-status" data-status={status}>
      {t(`plans.status.${status}`)}
    </Tag>
  );
}
