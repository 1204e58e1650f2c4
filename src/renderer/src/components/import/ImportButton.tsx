// The 导入填报表 button of 年度监测 and its dialog; after an import the plan is reloaded so the statuses follow.
import { useState } from 'react';
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { ImportDialog } from './ImportDialog';
import { useImportFlow } from './use-import-flow';
import './import.css';

interface ImportButtonProps {
  planId: number;
  /** after a successful import, with the text confirming it */
  onImported: (text: string) => void;
}

export function ImportButton({ planId, onImported }: ImportButtonProps) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const flow = useImportFlow(planId, (applied) => {
    setOpen(false);
    onImported(t('importer.applied', { n: applied }));
  });
  const close = () => {
    // An import being written cannot be abandoned: its answer decides whether the plan must be reloaded.
    if (flow.step === 'applying') return;
    setOpen(false);
    flow.reset();
  };
  return (
    <>
      <Button data-testid="import-open" onClick={() => setOpen(true)}>
        {t('importer.button')}
      </Button>
      <ImportDialog open={open} flow={flow} onCancel={close} />
    </>
  );
}
