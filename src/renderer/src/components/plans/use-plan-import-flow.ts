// 从 Excel 导入规划, step by step: choose one workbook (over 20 MB refused before reading) and, if wanted, the short name
// and title to give the plan → read it (progress) → plan/import-preview → the clerk looks → plan/import-apply with the
// very same arguments and the preview's token. A refused token (the file or the options differ from what was
// previewed, or a plan of that short name appeared meanwhile) is explained and sends the clerk to preview again.
import { useRef, useState } from 'react';
import type { ArgsIn } from '../../../../shared/api';
import type { PlanSummary } from '../../../../shared/model';
import type { PlanImportPreview } from '../../../../shared/plan-import';
import { toApiError } from '../../lib/api';
import { useApi } from '../../lib/api-context';
import { chooseFiles, readAsBase64, type Refusal } from '../../lib/import/read-files';

export type PlanImportStep = 'pick' | 'reading' | 'previewing' | 'preview' | 'applying';

export type PlanImportError =
  | { kind: 'read'; message: string }
  | { kind: 'preview'; message: string }
  | { kind: 'apply'; message: string }
  /** the core refused the token (CONFLICT): its message says why */
  | { kind: 'stale'; message: string };

type PreviewArgs = ArgsIn<'plan/import-preview'>;

export interface PlanImportFlow {
  step: PlanImportStep;
  file: File | null;
  refused: Refusal | null;
  /** 0–100 while reading */
  percent: number;
  shortName: string;
  title: string;
  preview: PlanImportPreview | null;
  error: PlanImportError | null;
  choose: (file: File) => void;
  setShortName: (v: string) => void;
  setTitle: (v: string) => void;
  runPreview: () => Promise<void>;
  apply: () => Promise<void>;
  back: () => void;
}

export function usePlanImportFlow(onCreated: (plan: PlanSummary) => void): PlanImportFlow {
  const api = useApi();
  const [step, setStep] = useState<PlanImportStep>('pick');
  const [file, setFile] = useState<File | null>(null);
  const [refused, setRefused] = useState<Refusal | null>(null);
  const [percent, setPercent] = useState(0);
  const [shortName, setShortName] = useState('');
  const [title, setTitle] = useState('');
  const [preview, setPreview] = useState<PlanImportPreview | null>(null);
  const [error, setError] = useState<PlanImportError | null>(null);
  // The arguments previewed, sent again unchanged with the token.
  const payload = useRef<PreviewArgs | null>(null);
  // A late answer after 重新选择 or closing must not come back.
  const generation = useRef(0);

  const choose = (incoming: File) => {
    const { files, refused: no } = chooseFiles([], [incoming]);
    setRefused(no[0] ?? null);
    if (files[0]) setFile(files[0]);
    setError(null);
  };

  const runPreview = async () => {
    if (!file) return;
    const gen = ++generation.current;
    setError(null);
    setPreview(null);
    setPercent(0);
    setStep('reading');
    let bytesBase64: string;
    try {
      bytesBase64 = await readAsBase64(file, (loaded) =>
        setPercent(file.size === 0 ? 100 : Math.round((loaded / file.size) * 100)),
      );
    } catch (e) {
      if (gen !== generation.current) return;
      setError({ kind: 'read', message: e instanceof Error ? e.message : String(e) });
      setStep('pick');
      return;
    }
    if (gen !== generation.current) return;
    const args: PreviewArgs = {
      file: { name: file.name, bytesBase64 },
      ...(shortName.trim() ? { shortName: shortName.trim() } : {}),
      ...(title.trim() ? { title: title.trim() } : {}),
    };
    setStep('previewing');
    try {
      const result = await api.call('plan/import-preview', args);
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

  const apply = async () => {
    const args = payload.current;
    if (!args || !preview || step !== 'preview') return;
    const gen = generation.current;
    setError(null);
    setStep('applying');
    try {
      const plan = await api.call('plan/import-apply', { ...args, token: preview.token });
      if (gen !== generation.current) return;
      onCreated(plan);
    } catch (e) {
      if (gen !== generation.current) return;
      const err = toApiError(e);
      setError(
        err.code === 'CONFLICT' ? { kind: 'stale', message: err.message } : { kind: 'apply', message: err.message },
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

  return {
    step,
    file,
    refused,
    percent,
    shortName,
    title,
    preview,
    error,
    choose,
    setShortName,
    setTitle,
    runPreview,
    apply,
    back,
  };
}
