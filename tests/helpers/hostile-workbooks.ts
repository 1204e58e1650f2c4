// A corpus of hostile and broken workbooks for the importers (issue 7, item 5): truncated and corrupted zips, zip
// bombs that tell the truth about their size and bombs that lie, sheets with a million rows or 16384 columns, enormous
// strings, formulas and dates where values belong, invalid XML, entity expansion and external entities, indexes that
// point nowhere, zip entries that escape their folder or appear twice, ranges that make a reader loop over a whole
// sheet, password-protected files and files of other kinds renamed to .xlsx.
//
// Everything is built here, from scratch: a small workbook written part by part (so any part can be broken on
// purpose), and zips written byte by byte (so sizes, names and offsets can lie). Each case says what the importers must
// do with it; tests/main/import/hostile.test.ts checks both importers against it.
import zlib from 'node:zlib';
import JSZip from 'jszip';

// ───────────────────────────── zips, byte by byte ─────────────────────────────

export interface RawEntry {
  /** the name in the central directory */
  name: string;
  /** the name in the local header (default: the same) */
  localName?: string;
  /** the bytes stored: deflated when method is 8 */
  data: Uint8Array;
  method: number;
  crc: number;
  /** the uncompressed size written in both headers: may be a lie */
  size: number;
  flags?: number;
  /** write the central record pointing at another entry's local header (overlapping entries) */
  sameDataAs?: number;
}

/** An entry deflated honestly; `over` replaces any field (e.g. `size` to lie about it). */
export function deflated(name: string, content: string | Uint8Array, over: Partial<RawEntry> = {}): RawEntry {
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : Buffer.from(content);
  return { name, data: zlib.deflateRawSync(bytes), method: 8, crc: zlib.crc32(bytes), size: bytes.length, ...over };
}

/** An entry's local header, name and data. */
function localRecord(e: RawEntry): Buffer {
  const local = Buffer.alloc(30);
  const localName = Buffer.from(e.localName ?? e.name, 'utf8');
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(e.flags ?? 0x0800, 6); // bit 11: names are UTF-8
  local.writeUInt16LE(e.method, 8);
  local.writeUInt32LE(e.crc >>> 0, 14);
  local.writeUInt32LE(e.data.length, 18);
  local.writeUInt32LE(e.size >>> 0, 22);
  local.writeUInt16LE(localName.length, 26);
  return Buffer.concat([local, localName, Buffer.from(e.data)]);
}

/** An entry's central directory record, pointing at `offset`. */
function centralRecord(e: RawEntry, offset: number): Buffer {
  const name = Buffer.from(e.name, 'utf8');
  const c = Buffer.alloc(46);
  c.writeUInt32LE(0x02014b50, 0);
  c.writeUInt16LE(20, 4);
  c.writeUInt16LE(20, 6);
  c.writeUInt16LE(e.flags ?? 0x0800, 8);
  c.writeUInt16LE(e.method, 10);
  c.writeUInt32LE(e.crc >>> 0, 16);
  c.writeUInt32LE(e.data.length, 20);
  c.writeUInt32LE(e.size >>> 0, 24);
  c.writeUInt16LE(name.length, 28);
  c.writeUInt32LE(offset, 42);
  return Buffer.concat([c, name]);
}

function endRecord(count: number, cdSize: number, cdOffset: number, zip64Marker = false): Buffer {
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(zip64Marker ? 0xffff : count, 8);
  end.writeUInt16LE(zip64Marker ? 0xffff : count, 10);
  end.writeUInt32LE(cdSize, 12);
  end.writeUInt32LE(cdOffset, 16);
  return end;
}

/** A zip written by hand: local headers, data, central directory, end record. */
export function rawZip(entries: RawEntry[], opts: { zip64Marker?: boolean } = {}): Uint8Array {
  const out: Buffer[] = [];
  const central: Buffer[] = [];
  const offsets: number[] = [];
  let offset = 0;
  entries.forEach((e, i) => {
    if (e.sameDataAs === undefined) {
      const local = localRecord(e);
      offsets[i] = offset;
      out.push(local);
      offset += local.length;
    } else offsets[i] = offsets[e.sameDataAs]!;
    central.push(centralRecord(e, offsets[i]!));
  });
  const cd = Buffer.concat(central);
  return new Uint8Array(Buffer.concat([...out, cd, endRecord(entries.length, cd.length, offset, opts.zip64Marker)]));
}

/**
 * Overlapping entries without a name out of place: the last entry's local record is stored as the DATA of an extra
 * stored entry just before it, so one piece of the file is read twice under two names (the "quoted local header" of
 * non-recursive zip bombs). Every header agrees with its central record.
 */
export function quotingZip(entries: RawEntry[], outerName: string): Uint8Array {
  const inner = entries.at(-1)!;
  const innerLocal = localRecord(inner);
  const outer: RawEntry = {
    name: outerName,
    data: innerLocal,
    method: 0,
    crc: zlib.crc32(innerLocal),
    size: innerLocal.length,
  };
  const out: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries.slice(0, -1)) {
    const local = localRecord(e);
    central.push(centralRecord(e, offset));
    out.push(local);
    offset += local.length;
  }
  const outerLocal = localRecord(outer);
  central.push(centralRecord(outer, offset));
  central.push(centralRecord(inner, offset + outerLocal.length - innerLocal.length));
  out.push(outerLocal);
  offset += outerLocal.length;
  const cd = Buffer.concat(central);
  return new Uint8Array(Buffer.concat([...out, cd, endRecord(entries.length + 1, cd.length, offset)]));
}

/**
 * An entry whose content is `head`, then `unit` repeated until `repeatBytes`, then `tail`, deflated without ever
 * holding the whole content: a block of ~1 MB of units is deflated once with a full flush (so it refers to nothing
 * before it) and repeated. Inflates to `repeatBytes` (gigabytes, if asked) from a few kilobytes per gigabyte.
 */
export function bombEntry(
  name: string,
  parts: { head: string; unit: string; repeatBytes: number; tail: string },
  declaredSize?: number,
): RawEntry {
  const full = { finishFlush: zlib.constants.Z_FULL_FLUSH, level: 9 };
  const unit = Buffer.from(parts.unit, 'utf8');
  const perBlock = Math.max(1, Math.floor((1 << 20) / unit.length));
  const block = Buffer.alloc(unit.length * perBlock);
  for (let i = 0; i < perBlock; i++) unit.copy(block, i * unit.length);
  const blocks = Math.max(1, Math.round(parts.repeatBytes / block.length));
  const head = Buffer.from(parts.head, 'utf8');
  const tail = Buffer.from(parts.tail, 'utf8');
  const packedBlock = zlib.deflateRawSync(block, full);
  const data = Buffer.concat([
    zlib.deflateRawSync(head, full),
    ...Array.from({ length: blocks }, () => packedBlock),
    zlib.deflateRawSync(tail),
  ]);
  let crc = zlib.crc32(head);
  for (let i = 0; i < blocks; i++) crc = zlib.crc32(block, crc);
  crc = zlib.crc32(tail, crc);
  const size = head.length + block.length * blocks + tail.length;
  return { name, data, method: 8, crc, size: declaredSize ?? Math.min(size, 0xfffffffe) };
}

// ───────────────────────────── a workbook, part by part ─────────────────────────────

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const NS_R = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** A cell as written: text (a shared string), a number, nothing, or raw XML (`{ref}` is replaced by the address). */
export type Cell = string | number | null | { raw: string };

export interface SheetSpec {
  name: string;
  rows: Cell[][];
  /** XML between <worksheet> and <sheetData> (e.g. a <dimension>, <cols>) */
  before?: string;
  /** XML after </sheetData> (e.g. <mergeCells>, <dataValidations>) */
  after?: string;
  /** replaces the whole <sheetData> element */
  sheetData?: string;
}

export function columnLetters(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

export const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Styles: xf 0 General, xf 1 a date (numFmtId 14), xf 2 two decimals. */
export const STYLES =
  `${XML_HEAD}<styleSheet ${NS}><numFmts count="1"><numFmt numFmtId="164" formatCode="0.00"/></numFmts>` +
  '<fonts count="1"><font><sz val="11"/><name val="宋体"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
  '<xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
  '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs></styleSheet>';

export interface WorkbookSpec {
  sheets: SheetSpec[];
  /** replaces a part's text after it is built (or adds a part); null removes it */
  parts?: Record<string, string | Uint8Array | null>;
  /** extra XML inside <workbook> after <sheets> (e.g. <definedNames>) */
  workbookExtra?: string;
}

/** The parts of a workbook: content types, rels, workbook, sheets, shared strings, styles. */
export function workbookParts(spec: WorkbookSpec): Map<string, string | Uint8Array> {
  const strings: string[] = [];
  const index = new Map<string, number>();
  const shared = (s: string) => {
    let i = index.get(s);
    if (i === undefined) {
      i = strings.length;
      strings.push(s);
      index.set(s, i);
    }
    return i;
  };
  const parts = new Map<string, string | Uint8Array>();
  spec.sheets.forEach((sheet, n) => {
    const rows = sheet.rows.map((row, r) => {
      const cells = row.map((v, c) => {
        const ref = `${columnLetters(c + 1)}${r + 1}`;
        if (v === null) return '';
        if (typeof v === 'number') return `<c r="${ref}"><v>${v}</v></c>`;
        if (typeof v === 'string') return `<c r="${ref}" t="s"><v>${shared(v)}</v></c>`;
        return v.raw.replace(/\{ref\}/g, ref);
      });
      return `<row r="${r + 1}">${cells.join('')}</row>`;
    });
    const data = sheet.sheetData ?? `<sheetData>${rows.join('')}</sheetData>`;
    parts.set(
      `xl/worksheets/sheet${n + 1}.xml`,
      `${XML_HEAD}<worksheet ${NS} ${NS_R}>${sheet.before ?? ''}${data}${sheet.after ?? ''}</worksheet>`,
    );
  });
  const n = spec.sheets.length;
  const sheetList = spec.sheets.map(
    (s, i) => `<sheet name="${escapeXml(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`,
  );
  parts.set(
    '[Content_Types].xml',
    `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
      spec.sheets
        .map(
          (_, i) =>
            `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
        )
        .join('') +
      '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' +
      '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
      '</Types>',
  );
  parts.set(
    '_rels/.rels',
    `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
      `<Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  );
  parts.set(
    'xl/workbook.xml',
    `${XML_HEAD}<workbook ${NS} ${NS_R}><sheets>${sheetList.join('')}</sheets>${spec.workbookExtra ?? ''}</workbook>`,
  );
  parts.set(
    'xl/_rels/workbook.xml.rels',
    `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
      spec.sheets
        .map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`)
        .join('') +
      `<Relationship Id="rId${n + 1}" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>` +
      `<Relationship Id="rId${n + 2}" Type="${REL}/styles" Target="styles.xml"/></Relationships>`,
  );
  parts.set(
    'xl/sharedStrings.xml',
    `${XML_HEAD}<sst ${NS} count="${strings.length}" uniqueCount="${strings.length}">` +
      strings.map((s) => `<si><t xml:space="preserve">${escapeXml(s)}</t></si>`).join('') +
      '</sst>',
  );
  parts.set('xl/styles.xml', STYLES);
  for (const [name, content] of Object.entries(spec.parts ?? {})) {
    if (content === null) parts.delete(name);
    else parts.set(name, content);
  }
  return parts;
}

/** The parts zipped by JSZip (deflated), in the order given. */
export async function zipParts(parts: Map<string, string | Uint8Array>): Promise<Uint8Array> {
  const zip = new JSZip();
  for (const [name, content] of parts) zip.file(name, content);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 6 } });
}

/** The parts as honest raw entries (for zips that then get a lie added by hand). */
export const rawEntries = (parts: Map<string, string | Uint8Array>): RawEntry[] =>
  [...parts].map(([name, content]) => deflated(name, content));

// ───────────────────────────── the two tables ─────────────────────────────

/** A plan appendix for the plan importer (a new 十五五 plan) … */
export const PLAN_SHEET = '附件1';
export const PLAN_TITLE = '磐安县市场监督管理“十五五”规划主要指标（2026-2030年）';
/** … and a section's returned collection workbook for the values importer (the embedded 十四五 plan, 2022). */
export const VALUES_SHEET = '主要指标';
const NAME_1 = '在册市场主体总量（万户）';
const NAME_2 = '公司制企业占企业总数比重（%）';

/** What a content case puts in the tables: the value cell of the first indicator, its name cell. */
export interface TableEdits {
  value?: Cell;
  name?: Cell;
  /** an extra cell right of the table in the indicator's row */
  extra?: Cell;
}

export function planRows(e: TableEdits = {}): Cell[][] {
  return [
    ['附件1'],
    [PLAN_TITLE],
    ['类别', '序号', '指标名称', '2025年基期值', '2030年目标值'],
    ['主体活力', '1', e.name ?? NAME_1, 3.2, e.value ?? 5.5, ...(e.extra !== undefined ? [null, e.extra] : [])],
    ['主体活力', '2', NAME_2, 84, 88],
  ];
}

export function valuesRows(e: TableEdits = {}): Cell[][] {
  return [
    ['2022年度科室填报表'],
    ['序号', '指标名称', '2022年完成值', '情况说明'],
    ['1', e.name ?? NAME_1, e.value ?? 3.1, null, ...(e.extra !== undefined ? [null, e.extra] : [])],
    ['2', NAME_2, 81, null],
  ];
}

/** The plan sheet first (the plan importer reads the first table), then the values sheet. */
export function tablesSpec(e: TableEdits = {}, over: Partial<WorkbookSpec> = {}): WorkbookSpec {
  return {
    sheets: [
      { name: PLAN_SHEET, rows: planRows(e) },
      { name: VALUES_SHEET, rows: valuesRows(e) },
    ],
    ...over,
  };
}

export const tables = (e: TableEdits = {}, over: Partial<WorkbookSpec> = {}) =>
  zipParts(workbookParts(tablesSpec(e, over)));

// ───────────────────────────── the corpus ─────────────────────────────

/**
 * What an importer must do with a file: refuse it (a Chinese message matching `message`), or import it — with the
 * problems listed where `problems` is set. `either` where both are right (e.g. a workbook with 300 sheets).
 */
export interface Expectation {
  outcome: 'rejected' | 'imported' | 'either';
  message?: RegExp;
}

export interface HostileCase {
  id: string;
  /** what the file is, for the report */
  label: string;
  /** the file name as the clerk picked it */
  name: string;
  build: () => Promise<Uint8Array> | Uint8Array;
  values: Expectation;
  plan: Expectation;
  /** run alone in its own process (its peak memory is its own); cheap cases share one */
  alone?: boolean;
}

export interface CorpusInputs {
  /** a real exported workbook (the annual 年度完成情况表) to truncate, corrupt, encrypt and convert */
  annual: Uint8Array;
  /** a real exported PDF */
  pdf: Uint8Array;
  /** the annual workbook converted to .xls by LibreOffice (null: LibreOffice missing, case left out) */
  xls: Uint8Array | null;
  /** officecrypto-tool's encrypt */
  encrypt: (bytes: Buffer, password: string) => Buffer;
}

const both = (e: Expectation) => ({ values: e, plan: e });
const refused = (message: RegExp): Expectation => ({ outcome: 'rejected', message });
const MB = 1024 * 1024;

const DAMAGED = /损坏/;
const BOMB = /压缩炸弹|解压后.*过大|解压后.*不符|过大/;

/** Repeats `s` into a string of about `bytes` UTF-8 bytes. */
function filler(s: string, bytes: number): string {
  return s.repeat(Math.max(1, Math.ceil(bytes / Buffer.byteLength(s))));
}

/** Text of `chars` characters drawn from 64 CJK characters by a fixed generator: compresses about 4:1, not 1000:1. */
function variedText(chars: number): string {
  const alphabet =
    '甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥金木水火土日月星山川河海风雨雷电春夏秋冬东南西北上中下左右前后天地人和安';
  let x = 2463534242;
  const out: string[] = [];
  for (let i = 0; i < chars; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out.push(alphabet[(x >>> 0) % 64]!);
  }
  return out.join('');
}

/** Shared strings XML with `count` more strings of `chars` varied characters before </sst>. */
function withStrings(sst: string, count: number, chars: number): string {
  const text = variedText(count * chars);
  const extra: string[] = [];
  for (let i = 0; i < count; i++) extra.push(`<si><t>${text.slice(i * chars, (i + 1) * chars)}</t></si>`);
  return sst.replace('</sst>', `${extra.join('')}</sst>`);
}

/** Shared strings XML with `count` more rich-text strings of `runs` formatted runs each. */
function withRichStrings(sst: string, count: number, runs: number): string {
  const text = variedText(count * runs * 4);
  const extra: string[] = [];
  for (let i = 0; i < count; i++) {
    const r: string[] = [];
    for (let k = 0; k < runs; k++) {
      const t = text.slice((i * runs + k) * 4, (i * runs + k) * 4 + 4);
      r.push(`<r><rPr><b/><sz val="${((i + k) % 20) + 8}"/><rFont val="宋体"/></rPr><t>${t}</t></r>`);
    }
    extra.push(`<si>${r.join('')}</si>`);
  }
  return sst.replace('</sst>', `${extra.join('')}</sst>`);
}

/** styles.xml with `count` more cell formats (each with an <alignment> child when `aligned`), not too compressible. */
function withFormats(count: number, aligned: boolean): string {
  const n = noise(count * 4);
  const xfs: string[] = [];
  for (let i = 0; i < count; i++) {
    const fmt = parseInt(n.slice(i * 4, i * 4 + 2), 16) % 50;
    const body = aligned ? `><alignment horizontal="center" wrapText="${n[i * 4 + 2]}"/></xf>` : '/>';
    xfs.push(
      `<xf numFmtId="${fmt}" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="${n[i * 4 + 3]}"${body}`,
    );
  }
  return STYLES.replace(
    /<cellXfs count="3">(.*)<\/cellXfs>/,
    (_m, own: string) => `<cellXfs count="${count + 3}">${own}${xfs.join('')}</cellXfs>`,
  );
}

/** Hex noise of `n` characters (compresses about 2:1). */
function noise(n: number, seed = 88172645): string {
  let x = seed;
  let s = '';
  while (s.length < n) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    s += (x >>> 0).toString(16).padStart(8, '0');
  }
  return s.slice(0, n);
}

/** Rows `first..last` as `<row r="N"><c r="AN"><v>N</v></c></row>`, joined. */
function numberedRows(count: number, withCell: boolean): string {
  const out: string[] = [];
  for (let r = 1; r <= count; r++)
    out.push(withCell ? `<row r="${r}"><c r="A${r}"><v>${r}</v></c></row>` : `<row r="${r}"/>`);
  return out.join('');
}

export function hostileCorpus(inputs: CorpusInputs): HostileCase[] {
  const annual = Buffer.from(inputs.annual);
  const L = annual.length;
  const cases: HostileCase[] = [];
  const add = (c: HostileCase) => cases.push(c);

  // ── controls: a good file, and good files with odd but harmless parts ──
  add({
    id: 'control',
    label: 'a good workbook (both tables)',
    name: '正常.xlsx',
    build: () => tables(),
    ...both({ outcome: 'imported' }),
  });
  add({
    id: 'dimension-lies',
    label: 'a good workbook whose <dimension> claims A1:XFD1048576',
    name: '尺寸不实.xlsx',
    build: () =>
      tables({}, { sheets: tablesSpec().sheets.map((s) => ({ ...s, before: '<dimension ref="A1:XFD1048576"/>' })) }),
    ...both({ outcome: 'imported' }),
  });
  add({
    id: 'validation-whole-column',
    label: 'a good workbook with a data validation on a whole column (as Excel writes it)',
    name: '整列数据验证.xlsx',
    build: () =>
      tables(
        {},
        {
          sheets: tablesSpec().sheets.map((s) => ({
            ...s,
            after:
              '<dataValidations count="1"><dataValidation type="decimal" allowBlank="1" sqref="C1:E1048576">' +
              '<formula1>0</formula1><formula2>100000</formula2></dataValidation></dataValidations>',
          })),
        },
      ),
    ...both({ outcome: 'imported' }),
  });
  add({
    id: 'hyperlink-without-rel',
    label: 'a hyperlink whose relationship is missing',
    name: '超链接.xlsx',
    build: () =>
      tables(
        {},
        {
          sheets: tablesSpec().sheets.map((s) => ({
            ...s,
            after: '<hyperlinks><hyperlink ref="B1" r:id="rId99"/></hyperlinks>',
          })),
        },
      ),
    ...both({ outcome: 'either', message: DAMAGED }),
  });

  // ── truncated and corrupted ──
  // Cut after the first N bytes, at a fraction of the file, or with the last N bytes missing (ids do not depend on L).
  const cuts: [string, number][] = [
    ...[1, 2, 3, 4, 10, 21, 22, 30, 100, 1000].map((n): [string, number] => [`first-${n}`, n]),
    ...[25, 50, 75, 90].map((p): [string, number] => [`${p}pct`, Math.floor((L * p) / 100)]),
    ...[1000, 100, 23, 22, 21, 1].map((n): [string, number] => [`without-last-${n}`, L - n]),
  ];
  for (const [id, at] of cuts) {
    add({
      id: `truncated-${id}`,
      label: `the annual workbook cut after ${at} of ${L} bytes`,
      name: `半截-${id}.xlsx`,
      build: () => new Uint8Array(annual.subarray(0, at)),
      ...both(refused(DAMAGED)),
    });
  }
  for (const at of [0.1, 0.5, 0.8]) {
    add({
      id: `bitflip-${at}`,
      label: `the annual workbook with 16 bytes overwritten at ${at * 100}%`,
      name: `坏块${at}.xlsx`,
      build: () => {
        const b = Buffer.from(annual);
        const p = Math.floor(L * at);
        for (let i = 0; i < 16; i++) b[p + i] = (b[p + i]! ^ 0x5a) & 0xff;
        return new Uint8Array(b);
      },
      ...both(refused(/损坏|不是有效|异常/)),
    });
  }

  // ── zip bombs ──
  const sheetHead = `${XML_HEAD}<worksheet ${NS}><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>`;
  const sheetTail = '</t></is></c></row></sheetData></worksheet>';
  const bombWorkbook = (bomb: RawEntry, extra: RawEntry[] = []) => {
    const parts = workbookParts(tablesSpec());
    const entries = rawEntries(parts).map((e) => (e.name === bomb.name ? bomb : e));
    if (!parts.has(bomb.name)) entries.push(bomb);
    return rawZip([...entries, ...extra]);
  };
  add({
    id: 'bomb-honest-2gb',
    label: 'a sheet that inflates to 2 GB, its size written truthfully',
    name: '炸弹-如实.xlsx',
    build: () =>
      bombWorkbook(
        bombEntry('xl/worksheets/sheet1.xml', { head: sheetHead, unit: ' ', repeatBytes: 2048 * MB, tail: sheetTail }),
      ),
    ...both(refused(BOMB)),
  });
  add({
    id: 'bomb-lying-2gb',
    label: 'a sheet that inflates to 2 GB but declares 1 KB in the central directory',
    name: '炸弹-谎报.xlsx',
    alone: true,
    build: () =>
      bombWorkbook(
        bombEntry(
          'xl/worksheets/sheet1.xml',
          { head: sheetHead, unit: ' ', repeatBytes: 2048 * MB, tail: sheetTail },
          1024,
        ),
      ),
    ...both(refused(BOMB)),
  });
  add({
    id: 'bomb-lying-text-600mb',
    label: 'shared strings inflating to 600 MB of text, declared 50 KB (a string V8 cannot hold)',
    name: '炸弹-文字.xlsx',
    alone: true,
    build: () =>
      bombWorkbook(
        bombEntry(
          'xl/sharedStrings.xml',
          {
            head: `${XML_HEAD}<sst ${NS} count="1"><si><t>`,
            unit: '炸',
            repeatBytes: 600 * MB,
            tail: '</t></si></sst>',
          },
          50_000,
        ),
      ),
    ...both(refused(BOMB)),
  });
  add({
    id: 'bomb-lying-media',
    label: 'an image that inflates to 1 GB, declared 10 KB (never unpacked: PlanDesk reads no images)',
    name: '炸弹-图片.xlsx',
    alone: true,
    build: () =>
      bombWorkbook(
        bombEntry('xl/media/image1.png', { head: '', unit: '\0', repeatBytes: 1024 * MB, tail: '' }, 10_000),
      ),
    ...both({ outcome: 'imported' }),
  });
  add({
    id: 'bomb-lying-unknown-part',
    label: 'a part nobody reads (customXml) that inflates to 1 GB, declared 10 KB (never unpacked)',
    name: '炸弹-附加.xlsx',
    alone: true,
    build: () =>
      bombWorkbook(
        bombEntry('customXml/item1.xml', { head: '<a>', unit: 'x', repeatBytes: 1024 * MB, tail: '</a>' }, 10_000),
      ),
    ...both({ outcome: 'imported' }),
  });
  add({
    id: 'bomb-overlapping',
    label: '2000 central records pointing at one 30 MB entry (overlapping files), each declared 1 KB',
    name: '炸弹-重叠.xlsx',
    alone: true,
    build: () => {
      const parts = workbookParts(tablesSpec());
      const entries = rawEntries(parts);
      const shared = bombEntry(
        'xl/worksheets/sheet9.xml',
        { head: sheetHead, unit: ' ', repeatBytes: 30 * MB, tail: sheetTail },
        1024,
      );
      const first = entries.length;
      entries.push(shared);
      for (let i = 1; i < 2000; i++)
        entries.push({ ...shared, name: `xl/worksheets/sheet${10 + i}.xml`, sameDataAs: first });
      return rawZip(entries);
    },
    ...both(refused(/压缩炸弹|过大|不符|异常|损坏/)),
  });
  add({
    id: 'bomb-overlapping-quoted',
    label: 'a stored entry whose data is the next entry’s local header and data (overlap, every name consistent)',
    name: '炸弹-嵌套引用.xlsx',
    build: () => quotingZip(rawEntries(workbookParts(tablesSpec())), 'customXml/item1.xml'),
    ...both(refused(/共用同一段数据/)),
  });
  add({
    id: 'nested-compressible',
    label: 'a sheet of 5 million nested elements (<a><a><a>…, 25 MB, compresses 1000:1)',
    name: '嵌套.xlsx',
    alone: true,
    build: () => {
      const depth = 5_000_000;
      const xml = `${XML_HEAD}<worksheet ${NS}><sheetData>${'<a>'.repeat(depth)}${'</a>'.repeat(depth)}</sheetData></worksheet>`;
      return bombWorkbook(deflated('xl/worksheets/sheet1.xml', xml));
    },
    ...both(refused(/压缩炸弹|过大|层|嵌套/)),
  });
  add({
    id: 'nested-noisy',
    label: 'a sheet of 1 million nested elements with random attributes (30 MB, compresses 3:1)',
    name: '嵌套-杂乱.xlsx',
    alone: true,
    build: () => {
      const depth = 1_000_000;
      const n = noise(depth * 8);
      const open: string[] = [];
      for (let i = 0; i < depth; i++) open.push(`<a b="${n.slice(i * 8, i * 8 + 8)}">`);
      const xml = `${XML_HEAD}<worksheet ${NS}><sheetData><row r="1">${open.join('')}${'</a>'.repeat(depth)}</row></sheetData></worksheet>`;
      return bombWorkbook(deflated('xl/worksheets/sheet2.xml', xml));
    },
    ...both(refused(/层|嵌套|过大/)),
  });

  // ── size: rows, columns, sheets, strings ──
  add({
    id: 'rows-1e6',
    label: 'a sheet with 10^6 rows of one number each (38 MB of XML)',
    name: '百万行.xlsx',
    alone: true,
    build: () =>
      tables(
        {},
        {
          sheets: [
            { name: VALUES_SHEET, rows: [], sheetData: `<sheetData>${numberedRows(1_000_000, true)}</sheetData>` },
          ],
        },
      ),
    ...both(refused(/行/)),
  });
  add({
    id: 'rows-1e6-empty',
    label: 'a sheet with 10^6 empty rows (16 MB of XML, below the size limits)',
    name: '百万空行.xlsx',
    alone: true,
    build: () =>
      tables(
        {},
        {
          sheets: [
            ...tablesSpec().sheets,
            { name: '空行', rows: [], sheetData: `<sheetData>${numberedRows(1_000_000, false)}</sheetData>` },
          ],
        },
      ),
    ...both(refused(/行/)),
  });
  add({
    id: 'row-far-away',
    label: 'one cell at XFD1048576',
    name: '远处单元格.xlsx',
    build: () =>
      tables(
        {},
        {
          sheets: [
            ...tablesSpec().sheets,
            {
              name: '远处',
              rows: [],
              sheetData: '<sheetData><row r="1048576"><c r="XFD1048576"><v>1</v></c></row></sheetData>',
            },
          ],
        },
      ),
    ...both(refused(/行|列/)),
  });
  add({
    id: 'row-numbers-bogus',
    label: 'rows numbered "abc", -5 and 0, a cell at A0 and one past the last column (XFE1)',
    name: '行号异常.xlsx',
    build: () =>
      tables(
        {},
        {
          sheets: [
            ...tablesSpec().sheets,
            {
              name: '行号',
              rows: [],
              sheetData:
                '<sheetData><row r="abc"><c r="A0"><v>1</v></c></row><row r="-5"><c r="B-5"><v>2</v></c></row>' +
                '<row r="0"><c r="XFE1"><v>3</v></c></row></sheetData>',
            },
          ],
        },
      ),
    ...both({ outcome: 'either', message: /损坏|行|列/ }),
  });
  add({
    id: 'columns-16384',
    label: 'a row with 16384 cells (A…XFD)',
    name: '16384列.xlsx',
    build: () =>
      tables(
        {},
        {
          sheets: [...tablesSpec().sheets, { name: '宽表', rows: [Array.from({ length: 16384 }, (_, i) => i + 1)] }],
        },
      ),
    ...both(refused(/列/)),
  });
  add({
    id: 'cells-dense',
    label: '2000 rows × 200 columns of numbers (400,000 cells, 13 MB of XML)',
    name: '密集.xlsx',
    alone: true,
    build: () =>
      tables(
        {},
        {
          sheets: [
            ...tablesSpec().sheets,
            {
              name: '密集',
              rows: Array.from({ length: 2000 }, (_, r) => Array.from({ length: 200 }, (_, c) => r * 200 + c)),
            },
          ],
        },
      ),
    ...both(refused(/单元格|过大/)),
  });
  add({
    id: 'cells-near-limit',
    label: 'a sheet of 7,500 rows × 10 numbers (75,000 cells, just inside the limit): read, within the memory budget',
    name: '大表.xlsx',
    alone: true,
    build: () =>
      tables(
        {},
        {
          sheets: [
            ...tablesSpec().sheets,
            {
              name: '大表',
              rows: Array.from({ length: 7_500 }, (_, r) => Array.from({ length: 10 }, (_, c) => r * 10 + c + 0.25)),
            },
          ],
        },
      ),
    ...both({ outcome: 'imported' }),
  });
  add({
    id: 'strings-30mb',
    label: '10,000 distinct shared strings of 1000 characters (30 MB of XML)',
    name: '大量文字.xlsx',
    alone: true,
    build: () => {
      const parts = workbookParts(tablesSpec());
      parts.set('xl/sharedStrings.xml', withStrings(String(parts.get('xl/sharedStrings.xml')), 10_000, 1000));
      return zipParts(parts);
    },
    ...both(refused(/单元格文字.*解压后有|过大/)),
  });
  add({
    id: 'styles-300000',
    label: 'a styles.xml with 300,000 cell formats (Excel allows 64,000)',
    name: '样式膨胀.xlsx',
    alone: true,
    build: () => tables({}, { parts: { 'xl/styles.xml': withFormats(300_000, false) } }),
    ...both(refused(/样式/)),
  });
  add({
    id: 'limits-combined',
    label:
      'everything just inside the limits at once: 75,000 styled cells, 30,000 cell formats, 9,000 rich-text strings',
    name: '极限.xlsx',
    alone: true,
    build: () => {
      const parts = workbookParts(tablesSpec());
      const strings = String(parts.get('xl/sharedStrings.xml'));
      const own = (strings.match(/<si>/g) ?? []).length;
      parts.set('xl/sharedStrings.xml', withRichStrings(strings, 9_000, 5));
      parts.set('xl/styles.xml', withFormats(30_000, true));
      const rows: string[] = [];
      for (let r = 1; r <= 7_500; r++) {
        const cells: string[] = [];
        for (let c = 0; c < 10; c++) {
          const ref = `${columnLetters(c + 1)}${r}`;
          const s = (r * 10 + c) % 30_000;
          cells.push(
            c % 2 === 0
              ? `<c r="${ref}" s="${s}" t="s"><v>${own + ((r * 10 + c) % 9_000)}</v></c>`
              : `<c r="${ref}" s="${s}"><v>${r * c + 0.5}</v></c>`,
          );
        }
        rows.push(`<row r="${r}">${cells.join('')}</row>`);
      }
      const big = workbookParts({
        sheets: [
          ...tablesSpec().sheets,
          { name: '极限', rows: [], sheetData: `<sheetData>${rows.join('')}</sheetData>` },
        ],
      });
      for (const name of ['xl/worksheets/sheet3.xml', 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels']) {
        parts.set(name, big.get(name)!);
      }
      return zipParts(parts);
    },
    ...both({ outcome: 'imported' }),
  });
  add({
    id: 'inline-8mb',
    label: 'a cell holding 8 MB of inline text (one text run, refused before parsing)',
    name: '超长单元格.xlsx',
    alone: true,
    build: () => tables({ value: { raw: `<c r="{ref}" t="inlineStr"><is><t>${variedText(2_700_000)}</t></is></c>` } }),
    ...both(refused(/文字长达/)),
  });
  add({
    id: 'sheets-300',
    label: 'a workbook with 300 sheets, each holding the tables',
    name: '300张表.xlsx',
    alone: true,
    build: () =>
      tables(
        {},
        {
          sheets: Array.from({ length: 300 }, (_, i) =>
            i % 2 === 0 ? { name: `附件${i + 1}`, rows: planRows() } : { name: `主要指标${i + 1}`, rows: valuesRows() },
          ),
        },
      ),
    ...both({ outcome: 'either', message: /工作表/ }),
  });
  add({
    id: 'entries-9000',
    label: 'a zip with 9000 extra small entries',
    name: '碎片.xlsx',
    alone: true,
    build: () => {
      const parts = workbookParts(tablesSpec());
      for (let i = 0; i < 9000; i++) parts.set(`customXml/item${i}.xml`, `<a>${i}</a>`);
      return zipParts(parts);
    },
    ...both({ outcome: 'either', message: /文件|部件/ }),
  });
  add({
    id: 'string-50mb',
    label: 'one shared string of 50 MB (varied text, compresses 4:1)',
    name: '超长文字.xlsx',
    alone: true,
    build: () => tables({ name: variedText((50 * MB) / 3) }),
    ...both(refused(/过长|过大|文字/)),
  });
  add({
    id: 'string-50mb-repetitive',
    label: 'one shared string of 50 MB (one character repeated)',
    name: '超长文字2.xlsx',
    alone: true,
    build: () => tables({ name: filler('长', 50 * MB) }),
    ...both(refused(/过长|过大|文字|压缩炸弹/)),
  });
  add({
    id: 'cell-1mb',
    label: 'an indicator name of 1 MB (a shared string)',
    name: '长单元格.xlsx',
    alone: true,
    build: () => tables({ name: variedText(MB / 3) }),
    ...both(refused(/过长|字符/)),
  });
  add({
    id: 'inline-1mb',
    label: 'a value cell holding 1 MB of inline text',
    name: '长单元格2.xlsx',
    alone: true,
    build: () => tables({ value: { raw: `<c r="{ref}" t="inlineStr"><is><t>${variedText(MB / 3)}</t></is></c>` } }),
    ...both(refused(/过长|字符/)),
  });
  add({
    id: 'cell-32767',
    label: 'an indicator name of 32767 characters (the most Excel allows)',
    name: '长名称.xlsx',
    build: () => tables({ name: variedText(32767) }),
    values: refused(/找不到/),
    plan: { outcome: 'either', message: /过长|名称/ },
  });

  // ── content: formulas, dates and other values that are not values ──
  add({
    id: 'formula',
    label: 'a formula (with its cached result) in the value cell',
    name: '公式.xlsx',
    build: () => tables({ value: { raw: '<c r="{ref}"><f>SUM(1,2)</f><v>3</v></c>' } }),
    ...both(refused(/公式/)),
  });
  add({
    id: 'formula-no-cache',
    label: 'a formula without a cached result, and a shared formula follower',
    name: '公式2.xlsx',
    build: () =>
      tables({
        value: { raw: '<c r="{ref}"><f t="shared" ref="{ref}" si="0">1/0</f></c>' },
        extra: { raw: '<c r="{ref}"><f t="shared" si="0"/></c>' },
      }),
    ...both(refused(/公式/)),
  });
  add({
    id: 'date',
    label: 'a date (numFmtId 14) in the value cell',
    name: '日期.xlsx',
    build: () => tables({ value: { raw: '<c r="{ref}" s="1"><v>44625</v></c>' } }),
    ...both(refused(/日期/)),
  });
  add({
    id: 'error-value',
    label: 'an error value #DIV/0! in the value cell',
    name: '错误值.xlsx',
    build: () => tables({ value: { raw: '<c r="{ref}" t="e"><v>#DIV/0!</v></c>' } }),
    ...both(refused(/错误值/)),
  });
  add({
    id: 'bool-value',
    label: 'a boolean in the value cell',
    name: '逻辑值.xlsx',
    build: () => tables({ value: { raw: '<c r="{ref}" t="b"><v>1</v></c>' } }),
    ...both(refused(/逻辑值/)),
  });
  add({
    id: 'huge-number',
    label: 'a number of 400 digits in the value cell (parses as Infinity)',
    name: '大数.xlsx',
    build: () => tables({ value: { raw: `<c r="{ref}"><v>${'9'.repeat(400)}</v></c>` } }),
    ...both({ outcome: 'either', message: /数|Infinity/ }),
  });

  // ── XML that is not XML, and XML that expands ──
  const withSheet1 = (xml: string) => tables({}, { parts: { 'xl/worksheets/sheet1.xml': xml } });
  add({
    id: 'xml-unclosed',
    label: 'a sheet whose XML stops in the middle (unclosed tags)',
    name: '未闭合.xlsx',
    build: () => withSheet1(`${XML_HEAD}<worksheet ${NS}><sheetData><row r="1"><c r="A1"><v>1</v>`),
    ...both(refused(/XML|损坏/)),
  });
  add({
    id: 'xml-mismatched',
    label: 'a sheet with mismatched tags',
    name: '标签错乱.xlsx',
    build: () =>
      withSheet1(
        `${XML_HEAD}<worksheet ${NS}><sheetData><row r="1"><c r="A1"><v>1</c></v></row></sheetData></worksheet>`,
      ),
    ...both(refused(/XML|损坏/)),
  });
  add({
    id: 'xml-bad-entity',
    label: 'shared strings with an undefined entity (&nbsp;) and a bad character reference (&#0;)',
    name: '坏实体.xlsx',
    build: () =>
      tables(
        {},
        {
          parts: {
            'xl/sharedStrings.xml': `${XML_HEAD}<sst ${NS} count="2"><si><t>甲&nbsp;乙</t></si><si><t>&#0;</t></si></sst>`,
          },
        },
      ),
    ...both(refused(/XML|损坏/)),
  });
  add({
    id: 'xml-garbage',
    label: 'a workbook.xml of binary garbage',
    name: '乱码部件.xlsx',
    build: () => tables({}, { parts: { 'xl/workbook.xml': Buffer.from(noise(4000), 'hex') } }),
    ...both(refused(/XML|损坏/)),
  });
  add({
    id: 'xml-utf16',
    label: 'a workbook.xml in UTF-16',
    name: 'UTF16.xlsx',
    build: async () => {
      const parts = workbookParts(tablesSpec());
      const text = String(parts.get('xl/workbook.xml')).replace('encoding="UTF-8"', 'encoding="UTF-16"');
      parts.set('xl/workbook.xml', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
      return zipParts(parts);
    },
    ...both({ outcome: 'either', message: /XML|损坏|编码/ }),
  });
  const laughs =
    '<!DOCTYPE sst [<!ENTITY lol "lol">' +
    Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i === 0 ? '' : i};`.repeat(10)}">`).join('') +
    ']>';
  add({
    id: 'billion-laughs',
    label: 'shared strings with a billion-laughs entity expansion (DOCTYPE with nested ENTITY)',
    name: '实体膨胀.xlsx',
    build: () =>
      tables(
        {},
        {
          parts: {
            'xl/sharedStrings.xml': `${XML_HEAD}${laughs}<sst ${NS} count="1"><si><t>&lol9;</t></si></sst>`,
          },
        },
      ),
    ...both(refused(/DOCTYPE|实体|DTD/)),
  });
  add({
    id: 'xxe',
    label: 'a workbook.xml with an external entity (XXE: SYSTEM "file:///etc/passwd")',
    name: '外部实体.xlsx',
    build: async () => {
      const parts = workbookParts(tablesSpec());
      const text = String(parts.get('xl/workbook.xml'))
        .replace(XML_HEAD, `${XML_HEAD}<!DOCTYPE workbook [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>`)
        .replace('name="附件1"', 'name="&xxe;"');
      parts.set('xl/workbook.xml', text);
      return zipParts(parts);
    },
    ...both(refused(/DOCTYPE|实体|DTD/)),
  });
  add({
    id: 'doctype-plain',
    label: 'a styles.xml with a harmless-looking internal DOCTYPE',
    name: 'DTD.xlsx',
    build: () =>
      tables({}, { parts: { 'xl/styles.xml': STYLES.replace(XML_HEAD, `${XML_HEAD}<!DOCTYPE styleSheet>`) } }),
    ...both(refused(/DOCTYPE|实体|DTD/)),
  });

  // ── indexes that point nowhere ──
  add({
    id: 'shared-string-out-of-range',
    label: 'a cell pointing at shared string 999 of 12',
    name: '共享字符串越界.xlsx',
    build: () => tables({ name: { raw: '<c r="{ref}" t="s"><v>999</v></c>' } }),
    ...both(refused(/共享字符串|损坏/)),
  });
  add({
    id: 'shared-string-negative',
    label: 'a cell pointing at shared string -1',
    name: '共享字符串负数.xlsx',
    build: () => tables({ name: { raw: '<c r="{ref}" t="s"><v>-1</v></c>' } }),
    ...both(refused(/共享字符串|损坏/)),
  });
  add({
    id: 'shared-string-not-a-number',
    label: 'a cell pointing at shared string "abc"',
    name: '共享字符串非数.xlsx',
    build: () => tables({ name: { raw: '<c r="{ref}" t="s"><v>abc</v></c>' } }),
    ...both(refused(/共享字符串|损坏/)),
  });
  add({
    id: 'shared-strings-missing',
    label: 'text cells but no sharedStrings.xml at all',
    name: '无共享字符串.xlsx',
    build: () => tables({}, { parts: { 'xl/sharedStrings.xml': null } }),
    ...both(refused(/共享字符串|损坏/)),
  });
  add({
    id: 'style-out-of-range',
    label: 'a value cell with style index 999 of 3',
    name: '样式越界.xlsx',
    build: () => tables({ value: { raw: '<c r="{ref}" s="999"><v>3.3</v></c>' } }),
    ...both({ outcome: 'either', message: /样式|损坏/ }),
  });
  add({
    id: 'missing-sheet-part',
    label: 'a workbook listing a sheet whose part is missing',
    name: '缺工作表.xlsx',
    build: () => tables({}, { parts: { 'xl/worksheets/sheet2.xml': null } }),
    values: { outcome: 'rejected', message: /损坏|没有找到|缺/ },
    plan: { outcome: 'either', message: /损坏|缺/ },
  });

  // ── ranges a reader would walk cell by cell ──
  const afterTables = (after: string, workbookExtra?: string) =>
    tables(
      {},
      { sheets: tablesSpec().sheets.map((s) => ({ ...s, after })), ...(workbookExtra ? { workbookExtra } : {}) },
    );
  add({
    id: 'merge-whole-sheet',
    label: 'one merged range A10:XFD1048576 (17 billion cells)',
    name: '合并全表.xlsx',
    build: () => afterTables('<mergeCells count="1"><mergeCell ref="A10:XFD1048576"/></mergeCells>'),
    ...both(refused(/合并/)),
  });
  add({
    id: 'merges-overlapping',
    label: 'two merged ranges that overlap (H10:J12 and I11:K13)',
    name: '合并重叠.xlsx',
    build: () => afterTables('<mergeCells count="2"><mergeCell ref="H10:J12"/><mergeCell ref="I11:K13"/></mergeCells>'),
    ...both(refused(/重叠|损坏/)),
  });
  add({
    id: 'merges-50000',
    label: '50,000 merged ranges of two cells each',
    name: '合并五万.xlsx',
    alone: true,
    build: () => {
      const m: string[] = [];
      for (let i = 0; i < 50_000; i++) m.push(`<mergeCell ref="H${i + 10}:I${i + 10}"/>`);
      return afterTables(`<mergeCells count="${m.length}">${m.join('')}</mergeCells>`);
    },
    ...both(refused(/合并/)),
  });
  add({
    id: 'validation-whole-sheet',
    label: 'a data validation over A1:XFD1048576',
    name: '数据验证全表.xlsx',
    build: () =>
      afterTables(
        '<dataValidations count="1"><dataValidation type="whole" sqref="A1:XFD1048576"><formula1>0</formula1></dataValidation></dataValidations>',
      ),
    ...both({ outcome: 'either', message: /数据验证|过大/ }),
  });
  add({
    id: 'cols-2-billion',
    label: 'a column definition from 1 to 2147483647',
    name: '列定义.xlsx',
    build: () =>
      tables(
        {},
        {
          sheets: tablesSpec().sheets.map((s) => ({
            ...s,
            before: '<cols><col min="1" max="2147483647" width="9"/></cols>',
          })),
        },
      ),
    ...both({ outcome: 'either', message: /列|损坏/ }),
  });
  add({
    id: 'defined-name-whole-sheet',
    label: 'a defined name covering 主要指标!$A$1:$XFD$1048576',
    name: '名称全表.xlsx',
    build: () =>
      afterTables('', '<definedNames><definedName name="全表">主要指标!$A$1:$XFD$1048576</definedName></definedNames>'),
    ...both({ outcome: 'either', message: /名称|过大/ }),
  });

  // ── zips that escape, repeat or disguise their entries ──
  const withEntries = async (extra: RawEntry[], replace?: (e: RawEntry) => RawEntry) => {
    const entries = rawEntries(workbookParts(tablesSpec())).map(replace ?? ((e) => e));
    return rawZip([...entries, ...extra]);
  };
  add({
    id: 'path-traversal',
    label: 'an entry named ../../x.xml',
    name: '路径穿越.xlsx',
    build: () => withEntries([deflated('../../x.xml', '<x/>')]),
    ...both(refused(/文件名|路径/)),
  });
  add({
    id: 'path-traversal-backslash',
    label: 'an entry named ..\\..\\evil.xml',
    name: '路径穿越2.xlsx',
    build: () => withEntries([deflated('..\\..\\evil.xml', '<x/>')]),
    ...both(refused(/文件名|路径/)),
  });
  add({
    id: 'duplicate-entry',
    label: 'xl/worksheets/sheet2.xml twice, the second with other values',
    name: '重复部件.xlsx',
    build: async () => {
      const other = workbookParts(tablesSpec({ value: 999 })).get('xl/worksheets/sheet2.xml')!;
      return withEntries([deflated('xl/worksheets/sheet2.xml', other)]);
    },
    ...both(refused(/两次|重复/)),
  });
  add({
    id: 'local-name-differs',
    label: 'a central record named docProps/app.xml whose local header says xl/worksheets/sheet2.xml',
    name: '名称不符.xlsx',
    build: async () => {
      const other = workbookParts(tablesSpec({ value: 999 })).get('xl/worksheets/sheet2.xml')!;
      return withEntries([deflated('docProps/app.xml', other, { localName: 'xl/worksheets/sheet2.xml' })]);
    },
    ...both(refused(/损坏|不符|异常/)),
  });
  add({
    id: 'entry-encrypted-flag',
    label: 'a sheet entry flagged as encrypted (zip password)',
    name: '压缩包密码.xlsx',
    build: () => withEntries([], (e) => (e.name === 'xl/worksheets/sheet2.xml' ? { ...e, flags: 0x0801 } : e)),
    ...both(refused(/密码|加密/)),
  });
  add({
    id: 'entry-unknown-method',
    label: 'a sheet entry compressed with method 12 (bzip2)',
    name: '压缩方式.xlsx',
    build: () => withEntries([], (e) => (e.name === 'xl/worksheets/sheet2.xml' ? { ...e, method: 12 } : e)),
    ...both(refused(/压缩方式|损坏/)),
  });
  add({
    id: 'stored-size-lies',
    label: 'a stored (uncompressed) sheet whose declared size is larger than its data',
    name: '存储大小不符.xlsx',
    build: () =>
      withEntries([], (e) => {
        if (e.name !== 'xl/worksheets/sheet2.xml') return e;
        const raw = zlib.inflateRawSync(e.data);
        return { ...e, method: 0, data: raw, size: raw.length + 5000 };
      }),
    ...both(refused(/损坏|不符/)),
  });
  add({
    id: 'crc-wrong',
    label: 'a sheet whose CRC-32 does not match its content',
    name: '校验和.xlsx',
    build: () => withEntries([], (e) => (e.name === 'xl/worksheets/sheet2.xml' ? { ...e, crc: e.crc ^ 1 } : e)),
    ...both(refused(/损坏|校验/)),
  });
  add({
    id: 'zip64-marker',
    label: 'an end record claiming ZIP64 (65535 entries)',
    name: 'ZIP64.xlsx',
    build: () => rawZip(rawEntries(workbookParts(tablesSpec())), { zip64Marker: true }),
    ...both(refused(/ZIP64|异常|损坏/)),
  });

  // ── not workbooks at all ──
  add({
    id: 'empty-zip',
    label: 'an empty zip (no entries)',
    name: '空压缩包.xlsx',
    build: () => new JSZip().generateAsync({ type: 'uint8array' }),
    ...both(refused(/空|不是 Excel/)),
  });
  add({
    id: 'content-types-only',
    label: 'a zip holding only [Content_Types].xml',
    name: '只有类型.xlsx',
    build: () =>
      zipParts(new Map([['[Content_Types].xml', String(workbookParts(tablesSpec()).get('[Content_Types].xml'))]])),
    ...both(refused(/不是 Excel/)),
  });
  add({
    id: 'docx',
    label: 'a Word document renamed to .xlsx',
    name: '通知.xlsx',
    build: () =>
      zipParts(
        new Map([
          ['[Content_Types].xml', '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'],
          ['word/document.xml', '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>'],
        ]),
      ),
    ...both(refused(/Word/)),
  });
  add({
    id: 'csv',
    label: 'a CSV renamed to .xlsx',
    name: '表格.xlsx',
    build: () => new Uint8Array(Buffer.from('序号,指标名称,2022年完成值\n1,在册市场主体总量（万户）,3.1\n')),
    ...both(refused(/CSV/)),
  });
  add({
    id: 'csv-utf16',
    label: 'a UTF-16 text export (Excel “Unicode text”) renamed to .xlsx',
    name: '表格16.xlsx',
    build: () =>
      new Uint8Array(
        Buffer.concat([
          Buffer.from([0xff, 0xfe]),
          Buffer.from('序号\t指标名称\t2022年完成值\r\n1\t在册\t3\r\n', 'utf16le'),
        ]),
      ),
    ...both(refused(/文本|CSV/)),
  });
  add({
    id: 'html-table',
    label: 'an HTML table saved as .xls and renamed',
    name: '网页.xlsx',
    build: () => new Uint8Array(Buffer.from('<html><body><table><tr><td>序号</td></tr></table></body></html>')),
    ...both(refused(/网页/)),
  });
  add({
    id: 'pdf',
    label: 'the annual PDF renamed to .xlsx',
    name: '报表.xlsx',
    build: () => inputs.pdf,
    ...both(refused(/PDF/)),
  });
  if (inputs.xls) {
    const xls = inputs.xls;
    add({
      id: 'xls',
      label: 'the annual workbook converted to .xls by LibreOffice, renamed',
      name: '旧版.xlsx',
      build: () => xls,
      ...both(refused(/旧版 Excel/)),
    });
  }
  add({
    id: 'encrypted',
    label: 'the annual workbook with an opening password (officecrypto-tool)',
    name: '加密.xlsx',
    build: () => new Uint8Array(inputs.encrypt(annual, 'secret')),
    ...both(refused(/密码/)),
  });
  add({
    id: 'oversize',
    label: '21 MB of zip (over the 20 MB limit)',
    name: '超大.xlsx',
    alone: true,
    build: () => new Uint8Array(Buffer.concat([annual, Buffer.alloc(21 * MB)])),
    ...both(refused(/20 MB/)),
  });
  return cases;
}
