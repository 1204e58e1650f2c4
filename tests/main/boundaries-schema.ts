// Arguments for every channel of the contract, derived from its zod schema (through z.toJSONSchema): valid ones,
// and malformed ones that are wrong by construction at one place (a wrong type, a missing required key, an extra key,
// a number out of range, a string too long or not matching, too many or too few items, junk nested anywhere).
// Whether a mutation really breaks the arguments is decided here by a small JSON-Schema checker of our own, not by
// zod: the tests then prove that zod, and so dispatch(), refuses each of them (a non-strict object or an unbounded
// string in a new channel shows up as a failure instead of passing unnoticed).
import fc from 'fast-check';
import { z } from 'zod';

/** The subset of JSON Schema that z.toJSONSchema produces for the contract. */
export interface JsonSchema {
  type?: 'object' | 'array' | 'string' | 'integer' | 'number' | 'boolean' | 'null';
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
  enum?: unknown[];
  const?: unknown;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  anyOf?: JsonSchema[];
  default?: unknown;
  $schema?: string;
}

const KNOWN_KEYWORDS = new Set([
  'type',
  'properties',
  'required',
  'additionalProperties',
  'items',
  'minItems',
  'maxItems',
  'minLength',
  'maxLength',
  'pattern',
  'enum',
  'const',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'anyOf',
  'default',
  '$schema',
  'description',
]);

/** The schema of what a caller may send; throws on a construct this generator does not know (extend it then). */
export function inputJsonSchema(schema: z.ZodType, where: string): JsonSchema {
  const js = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'throw' }) as JsonSchema;
  const check = (s: JsonSchema, at: string) => {
    for (const k of Object.keys(s)) {
      if (!KNOWN_KEYWORDS.has(k)) throw new Error(`${where}${at}: JSON Schema keyword "${k}" is not handled`);
    }
    for (const [k, p] of Object.entries(s.properties ?? {})) check(p, `${at}.${k}`);
    if (s.items) check(s.items, `${at}[]`);
    s.anyOf?.forEach((b, i) => check(b, `${at}|${i}`));
    if (typeof s.additionalProperties === 'object') check(s.additionalProperties, `${at}.*`);
  };
  check(js, '');
  return js;
}

// ---------------------------------------------------------------------------------------------------------------
// An independent checker: does `value` conform to `s`? (What JSON Schema says; zod may be stricter, never looser:
// it trims before measuring some strings and adds refinements, which only make it refuse more.)

function regexOf(pattern: string): RegExp {
  return new RegExp(pattern, 'u');
}

const counted = new Map<string, number>();
/** Code points of a string (what JSON Schema measures), remembered for the megabyte strings met again and again. */
function codePoints(v: string): number {
  let n = counted.get(v);
  if (n === undefined) {
    n = /[\uD800-\uDFFF]/.test(v) ? [...v].length : v.length;
    if (v.length > 100_000) {
      if (counted.size >= 16) counted.delete(counted.keys().next().value!);
      counted.set(v, n);
    }
  }
  return n;
}

/** Is the count of code points within [min, max]? A code point is one or two UTF-16 units. */
function lengthWithin(v: string, min: number, max: number): boolean {
  if (v.length < min || Math.ceil(v.length / 2) > max) return false;
  if (v.length <= max && Math.ceil(v.length / 2) >= min) return true;
  const n = codePoints(v);
  return n >= min && n <= max;
}

export function conforms(s: JsonSchema, value: unknown): boolean {
  if (s.anyOf) return s.anyOf.some((b) => conforms(b, value));
  if ('const' in s) return Object.is(value, s.const);
  if (s.enum) return s.enum.some((e) => Object.is(e, value));
  switch (s.type) {
    case undefined:
      return value !== undefined;
    case 'null':
      return value === null;
    case 'boolean':
      return typeof value === 'boolean';
    case 'integer':
    case 'number': {
      if (typeof value !== 'number' || !Number.isFinite(value)) return false;
      if (s.type === 'integer' && !Number.isInteger(value)) return false;
      if (s.minimum !== undefined && value < s.minimum) return false;
      if (s.maximum !== undefined && value > s.maximum) return false;
      if (s.exclusiveMinimum !== undefined && value <= s.exclusiveMinimum) return false;
      if (s.exclusiveMaximum !== undefined && value >= s.exclusiveMaximum) return false;
      return true;
    }
    case 'string': {
      if (typeof value !== 'string') return false;
      if (!lengthWithin(value, s.minLength ?? 0, s.maxLength ?? Infinity)) return false;
      if (s.pattern !== undefined && !regexOf(s.pattern).test(value)) return false;
      return true;
    }
    case 'array': {
      if (!Array.isArray(value)) return false;
      if (s.minItems !== undefined && value.length < s.minItems) return false;
      if (s.maxItems !== undefined && value.length > s.maxItems) return false;
      // Sparse arrays and undefined items are not JSON arrays of the item type.
      for (let i = 0; i < value.length; i++) if (!(i in value) || !conforms(s.items ?? {}, value[i])) return false;
      return true;
    }
    case 'object': {
      if (!isPlainObject(value)) return false;
      const props = s.properties ?? {};
      for (const key of s.required ?? []) if (!Object.hasOwn(value, key) || value[key] === undefined) return false;
      for (const key of Object.keys(value)) {
        if (Object.hasOwn(props, key)) {
          // An optional key present as undefined counts as absent (JSON and structured clone alike drop it).
          if (value[key] !== undefined && !conforms(props[key]!, value[key])) return false;
        } else if (s.additionalProperties === false) return false;
        else if (typeof s.additionalProperties === 'object' && !conforms(s.additionalProperties, value[key]))
          return false;
      }
      return true;
    }
  }
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v) as unknown;
  return proto === Object.prototype || proto === null;
}

// ---------------------------------------------------------------------------------------------------------------
// Valid arguments

/** Hints by property name so that valid calls reach real rows of the seeded plan now and then. */
const HINTS: Record<string, fc.Arbitrary<unknown>> = {
  plan: fc.constantFrom<unknown>('十四五', 1),
  planId: fc.constant(1),
};

const TEXT_UNITS = fc.constantFrom(
  ...'aZ09中文指标规划年度进展%≥≤<>&"\'/\\.-_（）、，。 '.split(''),
  // No U+0000: dispatch() refuses it in any text by design (SQLite's text functions stop at it).
  '\u200b',
  '😀',
  '<img src=x onerror=alert(1)>',
  "'; DROP TABLE plan; --",
);

function integerArb(lo: number, hi: number): fc.Arbitrary<number> {
  const parts: fc.WeightedArbitrary<number>[] = [];
  const near = (a: number, b: number) => fc.integer({ min: Math.max(lo, a), max: Math.min(hi, b) });
  // Years around the seeded plan, small ids that exist, then anywhere in range (and its ends).
  if (lo <= 2021 && hi >= 2030 && hi - lo < 1000) parts.push({ arbitrary: near(2019, 2031), weight: 6 });
  parts.push({ arbitrary: near(lo, lo + 40), weight: 4 });
  if (hi - lo <= 2 ** 31) parts.push({ arbitrary: fc.integer({ min: lo, max: hi }), weight: 1 });
  else parts.push({ arbitrary: fc.maxSafeInteger().filter((n) => n >= lo && n <= hi), weight: 1 });
  parts.push({ arbitrary: fc.constantFrom(lo, hi), weight: 1 });
  return fc.oneof(...parts);
}

/** Values that conform to `s` (JSON Schema only; refinements are applied by the caller's filter). */
export function validArb(s: JsonSchema, key?: string): fc.Arbitrary<unknown> {
  const hinted = (arb: fc.Arbitrary<unknown>) =>
    key !== undefined && HINTS[key]
      ? fc.oneof({ arbitrary: HINTS[key]!, weight: 2 }, { arbitrary: arb, weight: 3 })
      : arb;
  if (s.anyOf) return hinted(fc.oneof(...s.anyOf.map((b) => validArb(b))));
  if ('const' in s) return fc.constant(s.const);
  if (s.enum) return fc.constantFrom(...s.enum);
  switch (s.type) {
    case 'null':
      return fc.constant(null);
    case 'boolean':
      return fc.boolean();
    case 'integer': {
      const lo = s.minimum ?? (s.exclusiveMinimum !== undefined ? s.exclusiveMinimum + 1 : Number.MIN_SAFE_INTEGER);
      const hi = s.maximum ?? (s.exclusiveMaximum !== undefined ? s.exclusiveMaximum - 1 : Number.MAX_SAFE_INTEGER);
      return hinted(integerArb(lo, hi));
    }
    case 'number':
      return fc.double({ min: s.minimum ?? -1e9, max: s.maximum ?? 1e9, noNaN: true, noDefaultInfinity: true });
    case 'string': {
      const min = s.minLength ?? 0;
      const max = s.maxLength;
      if (s.pattern !== undefined) {
        const re = regexOf(s.pattern);
        return hinted(fc.stringMatching(re).filter((v) => lengthWithin(v, min, max ?? Infinity)));
      }
      const short = fc.string({ unit: TEXT_UNITS, minLength: min, maxLength: Math.min(max ?? 40, 40) });
      if (key === 'bytesBase64') {
        return fc.oneof(
          fc.uint8Array({ maxLength: 96 }).map((b) => Buffer.from(b).toString('base64')),
          short,
        );
      }
      // Now and then a string of exactly the longest length allowed.
      const longest = max !== undefined && max > 40 && max <= 100_000 ? [fc.constant('长'.repeat(max))] : [];
      return hinted(fc.oneof({ arbitrary: short, weight: 8 }, ...longest.map((a) => ({ arbitrary: a, weight: 1 }))));
    }
    case 'array':
      return fc.array(validArb(s.items ?? {}), {
        minLength: s.minItems ?? 0,
        maxLength: Math.min(s.maxItems ?? 4, 4),
      });
    case 'object': {
      const props = s.properties ?? {};
      const model: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [k, p] of Object.entries(props)) model[k] = validArb(p, k);
      return fc.record(model, { requiredKeys: (s.required ?? []) as never[] });
    }
    default:
      return fc.jsonValue();
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Malformed arguments

export type Path = (string | number)[];

/** One way to break the arguments: the value put at `path` (or the key removed / added there). */
export interface Mutation {
  kind: string;
  path: Path;
  /** the whole arguments after the mutation */
  args: unknown;
}

/** fast-check prints a counterexample by its kind, never the megabytes it may hold. */
function mutation(kind: string, path: Path, args: unknown): Mutation {
  return Object.assign({ kind, path, args }, { [fc.toStringMethod]: () => kind });
}

const acceptsObject = (s: JsonSchema) => (s.anyOf ?? [s]).some((b) => b.type === 'object' || b.type === undefined);

function deepNest(depth: number, leaf: unknown, asArray: boolean): unknown {
  let v = leaf;
  for (let i = 0; i < depth; i++) v = asArray ? [v] : { a: v };
  return v;
}

/** An object whose own enumerable key is "__proto__", as JSON.parse makes it (a prototype-pollution attempt). */
export function protoKeyObject(value: unknown = { polluted: true }): Record<string, unknown> {
  const o: Record<string, unknown> = {};
  Object.defineProperty(o, '__proto__', { value, enumerable: true, writable: true, configurable: true });
  return o;
}

/**
 * Values of every kind, for "wrong type" and "nested junk" at any place (shared: nothing mutates them).
 * `objectLike`: values only structured clone (Electron IPC) can carry, which zod 4's object schemas read as an
 * object with no keys — a known gap, pinned by its own test in boundaries.test.ts and left out where an object fits.
 */
export const JUNK: readonly { kind: string; value: unknown; objectLike?: true }[] = [
  { kind: 'null', value: null },
  { kind: 'undefined', value: undefined },
  { kind: 'true', value: true },
  { kind: 'false', value: false },
  { kind: 'zero', value: 0 },
  { kind: 'negative', value: -1 },
  { kind: 'fraction', value: 1.5 },
  { kind: 'NaN', value: NaN },
  { kind: 'Infinity', value: Infinity },
  { kind: '-Infinity', value: -Infinity },
  { kind: 'unsafe integer', value: 2 ** 53 + 2 },
  { kind: 'empty string', value: '' },
  { kind: 'numeric string', value: '1' },
  { kind: 'string', value: '十四五' },
  { kind: 'empty array', value: [] },
  { kind: 'array', value: [1, '2', null] },
  { kind: 'empty object', value: {} },
  { kind: 'object', value: { a: 1 } },
  { kind: 'operator object', value: { $gt: 0 } },
  { kind: 'deep array', value: deepNest(200, 1, true) },
  { kind: 'deep object', value: deepNest(200, 1, false) },
  { kind: 'big array', value: new Array<null>(20_000).fill(null) },
  { kind: 'huge string', value: '长'.repeat(1_000_000) },
  { kind: 'bigint', value: 10n },
  { kind: 'date', value: new Date(0), objectLike: true },
  { kind: 'map', value: new Map([['plan', 1]]), objectLike: true },
  { kind: 'set', value: new Set([1]), objectLike: true },
  { kind: 'regexp', value: /x/, objectLike: true },
  { kind: 'error', value: new Error('x'), objectLike: true },
  { kind: 'bytes', value: new Uint8Array([1, 2, 3]) },
  { kind: 'null-prototype object', value: Object.create(null) as object },
  { kind: '__proto__ key', value: protoKeyObject() },
];

const repeated = new Map<number, string>();
/** 'x' × n, made once per length (some limits are hundreds of megabytes); only the last few are kept. */
function xs(n: number): string {
  let v = repeated.get(n);
  if (v === undefined) {
    v = 'x'.repeat(n);
    if (repeated.size >= 4) repeated.delete(repeated.keys().next().value!);
    repeated.set(n, v);
  }
  return v;
}

/** Values that break `s` by its own constraints: ranges, lengths, patterns, enums, item counts. */
function constraintBreakers(s: JsonSchema, sampleItem: () => unknown): { kind: string; value: unknown }[] {
  const out: { kind: string; value: unknown }[] = [];
  const branches = s.anyOf ?? [s];
  for (const b of branches) {
    if (b.type === 'integer' || b.type === 'number') {
      if (b.minimum !== undefined) out.push({ kind: 'below minimum', value: b.minimum - 1 });
      if (b.exclusiveMinimum !== undefined) out.push({ kind: 'at exclusive minimum', value: b.exclusiveMinimum });
      if (b.maximum !== undefined) out.push({ kind: 'above maximum', value: b.maximum + 1 });
      if (b.maximum !== undefined && b.maximum >= Number.MAX_SAFE_INTEGER)
        out.push({ kind: 'above maximum', value: 2 ** 53 });
      if (b.type === 'integer') out.push({ kind: 'not an integer', value: (b.minimum ?? 1) + 0.5 });
      out.push(
        { kind: 'largest number', value: Number.MAX_VALUE },
        { kind: 'most negative', value: -Number.MAX_VALUE },
      );
    }
    if (b.type === 'string') {
      if (b.maxLength !== undefined) {
        out.push({ kind: 'one character too long', value: xs(b.maxLength + 1) });
        // Far past a limit of a few megabytes at most (a 280 MB backup limit is broken by one character already).
        if (b.maxLength <= 1_000_000) out.push({ kind: 'far too long', value: xs(b.maxLength * 2 + 100_000) });
      }
      if (b.minLength !== undefined && b.minLength > 0) out.push({ kind: 'too short', value: '' });
      if (b.enum) {
        const first = String(b.enum[0]);
        out.push(
          {
            kind: 'not in enum (case)',
            value: first.toUpperCase() === first ? first.toLowerCase() : first.toUpperCase(),
          },
          { kind: 'not in enum (suffix)', value: `${first}x` },
          { kind: 'not in enum (space)', value: ` ${first}` },
        );
      }
      if (b.pattern !== undefined) {
        for (const v of [
          '',
          'abc',
          '2025/06/30',
          '25-6-30',
          'g'.repeat(64),
          '0'.repeat(63),
          'A'.repeat(64),
          '２０２５',
        ])
          out.push({ kind: 'not matching pattern', value: v });
      }
    }
    if (b.type === 'array') {
      if (b.maxItems !== undefined) {
        const item = sampleItem();
        out.push({ kind: 'too many items', value: new Array<unknown>(b.maxItems + 1).fill(item) });
      }
      if (b.minItems !== undefined && b.minItems > 0) out.push({ kind: 'too few items', value: [] });
      out.push({ kind: 'sparse array', value: new Array<unknown>(3) });
    }
    if (b.type === 'object') {
      out.push({ kind: 'array instead of object', value: [] });
      out.push({ kind: 'array of the object', value: [sampleItem()] });
    }
  }
  return out;
}

const EXTRA_KEYS = ['extra', 'constructor', 'toString', 'hasOwnProperty', '$where', 'PLANID', ' planId', ''];

function setAt(root: unknown, path: Path, f: (parent: Record<string | number, unknown>, key: string | number) => void) {
  const copy = structuredCloneLoose(root);
  if (path.length === 0) throw new Error('setAt needs a path');
  let node = copy as Record<string | number, unknown>;
  for (const k of path.slice(0, -1)) node = node[k] as Record<string | number, unknown>;
  f(node, path[path.length - 1]!);
  return copy;
}

/** A deep copy of plain JSON-like data (the bases are generated, so they hold nothing else). */
function structuredCloneLoose<T>(v: T): T {
  if (Array.isArray(v)) return v.map((x) => structuredCloneLoose(x) as unknown) as T;
  if (isPlainObject(v)) {
    const o: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) o[k] = structuredCloneLoose(x);
    return o as T;
  }
  return v;
}

/**
 * Every single-place mutation of `base` (valid for `root`) that `conforms` judges invalid. `sample(s)` gives a
 * valid value for a schema (for filling arrays past their limit). Mutations are deterministic, so every channel
 * meets every kind of breakage each run.
 */
export function mutationsOf(root: JsonSchema, base: unknown, sample: (s: JsonSchema) => unknown): Mutation[] {
  const out: Mutation[] = [];
  const put = (kind: string, path: Path, value: unknown) => {
    const args = path.length === 0 ? value : setAt(base, path, (p, k) => (p[k] = value));
    out.push(mutation(kind, path, args));
  };

  // The whole argument: dispatch() reads a missing argument (null/undefined) as {}.
  for (const j of JUNK) {
    if (j.objectLike && acceptsObject(root)) continue;
    if (!conforms(root, j.value ?? {})) out.push(mutation(`arguments: ${j.kind}`, [], j.value));
  }

  /** `optional`: a key the object may leave out (then undefined there is no mistake). */
  const walk = (s: JsonSchema, value: unknown, path: Path, optional = false) => {
    if (path.length > 0) {
      const here = [...JUNK, ...constraintBreakers(s, () => sample(s.items ?? s))];
      for (const j of here) {
        if (j.value === undefined && optional) continue;
        if ('objectLike' in j && j.objectLike && acceptsObject(s)) continue;
        if (!conforms(s, j.value)) put(`${path.join('.')}: ${j.kind}`, path, j.value);
      }
    } else {
      for (const j of constraintBreakers(s, () => sample(s))) {
        if (!conforms(s, j.value ?? {})) out.push(mutation(`arguments: ${j.kind}`, [], j.value));
      }
    }
    const objectSchema = (s.anyOf ?? [s]).find(
      (b) => b.type === 'object' && isPlainObject(value) && conforms(b, value),
    );
    if (objectSchema && isPlainObject(value)) {
      const props = objectSchema.properties ?? {};
      for (const key of objectSchema.required ?? []) {
        const args =
          path.length === 0
            ? Object.fromEntries(Object.entries(value).filter(([k]) => k !== key))
            : setAt(base, path, (p, k) => {
                const o = { ...(p[k] as Record<string, unknown>) };
                delete o[key];
                p[k] = o;
              });
        out.push(mutation(`${[...path, key].join('.')}: missing`, [...path, key], args));
      }
      if (objectSchema.additionalProperties === false) {
        for (const extra of EXTRA_KEYS) {
          if (Object.hasOwn(props, extra)) continue;
          const add = (o: Record<string, unknown>) => ({ ...o, [extra]: 1 });
          const args = path.length === 0 ? add(value) : setAt(base, path, (p, k) => (p[k] = add(p[k] as never)));
          out.push(mutation(`${path.join('.') || 'arguments'}: extra key "${extra}"`, path, args));
        }
        const withProto = (o: Record<string, unknown>) => Object.assign(protoKeyObject(), o);
        const args =
          path.length === 0 ? withProto(value) : setAt(base, path, (p, k) => (p[k] = withProto(p[k] as never)));
        out.push(mutation(`${path.join('.') || 'arguments'}: extra key "__proto__"`, path, args));
      }
      const required = new Set(objectSchema.required ?? []);
      for (const [k, p] of Object.entries(props)) walk(p, value[k], [...path, k], !required.has(k));
    }
    const arraySchema = (s.anyOf ?? [s]).find((b) => b.type === 'array');
    if (arraySchema && Array.isArray(value)) {
      value.forEach((item, i) => walk(arraySchema.items ?? {}, item, [...path, i]));
    }
  };
  walk(root, base, []);
  return out;
}
