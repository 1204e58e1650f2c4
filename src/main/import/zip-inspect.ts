// Reads a zip's structure without unpacking anything: the central directory (names, sizes as declared, methods,
// flags, where each entry's data starts) and, for an entry about to be read, its local header — checked against the
// central record, so that a reader cannot be shown one file in the directory and given another (a different local
// name, data running into the directory, entries sharing their data). Sizes here are what the file CLAIMS; the
// workbook guard (workbook-guard.ts) checks what the data really inflates to.

export interface ZipEntry {
  /** the name as stored in the central directory (UTF-8 or, without the flag, read as Latin-1 like JSZip) */
  name: string;
  compressed: number;
  /** declared: may be a lie */
  uncompressed: number;
  /** 0 stored, 8 deflated; anything else is refused */
  method: number;
  /** general-purpose flags (bit 0: encrypted) */
  flags: number;
  crc: number;
  /** offset of the local header */
  offset: number;
}

export type ZipInspection =
  | { ok: true; entries: ZipEntry[]; centralStart: number }
  | { ok: false; reason: 'not_zip' | 'empty' | 'damaged' | 'zip64' | 'too_many' };

const LOCAL = 0x04034b50;
const CENTRAL = 0x02014b50;
const EOCD = 0x06054b50;
/** More entries than any workbook has: refused before anything is read. */
export const MAX_ENTRIES = 10_000;

const SIGNATURE = [0x50, 0x4b, 0x03, 0x04];

/** The bytes start like a zip's first local header (or are a cut-off piece of one). */
export function looksLikeZip(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 4);
  for (let i = 0; i < n; i++) if (bytes[i] !== SIGNATURE[i]) return false;
  return n > 0;
}

export function inspectZip(bytes: Uint8Array): ZipInspection {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buf.length >= 22 && buf.readUInt32LE(0) === EOCD && buf.readUInt16LE(10) === 0)
    return { ok: false, reason: 'empty' };
  if (!looksLikeZip(buf)) return { ok: false, reason: 'not_zip' };
  if (buf.length < 22) return { ok: false, reason: 'damaged' };
  // The end-of-central-directory record sits in the last 22 + 65535 (comment) bytes.
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return { ok: false, reason: 'damaged' };
  const disk = buf.readUInt16LE(eocd + 4);
  const cdDisk = buf.readUInt16LE(eocd + 6);
  const onDisk = buf.readUInt16LE(eocd + 8);
  const count = buf.readUInt16LE(eocd + 10);
  const size = buf.readUInt32LE(eocd + 12);
  const offset = buf.readUInt32LE(eocd + 16);
  if (count === 0xffff || offset === 0xffffffff || size === 0xffffffff) return { ok: false, reason: 'zip64' };
  if (disk !== 0 || cdDisk !== 0 || onDisk !== count) return { ok: false, reason: 'damaged' };
  if (count === 0) return { ok: false, reason: 'empty' };
  if (count > MAX_ENTRIES) return { ok: false, reason: 'too_many' };
  if (offset + size > eocd) return { ok: false, reason: 'damaged' };
  const entries: ZipEntry[] = [];
  let p = offset;
  for (let n = 0; n < count; n++) {
    if (p + 46 > eocd || buf.readUInt32LE(p) !== CENTRAL) return { ok: false, reason: 'damaged' };
    const flags = buf.readUInt16LE(p + 8);
    const method = buf.readUInt16LE(p + 10);
    const crc = buf.readUInt32LE(p + 16);
    const compressed = buf.readUInt32LE(p + 20);
    const uncompressed = buf.readUInt32LE(p + 24);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    if (compressed === 0xffffffff || uncompressed === 0xffffffff || local === 0xffffffff) {
      return { ok: false, reason: 'zip64' };
    }
    if (p + 46 + nameLen > eocd) return { ok: false, reason: 'damaged' };
    const name = buf.toString(flags & 0x800 ? 'utf8' : 'latin1', p + 46, p + 46 + nameLen);
    entries.push({ name, compressed, uncompressed, method, flags, crc, offset: local });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return { ok: true, entries, centralStart: offset };
}

/** Where an entry's data lies, from its local header; null when the header does not match its central record. */
export function entrySpan(
  bytes: Uint8Array,
  entry: ZipEntry,
  centralStart: number,
): { start: number; end: number } | null {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const p = entry.offset;
  if (p + 30 > centralStart || buf.readUInt32LE(p) !== LOCAL) return null;
  const nameLen = buf.readUInt16LE(p + 26);
  const extraLen = buf.readUInt16LE(p + 28);
  const start = p + 30 + nameLen + extraLen;
  const end = start + entry.compressed;
  if (end > centralStart) return null;
  // Some Windows zippers write \ in one of the two names; anything else differing is a second file in disguise.
  const localName = buf.toString(entry.flags & 0x800 ? 'utf8' : 'latin1', p + 30, p + 30 + nameLen);
  if (localName.replace(/\\/g, '/') !== entry.name.replace(/\\/g, '/')) return null;
  return { start, end };
}

/** Entries whose local headers and data overlap another's (several names for one piece of data: a zip bomb trick). */
export function overlapping(bytes: Uint8Array, entries: ZipEntry[], centralStart: number): boolean {
  const spans = entries
    .map((e) => ({ header: e.offset, span: entrySpan(bytes, e, centralStart) }))
    .sort((a, b) => a.header - b.header);
  for (let i = 1; i < spans.length; i++) {
    const before = spans[i - 1]!;
    if (spans[i]!.header < (before.span?.end ?? before.header + 30)) return true;
  }
  return false;
}
