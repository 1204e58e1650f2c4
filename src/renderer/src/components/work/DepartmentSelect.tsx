// 牵头科室 (one) and 配合科室 (several), picked from the departments kept in 设置 and saved as soon as chosen.
import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Department } from '../../../../shared/model';
import { SaveError } from './SaveError';
import { useDraft } from './use-save';

function useOptions(departments: Department[], values: number[]) {
  const { t } = useTranslation();
  const known = new Set(departments.map((d) => d.id));
  // A department deleted since it was chosen still shows, by number, rather than vanishing.
  const missing = values
    .filter((id) => !known.has(id))
    .map((id) => ({ value: id, label: t('work.unknownDepartment', { id }) }));
  return [...departments.map((d) => ({ value: d.id, label: d.name })), ...missing];
}

interface SingleProps {
  departments: Department[];
  value: number | null;
  save: (id: number | null) => Promise<void>;
  testId: string;
  /** shown, not edited (a closed plan) */
  disabled?: boolean;
}

export function DepartmentSelect({ departments, value, save, testId, disabled }: SingleProps) {
  const { t } = useTranslation();
  const draft = useDraft(value, save);
  const options = useOptions(departments, draft.value === null ? [] : [draft.value]);
  return (
    <div className="work-field">
      <Select<number>
        data-testid={testId}
        aria-label={t('work.leadDepartment')}
        className="work-department-select"
        allowClear
        disabled={disabled}
        showSearch={{ optionFilterProp: 'label' }}
        placeholder={t('work.departmentPlaceholder')}
        notFoundContent={t('work.noDepartments')}
        status={draft.error ? 'error' : undefined}
        value={draft.value ?? undefined}
        onChange={(id) => void draft.commit(id ?? null)}
        options={options}
      />
      <SaveError error={draft.error} onRetry={draft.retry} testId={testId} />
    </div>
  );
}

interface MultiProps {
  departments: Department[];
  value: number[];
  save: (ids: number[]) => Promise<void>;
  testId: string;
  disabled?: boolean;
}

const sameIds = (a: number[], b: number[]) => a.length === b.length && a.every((id, i) => id === b[i]);

export function DepartmentsMultiSelect({ departments, value, save, testId, disabled }: MultiProps) {
  const { t } = useTranslation();
  const draft = useDraft(value, save, { same: sameIds });
  const options = useOptions(departments, draft.value);
  return (
    <div className="work-field">
      <Select<number[]>
        data-testid={testId}
        aria-label={t('work.cooperatingDepartments')}
        className="work-department-select"
        mode="multiple"
        allowClear
        disabled={disabled}
        showSearch={{ optionFilterProp: 'label' }}
        placeholder={t('work.departmentPlaceholder')}
        notFoundContent={t('work.noDepartments')}
        status={draft.error ? 'error' : undefined}
        value={draft.value}
        onChange={(ids) => void draft.commit(ids)}
        options={options}
      />
      <SaveError error={draft.error} onRetry={draft.retry} testId={testId} />
    </div>
  );
}
