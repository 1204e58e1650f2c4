// A free-text field saved on blur or Ctrl+Enter (Enter alone for a single line); Esc drops the draft.
// Used for 备注 and 完成期限; `validate` refuses a value before it is sent.
import type { KeyboardEvent } from 'react';
import { Input } from 'antd';
import { SaveError } from './SaveError';
import { useDraft } from './use-save';

interface TextFieldProps {
  value: string;
  save: (text: string) => Promise<void>;
  testId: string;
  label: string;
  placeholder?: string;
  multiline?: boolean;
  maxLength?: number;
  validate?: (text: string) => string | null;
  /** rewrites what was typed before it is checked and saved, e.g. 2025/6 → 2025-06 */
  normalize?: (text: string) => string;
  /** shown, not edited (a closed plan) */
  disabled?: boolean;
}

export function TextField(props: TextFieldProps) {
  const { value, save, testId, label, placeholder, multiline, maxLength, validate, normalize, disabled } = props;
  const draft = useDraft(value, save, { validate });
  const failed = draft.error !== null;
  const commit = () => void draft.commit(normalize ? normalize(draft.value) : draft.value);
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Enter' && (!multiline || e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      commit();
    } else if (e.key === 'Escape') draft.reset();
  };
  const common = {
    'data-testid': testId,
    'aria-label': label,
    placeholder,
    maxLength,
    status: failed ? ('error' as const) : undefined,
    value: draft.value,
    disabled,
    onBlur: commit,
    onKeyDown,
  };
  return (
    <div className="work-field" data-failed={failed || undefined}>
      {multiline ? (
        <Input.TextArea {...common} autoSize={{ minRows: 1, maxRows: 8 }} onChange={(e) => draft.set(e.target.value)} />
      ) : (
        <Input {...common} onChange={(e) => draft.set(e.target.value)} />
      )}
      <SaveError error={draft.error} onRetry={draft.retry} testId={testId} />
    </div>
  );
}
