// The browser-shell download helper: exact bytes, the core's file name, the object URL revoked afterwards.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { base64ToBytes, downloadFile } from '../../src/renderer/src/lib/download';

const originalCreate = URL.createObjectURL;
const originalRevoke = URL.revokeObjectURL;

afterEach(() => {
  URL.createObjectURL = originalCreate;
  URL.revokeObjectURL = originalRevoke;
  vi.restoreAllMocks();
  vi.useRealTimers();
});

describe('download', () => {
  it('decodes base64 to the exact bytes', () => {
    const bytes = [0, 1, 0x7f, 0x80, 0xfe, 0xff];
    expect([...base64ToBytes(btoa(String.fromCharCode(...bytes)))]).toEqual(bytes);
    expect(base64ToBytes('')).toHaveLength(0);
  });

  it('clicks a temporary anchor, removes it and revokes the URL after the delay', async () => {
    vi.useFakeTimers();
    const blobs: Blob[] = [];
    const revoked: string[] = [];
    URL.createObjectURL = (b: Blob | MediaSource) => (blobs.push(b as Blob), 'blob:x');
    URL.revokeObjectURL = (url: string) => void revoked.push(url);
    const clicked: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this.download);
    });

    downloadFile(
      { fileName: '附件2.pdf', mimeType: 'application/pdf', bytesBase64: btoa('%PDF') },
      { revokeAfterMs: 50 },
    );
    expect(clicked).toEqual(['附件2.pdf']);
    expect(document.querySelector('a')).toBeNull();
    expect(blobs[0]!.type).toBe('application/pdf');
    expect(revoked).toEqual([]);
    vi.advanceTimersByTime(50);
    expect(revoked).toEqual(['blob:x']);
    vi.useRealTimers();
    expect(await blobs[0]!.text()).toBe('%PDF');
  });

  it('rejects text that is not base64 without leaving an anchor behind', () => {
    expect(() => downloadFile({ fileName: 'a.xlsx', mimeType: 'x', bytesBase64: '***' })).toThrow();
    expect(document.querySelector('a')).toBeNull();
  });
});
