// The 生成科室填报表 button of 年度监测 and its dialog, for the year shown.
import { useState } from 'react';
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PlanDetail } from '../../../../shared/model';
import { CollectionDialog } from './CollectionDialog';
import './collection.css';

export function CollectionButton({ detail, year }: { detail: PlanDetail; year: number }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button data-testid="collection-open" onClick={() => setOpen(true)}>
        {t('collection.button')}
      </Button>
      <CollectionDialog detail={detail} year={year} open={open} onClose={() => setOpen(false)} />
    </>
  );
}
