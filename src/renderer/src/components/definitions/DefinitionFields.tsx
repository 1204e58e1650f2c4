// The fields of the indicator definition form (inside the drawer's Form). Labels double as the fields'
// accessible names, so tests and screen readers find each field by its label.
import { Form, Input, InputNumber, Radio, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Department, PlanDetail } from '../../../../shared/model';
import { parseValue } from '../../../../shared/value';
import {
  DIRECTIONS,
  NATURES,
  TARGET_KINDS,
  UNSET,
  baseIsIncomplete,
  type DefinitionFormValues,
} from './definition-form';
import { sortedCategories } from './structure';

interface DefinitionFieldsProps {
  plan: PlanDetail;
  departments: Department[];
  /** why department/list failed, shown under the field (the plan's own departments are offered instead) */
  departmentsError: string | null;
}

const NATURE_KEYS = { expected: 'definitions.natureExpected', binding: 'definitions.natureBinding' } as const;
const DIRECTION_KEYS = {
  increase: 'definitions.directionIncrease',
  decrease: 'definitions.directionDecrease',
  maintain: 'definitions.directionMaintain',
} as const;
const TARGET_KIND_KEYS = {
  level: 'definitions.targetLevel',
  yearly_average: 'definitions.targetYearlyAverage',
  cumulative: 'definitions.targetCumulative',
} as const;

export function DefinitionFields({ plan, departments, departmentsError }: DefinitionFieldsProps) {
  const { t } = useTranslation();
  const baseText = Form.useWatch<string | undefined>('baseText') ?? '';
  const notEvaluable = baseText.trim() !== '' && !parseValue(baseText).evaluable;
  const unset = { value: UNSET, label: t('definitions.unset') };

  return (
    <>
      <Form.Item
        name="name"
        label={t('definitions.name')}
        rules={[{ required: true, whitespace: true, message: t('definitions.nameRequired') }]}
      >
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="unit" label={t('definitions.unit')}>
        <Input maxLength={40} />
      </Form.Item>
      <Form.Item
        name="categoryId"
        label={t('definitions.category')}
        rules={[{ required: true, message: t('definitions.categoryRequired') }]}
      >
        <Select options={sortedCategories(plan).map((c) => ({ value: c.id, label: c.name }))} />
      </Form.Item>
      <Form.Item name="nature" label={t('definitions.nature')}>
        <Radio.Group
          optionType="button"
          options={[...NATURES.map((n) => ({ value: n, label: t(NATURE_KEYS[n]) })), unset]}
        />
      </Form.Item>
      <Form.Item name="direction" label={t('definitions.direction')}>
        <Radio.Group
          optionType="button"
          options={[...DIRECTIONS.map((d) => ({ value: d, label: t(DIRECTION_KEYS[d]) })), unset]}
        />
      </Form.Item>
      <Form.Item
        name="baseText"
        label={t('definitions.baseText')}
        dependencies={['baseYear', 'baseSource']}
        rules={[
          ({ getFieldsValue }) => ({
            validator: () =>
              baseIsIncomplete(getFieldsValue(['baseText', 'baseYear', 'baseSource']) as DefinitionFormValues)
                ? Promise.reject(new Error(t('definitions.baseIncomplete')))
                : Promise.resolve(),
          }),
        ]}
        extra={
          notEvaluable ? (
            <Typography.Text type="warning" data-testid="definition-base-warning">
              {t('definitions.baseNotEvaluable')}
            </Typography.Text>
          ) : (
            t('definitions.baseVerbatim')
          )
        }
      >
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="baseYear" label={t('definitions.baseYear')}>
        <InputNumber
          min={1949}
          max={2200}
          precision={0}
          placeholder={plan.plan.baseYear === null ? undefined : String(plan.plan.baseYear)}
          style={{ width: '100%' }}
        />
      </Form.Item>
      <Form.Item name="baseSource" label={t('definitions.baseSource')}>
        <Input.TextArea rows={2} maxLength={1000} />
      </Form.Item>
      <Form.Item name="targetKind" label={t('definitions.targetKind')}>
        <Radio.Group
          optionType="button"
          options={TARGET_KINDS.map((k) => ({ value: k, label: t(TARGET_KIND_KEYS[k]) }))}
        />
      </Form.Item>
      <Form.Item
        name="departmentId"
        label={t('definitions.department')}
        extra={departmentsError ? t('definitions.departmentsFailed', { message: departmentsError }) : undefined}
      >
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('definitions.departmentNone')}
          options={departments.map((d) => ({ value: d.id, label: d.name }))}
        />
      </Form.Item>
      <Form.Item name="dataSource" label={t('definitions.dataSource')}>
        <Input.TextArea rows={2} maxLength={1000} />
      </Form.Item>
      <Form.Item name="remark" label={t('definitions.remark')}>
        <Input.TextArea rows={3} maxLength={2000} />
      </Form.Item>
    </>
  );
}
