// Actions on the plan's structure: add, rename, delete and reorder categories; move the selected indicator
// up or down within its category, or to the end of another category. Each action is one call to the core;
// the page reloads the plan after onChanged. A refusal (e.g. deleting a category that still holds indicators)
// stays visible under the toolbar in the core's own words.
import { useState } from 'react';
import { Alert, Button, Divider, Dropdown, Flex, Popconfirm, Select, Space, Typography, message } from 'antd';
import type { ButtonProps } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Category, PlanDetail } from '../../../../shared/model';
import { toApiError } from '../../lib/api';
import { useApi } from '../../lib/api-context';
import { CategoryNameModal } from './CategoryNameModal';
import { indicatorsIn, placeOf, sortedCategories } from './structure';

export interface StructureToolbarProps {
  planId: number;
  plan: PlanDetail;
  /** the indicator selected in the sheet; its category is the toolbar's category until another is picked */
  selectedIndicatorId: number | null;
  /** after any successful change; the page reloads the plan */
  onChanged(): void;
}

type Dialog = { kind: 'add' } | { kind: 'rename'; category: Category };

export function StructureToolbar({ planId, plan, selectedIndicatorId, onChanged }: StructureToolbarProps) {
  const { t } = useTranslation();
  const api = useApi();
  const [messageApi, messageHolder] = message.useMessage();
  // A category picked by hand holds only while the same indicator stays selected.
  const [picked, setPicked] = useState<{ forIndicator: number | null; categoryId: number } | null>(null);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const categories = sortedCategories(plan);
  const place = placeOf(plan, selectedIndicatorId);
  const pickedId =
    picked && picked.forIndicator === selectedIndicatorId && categories.some((c) => c.id === picked.categoryId)
      ? picked.categoryId
      : null;
  const categoryId = pickedId ?? place?.indicator.categoryId ?? categories[0]?.id ?? null;
  const categoryIndex = categories.findIndex((c) => c.id === categoryId);
  const category = categoryIndex >= 0 ? categories[categoryIndex]! : null;

  const run = async (action: () => Promise<unknown>, done: string) => {
    setBusy(true);
    setFailure(null);
    try {
      await action();
      void messageApi.success(done);
      onChanged();
    } catch (e) {
      setFailure(toApiError(e).message);
    } finally {
      setBusy(false);
    }
  };

  const saveName = async (name: string) => {
    // Errors propagate to the dialog, which shows them and stays open.
    const saved = await api.call('category/save', {
      planId,
      ...(dialog?.kind === 'rename' ? { id: dialog.category.id } : {}),
      name,
    });
    setDialog(null);
    setFailure(null);
    if (dialog?.kind === 'add') setPicked({ forIndicator: selectedIndicatorId, categoryId: saved.id });
    void messageApi.success(
      t(dialog?.kind === 'rename' ? 'definitions.categoryRenamed' : 'definitions.categoryAdded', { name: saved.name }),
    );
    onChanged();
  };

  const moveCategory = (by: -1 | 1) => {
    if (!category) return;
    const index = categoryIndex + by;
    void run(() => api.call('category/move', { planId, categoryId: category.id, index }), t('definitions.moved'));
  };

  const deleteCategory = () => {
    if (!category) return;
    void run(
      () => api.call('category/delete', { planId, categoryId: category.id }),
      t('definitions.categoryDeleted', { name: category.name }),
    );
  };

  /** index: the position the indicator ends up at within the target category */
  const moveIndicator = (targetCategoryId: number, index: number) => {
    if (!place) return;
    const indicatorId = place.indicator.id;
    void run(
      () => api.call('indicator/move', { planId, indicatorId, categoryId: targetCategoryId, index }),
      t('definitions.moved'),
    );
  };

  const otherCategories = categories.filter((c) => c.id !== place?.indicator.categoryId);

  return (
    <div data-testid="structure-toolbar">
      {messageHolder}
      <Flex wrap gap="small" align="center">
        <Typography.Text>{t('definitions.category')}</Typography.Text>
        <Select
          data-testid="category-select"
          aria-label={t('definitions.category')}
          style={{ minWidth: 160 }}
          value={category?.id}
          placeholder={t('definitions.noCategory')}
          options={categories.map((c) => ({ value: c.id, label: c.name }))}
          onChange={(id: number) => setPicked({ forIndicator: selectedIndicatorId, categoryId: id })}
        />
        <Space.Compact>
          <Button
            data-testid="category-move-up"
            disabled={busy || !category || categoryIndex === 0}
            onClick={() => moveCategory(-1)}
          >
            {t('definitions.moveUp')}
          </Button>
          <Button
            data-testid="category-move-down"
            disabled={busy || !category || categoryIndex === categories.length - 1}
            onClick={() => moveCategory(1)}
          >
            {t('definitions.moveDown')}
          </Button>
        </Space.Compact>
        <Button
          data-testid="category-rename"
          disabled={busy || !category}
          onClick={() => category && setDialog({ kind: 'rename', category })}
        >
          {t('definitions.categoryRename')}
        </Button>
        <Popconfirm
          title={t('definitions.categoryDeleteConfirm', { name: category?.name ?? '' })}
          okText={t('definitions.delete')}
          cancelText={t('definitions.cancel')}
          // data-* keys are not part of ButtonProps' declared members, hence the cast.
          okButtonProps={{ danger: true, 'data-testid': 'category-delete-confirm' } as ButtonProps}
          disabled={busy || !category}
          onConfirm={deleteCategory}
        >
          <Button danger data-testid="category-delete" disabled={busy || !category}>
            {t('definitions.categoryDelete')}
          </Button>
        </Popconfirm>
        <Button data-testid="category-add" disabled={busy} onClick={() => setDialog({ kind: 'add' })}>
          {t('definitions.categoryAdd')}
        </Button>
        <Divider orientation="vertical" />
        <Typography.Text>{t('definitions.indicator')}</Typography.Text>
        <Typography.Text type={place ? undefined : 'secondary'} data-testid="structure-selected">
          {place ? place.indicator.name : t('definitions.noSelection')}
        </Typography.Text>
        <Space.Compact>
          <Button
            data-testid="indicator-move-up"
            disabled={busy || !place || place.index === 0}
            onClick={() => place && moveIndicator(place.indicator.categoryId, place.index - 1)}
          >
            {t('definitions.moveUp')}
          </Button>
          <Button
            data-testid="indicator-move-down"
            disabled={busy || !place || place.index === place.count - 1}
            onClick={() => place && moveIndicator(place.indicator.categoryId, place.index + 1)}
          >
            {t('definitions.moveDown')}
          </Button>
        </Space.Compact>
        <Dropdown
          trigger={['click']}
          disabled={busy || !place || otherCategories.length === 0}
          menu={{
            items: otherCategories.map((c) => ({ key: String(c.id), label: c.name })),
            // Appended at the end of the other category.
            onClick: ({ key }) => moveIndicator(Number(key), indicatorsIn(plan, Number(key)).length),
          }}
        >
          <Button data-testid="indicator-move-to" disabled={busy || !place || otherCategories.length === 0}>
            {t('definitions.moveTo')}
          </Button>
        </Dropdown>
      </Flex>
      {failure && (
        <div data-testid="structure-error" style={{ marginTop: 8 }}>
          <Alert type="error" showIcon title={failure} closable={{ onClose: () => setFailure(null) }} />
        </div>
      )}
      {dialog && (
        <CategoryNameModal
          title={t(dialog.kind === 'add' ? 'definitions.categoryAdd' : 'definitions.categoryRename')}
          initialName={dialog.kind === 'rename' ? dialog.category.name : ''}
          onCancel={() => setDialog(null)}
          onSubmit={saveName}
        />
      )}
    </div>
  );
}
