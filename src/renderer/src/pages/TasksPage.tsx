// 主要任务: the plan's tasks, one small read-only table per task group, each task with its full text.
import { useMemo } from 'react';
import { Table, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PlanDetail, Task } from '../../../shared/model';
import { QueryView } from '../components/QueryView';
import { statusOf, useReportStatus, type StatusReporter } from '../lib/status';
import { useApiQuery } from '../lib/use-api-query';

interface Group {
  key: string;
  seq: string | null;
  title: string | null;
  tasks: Task[];
}

const bySortOrder = <T extends { sortOrder: number; id: number }>(a: T, b: T) =>
  a.sortOrder - b.sortOrder || a.id - b.id;

function groupTasks(detail: PlanDetail): Group[] {
  const known = new Set(detail.taskGroups.map((g) => g.id));
  const groups: Group[] = [...detail.taskGroups].sort(bySortOrder).map((g) => ({
    key: String(g.id),
    seq: g.seq,
    title: g.title,
    tasks: detail.tasks.filter((task) => task.groupId === g.id).sort(bySortOrder),
  }));
  // Tasks of a group missing from the plan are still listed, under a fallback heading.
  const orphans = detail.tasks.filter((task) => !known.has(task.groupId)).sort(bySortOrder);
  if (orphans.length > 0) groups.push({ key: 'orphans', seq: null, title: null, tasks: orphans });
  return groups;
}

/** The task text usually repeats the title as its first sentence; show the title in bold either way. */
function TaskText({ task }: { task: Task }) {
  if (task.text.startsWith(task.title)) {
    return (
      <>
        <Typography.Text strong>{task.title}</Typography.Text>
        {task.text.slice(task.title.length)}
      </>
    );
  }
  return (
    <>
      <Typography.Text strong>{task.title}</Typography.Text>
      <br />
      {task.text}
    </>
  );
}

function TaskGroups({ detail }: { detail: PlanDetail }) {
  const { t } = useTranslation();
  const groups = useMemo(() => groupTasks(detail), [detail]);
  const columns: TableColumnsType<Task> = [
    { key: 'seq', title: t('tasks.seq'), dataIndex: 'seq', width: 64, align: 'center' },
    { key: 'task', title: t('tasks.task'), render: (_, task) => <TaskText task={task} /> },
  ];
  return (
    <div data-testid="tasks-page">
      {groups.map((g) => (
        <section key={g.key} className="task-group">
          <Typography.Title level={5} className="page-title">
            {g.seq !== null && g.title !== null
              ? t('tasks.groupTitle', { seq: g.seq, title: g.title })
              : t('tasks.ungrouped')}
          </Typography.Title>
          <Table<Task>
            rowKey="id"
            columns={columns}
            dataSource={g.tasks}
            bordered
            size="small"
            pagination={false}
            locale={{ emptyText: t('common.empty') }}
          />
        </section>
      ))}
    </div>
  );
}

export function TasksPage({ planId, onStatus }: { planId: number; onStatus?: StatusReporter }) {
  const { t } = useTranslation();
  const state = useApiQuery('plan/get', { plan: planId });
  useReportStatus(
    onStatus,
    statusOf(state, t, (d) => t('status.tasksLoaded', { n: d.tasks.length })),
  );
  return <QueryView state={state}>{(detail) => <TaskGroups detail={detail} />}</QueryView>;
}
