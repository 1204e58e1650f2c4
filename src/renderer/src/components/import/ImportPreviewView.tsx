// The preview of an import, before anything is written: a one-line summary, the files, the changes, then what is left
// out (conflicts, problems). Sections without content are not shown.
import { Alert, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ImportPreview } from '../../../../shared/import';
import { ImportChangesTable } from './ImportChangesTable';
import { ImportFilesTable } from './ImportFilesTable';
import { ImportConflicts, ImportProblems } from './ImportIssues';

export function ImportPreviewView({ preview }: { preview: ImportPreview }) {
  const { t } = useTranslation();
  const { files, changes, conflicts, problems } = preview;
  const heading = (text: string) => (
    <Typography.Title level={5} className="import-section-title">
      {text}
    </Typography.Title>
  );
  return (
    <div className="import-preview" data-testid="import-preview">
      <Typography.Paragraph strong data-testid="import-summary">
        {t('importer.summary', {
          files: files.length,
          changes: changes.length,
          conflicts: conflicts.length,
          problems: problems.length,
        })}
      </Typography.Paragraph>
      {heading(t('importer.filesTitle'))}
      <ImportFilesTable files={files} />
      {changes.length > 0 ? (
        <>
          {heading(t('importer.changesTitle', { n: changes.length }))}
          <ImportChangesTable changes={changes} />
        </>
      ) : (
        <Alert
          type="info"
          showIcon
          className="import-section-hint"
          data-testid="import-no-changes"
          title={t('importer.noChanges')}
        />
      )}
      {conflicts.length > 0 && (
        <>
          {heading(t('importer.conflictsTitle', { n: conflicts.length }))}
          <ImportConflicts conflicts={conflicts} />
        </>
      )}
      {problems.length > 0 && (
        <>
          {heading(t('importer.problemsTitle', { n: problems.length }))}
          <ImportProblems problems={problems} />
        </>
      )}
    </div>
  );
}
