// 规划管理: every plan with its period, status and indicator count, and what can be done with it — switch to it, start
// the next period from it, close it (read-only from then on) or reopen it with a reason, export its 总结评估 — plus
// 新建规划 and 从 Excel 导入规划. A new plan (created, cloned or imported) becomes the plan on screen.
import { useState, type HTMLAttributes } from 'react';
import { Button, Modal, Space, Table, Tag, Typography, message, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PlanSummary } from '../../../../shared/model';
import { toApiError } from '../../lib/api';
import { useApi } from '../../lib/api-context';
import { useFinalEvaluationExport, type EvaluationFormat } from '../../lib/plans/use-final-evaluation-export';
import { ClonePlanDialog } from './ClonePlanDialog';
import { CreatePlanDialog } from './CreatePlanDialog';
import { PlanImportDialog } from './PlanImportDialog';
import { PlanStatusTag } from './PlanStatusTag';
import { ReopenPlanDialog } from './ReopenPlanDialog';
import './plans.css';

export interface PlanManagerProps {
  open: boolean;
  onClose: () => void;
  plans: PlanSummary[];
  /** the plan on screen */
  currentId: number | null;
  onSwitch: (planId: number) => void;
  /** a plan was created (new, next period, imported): the list is refreshed and the plan shown */
  onCreated: (plan: PlanSummary) => Promise<void>;
  /** a plan's status changed: the list is refreshed */
  onChanged: () => Promise<void>;
}

type Dialog =
  | { kind: 'create' }
  | { kind: 'import' }
  | { kind: 'clone'; plan: PlanSummary }
  | { kind: 'reopen'; plan: PlanSummary };

export function PlanManager({ open, onClose, plans, currentId, onSwitch, onCreated, onChanged }: PlanManagerProps) {
  const { t } = useTranslation();
  const api = useApi();
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [modal, modalHolder] = Modal.useModal();
  const [messageApi, messageHolder] = message.useMessage();
  const evaluation = useFinalEvaluationExport();

  const created = (plan: PlanSummary, text: string) => {
    setDialog(null);
    onClose();
    void onCreated(plan).then(() => messageApi.success(text));
  };

  const confirmClose = (plan: PlanSummary) =>
    void modal.confirm({
      title: t('plans.close.title', { shortName: plan.shortName }),
      content: <div data-testid="plan-close-confirm">{t('plans.close.body', { shortName: plan.shortName })}</div>,
      okText: t('plans.close.ok'),
      okButtonProps: { danger: true },
      cancelText: t('plans.cancel'),
      width: 520,
      onOk: async () => {
        try {
          await api.call('plan/close', { planId: plan.id });
          await onChanged();
          void messageApi.success(t('plans.close.done', { shortName: plan.shortName }));
        } catch (e) {
          void messageApi.error({
            content: t('plans.close.failed', { message: toApiError(e).message }),
            duration: 8,
          });
        }
      },
    });

  const evaluationButton = (plan: PlanSummary, format: EvaluationFormat) => {
    const running = evaluation.busy?.planId === plan.id && evaluation.busy.format === format;
    return (
      <Button
        size="small"
        data-testid={`plan-evaluation-${format}-${plan.id}`}
        loading={running}
        disabled={evaluation.busy !== null && !running}
        onClick={() => void evaluation.run(plan.id, format)}
      >
        {t(format === 'xlsx' ? 'plans.evaluationXlsx' : 'plans.evaluationPdf')}
      </Button>
    );
  };

  const columns: TableColumnsType<PlanSummary> = [
    {
      key: 'shortName',
      title: t('plans.col.shortName'),
      width: 110,
      render: (_, p) => (
        <Space size={4} wrap>
          <Typography.Text strong>{p.shortName}</Typography.Text>
          {p.id === currentId && <Tag color="blue">{t('plans.current')}</Tag>}
        </Space>
      ),
    },
    { key: 'title', title: t('plans.col.title'), render: (_, p) => p.title },
    {
      key: 'period',
      title: t('plans.col.period'),
      width: 150,
      render: (_, p) => (
        <>
          <div>{t('plans.period', { first: p.firstYear, last: p.lastYear })}</div>
          {p.baseYear !== null && (
            <Typography.Text type="secondary">{t('plans.baseYear', { year: p.baseYear })}</Typography.Text>
          )}
        </>
      ),
    },
    { key: 'status', title: t('plans.col.status'), width: 90, render: (_, p) => <PlanStatusTag status={p.status} /> },
    {
      key: 'indicators',
      title: t('plans.col.indicators'),
      width: 80,
      align: 'right',
      render: (_, p) => t('plans.indicatorCount', { n: p.indicatorCount }),
    },
    {
      key: 'actions',
      title: t('plans.col.actions'),
      width: 360,
      render: (_, p) => (
        <div className="plan-actions">
          <Space size={4} wrap>
            {p.id !== currentId && (
              <Button
                size="small"
                type="link"
                data-testid={`plan-switch-${p.id}`}
                onClick={() => {
                  onSwitch(p.id);
                  onClose();
                }}
              >
                {t('plans.switch')}
              </Button>
            )}
            <Button
              size="small"
              data-testid={`plan-clone-${p.id}`}
              onClick={() => setDialog({ kind: 'clone', plan: p })}
            >
              {t('plans.clone.button')}
            </Button>
            {p.status === 'closed' ? (
              <Button
                size="small"
                data-testid={`plan-reopen-${p.id}`}
                onClick={() => setDialog({ kind: 'reopen', plan: p })}
              >
                {t('plans.reopen.button')}
              </Button>
            ) : (
              <Button size="small" danger data-testid={`plan-close-${p.id}`} onClick={() => confirmClose(p)}>
                {t('plans.close.button')}
              </Button>
            )}
          </Space>
          <Space.Compact size="small" className="plan-evaluation">
            {evaluationButton(p, 'xlsx')}
            {evaluationButton(p, 'pdf')}
          </Space.Compact>
        </div>
      ),
    },
  ];

  return (
    <>
      {modalHolder}
      {messageHolder}
      {evaluation.holders}
      <Modal
        open={open}
        title={t('plans.managerTitle')}
        width="min(1160px, 96vw)"
        onCancel={onClose}
        footer={[
          <Button key="close" onClick={onClose} data-testid="plan-manager-close">
            {t('plans.done')}
          </Button>,
        ]}
      >
        <div data-testid="plan-manager">
          <div className="plan-manager-toolbar">
            <Typography.Text type="secondary">{t('plans.managerIntro')}</Typography.Text>
            <Space>
              <Button type="primary" data-testid="plan-create-open" onClick={() => setDialog({ kind: 'create' })}>
                {t('plans.create.button')}
              </Button>
              <Button data-testid="plan-import-open" onClick={() => setDialog({ kind: 'import' })}>
                {t('planImport.button')}
              </Button>
            </Space>
          </div>
          <Table<PlanSummary>
            rowKey="id"
            columns={columns}
            dataSource={plans}
            size="small"
            bordered
            tableLayout="fixed"
            scroll={{ x: 1000 }}
            pagination={false}
            onRow={(p) => ({ 'data-testid': `plan-row-${p.id}` }) as HTMLAttributes<HTMLElement>}
            locale={{ emptyText: t('app.noPlans') }}
          />
        </div>
      </Modal>
      {dialog?.kind === 'create' && (
        <CreatePlanDialog
          onClose={() => setDialog(null)}
          onCreated={(plan) => created(plan, t('plans.create.done', { shortName: plan.shortName }))}
        />
      )}
      {dialog?.kind === 'clone' && (
        <ClonePlanDialog
          source={dialog.plan}
          onClose={() => setDialog(null)}
          onCreated={(plan) =>
            created(plan, t('plans.clone.done', { shortName: plan.shortName, n: plan.indicatorCount }))
          }
        />
      )}
      {dialog?.kind === 'import' && (
        <PlanImportDialog
          onClose={() => setDialog(null)}
          onCreated={(plan) =>
            created(plan, t('planImport.done', { shortName: plan.shortName, n: plan.indicatorCount }))
          }
        />
      )}
      {dialog?.kind === 'reopen' && (
        <ReopenPlanDialog
          plan={dialog.plan}
          onClose={() => setDialog(null)}
          onReopened={(plan) => {
            setDialog(null);
            void onChanged().then(() => messageApi.success(t('plans.reopen.done', { shortName: plan.shortName })));
          }}
        />
      )}
    </>
  );
}
