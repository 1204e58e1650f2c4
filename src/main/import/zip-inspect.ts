// Reads a zip's central directory without unpacking anything, so a workbook can be refused for its size, its
// entry count or its compression ratio before exceljs (and jszip) inflate it into memory.

export interface ZipEntry {
  name: string;
  compressed: number;
  uncompressed: number;
}

export type ZipInspection = { ok: true; entries: ZipEntry[] } | { ok: false; reason: 'not_zip' | 'damaged' | 'zip64' };

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const MAX_ENTRIES = 10_000;

export function inspectZip(bytes: Uint8Array): ZipInspection {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buf.length < 22 || buf.readUInt32LE(0) !== 0x04034b50) return { ok: false, reason: 'not_zip' };
  // The end-of-central-directory record sits in the last 22 + 65535 (comment) bytes.
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return { ok: false, reason: 'damaged' };
  const count = buf.readUInt16LE(eocd + 10);
  const size = buf.readUInt32LE(eocd + 12);
  const offset = buf.readUInt32LE(eocd + 16);
  if (count === 0xffff || offset === 0xffffffff || size === 0xffffffff) return { ok: false, reason: 'zip64' };
  if (count > MAX_ENTRIES || offset + size > eocd) return { ok: false, reason: 'damaged' };
  const entries: ZipEntry[] = [];
  let p = offset;
  for (let n = 0; n < count; n++) {
    if (p + 46 > eocd || buf.readUInt32LE(p) !== CENTRAL) return { ok: false, reason: 'damaged' };
    const compressed = buf.readUInt32LE(p + 20);
    const uncompressed = buf.readUInt32LE(p + 24);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    if (compressed === 0xffffffff || uncompressed === 0xffffffff) return { ok: false, reason: 'zip64' };
    if (p + 46 + nameLen > eocd) return { ok: false, reason: 'damaged' };
    entries.push({ name: buf.toString('utf8', p + 46, p + 46 + nameLen), compressed, uncompressed });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return { ok: true, entries };
}
