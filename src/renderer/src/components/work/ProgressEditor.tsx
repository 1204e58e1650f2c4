// One year's progress of an action or task: the status Select above the note. The pair is saved together,
// at once for the status and on blur / Ctrl+Enter for the note; Esc drops an unsaved note.
import { Input, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ProgressEntry, ProgressStatus } from '../../../../shared/model';
import { StatusSelect } from './progress-status';
import { SaveError } from './SaveError';
import { useDraft } from './use-save';

export interface ProgressValue {
  text: string;
  status: ProgressStatus | null;
}

interface ProgressEditorProps {
  entry: ProgressEntry | undefined;
  save: (value: ProgressValue) => Promise<void>;
  /** e.g. 'action-progress-3'; the status Select gets statusTestId */
  testId: string;
  statusTestId: string;
  /** why the year cannot be edited (submitted): the editors are disabled and say so on hover */
  lockedHint?: string | null;
}

const sameProgress = (a: ProgressValue, b: ProgressValue) => a.text === b.text && a.status === b.status;

export function ProgressEditor({ entry, save, testId, statusTestId, lockedHint }: ProgressEditorProps) {
  const { t } = useTranslation();
  const saved: ProgressValue = { text: entry?.text ?? '', status: entry?.status ?? null };
  const draft = useDraft(saved, save, { same: sameProgress });
  const failed = draft.error !== null;
  const locked = Boolean(lockedHint);
  const editors = (
    <div className="work-progress" data-failed={failed || undefined} data-locked={locked || undefined}>
      <StatusSelect
        testId={statusTestId}
        value={draft.value.status}
        disabled={locked}
        failed={failed}
        onChange={(status) => void draft.commit({ ...draft.value, status })}
      />
      <Input.TextArea
        data-testid={testId}
        aria-label={t('progress.textLabel')}
        className="work-progress-text"
        autoSize={{ minRows: 2, maxRows: 12 }}
        maxLength={5000}
        placeholder={t('progress.textPlaceholder')}
        status={failed ? 'error' : undefined}
        value={draft.value.text}
        readOnly={locked}
        disabled={locked}
        onChange={(e) => draft.set({ ...draft.value, text: e.target.value })}
        onBlur={() => void draft.commit()}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            void draft.commit();
          } else if (e.key === 'Escape') draft.reset();
        }}
      />
      <SaveError error={draft.error} onRetry={draft.retry} testId={testId} />
    </div>
  );
  return locked ? <Tooltip title={lockedHint}>{editors}</Tooltip> : editors;
}
