// 主要指标: the plan's indicators as a sheet clerks type a year's numbers into (see components/sheet/), with the
// structure toolbar above it and the definitions side panel. The page loads the plan and reloads it after any
// structural change.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryView } from '../components/QueryView';
import { IndicatorDefinitionDrawer, type DefinitionTarget } from '../components/definitions/IndicatorDefinitionDrawer';
import { StructureToolbar } from '../components/definitions/StructureToolbar';
import { IndicatorSheet } from '../components/sheet/IndicatorSheet';
import { usePlanAccess } from '../lib/plan-access';
import { usePlanDetail } from '../lib/sheet/use-plan-detail';
import { statusOf, useReportStatus, type StatusReporter } from '../lib/status';

interface IndicatorsPageProps {
  planId: number;
  onStatus?: StatusReporter;
}

export function IndicatorsPage({ planId, onStatus }: IndicatorsPageProps) {
  const { t } = useTranslation();
  const { state, reload } = usePlanDetail(planId);
  const [definition, setDefinition] = useState<DefinitionTarget | null>(null);
  const [selected, setSelected] = useState<number | null>(null);
  // A closed plan shows its definitions read-only and offers no structure changes.
  const { readOnly } = usePlanAccess();
  // Once the plan is shown, the sheet reports (saving, saved, failed); until then the page does.
  useReportStatus(
    state.status === 'ok' ? undefined : onStatus,
    statusOf(state, t, () => ''),
  );
  return (
    <QueryView state={state}>
      {(detail) => (
        <>
          {!readOnly && (
            <StructureToolbar planId={planId} plan={detail} selectedIndicatorId={selected} onChanged={reload} />
          )}
          <IndicatorSheet
            key={planId}
            detail={detail}
            onStatus={onStatus}
            onReload={reload}
            onActiveIndicatorChange={setSelected}
            onOpenDefinition={(id, categoryId) => {
              if (id !== 'new') setDefinition({ indicatorId: id });
              else if (!readOnly) setDefinition({ newInCategory: categoryId ?? detail.categories[0]?.id ?? 0 });
            }}
          />
          <IndicatorDefinitionDrawer
            planId={planId}
            plan={detail}
            target={definition}
            onClose={() => setDefinition(null)}
            onSaved={() => {
              setDefinition(null);
              reload();
            }}
            onDeleted={() => {
              setDefinition(null);
              reload();
            }}
            onRestored={reload}
          />
        </>
      )}
    </QueryView>
  );
}
