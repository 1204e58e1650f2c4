// Everything a returned workbook must pass before exceljs sees it, cheapest first, each refusal one Chinese sentence:
//
// 1. what the bytes are (a legacy .xls, an encrypted workbook, a PDF, a CSV, a Word document, an empty zip …);
// 2. the zip's structure: names that leave the folder or appear twice, local headers that disagree with the central
//    directory, entries sharing their data, sizes and ratios as declared;
// 3. the parts PlanDesk reads (workbook, its relationships, the listed worksheets, shared strings, styles) unpacked for
//    real with zlib, each stopped one byte past its declared size, then checked against that size and its CRC-32 —
//    a bomb that lies about its size is caught after at most the declared size, never inflated to gigabytes;
// 4. those parts scanned (xml-scan.ts) before parsing: no DOCTYPE or ENTITY (entity expansion, external entities),
//    nesting, rows, cells, merged ranges, shared strings and styles within limits, tags balanced;
// 5. a clean workbook handed on: a plain (stored) zip holding only those parts, each worksheet reduced to its cells
//    and merged ranges and the workbook to its sheet list. What a reader would walk cell by cell over a whole sheet
//    (data validations, conditional formats, column ranges, defined names, hyperlinks, drawings) never reaches it.
//
// Parts PlanDesk does not read (images, themes, comments, custom XML) are never unpacked, so a broken picture in a
// section's workbook does not stop its values from being imported.
import zlib from 'node:zlib';
import { entrySpan, inspectZip, looksLikeZip, overlapping, type ZipEntry } from './zip-inspect';
import { scanXml } from './xml-scan';

const MB = 1024 * 1024;

/** Limits checked before parsing. A section's 填报表 or an annual workbook is far inside every one of them. */
export const LIMITS = {
  /** one part read (worksheet, shared strings, styles), unpacked */
  partBytes: 16 * MB,
  /** the parts read, unpacked, together (exceljs needs about ten times as much memory) */
  readBytes: 12 * MB,
  /** every part as declared, read or not */
  totalUncompressed: 200 * MB,
  /** declared unpacked ÷ packed, for parts over 1 MB */
  ratio: 200,
  /** rows of one worksheet (<row> elements before parsing, the last row number after) */
  rows: 20_000,
  columns: 200,
  /** cells (<c> elements) of all worksheets together */
  cells: 80_000,
  sheets: 500,
  /** merged ranges of one worksheet, and the cells they cover in all */
  merges: 5_000,
  mergedCells: 80_000,
  /** nesting of elements (a worksheet's cell text is at depth 7) */
  depth: 64,
  sharedStrings: 200_000,
  /** one shared string with its markup (Excel allows 32767 characters in a cell) */
  stringBytes: 2 * MB,
  /** one run of text between two tags, in any part read (32767 characters are at most ~200 KB even escaped) */
  textBytes: 1 * MB,
  /** characters in one cell, Excel's own limit */
  cellChars: 32_767,
  /** elements of styles.xml (Excel allows 64000 cell formats, each one to three elements) */
  styleElements: 130_000,
} as const;

export type Guarded =
  | {
      ok: true;
      /** a stored zip of the cleaned parts, for exceljs */
      zip: Buffer;
      /** the cleaned parts by name (views into `zip`), for explaining a parse failure */
      parts: Map<string, Buffer>;
      /** worksheet part → sheet name */
      sheetNames: Map<string, string>;
    }
  | { ok: false; message: string };

const DAMAGED = '文件已损坏（压缩结构不完整，可能下载或拷贝不完整），无法读取。请重新获取该文件。';
const RESAVE = '请在 Excel/WPS 中打开确认后重新保存。';
const BOMB = '为安全起见未读取。';

const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const startsWith = (bytes: Uint8Array, sig: number[]) => sig.every((b, i) => bytes[i] === b);
const has = (bytes: Uint8Array, text: string, encoding: BufferEncoding) =>
  Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(Buffer.from(text, encoding));

/** Why bytes that are not a zip are not a workbook, in the clerk's words. */
export function sniffNonZip(bytes: Uint8Array): string {
  if (startsWith(bytes, OLE)) {
    // An encrypted .xlsx is an OLE container holding an "EncryptedPackage" stream (UTF-16 name).
    if (has(bytes, 'EncryptedPackage', 'utf16le')) {
      return '文件设置了打开密码（已加密），无法读取。请在 Excel/WPS 中取消密码后另存为 .xlsx 再导入。';
    }
    if (has(bytes, 'WordDocument', 'utf16le')) return '这是旧版 Word 文档（.doc），不是 Excel 工作簿。';
    return '这是旧版 Excel（.xls）文件。请在 Excel/WPS 中“另存为”Excel 工作簿（.xlsx）后再导入。';
  }
  const head = Buffer.from(bytes.subarray(0, 512)).toString('latin1');
  if (head.startsWith('%PDF')) return '这是 PDF 文件，不是 Excel 工作簿。请导入 .xlsx 格式的填报表。';
  if (head.startsWith('Rar!') || startsWith(bytes, [0x37, 0x7a, 0xbc, 0xaf]) || startsWith(bytes, [0x1f, 0x8b])) {
    return '这是 RAR/7z/gz 压缩包，不是 Excel 工作簿。请解压后选择其中的 .xlsx 文件。';
  }
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) {
    return '这是文本文件（Unicode 文本或 CSV），不是 Excel 工作簿。请在 Excel/WPS 中另存为 .xlsx 后再导入。';
  }
  if (/^(?:\xef\xbb\xbf)?\s*<(?:\?xml|html|table|!doctype html)/i.test(head)) {
    return '这是网页或 XML 格式的表格（可能是另存为“网页”的文件），不是 .xlsx 工作簿。请另存为 Excel 工作簿后再导入。';
  }
  const sample = bytes.subarray(0, 4096);
  if (!sample.some((b) => b === 0)) {
    return '这是文本文件（可能是 CSV），不是 Excel 工作簿。请在 Excel/WPS 中另存为 .xlsx 后再导入。';
  }
  return '不是 Excel 工作簿（.xlsx），无法读取。';
}

/** A zip that is not a workbook: what it is instead. */
function otherZip(names: Set<string>): string {
  if (names.has('word/document.xml')) return '这是 Word 文档，不是 Excel 工作簿。';
  if (names.has('ppt/presentation.xml')) return '这是 PowerPoint 演示文稿，不是 Excel 工作簿。';
  if (names.has('xl/workbook.bin')) {
    return '这是 Excel 二进制工作簿（.xlsb）。请在 Excel 中“另存为”Excel 工作簿（.xlsx）后再导入。';
  }
  if (names.has('mimetype') && names.has('content.xml')) {
    return '这是 OpenDocument 格式（.ods）的文件。请在 WPS/LibreOffice 中另存为 Excel 工作簿（.xlsx）后再导入。';
  }
  return '这是一个压缩包，但不是 Excel 工作簿（.xlsx），无法读取。';
}

const kb = (n: number) => (n >= MB ? `${(n / MB).toFixed(n >= 10 * MB ? 0 : 1)} MB` : `${Math.ceil(n / 1024)} KB`);

/** A part as the clerk can understand it. */
export function label(name: string, sheetNames: Map<string, string>): string {
  const sheet = sheetNames.get(name);
  if (sheet !== undefined) return `工作表“${sheet}”`;
  if (name === 'xl/sharedStrings.xml') return '单元格文字（共享字符串）';
  if (name === 'xl/styles.xml') return '单元格格式（样式）';
  if (name === 'xl/workbook.xml') return '工作簿目录';
  if (name.endsWith('.rels')) return `关系表“${name}”`;
  return `部件“${name}”`;
}

const tooLongText = (what: string, bytes: number) =>
  `${what}中有一段文字长达 ${kb(bytes)}（Excel 单元格最多 ${LIMITS.cellChars} 个字符），文件异常，未读取。`;

/** A name that leaves the zip's own folder, or could not be a file name at all. */
function unsafeName(name: string): boolean {
  const n = name.replace(/\\/g, '/');
  return (
    n.includes('\0') || /^[A-Za-z]:/.test(n) || n.startsWith('//') || n.split('/').some((segment) => segment === '..')
  );
}

/** Unpacks one entry, never past its declared size; checks the size and the CRC-32. */
function unpack(
  bytes: Uint8Array,
  e: ZipEntry,
  centralStart: number,
  room: number,
  what: string,
): Buffer | { message: string } {
  if (e.flags & 0x1) {
    return { message: `${what}设置了压缩包密码（已加密），无法读取。请在 Excel/WPS 中打开后另存为 .xlsx 再导入。` };
  }
  if (e.method !== 0 && e.method !== 8) {
    return { message: `${what}使用了 Excel 不使用的压缩方式（第 ${e.method} 种），无法读取。${RESAVE}` };
  }
  if (e.uncompressed > room) {
    return { message: `${what}解压后有 ${kb(e.uncompressed)}，远超一份填报表，未读取。请只保留需要导入的表格。` };
  }
  const span = entrySpan(bytes, e, centralStart);
  if (!span) return { message: DAMAGED };
  const data = Buffer.from(bytes.buffer, bytes.byteOffset + span.start, span.end - span.start);
  let out: Buffer;
  if (e.method === 0) out = data;
  else {
    try {
      // One byte more than declared is enough to know the declaration lies; inflation stops there.
      out = zlib.inflateRawSync(data, { maxOutputLength: e.uncompressed + 1 });
    } catch (err) {
      if ((err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') {
        return {
          message: `${what}解压后的实际大小超过了文件中记录的 ${kb(e.uncompressed)}（文件已损坏或被篡改，疑似“压缩炸弹”），${BOMB}`,
        };
      }
      return { message: `文件已损坏（${what}的压缩数据有错误），无法读取。请重新获取该文件。` };
    }
  }
  if (out.length !== e.uncompressed) {
    return {
      message: `文件已损坏（${what}的实际大小 ${kb(out.length)} 与文件中记录的 ${kb(e.uncompressed)} 不符），无法读取。请重新获取该文件。`,
    };
  }
  if (zlib.crc32(out) !== e.crc) {
    return { message: `文件已损坏（${what}的校验和不符，内容在下载或拷贝时出了错），无法读取。请重新获取该文件。` };
  }
  return out;
}

/** XML as UTF-8 without a byte-order mark (Excel writes UTF-8; UTF-16 parts are allowed and converted). */
function utf8(xml: Buffer): Buffer {
  if (xml[0] === 0xef && xml[1] === 0xbb && xml[2] === 0xbf) return xml.subarray(3);
  if (xml[0] === 0xff && xml[1] === 0xfe) return Buffer.from(xml.subarray(2).toString('utf16le'), 'utf8');
  if (xml[0] === 0xfe && xml[1] === 0xff) {
    const swapped = Buffer.from(xml.subarray(2, 2 + ((xml.length - 2) & ~1)));
    return Buffer.from(swapped.swap16().toString('utf16le'), 'utf8');
  }
  return xml;
}

const escapeXml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const decodeXml = (s: string) =>
  s.replace(/&(lt|gt|amp|quot|apos|#x[0-9a-f]+|#\d+);/gi, (m, e: string) => {
    const named: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
    if (named[e.toLowerCase()]) return named[e.toLowerCase()]!;
    const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : m;
  });

const attr = (tag: string, name: string) => {
  const m = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(tag);
  return m ? decodeXml(m[1] ?? m[2] ?? '') : null;
};

/** The element `<name …>…</name>` (or `<name …/>`) first found in `xml`, as a view of it; null if absent. */
function element(xml: Buffer, name: string): Buffer | null {
  const open = Buffer.from(`<${name}`);
  for (let i = xml.indexOf(open); i >= 0; i = xml.indexOf(open, i + 1)) {
    const after = xml[i + open.length];
    if (after !== 0x20 && after !== 0x3e && after !== 0x2f && after !== 0x0a && after !== 0x0d && after !== 0x09) {
      continue;
    }
    const gt = xml.indexOf(0x3e, i);
    if (gt < 0) return null;
    if (xml[gt - 1] === 0x2f) return xml.subarray(i, gt + 1);
    const close = xml.indexOf(`</${name}>`, gt);
    return close < 0 ? null : xml.subarray(i, close + name.length + 3);
  }
  return null;
}

const MAIN_NS =
  'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ' +
  'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const WORKSHEET = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet';
const XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** A1 / A1:B2 → the rectangle, or null. */
function range(ref: string): { rows: number; cols: number; bottom: number; right: number } | null {
  const m = /^\$?([A-Z]{1,3})\$?(\d{1,7})(?::\$?([A-Z]{1,3})\$?(\d{1,7}))?$/i.exec(ref.trim());
  if (!m) return null;
  const col = (s: string) => [...s.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  const c1 = col(m[1]!);
  const r1 = Number(m[2]);
  const c2 = m[3] ? col(m[3]) : c1;
  const r2 = m[4] ? Number(m[4]) : r1;
  if (r1 < 1 || r2 < 1 || Math.max(r1, r2) > 1_048_576 || Math.max(c1, c2) > 16_384) return null;
  return {
    rows: Math.abs(r2 - r1) + 1,
    cols: Math.abs(c2 - c1) + 1,
    bottom: Math.max(r1, r2),
    right: Math.max(c1, c2),
  };
}

/**
 * A stored (method 0) zip of the given parts — no compression work, exactly what was checked — and the parts again as
 * views into it, so that the unpacked originals can be let go before exceljs starts.
 */
function storedZip(parts: Map<string, Buffer>): { zip: Buffer; views: Map<string, Buffer> } {
  const chunks: Buffer[] = [];
  const central: Buffer[] = [];
  const at = new Map<string, [number, number]>();
  let offset = 0;
  for (const [name, data] of parts) {
    const n = Buffer.from(name, 'utf8');
    const crc = zlib.crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(n.length, 26);
    const c = Buffer.alloc(46);
    c.writeUInt32LE(0x02014b50, 0);
    c.writeUInt16LE(20, 4);
    c.writeUInt16LE(20, 6);
    c.writeUInt16LE(0x0800, 8);
    c.writeUInt32LE(crc, 16);
    c.writeUInt32LE(data.length, 20);
    c.writeUInt32LE(data.length, 24);
    c.writeUInt16LE(n.length, 28);
    c.writeUInt32LE(offset, 42);
    chunks.push(local, n, data);
    central.push(c, n);
    at.set(name, [offset + 30 + n.length, data.length]);
    offset += 30 + n.length + data.length;
  }
  const cd = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.size, 8);
  end.writeUInt16LE(parts.size, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  const zip = Buffer.concat([...chunks, cd, end]);
  const views = new Map([...at].map(([name, [start, length]]) => [name, zip.subarray(start, start + length)]));
  return { zip, views };
}

export function guardWorkbook(bytes: Uint8Array): Guarded {
  const fail = (message: string): Guarded => ({ ok: false, message });
  const z = inspectZip(bytes);
  if (!z.ok) {
    switch (z.reason) {
      case 'not_zip':
        return fail(looksLikeZip(bytes) ? DAMAGED : sniffNonZip(bytes));
      case 'empty':
        return fail('这是一个空的压缩包（里面没有任何文件），不是 Excel 工作簿。');
      case 'zip64':
        return fail('文件过大或结构异常（ZIP64），不像是一份填报表，未读取。');
      case 'too_many':
        return fail('文件中的部件多达上万个，不像是一份填报表，未读取。');
      default:
        return fail(DAMAGED);
    }
  }
  const { entries, centralStart } = z;

  // Names: inside the zip's own folder, each once. (A leading / is tolerated and dropped, as readers do.)
  const byName = new Map<string, ZipEntry>();
  for (const e of entries) {
    if (unsafeName(e.name)) {
      return fail(
        `文件中有异常的文件名“${e.name.slice(0, 80)}”（指向压缩包之外的路径），可能是恶意构造的文件，${BOMB}`,
      );
    }
    const name = e.name.replace(/\\/g, '/').replace(/^\/+/, '');
    if (byName.has(name)) {
      return fail(`文件中的“${name.slice(0, 80)}”出现了两次（同名部件重复），结构异常，可能被篡改，未读取。`);
    }
    byName.set(name, e);
  }
  const names = new Set(byName.keys());
  if (!names.has('[Content_Types].xml') || !names.has('xl/workbook.xml')) return fail(otherZip(names));
  for (const e of entries) {
    if (!entrySpan(bytes, e, centralStart)) {
      return fail(`文件已损坏（压缩包中“${e.name.slice(0, 80)}”的记录前后不一致，可能被篡改或拷贝不完整），无法读取。`);
    }
  }
  if (overlapping(bytes, entries, centralStart)) {
    return fail(`文件结构异常（多个部件共用同一段数据，这是“压缩炸弹”的手法），${BOMB}`);
  }

  // Sizes as declared, all entries: a truthful bomb is refused here without unpacking a byte.
  let declared = 0;
  for (const [name, e] of byName) {
    declared += e.uncompressed;
    if (e.uncompressed > MB && e.uncompressed > e.compressed * LIMITS.ratio) {
      return fail(`文件解压后异常巨大（疑似“压缩炸弹”），${BOMB}`);
    }
    if (/^xl\/worksheets\/.*\.xml$/.test(name) && e.uncompressed > LIMITS.partBytes) {
      return fail('工作表过大（远超一份填报表的行数），未读取。请只保留需要导入的表格。');
    }
  }
  if (declared > LIMITS.totalUncompressed) return fail('文件解压后过大，不像是一份填报表，未读取。');

  // The parts read, unpacked for real, within one budget.
  const sheetNames = new Map<string, string>();
  let budget: number = LIMITS.readBytes;
  const read = (name: string): Buffer | { message: string } => {
    const e = byName.get(name)!;
    const what = label(name, sheetNames);
    const out = unpack(bytes, e, centralStart, Math.min(LIMITS.partBytes, budget), what);
    if (!Buffer.isBuffer(out)) return out;
    budget -= out.length;
    const xml = utf8(out);
    if (xml.includes('<!DOCTYPE') || xml.includes('<!ENTITY') || xml.includes('<!doctype')) {
      return {
        message: `${what}含有 DTD 声明（<!DOCTYPE>/<!ENTITY>，可用于实体膨胀或读取本机文件），Excel 保存的文件不会有，可能是恶意构造的文件，${BOMB}`,
      };
    }
    return xml;
  };

  const book = read('xl/workbook.xml');
  if (!Buffer.isBuffer(book)) return fail(book.message);
  const relsName = 'xl/_rels/workbook.xml.rels';
  const rels = names.has(relsName) ? read(relsName) : Buffer.alloc(0);
  if (!Buffer.isBuffer(rels)) return fail(rels.message);
  // The sheets the workbook lists, resolved as exceljs resolves them.
  const targets = new Map<string, { target: string; type: string }>();
  for (const m of rels.toString('utf8').matchAll(/<Relationship\b[^>]*>/g)) {
    const id = attr(m[0], 'Id');
    if (id !== null) targets.set(id, { target: attr(m[0], 'Target') ?? '', type: attr(m[0], 'Type') ?? '' });
  }
  const sheetsXml = element(book, 'sheets');
  if (!sheetsXml) {
    return fail(
      `文件已损坏或不是 Excel 保存的格式：工作簿目录（xl/workbook.xml）中没有工作表列表，无法读取。${RESAVE}`,
    );
  }
  const listed = [...sheetsXml.toString('utf8').matchAll(/<sheet\b[^>]*>/g)];
  if (listed.length > LIMITS.sheets) {
    return fail(`工作簿有 ${listed.length} 张工作表，远超一份填报表，未读取。请只保留需要导入的表格。`);
  }
  const sheetParts: string[] = [];
  const sheetRels: { id: string; target: string }[] = [];
  for (const m of listed) {
    const rel = targets.get(attr(m[0], 'r:id') ?? '');
    if (!rel) continue;
    const part = `xl/${rel.target.replace(/^(\s|\/xl\/)+/, '')}`;
    const sheet = attr(m[0], 'name') ?? part;
    if (!names.has(part)) {
      if (rel.type.endsWith('/worksheet')) {
        return fail(`工作表“${sheet}”的内容在文件中缺失，文件不完整或已损坏，无法读取。${RESAVE}`);
      }
      continue; // a chart sheet or the like: nothing to read
    }
    if (!/^xl\/worksheets\/sheet\d+\.xml$/.test(part) || sheetNames.has(part)) continue;
    sheetNames.set(part, sheet);
    sheetParts.push(part);
    sheetRels.push({ id: attr(m[0], 'r:id')!, target: part.slice(3) });
  }

  if (listed.length > 0 && sheetParts.length === 0 && !names.has(relsName)) {
    return fail(
      `文件不完整或已损坏：缺少工作簿关系表（xl/_rels/workbook.xml.rels），找不到工作表的内容，无法读取。${RESAVE}`,
    );
  }

  // The workbook reduced to its date system and sheet list; the relationships to the sheets read.
  const listScan = scanXml(sheetsXml, LIMITS.depth, 0);
  if (listScan.depth > LIMITS.depth || !listScan.balanced) {
    return fail(`文件已损坏（工作簿目录的 XML 结构不完整或异常），无法读取。${RESAVE}`);
  }
  const parts = new Map<string, Buffer>();
  const workbookPr = element(book, 'workbookPr');
  parts.set(
    'xl/workbook.xml',
    Buffer.concat([
      Buffer.from(`${XML_DECL}<workbook ${MAIN_NS}>`),
      workbookPr ?? Buffer.alloc(0),
      sheetsXml,
      Buffer.from('</workbook>'),
    ]),
  );
  parts.set(
    relsName,
    Buffer.from(
      `${XML_DECL}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
        sheetRels
          .map((r) => `<Relationship Id="${escapeXml(r.id)}" Type="${WORKSHEET}" Target="${escapeXml(r.target)}"/>`)
          .join('') +
        '</Relationships>',
    ),
  );

  let cells = 0;
  let mergedCells = 0;
  let sharedStringCells = false;
  for (const part of sheetParts) {
    const sheet = sheetNames.get(part)!;
    const xml = read(part);
    if (!Buffer.isBuffer(xml)) return fail(xml.message);
    const s = scanXml(xml, LIMITS.depth, LIMITS.merges);
    if (s.depth > LIMITS.depth) {
      return fail(
        `工作表“${sheet}”的 XML 嵌套超过 ${LIMITS.depth} 层（Excel 保存的文件不超过 10 层），可能是恶意构造的文件，${BOMB}`,
      );
    }
    if (s.longestText > LIMITS.textBytes) return fail(tooLongText(`工作表“${sheet}”`, s.longestText));
    if (s.rows > LIMITS.rows) {
      return fail(`工作表“${sheet}”有 ${s.rows} 行，远超一份填报表的大小，未读取。请只保留需要导入的表格。`);
    }
    cells += s.cells;
    if (cells > LIMITS.cells) {
      return fail(
        `工作表“${sheet}”等共有超过 ${LIMITS.cells} 个单元格，远超一份填报表的大小，未读取。请只保留需要导入的表格。`,
      );
    }
    if (s.merges.length > LIMITS.merges) {
      return fail(`工作表“${sheet}”有超过 ${LIMITS.merges} 处合并单元格，不像是一份填报表，未读取。`);
    }
    for (const ref of s.merges) {
      const r = range(ref);
      if (!r)
        return fail(`文件已损坏（工作表“${sheet}”的合并单元格范围“${ref.slice(0, 40)}”无效），无法读取。${RESAVE}`);
      mergedCells += r.rows * r.cols;
      if (mergedCells > LIMITS.mergedCells || r.bottom > LIMITS.rows || r.right > LIMITS.columns) {
        return fail(
          `工作表“${sheet}”的合并单元格“${ref}”覆盖了过大的范围，远超一份填报表，未读取。请取消该合并后重新保存。`,
        );
      }
    }
    if (!s.balanced) return fail(`文件已损坏（工作表“${sheet}”的 XML 不完整，有标签未闭合），无法读取。${RESAVE}`);
    const data = element(xml, 'sheetData');
    const merges = element(xml, 'mergeCells');
    if (data && (data.includes('t="s"') || data.includes("t='s'"))) sharedStringCells = true;
    parts.set(
      part,
      Buffer.concat([
        Buffer.from(`${XML_DECL}<worksheet ${MAIN_NS}>`),
        data ?? Buffer.from('<sheetData/>'),
        merges ?? Buffer.alloc(0),
        Buffer.from('</worksheet>'),
      ]),
    );
  }

  const stringsName = 'xl/sharedStrings.xml';
  if (names.has(stringsName)) {
    const xml = read(stringsName);
    if (!Buffer.isBuffer(xml)) return fail(xml.message);
    const s = scanXml(xml, LIMITS.depth, 0);
    const what = label(stringsName, sheetNames);
    if (s.depth > LIMITS.depth) return fail(`${what}的 XML 嵌套超过 ${LIMITS.depth} 层，可能是恶意构造的文件，${BOMB}`);
    if (s.longestText > LIMITS.textBytes) return fail(tooLongText(what, s.longestText));
    if (s.strings > LIMITS.sharedStrings) {
      return fail(`${what}多达 ${s.strings} 条，远超一份填报表，未读取。请只保留需要导入的表格。`);
    }
    if (s.longestString > LIMITS.stringBytes) return fail(tooLongText(what, s.longestString));
    if (!s.balanced) return fail(`文件已损坏（${what}的 XML 不完整，有标签未闭合），无法读取。${RESAVE}`);
    parts.set(stringsName, xml);
  } else if (sharedStringCells) {
    return fail(
      `文件不完整或已损坏：单元格引用了“共享字符串”（单元格文字），但文件中没有这一部分，无法读取。${RESAVE}`,
    );
  }

  const stylesName = 'xl/styles.xml';
  if (names.has(stylesName)) {
    const xml = read(stylesName);
    if (!Buffer.isBuffer(xml)) return fail(xml.message);
    const s = scanXml(xml, LIMITS.depth, 0);
    const what = label(stylesName, sheetNames);
    if (s.depth > LIMITS.depth) return fail(`${what}的 XML 嵌套超过 ${LIMITS.depth} 层，可能是恶意构造的文件，${BOMB}`);
    if (s.longestText > LIMITS.textBytes) return fail(tooLongText(what, s.longestText));
    if (s.elements > LIMITS.styleElements) {
      return fail(`${what}多达 ${s.elements} 项，远超 Excel 自己的上限，文件异常，未读取。`);
    }
    if (!s.balanced) return fail(`文件已损坏（${what}的 XML 不完整，有标签未闭合），无法读取。${RESAVE}`);
    parts.set(stylesName, xml);
  }

  const { zip, views } = storedZip(parts);
  return { ok: true, zip, parts: views, sheetNames };
}
