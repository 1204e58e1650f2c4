// The side panel where a clerk defines an indicator: name, unit, category, 属性, 方向, base value, target kind,
// responsible section, data source, remark. Saving goes through indicator/save (no id → a new indicator);
// the core's Chinese error stays visible in the panel with the typed values kept. Deleting offers 撤销 in a
// message, which puts the indicator back (with its values) through indicator/restore.
// Keep this component mounted while the page is shown: the 撤销 message lives in its holder.
import { useState } from 'react';
import { Alert, Button, Drawer, Flex, Form, Popconfirm, Space, message, type ButtonProps } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Department, Indicator, PlanDetail } from '../../../../shared/model';
import { toApiError } from '../../lib/api';
import { useApi } from '../../lib/api-context';
import { usePlanAccess } from '../../lib/plan-access';
import { useApiQuery, type QueryState } from '../../lib/use-api-query';
import { DefinitionFields } from './DefinitionFields';
import { serverFieldErrors, toDefinition, toFormValues, type DefinitionFormValues } from './definition-form';

/** How long the undo offer stays on screen after a delete. */
export const UNDO_SECONDS = 10;

export type DefinitionTarget = { indicatorId: number } | { newInCategory: number };

export interface IndicatorDefinitionDrawerProps {
  planId: number;
  plan: PlanDetail;
  /** null closes the drawer */
  target: DefinitionTarget | null;
  onClose(): void;
  /** after indicator/save succeeded (create or update); the page reloads the plan */
  onSaved(indicator: Indicator): void;
  /** after indicator/delete succeeded; the page closes the drawer and reloads the plan */
  onDeleted(snapshot: Indicator): void;
  /** after undo brought a deleted indicator back; defaults to onSaved (either way the page reloads the plan) */
  onRestored?(indicator: Indicator): void;
}

export function IndicatorDefinitionDrawer(props: IndicatorDefinitionDrawerProps) {
  const { planId, plan, target, onClose, onSaved, onDeleted, onRestored } = props;
  const { t } = useTranslation();
  const api = useApi();
  const [messageApi, messageHolder] = message.useMessage();
  // A just-created indicator may be opened before the page has reloaded the plan that contains it.
  const [lastSaved, setLastSaved] = useState<Indicator | null>(null);
  const departments = useApiQuery('department/list', target === null ? null : {});
  const { readOnly } = usePlanAccess();

  const indicatorId = target !== null && 'indicatorId' in target ? target.indicatorId : null;
  const indicator =
    indicatorId === null
      ? null
      : (plan.indicators.find((i) => i.id === indicatorId) ?? (lastSaved?.id === indicatorId ? lastSaved : null));

  const offerUndo = (snapshot: Indicator) => {
    const key = `definition-deleted-${snapshot.id}`;
    const undo = async () => {
      messageApi.destroy(key);
      try {
        const restored = await api.call('indicator/restore', { planId, indicatorId: snapshot.id });
        void messageApi.success(t('definitions.restored', { name: restored.name }));
        (onRestored ?? onSaved)(restored);
      } catch (e) {
        void messageApi.error(t('definitions.restoreFailed', { message: toApiError(e).message }), UNDO_SECONDS);
      }
    };
    void messageApi.open({
      key,
      type: 'success',
      duration: UNDO_SECONDS,
      content: (
        <span data-testid="definition-deleted">
          {t('definitions.deleted', { name: snapshot.name })}
          <Button type="link" size="small" data-testid="definition-undo-delete" onClick={() => void undo()}>
            {t('definitions.undo')}
          </Button>
        </span>
      ),
    });
  };

  const title =
    target === null
      ? null
      : indicator
        ? t(readOnly ? 'plans.definitionView' : 'definitions.titleEdit', { name: indicator.name })
        : t('definitions.titleNew');

  return (
    <>
      {messageHolder}
      <Drawer
        open={target !== null}
        placement="right"
        size={520}
        title={title}
        onClose={onClose}
        // Typed values must not vanish on a stray click beside the panel.
        mask={{ closable: false }}
        destroyOnHidden
      >
        {target !== null && (
          <DefinitionBody
            // A fresh form per indicator (or per "new in category"), never one carried over.
            key={'indicatorId' in target ? `indicator-${target.indicatorId}` : `new-${target.newInCategory}`}
            planId={planId}
            plan={plan}
            indicator={indicator}
            missing={indicatorId !== null && indicator === null}
            newInCategory={'newInCategory' in target ? target.newInCategory : undefined}
            departments={departments}
            readOnly={readOnly}
            onClose={onClose}
            onSaved={(saved) => {
              setLastSaved(saved);
              onSaved(saved);
            }}
            onDeleted={(snapshot) => {
              offerUndo(snapshot);
              onDeleted(snapshot);
            }}
          />
        )}
      </Drawer>
    </>
  );
}

interface DefinitionBodyProps {
  planId: number;
  plan: PlanDetail;
  indicator: Indicator | null;
  /** an existing indicator was asked for but the plan does not hold it (deleted meanwhile) */
  missing: boolean;
  newInCategory: number | undefined;
  departments: QueryState<Department[]>;
  /** a closed plan: the definition is shown, not edited */
  readOnly: boolean;
  onClose(): void;
  onSaved(indicator: Indicator): void;
  onDeleted(snapshot: Indicator): void;
}

interface Failure {
  title: string;
  message: string;
}

function DefinitionBody(props: DefinitionBodyProps) {
  const { planId, plan, indicator, missing, newInCategory, departments, readOnly, onClose, onSaved, onDeleted } = props;
  const { t } = useTranslation();
  const api = useApi();
  const [form] = Form.useForm<DefinitionFormValues>();
  const [busy, setBusy] = useState<'save' | 'delete' | null>(null);
  const [failure, setFailure] = useState<Failure | null>(null);

  if (missing) {
    return (
      <div data-testid="definition-drawer">
        <Alert type="warning" showIcon title={t('definitions.notFound')} />
      </div>
    );
  }

  const save = async (values: DefinitionFormValues) => {
    setBusy('save');
    setFailure(null);
    try {
      const saved = await api.call('indicator/save', { planId, indicator: toDefinition(values, indicator?.id) });
      onSaved(saved);
    } catch (e) {
      const error = toApiError(e);
      // The typed values stay in the form; the core's message is shown above it and, where it names a
      // field, under that field too.
      setFailure({ title: t('definitions.saveFailed'), message: error.message });
      form.setFields(serverFieldErrors(error.details));
    } finally {
      setBusy(null);
    }
  };

  const remove = async (target: Indicator) => {
    setBusy('delete');
    setFailure(null);
    try {
      const { snapshot } = await api.call('indicator/delete', { planId, indicatorId: target.id });
      onDeleted(snapshot);
    } catch (e) {
      setFailure({ title: t('definitions.deleteFailed'), message: toApiError(e).message });
    } finally {
      setBusy(null);
    }
  };

  const planDepartments = departments.status === 'ok' ? departments.data : plan.departments;
  return (
    <div data-testid="definition-drawer">
      {failure && (
        <div data-testid="definition-error" style={{ marginBottom: 16 }}>
          <Alert type="error" showIcon title={failure.title} description={failure.message} />
        </div>
      )}
      <Form<DefinitionFormValues>
        form={form}
        name="definition"
        layout="vertical"
        disabled={readOnly}
        initialValues={toFormValues(indicator, newInCategory)}
        onFinish={(values) => void save(values)}
      >
        <DefinitionFields
          plan={plan}
          departments={planDepartments}
          departmentsError={departments.status === 'error' ? departments.error.message : null}
        />
        {readOnly ? (
          <Flex justify="end">
            {/* The form is disabled as a whole; closing the panel is not. */}
            <Button disabled={false} onClick={onClose} data-testid="definition-close">
              {t('plans.closePanel')}
            </Button>
          </Flex>
        ) : (
          <Flex justify="space-between">
            {indicator ? (
              <Popconfirm
                title={t('definitions.deleteConfirm', { name: indicator.name })}
                okText={t('definitions.delete')}
                cancelText={t('definitions.cancel')}
                // data-* keys are not part of ButtonProps' declared members, hence the cast.
                okButtonProps={{ danger: true, 'data-testid': 'definition-delete-confirm' } as ButtonProps}
                onConfirm={() => void remove(indicator)}
              >
                <Button danger data-testid="definition-delete" loading={busy === 'delete'} disabled={busy === 'save'}>
                  {t('definitions.delete')}
                </Button>
              </Popconfirm>
            ) : (
              <span />
            )}
            <Space>
              <Button onClick={onClose}>{t('definitions.cancel')}</Button>
              <Button
                type="primary"
                htmlType="submit"
                data-testid="definition-save"
                loading={busy === 'save'}
                disabled={busy === 'delete'}
              >
                {t('definitions.save')}
              </Button>
            </Space>
          </Flex>
        )}
      </Form>
    </div>
  );
}
