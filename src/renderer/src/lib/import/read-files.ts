// Returned workbooks as the import channels take them: each file's bytes as base64, read in the renderer. Files
// the core would refuse anyway (over 20 MB, more than 100) are refused here before a byte is read; anything else,
// a .xls or a .docx too, is sent, because the core's preview says in Chinese why it cannot be used.
import type { ImportFile } from '../../../../shared/import';

/** The core's limits (shared/import.ts), repeated because that module carries zod, which the renderer never loads. */
export const MAX_IMPORT_FILE_BYTES = 20 * 1024 * 1024;
export const MAX_IMPORT_FILES = 100;

export type RefusalReason = 'tooLarge' | 'duplicate' | 'tooMany';

export interface Refusal {
  name: string;
  reason: RefusalReason;
}

/** Adds `incoming` to `chosen`: oversize files, names already chosen and files beyond the limit are refused. */
export function chooseFiles(chosen: readonly File[], incoming: readonly File[]): { files: File[]; refused: Refusal[] } {
  const files = [...chosen];
  const refused: Refusal[] = [];
  for (const file of incoming) {
    if (file.size > MAX_IMPORT_FILE_BYTES) refused.push({ name: file.name, reason: 'tooLarge' });
    else if (files.some((f) => f.name === file.name)) refused.push({ name: file.name, reason: 'duplicate' });
    else if (files.length >= MAX_IMPORT_FILES) refused.push({ name: file.name, reason: 'tooMany' });
    else files.push(file);
  }
  return { files, refused };
}

/** One file's bytes as base64 (a data: URL without its prefix); `onProgress` gets the bytes read so far. */
export function readAsBase64(file: Blob, onProgress?: (loaded: number) => void): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onprogress = (e) => onProgress?.(e.loaded);
    reader.onerror = () => reject(reader.error ?? new Error('FileReader failed'));
    reader.onload = () => {
      const url = String(reader.result ?? '');
      const comma = url.indexOf(',');
      resolve(comma >= 0 ? url.slice(comma + 1) : '');
    };
    reader.readAsDataURL(file);
  });
}

export interface ReadProgress {
  /** 1-based index of the file being read */
  index: number;
  count: number;
  name: string;
  /** 0–100 over all files, by bytes */
  percent: number;
}

export class FileReadError extends Error {
  constructor(
    readonly fileName: string,
    cause: unknown,
  ) {
    super(cause instanceof Error ? cause.message : String(cause));
    this.name = 'FileReadError';
  }
}

/** Reads the files one after another (a clerk's 100 files never sit in memory twice at once). */
export async function readImportFiles(
  files: readonly File[],
  onProgress: (p: ReadProgress) => void = () => {},
): Promise<ImportFile[]> {
  const total = files.reduce((sum, f) => sum + f.size, 0);
  const out: ImportFile[] = [];
  let done = 0;
  for (const [i, file] of files.entries()) {
    const report = (loaded: number) =>
      onProgress({
        index: i + 1,
        count: files.length,
        name: file.name,
        percent: Math.round(total === 0 ? (i / files.length) * 100 : ((done + loaded) / total) * 100),
      });
    report(0);
    try {
      out.push({ name: file.name, bytesBase64: await readAsBase64(file, report) });
    } catch (e) {
      throw new FileReadError(file.name, e);
    }
    done += file.size;
  }
  onProgress({ index: files.length, count: files.length, name: files.at(-1)?.name ?? '', percent: 100 });
  return out;
}
