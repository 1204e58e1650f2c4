// 生成科室填报表: choose the 科室 (each with how many indicators it is responsible for; one without any cannot be
// chosen), then one workbook each for the year, with progress and each file's outcome.
import { useMemo, useState } from 'react';
import { Alert, Button, Checkbox, Modal, Progress, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PlanDetail } from '../../../../shared/model';
import type { DeliveryOutcome } from '../../lib/use-file-delivery';
import { useCollectionExport } from './use-collection-export';

interface CollectionDialogProps {
  detail: PlanDetail;
  year: number;
  open: boolean;
  onClose: () => void;
}

function OutcomeText({ outcome }: { outcome: DeliveryOutcome }) {
  const { t } = useTranslation();
  switch (outcome.kind) {
    case 'saved':
      return <Typography.Text type="success">{t('collection.outcome.saved', { path: outcome.path })}</Typography.Text>;
    case 'downloaded':
      return (
        <Typography.Text type="success">
          {t('collection.outcome.downloaded', { fileName: outcome.fileName })}
        </Typography.Text>
      );
    case 'cancelled':
      return <Typography.Text type="secondary">{t('collection.outcome.cancelled')}</Typography.Text>;
    default:
      return (
        <Typography.Text type="danger">{t('collection.outcome.failed', { message: outcome.message })}</Typography.Text>
      );
  }
}

export function CollectionDialog({ detail, year, open, onClose }: CollectionDialogProps) {
  const { t } = useTranslation();
  const exporter = useCollectionExport(detail.plan.id, year);
  const [chosen, setChosen] = useState<number[]>([]);
  const counts = useMemo(() => {
    const map = new Map<number, number>();
    for (const ind of detail.indicators)
      if (ind.departmentId !== null) map.set(ind.departmentId, (map.get(ind.departmentId) ?? 0) + 1);
    return map;
  }, [detail.indicators]);
  const usable = detail.departments.filter((d) => (counts.get(d.id) ?? 0) > 0);
  const busy = exporter.current !== null;
  const selected = usable.filter((d) => chosen.includes(d.id));

  const close = () => {
    if (busy) return;
    exporter.reset();
    setChosen([]);
    onClose();
  };

  const ok = exporter.results.filter((r) => r.outcome.kind === 'saved' || r.outcome.kind === 'downloaded').length;
  const current = exporter.current;

  return (
    <Modal
      open={open}
      title={t('collection.title', { year })}
      width={600}
      onCancel={close}
      closable={!busy}
      mask={{ closable: !busy }}
      destroyOnHidden
      footer={[
        <Button key="close" onClick={close} disabled={busy} data-testid="collection-close">
          {exporter.results.length > 0 ? t('collection.close') : t('collection.cancel')}
        </Button>,
        <Button
          key="run"
          type="primary"
          loading={busy}
          disabled={selected.length === 0}
          data-testid="collection-run"
          onClick={() => void exporter.run(selected)}
        >
          {t('collection.generate', { n: selected.length })}
        </Button>,
      ]}
    >
      {exporter.holders}
      <div data-testid="collection-dialog">
        <Typography.Paragraph>{t('collection.intro', { year })}</Typography.Paragraph>
        {detail.departments.length === 0 ? (
          <Alert type="info" showIcon title={t('collection.noDepartments')} />
        ) : usable.length === 0 ? (
          <Alert type="info" showIcon title={t('collection.noIndicators')} />
        ) : null}
        {detail.departments.length > 0 && (
          <>
            <Space className="collection-bulk">
              <Button size="small" disabled={busy} onClick={() => setChosen(usable.map((d) => d.id))}>
                {t('collection.selectAll')}
              </Button>
              <Button size="small" disabled={busy} onClick={() => setChosen([])}>
                {t('collection.clear')}
              </Button>
            </Space>
            <Checkbox.Group
              className="collection-departments"
              aria-label={t('collection.departments')}
              value={chosen}
              disabled={busy}
              onChange={(v) => setChosen(v as number[])}
            >
              {detail.departments.map((d) => {
                const n = counts.get(d.id) ?? 0;
                return (
                  <Checkbox key={d.id} value={d.id} disabled={n === 0} data-testid={`collection-dept-${d.id}`}>
                    <span className="collection-dept-name">{d.name}</span>
                    <Tag className="collection-dept-count">
                      {n > 0 ? t('collection.count', { n }) : t('collection.none')}
                    </Tag>
                  </Checkbox>
                );
              })}
            </Checkbox.Group>
          </>
        )}
        {(current || exporter.results.length > 0) && (
          <div className="collection-progress" data-testid="collection-progress">
            <Progress
              percent={Math.round(
                (exporter.results.length / (current?.count ?? Math.max(1, exporter.results.length))) * 100,
              )}
              status={current ? 'active' : 'normal'}
            />
            {current ? (
              <Typography.Text>
                {t('collection.progress', { i: current.index, n: current.count, name: current.department.name })}
              </Typography.Text>
            ) : (
              <Typography.Text strong>{t('collection.done', { ok, n: exporter.results.length })}</Typography.Text>
            )}
            <ul className="collection-results">
              {exporter.results.map((r) => (
                <li key={r.department.id} data-testid={`collection-result-${r.department.id}`}>
                  <span className="collection-dept-name">{r.department.name}</span>
                  <OutcomeText outcome={r.outcome} />
                </li>
              ))}
            </ul>
          </div>
        )}
      </div>
    </Modal>
  );
}
