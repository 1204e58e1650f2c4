// Which plan year's progress the page shows and edits.
import { Segmented, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

interface YearPickerProps {
  years: number[];
  value: number;
  onChange: (year: number) => void;
}

export function YearPicker({ years, value, onChange }: YearPickerProps) {
  const { t } = useTranslation();
  return (
    <div className="work-year-picker">
      <Typography.Text>{t('progress.yearLabel')}</Typography.Text>
      <Segmented<number>
        data-testid="work-year"
        aria-label={t('progress.yearLabel')}
        value={value}
        onChange={onChange}
        options={years.map((y) => ({ value: y, label: t('progress.yearOption', { year: y }) }))}
      />
    </div>
  );
}
