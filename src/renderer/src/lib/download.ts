// The browser shell's way to hand an exported file to the clerk: the core's bytes (base64) become a Blob that a
// temporary <a download> saves under the core's file name. Electron never gets here: main saves the file itself.

/**
 * How long the object URL outlives the click. Revoking at once can abort the download in some browsers;
 * the URL is useless to anyone else, so keeping it a little longer costs nothing.
 */
export const REVOKE_AFTER_MS = 10_000;

export function base64ToBytes(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export interface DownloadFile {
  fileName: string;
  mimeType: string;
  bytesBase64: string;
}

export function downloadFile(file: DownloadFile, opts: { doc?: Document; revokeAfterMs?: number } = {}): void {
  const doc = opts.doc ?? document;
  const blob = new Blob([base64ToBytes(file.bytesBase64)], { type: file.mimeType });
  const url = URL.createObjectURL(blob);
  const a = doc.createElement('a');
  a.href = url;
  a.download = file.fileName;
  a.rel = 'noopener';
  a.style.display = 'none';
  doc.body.appendChild(a);
  try {
    a.click();
  } finally {
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), opts.revokeAfterMs ?? REVOKE_AFTER_MS);
  }
}
