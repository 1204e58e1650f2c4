// A task's title in bold followed by its full text (which usually repeats the title as its first sentence).
// Long texts open folded to a few lines, with a toggle; the whole text is always in the DOM (search, copy).
import { useState } from 'react';
import { Button, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Task } from '../../../../shared/model';

/** Texts longer than this many characters start folded. */
export const FOLD_AFTER = 140;

export function TaskText({ task, testId }: { task: Task; testId: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const long = task.text.length > FOLD_AFTER;
  const repeatsTitle = task.text.startsWith(task.title);
  const body = (
    <div className="work-long-text" data-folded={long && !open ? true : undefined} data-testid={testId}>
      <Typography.Text strong>{task.title}</Typography.Text>
      {repeatsTitle ? task.text.slice(task.title.length) : <br />}
      {repeatsTitle ? null : task.text}
    </div>
  );
  if (!long) return body;
  return (
    <>
      {body}
      <Button type="link" size="small" className="work-fold-toggle" onClick={() => setOpen(!open)} aria-expanded={open}>
        {open ? t('work.collapse') : t('work.expand')}
      </Button>
    </>
  );
}
