// 从备份恢复, step by step: a backup file the clerk picks (over 200 MB or empty refused before reading) or one of the
// rolling backups → backup/restore-preview (what it holds, what it replaces; a damaged or foreign file is refused there
// with the reason) → the clerk confirms → backup/restore with the same source and the preview's token. The core backs
// up the current data first. A refused token (the file or the current data changed since the preview) is explained
// and previewed again.
import { useRef, useState } from 'react';
import type { BackupEntry, RestorePreview, RestoreResult } from '../../../../shared/backup';
import { toApiError } from '../../lib/api';
import { useApi } from '../../lib/api-context';
import { readAsBase64 } from '../../lib/import/read-files';

/** The core's limit (shared/backup.ts), repeated because that module carries zod, which the renderer never loads. */
export const MAX_BACKUP_FILE_BYTES = 200 * 1024 * 1024;

export type RestoreSourceChoice = { kind: 'file'; file: File } | { kind: 'backup'; entry: BackupEntry };

export type RestoreStep = 'pick' | 'reading' | 'previewing' | 'preview' | 'restoring';

export type RestoreError =
  | { kind: 'refused'; name: string; reason: 'tooLarge' | 'empty' }
  | { kind: 'read'; message: string }
  /** the core would not restore from it (not a backup, damaged, from a newer PlanDesk…): its words */
  | { kind: 'preview'; message: string }
  | { kind: 'restore'; message: string }
  | { kind: 'stale'; message: string };

type Source = { file: { name: string; bytesBase64: string } } | { backup: string };

export interface RestoreFlow {
  step: RestoreStep;
  source: RestoreSourceChoice | null;
  percent: number;
  preview: RestorePreview | null;
  error: RestoreError | null;
  choose: (file: File) => void;
  /** previews the chosen file again, or the given source (a rolling backup picked in the list) */
  runPreview: (source?: RestoreSourceChoice) => Promise<void>;
  restore: () => Promise<void>;
  back: () => void;
  /** back to an empty start (the dialog was closed) */
  reset: () => void;
}

/** `onRestored` runs after a successful restore, the flow already back at its start. */
export function useRestoreFlow(onRestored: (result: RestoreResult, name: string) => void): RestoreFlow {
  const api = useApi();
  const [step, setStep] = useState<RestoreStep>('pick');
  const [source, setSource] = useState<RestoreSourceChoice | null>(null);
  const [percent, setPercent] = useState(0);
  const [preview, setPreview] = useState<RestorePreview | null>(null);
  const [error, setError] = useState<RestoreError | null>(null);
  // The source previewed, sent again unchanged with the token.
  const payload = useRef<Source | null>(null);
  const generation = useRef(0);

  const reset = () => {
    generation.current++;
    payload.current = null;
    setStep('pick');
    setSource(null);
    setPercent(0);
    setPreview(null);
    setError(null);
  };

  const choose = (file: File) => {
    if (file.size > MAX_BACKUP_FILE_BYTES) {
      setError({ kind: 'refused', name: file.name, reason: 'tooLarge' });
      return;
    }
    if (file.size === 0) {
      setError({ kind: 'refused', name: file.name, reason: 'empty' });
      return;
    }
    setError(null);
    setSource({ kind: 'file', file });
  };

  const runPreview = async (chosen: RestoreSourceChoice | null = source) => {
    if (!chosen) return;
    const gen = ++generation.current;
    setSource(chosen);
    setError(null);
    setPreview(null);
    let args: Source;
    if (chosen.kind === 'file') {
      setPercent(0);
      setStep('reading');
      try {
        const size = chosen.file.size;
        const bytesBase64 = await readAsBase64(chosen.file, (loaded) =>
          setPercent(size === 0 ? 100 : Math.round((loaded / size) * 100)),
        );
        args = { file: { name: chosen.file.name, bytesBase64 } };
      } catch (e) {
        if (gen !== generation.current) return;
        setError({ kind: 'read', message: e instanceof Error ? e.message : String(e) });
        setStep('pick');
        return;
      }
      if (gen !== generation.current) return;
    } else args = { backup: chosen.entry.fileName };
    setStep('previewing');
    try {
      const result = await api.call('backup/restore-preview', args);
      if (gen !== generation.current) return;
      payload.current = args;
      setPreview(result);
      setStep('preview');
    } catch (e) {
      if (gen !== generation.current) return;
      setError({ kind: 'preview', message: toApiError(e).message });
      setStep('pick');
    }
  };

  const restore = async () => {
    const args = payload.current;
    if (!args || !preview || step !== 'preview') return;
    const gen = generation.current;
    setError(null);
    setStep('restoring');
    try {
      const result = await api.call('backup/restore', { ...args, token: preview.token });
      if (gen !== generation.current) return;
      const name = preview.source.name;
      reset();
      onRestored(result, name);
    } catch (e) {
      if (gen !== generation.current) return;
      const err = toApiError(e);
      setError(
        err.code === 'CONFLICT' ? { kind: 'stale', message: err.message } : { kind: 'restore', message: err.message },
      );
      setStep('preview');
    }
  };

  const back = () => {
    generation.current++;
    payload.current = null;
    setPreview(null);
    setError(null);
    setStep('pick');
  };

  return { step, source, percent, preview, error, choose, runPreview, restore, back, reset };
}
