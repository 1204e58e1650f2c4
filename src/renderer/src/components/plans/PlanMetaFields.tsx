// The fields shared by 新建规划 and 新建下一期: 规划名称, 简称, 起止年份, 基期年份, 印发单位. The period is checked here
// (end not before start, at most 20 years, base year before the start), so a wrong period is never sent.
import { Col, Form, Input, InputNumber, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import { lines, listError, MAX_YEAR, MIN_YEAR, periodErrors, type PlanFormValues } from './plan-form';

type YearField = 'firstYear' | 'lastYear' | 'baseYear';

export function PlanMetaFields() {
  const { t } = useTranslation();

  const year = (name: YearField, label: string, required: boolean, testId: string) => (
    <Form.Item<PlanFormValues>
      name={name}
      label={label}
      dependencies={name === 'firstYear' ? [] : ['firstYear']}
      rules={[
        { required, message: t('plans.form.yearRequired') },
        ({ getFieldsValue }) => ({
          validator: () => {
            const values = getFieldsValue(['firstYear', 'lastYear', 'baseYear']) as PlanFormValues;
            const errors = periodErrors(
              {
                firstYear: values.firstYear ?? null,
                lastYear: values.lastYear ?? null,
                baseYear: values.baseYear ?? null,
              },
              t,
            );
            const error = name === 'lastYear' ? errors.lastYear : name === 'baseYear' ? errors.baseYear : null;
            return error ? Promise.reject(new Error(error)) : Promise.resolve();
          },
        }),
      ]}
    >
      <InputNumber<number>
        data-testid={testId}
        aria-label={label}
        min={MIN_YEAR}
        max={MAX_YEAR}
        precision={0}
        controls={false}
        className="plan-year-input"
        placeholder={t('plans.form.yearPlaceholder')}
      />
    </Form.Item>
  );

  return (
    <>
      <Form.Item<PlanFormValues>
        name="title"
        label={t('plans.form.title')}
        rules={[{ required: true, whitespace: true, message: t('plans.form.titleRequired') }]}
      >
        <Input
          data-testid="plan-form-title"
          aria-label={t('plans.form.title')}
          maxLength={200}
          placeholder={t('plans.form.titlePlaceholder')}
        />
      </Form.Item>
      <Row gutter={16}>
        <Col span={6}>
          <Form.Item<PlanFormValues>
            name="shortName"
            label={t('plans.form.shortName')}
            tooltip={t('plans.form.shortNameHint')}
            rules={[{ required: true, whitespace: true, message: t('plans.form.shortNameRequired') }]}
          >
            <Input data-testid="plan-form-short-name" aria-label={t('plans.form.shortName')} maxLength={20} />
          </Form.Item>
        </Col>
        <Col span={6}>{year('firstYear', t('plans.form.firstYear'), true, 'plan-form-first-year')}</Col>
        <Col span={6}>{year('lastYear', t('plans.form.lastYear'), true, 'plan-form-last-year')}</Col>
        <Col span={6}>{year('baseYear', t('plans.form.baseYear'), false, 'plan-form-base-year')}</Col>
      </Row>
      <Form.Item<PlanFormValues>
        name="issuers"
        label={t('plans.form.issuers')}
        extra={t('plans.form.onePerLine')}
        rules={[
          {
            validator: (_, value: string | undefined) => {
              const error = listError(lines(value), { max: 10, maxLength: 100 }, t);
              return error ? Promise.reject(new Error(error)) : Promise.resolve();
            },
          },
        ]}
      >
        <Input.TextArea
          data-testid="plan-form-issuers"
          aria-label={t('plans.form.issuers')}
          autoSize={{ minRows: 1, maxRows: 4 }}
          placeholder={t('plans.form.issuersPlaceholder')}
        />
      </Form.Item>
    </>
  );
}
