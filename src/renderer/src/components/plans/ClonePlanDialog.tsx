// 由此规划新建下一期: the next period prefilled from the old plan (十四五 2021–2025 → 十五五 2026–2030, base year 2025),
// its indicators chosen by category (all by default), targets copied only when asked (shifted by the period). Says
// where the base values come from: each indicator's latest actual, marked as carried over.
import { useState } from 'react';
import { Alert, Button, Form, Modal, Switch, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PlanDetail, PlanSummary } from '../../../../shared/model';
import { toApiError } from '../../lib/api';
import { useApi } from '../../lib/api-context';
import { clonePrefill } from '../../lib/plans/period';
import { useApiQuery } from '../../lib/use-api-query';
import { QueryView } from '../QueryView';
import { chooserGroups, IndicatorChooser } from './IndicatorChooser';
import { toPlanMeta, type PlanFormValues } from './plan-form';
import { PlanMetaFields } from './PlanMetaFields';

/** Mounted while open. */
interface ClonePlanDialogProps {
  source: PlanSummary;
  onClose: () => void;
  onCreated: (plan: PlanSummary) => void;
}

export function ClonePlanDialog({ source, onClose, onCreated }: ClonePlanDialogProps) {
  const { t } = useTranslation();
  const detail = useApiQuery('plan/get', { plan: source.id });
  return (
    <Modal
      open
      title={t('plans.clone.title', { shortName: source.shortName })}
      width="min(920px, 96vw)"
      onCancel={onClose}
      mask={{ closable: false }}
      footer={null}
    >
      <div data-testid="plan-clone-dialog">
        <QueryView state={detail}>{(d) => <CloneForm detail={d} onClose={onClose} onCreated={onCreated} />}</QueryView>
      </div>
    </Modal>
  );
}

function CloneForm({
  detail,
  onClose,
  onCreated,
}: {
  detail: PlanDetail;
  onClose: () => void;
  onCreated: (plan: PlanSummary) => void;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const old = detail.plan;
  const [form] = Form.useForm<PlanFormValues>();
  const [initial] = useState(() => {
    const p = clonePrefill(old);
    return { ...p, issuers: p.issuers.join('\n') };
  });
  const [selected, setSelected] = useState<Set<number>>(() => new Set(detail.indicators.map((i) => i.id)));
  const [copyTargets, setCopyTargets] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const firstYear = Form.useWatch('firstYear', form) ?? initial.firstYear;
  const baseYear = Form.useWatch('baseYear', form);

  const clone = async () => {
    let values: PlanFormValues;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    setBusy(true);
    setError(null);
    const all = selected.size === detail.indicators.length;
    const inPlanOrder = chooserGroups(detail).flatMap((g) => g.indicators.map((i) => i.id));
    try {
      const plan = await api.call('plan/clone', {
        planId: old.id,
        plan: toPlanMeta(values),
        // All of them: left out, so the core takes every indicator.
        ...(all ? {} : { indicatorIds: inPlanOrder.filter((id) => selected.has(id)) }),
        copyTargets,
      });
      onCreated(plan);
    } catch (e) {
      setError(toApiError(e).message);
    } finally {
      setBusy(false);
    }
  };

  const shift = typeof firstYear === 'number' ? firstYear - old.firstYear : null;
  return (
    <>
      <Alert
        type="info"
        showIcon
        className="plan-dialog-note"
        data-testid="clone-explain"
        title={t('plans.clone.explainTitle')}
        description={t('plans.clone.explain', {
          shortName: old.shortName,
          baseYear: baseYear ?? old.lastYear,
        })}
      />
      <Form<PlanFormValues> form={form} layout="vertical" requiredMark initialValues={initial}>
        <PlanMetaFields />
      </Form>
      <Typography.Title level={5} className="plan-section-title">
        {t('plans.clone.indicators')}
      </Typography.Title>
      <IndicatorChooser detail={detail} selected={selected} onChange={setSelected} />
      <div className="plan-clone-targets">
        <label>
          <Switch checked={copyTargets} onChange={setCopyTargets} data-testid="clone-copy-targets" />
          <span>{t('plans.clone.copyTargets')}</span>
        </label>
        <Typography.Text type="secondary" data-testid="clone-copy-targets-hint">
          {copyTargets && shift !== null
            ? t('plans.clone.copyTargetsOn', { from: old.firstYear, to: old.firstYear + shift })
            : t('plans.clone.copyTargetsOff')}
        </Typography.Text>
      </div>
      {error && (
        <Alert
          type="error"
          showIcon
          data-testid="plan-clone-error"
          title={t('plans.clone.failed', { message: error })}
        />
      )}
      <div className="plan-dialog-footer">
        <Button onClick={onClose} disabled={busy}>
          {t('plans.cancel')}
        </Button>
        <Button type="primary" loading={busy} data-testid="plan-clone-ok" onClick={() => void clone()}>
          {t('plans.clone.ok', { n: selected.size })}
        </Button>
      </div>
    </>
  );
}
