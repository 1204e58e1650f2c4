// Reading returned workbooks in the renderer: the limits match the core's, refusals before reading, base64 byte for
// byte, progress by bytes up to 100%.
import { describe, expect, it } from 'vitest';
import * as shared from '../../src/shared/import';
import { formatBytes } from '../../src/renderer/src/lib/format-bytes';
import {
  chooseFiles,
  MAX_IMPORT_FILE_BYTES,
  MAX_IMPORT_FILES,
  readImportFiles,
  type ReadProgress,
} from '../../src/renderer/src/lib/import/read-files';

const file = (name: string, content: BlobPart = 'x') => new File([content], name);

describe('read-files', () => {
  it('uses the core’s limits', () => {
    expect(MAX_IMPORT_FILE_BYTES).toBe(shared.MAX_IMPORT_FILE_BYTES);
    expect(MAX_IMPORT_FILES).toBe(shared.MAX_IMPORT_FILES);
  });

  it('refuses files over 20 MB, a name chosen twice and files beyond the limit; anything else is taken', () => {
    const big = file('大.xlsx');
    Object.defineProperty(big, 'size', { value: MAX_IMPORT_FILE_BYTES + 1 });
    const exact = file('刚好.xlsx');
    Object.defineProperty(exact, 'size', { value: MAX_IMPORT_FILE_BYTES });
    const { files, refused } = chooseFiles([file('a.xlsx')], [big, exact, file('a.xlsx'), file('b.xls')]);
    expect(files.map((f) => f.name)).toEqual(['a.xlsx', '刚好.xlsx', 'b.xls']);
    expect(refused).toEqual([
      { name: '大.xlsx', reason: 'tooLarge' },
      { name: 'a.xlsx', reason: 'duplicate' },
    ]);
    const many = Array.from({ length: MAX_IMPORT_FILES + 2 }, (_, i) => file(`${i}.xlsx`));
    const limited = chooseFiles([], many);
    expect(limited.files).toHaveLength(MAX_IMPORT_FILES);
    expect(limited.refused.map((r) => r.reason)).toEqual(['tooMany', 'tooMany']);
  });

  it('reads each file to base64, byte for byte, reporting progress up to 100%', async () => {
    const bytes = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0xff, 0x80]);
    const progress: ReadProgress[] = [];
    const read = await readImportFiles([file('a.xlsx', bytes), file('空.xlsx', '')], (p) => progress.push(p));
    expect(read[0]).toEqual({ name: 'a.xlsx', bytesBase64: btoa(String.fromCharCode(...bytes)) });
    expect(read[1]).toEqual({ name: '空.xlsx', bytesBase64: '' });
    expect(progress[0]).toEqual({ index: 1, count: 2, name: 'a.xlsx', percent: 0 });
    expect(progress.at(-1)).toEqual({ index: 2, count: 2, name: '空.xlsx', percent: 100 });
    expect(progress.map((p) => p.percent)).toEqual([...progress.map((p) => p.percent)].sort((a, b) => a - b));
  });

  it('writes sizes briefly', () => {
    expect([formatBytes(900), formatBytes(1536), formatBytes(3 * 1024 * 1024)]).toEqual(['900 B', '1.5 KB', '3.0 MB']);
  });
});
