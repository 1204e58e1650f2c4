// 科室 in 设置: the departments chosen as 牵头/配合科室 on the other pages — list, add, rename, delete.
// Department names come from the database and are rendered as text.
import { useState, type HTMLAttributes } from 'react';
import { Button, Input, Popconfirm, Space, Table, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Department } from '../../../../shared/model';
import { toApiError } from '../../lib/api';
import { useApi } from '../../lib/api-context';
import type { StatusReporter } from '../../lib/status';
import { useReloadableQuery } from '../work/use-reloadable-query';
import '../work/work.css';

export function DepartmentsPanel({ onStatus }: { onStatus?: StatusReporter }) {
  const { t } = useTranslation();
  const api = useApi();
  const query = useReloadableQuery('department/list', {});
  const [newName, setNewName] = useState('');
  const [editing, setEditing] = useState<{ id: number; name: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const list = query.state.status === 'ok' ? query.state.data : (query.lastData ?? []);

  /** Runs one change, reports it, reloads the list; resolves true when it went through. */
  const change = async (run: () => Promise<unknown>, done: (name: string) => string, name: string) => {
    setBusy(true);
    onStatus?.({ tone: 'loading', text: t('work.saving') });
    try {
      await run();
      onStatus?.({ tone: 'ok', text: done(name) });
      return true;
    } catch (e) {
      onStatus?.({ tone: 'error', text: t('work.saveFailed', { message: toApiError(e).message }) });
      return false;
    } finally {
      setBusy(false);
      query.reload();
    }
  };

  const add = async () => {
    const name = newName.trim();
    if (name === '') return;
    const saved = await change(
      () => api.call('department/save', { name }),
      (n) => t('departments.added', { name: n }),
      name,
    );
    if (saved) setNewName('');
  };
  const rename = async () => {
    if (!editing) return;
    const name = editing.name.trim();
    const unchanged = name === '' || name === list.find((d) => d.id === editing.id)?.name;
    const saved =
      unchanged ||
      (await change(
        () => api.call('department/save', { id: editing.id, name }),
        (n) => t('departments.renamed', { name: n }),
        name,
      ));
    if (saved) setEditing(null);
  };
  const remove = (d: Department) =>
    void change(
      () => api.call('department/delete', { id: d.id }),
      (n) => t('departments.deleted', { name: n }),
      d.name,
    );

  const columns: TableColumnsType<Department> = [
    {
      key: 'name',
      title: t('departments.name'),
      render: (_, d) =>
        editing !== null && editing.id === d.id ? (
          <Input
            autoFocus
            data-testid={`department-name-input-${d.id}`}
            aria-label={t('departments.name')}
            maxLength={100}
            value={editing.name}
            onChange={(e) => setEditing({ id: d.id, name: e.target.value })}
            onPressEnter={() => void rename()}
            onKeyDown={(e) => e.key === 'Escape' && setEditing(null)}
          />
        ) : (
          <Typography.Text data-testid={`department-name-${d.id}`}>{d.name}</Typography.Text>
        ),
    },
    {
      key: 'ops',
      title: t('departments.operations'),
      width: 200,
      render: (_, d) =>
        editing !== null && editing.id === d.id ? (
          <Space size="small">
            <Button
              size="small"
              type="primary"
              disabled={busy}
              onClick={() => void rename()}
              data-testid={`department-save-${d.id}`}
            >
              {t('departments.save')}
            </Button>
            <Button size="small" onClick={() => setEditing(null)}>
              {t('departments.cancel')}
            </Button>
          </Space>
        ) : (
          <Space size="small">
            <Button
              size="small"
              disabled={busy}
              onClick={() => setEditing({ id: d.id, name: d.name })}
              data-testid={`department-rename-${d.id}`}
            >
              {t('departments.rename')}
            </Button>
            <Popconfirm
              title={t('departments.deleteConfirm', { name: d.name })}
              description={t('departments.deleteHint')}
              okText={t('departments.delete')}
              okButtonProps={{ danger: true }}
              cancelText={t('departments.cancel')}
              onConfirm={() => remove(d)}
            >
              <Button size="small" danger disabled={busy} data-testid={`department-delete-${d.id}`}>
                {t('departments.delete')}
              </Button>
            </Popconfirm>
          </Space>
        ),
    },
  ];

  return (
    <section data-testid="departments" className="departments-panel">
      <Typography.Title level={5} className="page-title">
        {t('departments.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('departments.intro')}</Typography.Paragraph>
      <Space.Compact className="departments-add">
        <Input
          data-testid="department-new-name"
          aria-label={t('departments.newName')}
          placeholder={t('departments.newName')}
          maxLength={100}
          value={newName}
          onChange={(e) => setNewName(e.target.value)}
          onPressEnter={() => void add()}
        />
        <Button
          type="primary"
          disabled={busy || newName.trim() === ''}
          onClick={() => void add()}
          data-testid="department-add"
        >
          {t('departments.add')}
        </Button>
      </Space.Compact>
      {query.state.status === 'error' && (
        <Typography.Paragraph type="danger" data-testid="departments-error">
          {t('departments.loadFailed', { message: query.state.error.message })}
        </Typography.Paragraph>
      )}
      <Table<Department>
        rowKey="id"
        columns={columns}
        dataSource={list}
        loading={query.state.status === 'loading'}
        bordered
        size="small"
        pagination={false}
        onRow={(d) => ({ 'data-testid': `department-${d.id}` }) as HTMLAttributes<HTMLElement>}
        locale={{ emptyText: t('departments.empty') }}
      />
    </section>
  );
}
