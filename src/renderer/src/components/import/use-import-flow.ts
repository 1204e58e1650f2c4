// The import's steps: choose files → read them (progress) → import/preview → the clerk confirms → import/apply with
// the same files and the preview's token. A stale token (someone changed the data, or a file changed) sends the clerk
// back to preview again; nothing is ever written without a preview the clerk has seen.
import { useRef, useState } from 'react';
import type { ImportFile, ImportPreview } from '../../../../shared/import';
import { toApiError } from '../../lib/api';
import { useApi } from '../../lib/api-context';
import {
  chooseFiles,
  FileReadError,
  readImportFiles,
  type ReadProgress,
  type Refusal,
} from '../../lib/import/read-files';

export type ImportStep = 'pick' | 'reading' | 'previewing' | 'preview' | 'applying';

export type ImportError =
  | { kind: 'read'; fileName: string; message: string }
  | { kind: 'preview'; message: string }
  | { kind: 'apply'; message: string }
  /** import/apply refused the token: the data or the files changed since the preview */
  | { kind: 'stale' };

export interface ImportFlow {
  step: ImportStep;
  files: File[];
  refused: Refusal[];
  progress: ReadProgress | null;
  preview: ImportPreview | null;
  error: ImportError | null;
  add: (incoming: File[]) => void;
  remove: (name: string) => void;
  runPreview: () => Promise<void>;
  apply: () => Promise<void>;
  back: () => void;
  reset: () => void;
}

/** `onApplied` runs after a successful import, the flow already back at its start. */
export function useImportFlow(planId: number, onApplied: (applied: number) => void): ImportFlow {
  const api = useApi();
  const [step, setStep] = useState<ImportStep>('pick');
  const [files, setFiles] = useState<File[]>([]);
  const [refused, setRefused] = useState<Refusal[]>([]);
  const [progress, setProgress] = useState<ReadProgress | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [error, setError] = useState<ImportError | null>(null);
  // What was previewed, sent again unchanged with the token.
  const payload = useRef<ImportFile[] | null>(null);
  // Files arrive one callback per file (drag and drop, the picker): keep the list current between renders.
  const chosen = useRef<File[]>([]);
  // A closed dialog must not be reopened on a late answer.
  const generation = useRef(0);

  const reset = () => {
    generation.current++;
    chosen.current = [];
    payload.current = null;
    setStep('pick');
    setFiles([]);
    setRefused([]);
    setProgress(null);
    setPreview(null);
    setError(null);
  };

  const add = (incoming: File[]) => {
    const next = chooseFiles(chosen.current, incoming);
    chosen.current = next.files;
    setFiles(next.files);
    setRefused((list) => [...list, ...next.refused]);
    setError(null);
  };

  const remove = (name: string) => {
    chosen.current = chosen.current.filter((f) => f.name !== name);
    setFiles(chosen.current);
  };

  const runPreview = async () => {
    const gen = ++generation.current;
    const current = chosen.current;
    if (current.length === 0) return;
    setError(null);
    setPreview(null);
    setStep('reading');
    let read: ImportFile[];
    try {
      read = await readImportFiles(current, (p) => gen === generation.current && setProgress(p));
    } catch (e) {
      if (gen !== generation.current) return;
      const fileName = e instanceof FileReadError ? e.fileName : '';
      setError({ kind: 'read', fileName, message: e instanceof Error ? e.message : String(e) });
      setStep('pick');
      return;
    }
    if (gen !== generation.current) return;
    setStep('previewing');
    try {
      const result = await api.call('import/preview', { planId, files: read });
      if (gen !== generation.current) return;
      payload.current = read;
      setPreview(result);
      setStep('preview');
    } catch (e) {
      if (gen !== generation.current) return;
      setError({ kind: 'preview', message: toApiError(e).message });
      setStep('pick');
    }
  };

  const apply = async () => {
    const files = payload.current;
    if (!files || !preview || step !== 'preview') return;
    const gen = generation.current;
    setError(null);
    setStep('applying');
    try {
      const result = await api.call('import/apply', { planId, files, token: preview.token });
      if (gen !== generation.current) return;
      reset();
      onApplied(result.applied);
    } catch (e) {
      if (gen !== generation.current) return;
      const err = toApiError(e);
      setError(err.code === 'CONFLICT' ? { kind: 'stale' } : { kind: 'apply', message: err.message });
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

  return { step, files, refused, progress, preview, error, add, remove, runPreview, apply, back, reset };
}
