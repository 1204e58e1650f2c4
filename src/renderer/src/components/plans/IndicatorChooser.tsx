// Which indicators go into the next period, grouped by category: all at first, each category checkable as a whole.
// Beside each indicator, the base value it will start from: its latest actual, or none.
import { Button, Checkbox, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Indicator, PlanDetail } from '../../../../shared/model';

/** The newest non-empty actual of an indicator: what the clone carries over as its base value. */
export function latestActual(ind: Pick<Indicator, 'values'>) {
  return ind.values.filter((v) => v.kind === 'actual' && v.text.trim() !== '').sort((a, b) => b.year - a.year)[0];
}

const bySortOrder = <T extends { sortOrder: number; id: number }>(a: T, b: T) =>
  a.sortOrder - b.sortOrder || a.id - b.id;

export interface ChooserGroup {
  id: number | null;
  name: string | null;
  indicators: Indicator[];
}

export function chooserGroups(detail: Pick<PlanDetail, 'categories' | 'indicators'>): ChooserGroup[] {
  const known = new Set(detail.categories.map((c) => c.id));
  const groups: ChooserGroup[] = [...detail.categories].sort(bySortOrder).map((c) => ({
    id: c.id,
    name: c.name,
    indicators: detail.indicators.filter((i) => i.categoryId === c.id).sort(bySortOrder),
  }));
  const orphans = detail.indicators.filter((i) => !known.has(i.categoryId)).sort(bySortOrder);
  if (orphans.length > 0) groups.push({ id: null, name: null, indicators: orphans });
  return groups;
}

interface IndicatorChooserProps {
  detail: Pick<PlanDetail, 'categories' | 'indicators'>;
  selected: ReadonlySet<number>;
  onChange: (next: Set<number>) => void;
}

export function IndicatorChooser({ detail, selected, onChange }: IndicatorChooserProps) {
  const { t } = useTranslation();
  const groups = chooserGroups(detail);
  const all = detail.indicators.map((i) => i.id);
  const toggle = (ids: number[], on: boolean) => {
    const next = new Set(selected);
    for (const id of ids) {
      if (on) next.add(id);
      else next.delete(id);
    }
    onChange(next);
  };

  return (
    <div className="plan-chooser" data-testid="clone-indicators">
      <div className="plan-chooser-bar">
        <Typography.Text data-testid="clone-selected-count">
          {t('plans.clone.selected', { n: selected.size, total: all.length })}
        </Typography.Text>
        <Space size="small">
          <Button size="small" data-testid="clone-select-all" onClick={() => onChange(new Set(all))}>
            {t('plans.clone.selectAll')}
          </Button>
          <Button size="small" data-testid="clone-select-none" onClick={() => onChange(new Set())}>
            {t('plans.clone.selectNone')}
          </Button>
        </Space>
      </div>
      <div className="plan-chooser-list">
        {groups.map((g) => {
          const ids = g.indicators.map((i) => i.id);
          const chosen = ids.filter((id) => selected.has(id)).length;
          return (
            <div key={g.id ?? 'none'} className="plan-chooser-group">
              <Checkbox
                data-testid={`clone-category-${g.id ?? 'none'}`}
                checked={ids.length > 0 && chosen === ids.length}
                indeterminate={chosen > 0 && chosen < ids.length}
                disabled={ids.length === 0}
                onChange={(e) => toggle(ids, e.target.checked)}
              >
                <Typography.Text strong>
                  {t('plans.clone.category', {
                    name: g.name ?? t('sheet.uncategorized'),
                    n: chosen,
                    total: ids.length,
                  })}
                </Typography.Text>
              </Checkbox>
              <ul>
                {g.indicators.map((ind) => {
                  const carried = latestActual(ind);
                  return (
                    <li key={ind.id}>
                      <Checkbox
                        data-testid={`clone-indicator-${ind.id}`}
                        checked={selected.has(ind.id)}
                        onChange={(e) => toggle([ind.id], e.target.checked)}
                      >
                        <span className="plan-chooser-name">
                          {ind.unit
                            ? t('plans.clone.nameWithUnit', { seq: ind.seq, name: ind.name, unit: ind.unit })
                            : t('plans.clone.name', { seq: ind.seq, name: ind.name })}
                        </span>
                      </Checkbox>
                      <Typography.Text
                        type="secondary"
                        className="plan-chooser-base"
                        data-testid={`clone-base-${ind.id}`}
                      >
                        {carried
                          ? t('plans.clone.carried', { text: carried.text, year: carried.year })
                          : t('plans.clone.noActual')}
                      </Typography.Text>
                    </li>
                  );
                })}
              </ul>
            </div>
          );
        })}
      </div>
    </div>
  );
}
