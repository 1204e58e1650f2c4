// 主要任务: the plan's tasks under their six groups (collapsible, each with its task count); per task the text,
// 牵头科室, 配合科室, 完成期限 and the chosen year's progress, each saved at once.
import { useMemo, useState } from 'react';
import { Collapse, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PlanDetail, Task } from '../../../../shared/model';
import type { ArgsIn } from '../../../../shared/api';
import { useApi } from '../../lib/api-context';
import type { StatusReporter } from '../../lib/status';
import type { ProgressValue } from './ProgressEditor';
import { bySortOrder, withProgress } from './progress';
import { TaskTable, type TaskEdits } from './TaskTable';
import { useSaveReporter } from './use-save';
import { planYears, useWorkYear, type WorkYearProps } from './work-year';
import { YearPicker } from './YearPicker';
import { usePlanAccess } from '../../lib/plan-access';
import { LockedNotice, useLockedHint } from '../submission/LockedNotice';
import './work.css';

type TaskFields = ArgsIn<'task/update'>['fields'];

interface Group {
  key: string;
  /** position of the group, 1-based ('0' for tasks whose group is missing), used in test ids */
  n: string;
  seq: string | null;
  title: string | null;
  tasks: Task[];
}

export function groupTasks(detail: Pick<PlanDetail, 'taskGroups'>, tasks: Task[]): Group[] {
  const known = new Set(detail.taskGroups.map((g) => g.id));
  const groups: Group[] = [...detail.taskGroups].sort(bySortOrder).map((g, i) => ({
    key: String(g.id),
    n: String(i + 1),
    seq: g.seq,
    title: g.title,
    tasks: tasks.filter((task) => task.groupId === g.id).sort(bySortOrder),
  }));
  // Tasks of a group missing from the plan are still listed, under a fallback heading.
  const orphans = tasks.filter((task) => !known.has(task.groupId)).sort(bySortOrder);
  if (orphans.length > 0) groups.push({ key: 'orphans', n: '0', seq: null, title: null, tasks: orphans });
  return groups;
}

interface TaskGroupsProps extends WorkYearProps {
  detail: PlanDetail;
  onStatus?: StatusReporter;
}

export function TaskGroups({ detail, onStatus, ...yearProps }: TaskGroupsProps) {
  const { t } = useTranslation();
  const api = useApi();
  const run = useSaveReporter(onStatus);
  const planId = detail.plan.id;
  const [year, setYear] = useWorkYear(detail.plan, yearProps);
  const yearHint = useLockedHint(detail, year);
  // A closed plan: nothing is edited; a submitted year: its progress is not.
  const access = usePlanAccess();
  const lockedHint = access.hint ?? yearHint;
  const [tasks, setTasks] = useState(detail.tasks);
  const groups = useMemo(() => groupTasks(detail, tasks), [detail, tasks]);
  const patch = (id: number, change: (task: Task) => Task) =>
    setTasks((list) => list.map((task) => (task.id === id ? change(task) : task)));

  const edits: TaskEdits = {
    year,
    lockedHint,
    readOnly: access.readOnly,
    departments: detail.departments,
    update: async (task: Task, fields: TaskFields) => {
      const stored = await run(() => api.call('task/update', { planId, taskId: task.id, fields }));
      patch(task.id, (x) => ({ ...x, ...stored }));
    },
    setProgress: async (task: Task, value: ProgressValue) => {
      const progress = { year, ...value };
      const entry = await run(() => api.call('task/set-progress', { planId, taskId: task.id, progress }));
      patch(task.id, (x) => ({ ...x, progress: withProgress(x.progress, year, entry) }));
    },
  };

  const items = groups.map((g) => ({
    key: g.key,
    label: (
      <span className="work-group-label" data-testid={`task-group-${g.n}`}>
        <Typography.Text strong>
          {g.seq !== null && g.title !== null
            ? t('tasks.groupTitle', { seq: g.seq, title: g.title })
            : t('tasks.ungrouped')}
        </Typography.Text>
        <Tag className="work-group-count" data-testid={`task-group-count-${g.n}`}>
          {t('work.taskCount', { n: g.tasks.length })}
        </Tag>
      </span>
    ),
    children: <TaskTable tasks={g.tasks} groupN={g.n} edits={edits} />,
  }));

  return (
    <div data-testid="tasks-page">
      <div className="work-toolbar">
        <Typography.Title level={5} className="page-title">
          {t('work.tasksTitle', { n: tasks.length, groups: groups.length })}
        </Typography.Title>
        <YearPicker years={planYears(detail.plan)} value={year} onChange={setYear} />
      </div>
      {!access.readOnly && (
        <Typography.Paragraph type="secondary" className="work-hint">
          {t('work.autosaveHint')}
        </Typography.Paragraph>
      )}
      {/* A closed plan says so in the banner above every page. */}
      <LockedNotice hint={access.readOnly ? null : yearHint} />
      <Collapse size="small" defaultActiveKey={groups.map((g) => g.key)} items={items} />
    </div>
  );
}
