// 修改记录 of one value cell: every logged change (who, when, from → to), newest first, each revertible. A revert
// is itself a logged change, so it can be reverted in turn; afterwards the page reloads the plan.
import { useCallback, useEffect, useState } from 'react';
import { Alert, Button, Drawer, Empty, Spin, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { ChangeLogEntry } from '../../../shared/model';
import { toApiError } from '../lib/api';
import { useApi } from '../lib/api-context';
import { usePlanAccess } from '../lib/plan-access';
import type { CellRef } from '../lib/sheet/rows';

export interface HistoryCell extends CellRef {
  /** what the drawer says the cell is: seq, indicator name, year and kind */
  title: string;
}

interface CellHistoryDrawerProps {
  planId: number;
  cell: HistoryCell | null;
  onClose: () => void;
  /** after changelog/revert succeeded */
  onReverted: (entry: ChangeLogEntry) => void;
}

type Loaded =
  { status: 'loading' } | { status: 'ok'; entries: ChangeLogEntry[] } | { status: 'error'; message: string };

/** The text of a logged value (an IndicatorValue, or null when the cell was empty). */
function loggedText(v: unknown): string | null {
  if (v && typeof v === 'object' && 'text' in v && typeof (v as { text: unknown }).text === 'string') {
    return (v as { text: string }).text;
  }
  return null;
}

const newestFirst = (a: ChangeLogEntry, b: ChangeLogEntry) => b.at.localeCompare(a.at) || b.id - a.id;

export function CellHistoryDrawer({ planId, cell, onClose, onReverted }: CellHistoryDrawerProps) {
  const { t } = useTranslation();
  const api = useApi();
  const [loaded, setLoaded] = useState<Loaded>({ status: 'loading' });
  const [nonce, setNonce] = useState(0);
  const [reverting, setReverting] = useState<number | null>(null);
  const [revertError, setRevertError] = useState<string | null>(null);
  // A closed plan: the history is shown, nothing is reverted.
  const access = usePlanAccess();
  const indicatorId = cell?.indicatorId;
  const field = cell ? `${cell.year}/${cell.kind}` : null;

  useEffect(() => {
    if (indicatorId === undefined || field === null) return;
    let current = true;
    api.call('changelog/list', { planId, entity: 'indicator_value', entityId: indicatorId, field, limit: 200 }).then(
      (page) => current && setLoaded({ status: 'ok', entries: [...page.entries].sort(newestFirst) }),
      (e: unknown) => current && setLoaded({ status: 'error', message: toApiError(e).message }),
    );
    return () => {
      current = false;
      setLoaded({ status: 'loading' });
    };
  }, [api, planId, indicatorId, field, nonce]);

  const revert = useCallback(
    async (entry: ChangeLogEntry) => {
      setReverting(entry.id);
      setRevertError(null);
      try {
        const logged = await api.call('changelog/revert', { id: entry.id });
        onReverted(logged);
        setNonce((n) => n + 1);
      } catch (e) {
        setRevertError(toApiError(e).message);
      } finally {
        setReverting(null);
      }
    },
    [api, onReverted],
  );

  const shown = (v: unknown) => {
    const text = loggedText(v);
    return text === null || text === '' ? (
      <Typography.Text type="secondary">{t('history.empty')}</Typography.Text>
    ) : (
      text
    );
  };

  return (
    <Drawer
      open={cell !== null}
      placement="right"
      size={440}
      title={t('history.title')}
      onClose={onClose}
      destroyOnHidden
    >
      {cell && (
        <div data-testid="cell-history">
          <Typography.Paragraph strong>{cell.title}</Typography.Paragraph>
          {revertError && (
            <Alert
              type="error"
              showIcon
              title={t('history.revertFailed')}
              description={revertError}
              className="sheet-history-alert"
            />
          )}
          {loaded.status === 'loading' && <Spin description={t('common.loading')} />}
          {loaded.status === 'error' && (
            <Alert type="error" showIcon title={t('common.loadFailed')} description={loaded.message} />
          )}
          {loaded.status === 'ok' && loaded.entries.length === 0 && <Empty description={t('history.none')} />}
          {loaded.status === 'ok' && loaded.entries.length > 0 && (
            <ol className="sheet-history-list">
              {loaded.entries.map((entry, i) => (
                <li key={entry.id} className="sheet-history-entry" data-testid={`history-entry-${i}`}>
                  <div className="sheet-history-change">
                    {shown(entry.before)} <span className="sheet-history-arrow">→</span> {shown(entry.after)}
                  </div>
                  {entry.source && (
                    <Typography.Text
                      type="secondary"
                      className="sheet-history-source"
                      data-testid={`history-source-${i}`}
                    >
                      {t('changelog.annual.source', { file: entry.source })}
                    </Typography.Text>
                  )}
                  <div className="sheet-history-meta">
                    <Typography.Text type="secondary">
                      {t('history.by', {
                        actor: entry.actor,
                        at: dayjs(entry.at).format('YYYY-MM-DD HH:mm:ss'),
                        op: t(`history.op.${entry.op}`),
                      })}
                    </Typography.Text>
                    <Button
                      size="small"
                      data-testid={`history-revert-${i}`}
                      title={access.hint ?? undefined}
                      loading={reverting === entry.id}
                      disabled={access.readOnly || (reverting !== null && reverting !== entry.id)}
                      onClick={() => void revert(entry)}
                    >
                      {t('history.revert')}
                    </Button>
                  </div>
                </li>
              ))}
            </ol>
          )}
        </div>
      )}
    </Drawer>
  );
}
