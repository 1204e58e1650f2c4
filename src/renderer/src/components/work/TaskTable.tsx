// The tasks of one group: text, 牵头科室, 配合科室, 完成期限 and the chosen year's progress.
import type { HTMLAttributes } from 'react';
import { Table, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ArgsIn } from '../../../../shared/api';
import type { Department, Task } from '../../../../shared/model';
import { isValidDeadline, normalizeDeadline } from './deadline';
import { DepartmentSelect, DepartmentsMultiSelect } from './DepartmentSelect';
import { ProgressEditor, type ProgressValue } from './ProgressEditor';
import { progressOf } from './progress';
import { TaskText } from './TaskText';
import { TextField } from './TextField';

export interface TaskEdits {
  year: number;
  /** why the year's progress is read-only (submitted), else null */
  lockedHint: string | null;
  /** a closed plan: every field is shown, none edited */
  readOnly: boolean;
  departments: Department[];
  update: (task: Task, fields: ArgsIn<'task/update'>['fields']) => Promise<void>;
  setProgress: (task: Task, value: ProgressValue) => Promise<void>;
}

interface TaskTableProps {
  tasks: Task[];
  /** the group's position, as used in test ids: task-row-{groupN}-{seq} */
  groupN: string;
  edits: TaskEdits;
}

export function TaskTable({ tasks, groupN, edits }: TaskTableProps) {
  const { t } = useTranslation();
  const { year, departments, update, setProgress, readOnly } = edits;
  const id = (what: string, task: Task) => `task-${what}-${groupN}-${task.seq}`;
  const columns: TableColumnsType<Task> = [
    { key: 'seq', title: t('tasks.seq'), dataIndex: 'seq', width: 56, align: 'center' },
    {
      key: 'task',
      title: t('tasks.task'),
      width: 400,
      render: (_, task) => <TaskText task={task} testId={id('text', task)} />,
    },
    {
      key: 'lead',
      title: t('work.leadDepartment'),
      width: 160,
      render: (_, task) => (
        <DepartmentSelect
          departments={departments}
          value={task.leadDepartmentId}
          save={(leadDepartmentId) => update(task, { leadDepartmentId })}
          testId={id('lead', task)}
          disabled={readOnly}
        />
      ),
    },
    {
      key: 'cooperating',
      title: t('work.cooperatingDepartments'),
      width: 200,
      render: (_, task) => (
        <DepartmentsMultiSelect
          departments={departments}
          value={task.cooperatingDepartmentIds}
          save={(cooperatingDepartmentIds) => update(task, { cooperatingDepartmentIds })}
          testId={id('cooperating', task)}
          disabled={readOnly}
        />
      ),
    },
    {
      key: 'deadline',
      title: t('work.deadline'),
      width: 130,
      render: (_, task) => (
        <TextField
          value={task.deadline ?? ''}
          save={(text) => update(task, { deadline: text === '' ? null : text })}
          testId={id('deadline', task)}
          label={t('work.deadline')}
          placeholder={t('work.deadlinePlaceholder')}
          normalize={normalizeDeadline}
          disabled={readOnly}
          validate={(text) => (isValidDeadline(text) ? null : t('work.deadlineInvalid'))}
        />
      ),
    },
    {
      key: 'progress',
      title: t('progress.column', { year }),
      width: 300,
      render: (_, task) => (
        <ProgressEditor
          key={year}
          entry={progressOf(task.progress, year)}
          save={(value) => setProgress(task, value)}
          testId={id('progress', task)}
          statusTestId={id('status', task)}
          lockedHint={edits.lockedHint}
        />
      ),
    },
  ];
  return (
    <Table<Task>
      rowKey="id"
      columns={columns}
      dataSource={tasks}
      bordered
      size="small"
      tableLayout="fixed"
      scroll={{ x: 1246 }}
      pagination={false}
      onRow={(task) => ({ 'data-testid': id('row', task) }) as HTMLAttributes<HTMLElement>}
      locale={{ emptyText: t('common.empty') }}
    />
  );
}
