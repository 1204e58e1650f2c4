// The filters of 修改记录: year, one indicator, kind of thing changed, and a date range.
import { Button, DatePicker, Select } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { ArgsIn } from '../../../../shared/api';
import type { PlanDetail } from '../../../../shared/model';
import { bySortOrder } from '../work/progress';
import { ENTITY_KEY, type KnownEntity } from './describe';

export interface ChangeLogFilterValue {
  year?: number;
  indicatorId?: number;
  entity?: KnownEntity;
  /** inclusive ISO dates */
  range?: [string, string];
}

// Entity kinds offered in the filter (changes to 科室 belong to no plan, so they are not in a plan's log).
const ENTITY_OPTIONS: readonly KnownEntity[] = [
  'indicator_value',
  'indicator',
  'category',
  'action',
  'action_progress',
  'task',
  'task_progress',
  'evaluation_override',
  'year_submission',
];

/** The changelog/list arguments for the filters and page. */
export function changeLogQuery(
  planId: number,
  f: ChangeLogFilterValue,
  page: { current: number; pageSize: number },
): ArgsIn<'changelog/list'> {
  return {
    planId,
    ...(f.year !== undefined && { year: f.year }),
    ...(f.indicatorId !== undefined
      ? { entity: 'indicator_value', entityId: f.indicatorId }
      : f.entity !== undefined && { entity: f.entity }),
    ...(f.range && { from: f.range[0], to: f.range[1] }),
    limit: page.pageSize,
    offset: (page.current - 1) * page.pageSize,
  };
}

function filterYears(detail: PlanDetail): number[] {
  const { firstYear, lastYear, baseYear } = detail.plan;
  const years: number[] = baseYear !== null && baseYear < firstYear ? [baseYear] : [];
  for (let y = firstYear; y <= lastYear; y++) years.push(y);
  return years;
}

function indicatorOptions(detail: PlanDetail) {
  const order = new Map([...detail.categories].sort(bySortOrder).map((c, i) => [c.id, i]));
  return [...detail.indicators]
    .sort((a, b) => (order.get(a.categoryId) ?? 1e9) - (order.get(b.categoryId) ?? 1e9) || bySortOrder(a, b))
    .map((i) => ({ value: i.id, label: `${i.seq} ${i.name}` }));
}

interface ChangeLogFiltersProps {
  detail: PlanDetail;
  value: ChangeLogFilterValue;
  onChange: (value: ChangeLogFilterValue) => void;
}

export function ChangeLogFilters({ detail, value, onChange }: ChangeLogFiltersProps) {
  const { t } = useTranslation();
  const set = (patch: Partial<ChangeLogFilterValue>) => onChange({ ...value, ...patch });
  const empty = Object.values(value).every((v) => v === undefined);
  return (
    <div className="changelog-filters" data-testid="changelog-filters">
      <Select<number>
        data-testid="changelog-filter-year"
        aria-label={t('changelog.filterYear')}
        className="changelog-filter-year"
        allowClear
        placeholder={t('changelog.allYears')}
        value={value.year}
        onChange={(year) => set({ year })}
        options={filterYears(detail).map((y) => ({ value: y, label: t('changelog.yearField', { year: y }) }))}
      />
      <Select<number>
        data-testid="changelog-filter-indicator"
        aria-label={t('changelog.filterIndicator')}
        className="changelog-filter-indicator"
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        placeholder={t('changelog.allIndicators')}
        value={value.indicatorId}
        onChange={(indicatorId) => set({ indicatorId })}
        options={indicatorOptions(detail)}
        popupMatchSelectWidth={false}
      />
      <Select<KnownEntity>
        data-testid="changelog-filter-entity"
        aria-label={t('changelog.filterEntity')}
        className="changelog-filter-entity"
        allowClear
        placeholder={t('changelog.allEntities')}
        // Choosing an indicator already narrows the log to its values.
        disabled={value.indicatorId !== undefined}
        value={value.indicatorId !== undefined ? 'indicator_value' : value.entity}
        onChange={(entity) => set({ entity })}
        options={ENTITY_OPTIONS.map((e) => ({ value: e, label: t(ENTITY_KEY[e]) }))}
      />
      <div data-testid="changelog-filter-range" className="changelog-filter-range">
        <DatePicker.RangePicker
          aria-label={t('changelog.filterRange')}
          format="YYYY-MM-DD"
          placeholder={[t('changelog.rangeFrom'), t('changelog.rangeTo')]}
          value={value.range ? [dayjs(value.range[0]), dayjs(value.range[1])] : null}
          onChange={(_, [from, to]) => set({ range: from && to ? [from, to] : undefined })}
        />
      </div>
      <Button onClick={() => onChange({})} disabled={empty} data-testid="changelog-filter-reset">
        {t('changelog.resetFilters')}
      </Button>
    </div>
  );
}
