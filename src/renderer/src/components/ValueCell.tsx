// One target/actual cell: the clerk's verbatim text, never re-formatted, plus a marker when the text has no
// comparable number. The testid span holds the text alone, so its textContent equals the stored text.
import { Badge, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { IndicatorValue, ValueKind } from '../../../shared/model';

interface ValueCellProps {
  seq: string;
  year: number;
  kind: ValueKind;
  value: IndicatorValue | undefined;
}

export function ValueCell({ seq, year, kind, value }: ValueCellProps) {
  const { t } = useTranslation();
  const id = `${seq}-${year}-${kind}`;
  return (
    <span className="value-cell">
      <span data-testid={`value-${id}`} title={value?.note ?? undefined}>
        {value?.text ?? ''}
      </span>
      {value && !value.evaluable && (
        <Tooltip title={t('indicators.notEvaluable')}>
          <span data-testid={`not-evaluable-${id}`} aria-label={t('indicators.notEvaluable')} className="value-warning">
            <Badge status="warning" />
          </span>
        </Tooltip>
      )}
    </span>
  );
}
