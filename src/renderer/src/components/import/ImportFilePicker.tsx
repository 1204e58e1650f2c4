// Choosing the workbooks to import: a drop zone that also opens the file dialog (several files at once), the list of
// files chosen (removable) and the ones refused before reading (over 20 MB, same name twice, too many).
import { Alert, Button, Typography, Upload } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatBytes } from '../../lib/format-bytes';
import { MAX_IMPORT_FILES, type Refusal } from '../../lib/import/read-files';

interface ImportFilePickerProps {
  files: File[];
  refused: Refusal[];
  onAdd: (files: File[]) => void;
  onRemove: (name: string) => void;
}

export function ImportFilePicker({ files, refused, onAdd, onRemove }: ImportFilePickerProps) {
  const { t } = useTranslation();
  const refusal = (r: Refusal) =>
    r.reason === 'tooMany'
      ? t('importer.tooMany', { max: MAX_IMPORT_FILES })
      : t(`importer.${r.reason}`, { name: r.name });
  return (
    <div className="import-picker">
      <Upload.Dragger
        multiple
        // The dialog offers .xlsx first; dropped files of any kind are still taken (the preview says why one is unusable).
        accept={{ format: '.xlsx', filter: 'native' }}
        showUploadList={false}
        beforeUpload={(file) => {
          onAdd([file]);
          return Upload.LIST_IGNORE;
        }}
        data-testid="import-dropzone"
      >
        <p className="import-picker-hint">{t('importer.pickHint')}</p>
        <p className="import-picker-detail">{t('importer.pickDetail')}</p>
      </Upload.Dragger>
      {refused.length > 0 && (
        <Alert
          type="warning"
          showIcon
          className="import-refused"
          data-testid="import-refused"
          title={t('importer.refusedTitle')}
          description={
            <ul>
              {refused.map((r, i) => (
                <li key={i}>{refusal(r)}</li>
              ))}
            </ul>
          }
        />
      )}
      {files.length > 0 && (
        <div className="import-chosen" data-testid="import-chosen">
          <Typography.Text strong>{t('importer.chosen', { n: files.length })}</Typography.Text>
          <ul>
            {files.map((f) => (
              <li key={f.name}>
                <span className="import-file-name">{f.name}</span>
                <Typography.Text type="secondary">{formatBytes(f.size)}</Typography.Text>
                <Button size="small" type="link" onClick={() => onRemove(f.name)}>
                  {t('importer.remove')}
                </Button>
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
