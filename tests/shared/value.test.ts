import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { parseValue, formatNumber, formatParsed, isPlainDecimal } from '../../src/shared/value';
import type { Comparator } from '../../src/shared/model';

type Expected = { comparator: Comparator | null; number: number; decimals: number; unit: string | null };

const GOOD: Array<[string, Expected]> = [
  ['≥95', { comparator: '>=', number: 95, decimals: 0, unit: null }],
  ['>=95', { comparator: '>=', number: 95, decimals: 0, unit: null }],
  ['＞＝95', { comparator: '>=', number: 95, decimals: 0, unit: null }],
  ['不低于95%', { comparator: '>=', number: 95, decimals: 0, unit: '%' }],
  ['不少于 20 个', { comparator: '>=', number: 20, decimals: 0, unit: '个' }],
  ['≤5', { comparator: '<=', number: 5, decimals: 0, unit: null }],
  ['<=5', { comparator: '<=', number: 5, decimals: 0, unit: null }],
  ['不高于3.5', { comparator: '<=', number: 3.5, decimals: 1, unit: null }],
  ['不超过10%', { comparator: '<=', number: 10, decimals: 0, unit: '%' }],
  ['88%以上', { comparator: '>=', number: 88, decimals: 0, unit: '%' }],
  ['88％以上', { comparator: '>=', number: 88, decimals: 0, unit: '%' }],
  ['5批次/千人以上', { comparator: '>=', number: 5, decimals: 0, unit: '批次/千人' }],
  ['1个工作日内', { comparator: '<=', number: 1, decimals: 0, unit: '个工作日' }],
  ['3个工作日以内', { comparator: '<=', number: 3, decimals: 0, unit: '个工作日' }],
  ['5以下', { comparator: '<=', number: 5, decimals: 0, unit: null }],
  ['<4', { comparator: '<', number: 4, decimals: 0, unit: null }],
  ['＜4', { comparator: '<', number: 4, decimals: 0, unit: null }],
  ['>4', { comparator: '>', number: 4, decimals: 0, unit: null }],
  ['=100%', { comparator: '=', number: 100, decimals: 0, unit: '%' }],
  ['3万户左右', { comparator: '~', number: 3, decimals: 0, unit: '万户' }],
  ['约3万户', { comparator: '~', number: 3, decimals: 0, unit: '万户' }],
  ['约3万户左右', { comparator: '~', number: 3, decimals: 0, unit: '万户' }],
  ['≥95以上', { comparator: '>=', number: 95, decimals: 0, unit: null }],
  ['３.５', { comparator: null, number: 3.5, decimals: 1, unit: null }],
  ['３．５', { comparator: null, number: 3.5, decimals: 1, unit: null }],
  ['1.96万户', { comparator: null, number: 1.96, decimals: 2, unit: '万户' }],
  ['10,200', { comparator: null, number: 10200, decimals: 0, unit: null }],
  ['１０，２００', { comparator: null, number: 10200, decimals: 0, unit: null }],
  ['1,234.5', { comparator: null, number: 1234.5, decimals: 1, unit: null }],
  ['1,234,567', { comparator: null, number: 1234567, decimals: 0, unit: null }],
  ['-0.5', { comparator: null, number: -0.5, decimals: 1, unit: null }],
  ['－0.5', { comparator: null, number: -0.5, decimals: 1, unit: null }],
  ['−0.5', { comparator: null, number: -0.5, decimals: 1, unit: null }],
  ['+2', { comparator: null, number: 2, decimals: 0, unit: null }],
  ['≥-1.5%', { comparator: '>=', number: -1.5, decimals: 1, unit: '%' }],
  ['3.035', { comparator: null, number: 3.035, decimals: 3, unit: null }],
  ['2', { comparator: null, number: 2, decimals: 0, unit: null }],
  ['2.50', { comparator: null, number: 2.5, decimals: 2, unit: null }],
  ['0', { comparator: null, number: 0, decimals: 0, unit: null }],
  ['  95 %  ', { comparator: null, number: 95, decimals: 0, unit: '%' }],
  ['\u3000≥\u300095', { comparator: '>=', number: 95, decimals: 0, unit: null }],
  ['\t88%\n以上', { comparator: '>=', number: 88, decimals: 0, unit: '%' }],
];

const BAD: string[] = [
  '翻一番',
  '稳步提升',
  '各年度视情提出',
  '1.2.3',
  '95-98',
  'abc',
  '',
  ' ',
  '\u3000\t\n',
  '≥',
  '以上',
  '约',
  '左右',
  '不低于',
  '%',
  '-',
  '+',
  '.5',
  '5.',
  '1,23',
  '1,2345',
  '0,123',
  '12,34.5',
  '≥95以下',
  '约95以上',
  '>95以上',
  '<=5以上',
  '5%以上以下',
  '5万2千',
  '5a1',
  '1e5',
  '--5',
  '+-5',
  '≥≥5',
  '5≥',
  '95~98',
  '±5',
  '9内内',
  '9'.repeat(400),
  '提升5个百分点以上',
  '一二三',
];

describe('parseValue: examples', () => {
  it.each(GOOD)('%j', (text, exp) => {
    expect(parseValue(text)).toEqual({ text, ...exp, evaluable: true });
  });

  it('keeps the text verbatim, never trimmed', () => {
    expect(parseValue('  ３万户 左右 ').text).toBe('  ３万户 左右 ');
  });

  it('never reports a negative zero', () => {
    expect(Object.is(parseValue('-0').number, 0)).toBe(true);
    expect(Object.is(parseValue('-0.00').number, 0)).toBe(true);
  });
});

describe('parseValue: not evaluable', () => {
  it.each(BAD.map((t) => [t]))('%j', (text) => {
    expect(parseValue(text)).toEqual({
      text,
      comparator: null,
      number: null,
      decimals: null,
      unit: null,
      evaluable: false,
    });
  });

  it('handles 10k-char garbage quickly without throwing', () => {
    const inputs = [
      '9'.repeat(10_000),
      '1' + ',000'.repeat(3_000) + ',12',
      '≥' + '1.'.repeat(5_000),
      '约'.repeat(10_000),
      ' '.repeat(10_000),
      '5' + '万'.repeat(10_000) + '1',
      '1,'.repeat(5_000),
      '以上'.repeat(5_000),
    ];
    // Catastrophic backtracking would show up as this test timing out (speed itself is measured in bench/).
    for (const text of inputs) {
      const r = parseValue(text);
      expect(r.evaluable).toBe(false);
      expect(r.text).toBe(text);
    }
  });

  it('accepts a long unit, but not a long number past double range', () => {
    expect(parseValue('5' + '万'.repeat(10_000)).unit).toBe('万'.repeat(10_000));
    expect(parseValue('0.' + '1'.repeat(10_000)).decimals).toBe(10_000);
  });
});

describe('formatNumber', () => {
  it.each([
    [2.2, 1, '2.2'],
    [0.1 + 0.2, 1, '0.3'],
    [0.1 + 0.2, 2, '0.30'],
    [1.005, 3, '1.005'],
    [1.005, 2, '1.01'],
    [-1.005, 2, '-1.01'],
    [2.5, 0, '3'],
    [-2.5, 0, '-3'],
    [2.4999, 0, '2'],
    [9.995, 2, '10.00'],
    [99.96, 1, '100.0'],
    [1e21, 0, '1000000000000000000000'],
    [1.5e21, 2, '1500000000000000000000.00'],
    [1e-7, 9, '0.000000100'],
    [1.23e-7, 7, '0.0000001'],
    [-1e-7, 3, '0.000'],
    [-0, 0, '0'],
    [-0, 2, '0.00'],
    [-0.004, 2, '0.00'],
    [-0.005, 2, '-0.01'],
    [95, 0, '95'],
    [3.5, 1, '3.5'],
    [10200, 2, '10200.00'],
    [123456789.123, 1, '123456789.1'],
    [0.5, 0, '1'],
  ])('formatNumber(%s, %s) = %s', (n, d, out) => {
    expect(formatNumber(n, d)).toBe(out);
  });

  it('throws RangeError for non-finite numbers and bad decimals', () => {
    expect(() => formatNumber(NaN, 0)).toThrow(RangeError);
    expect(() => formatNumber(Infinity, 0)).toThrow(RangeError);
    expect(() => formatNumber(-Infinity, 2)).toThrow(RangeError);
    expect(() => formatNumber(1, -1)).toThrow(RangeError);
    expect(() => formatNumber(1, 1.5)).toThrow(RangeError);
  });
});

describe('formatParsed', () => {
  it.each([
    [{ comparator: '>=', number: 95, decimals: 0, unit: null }, '≥95'],
    [{ comparator: '>=', number: 88, decimals: 0, unit: '%' }, '≥88%'],
    [{ comparator: '~', number: 3, decimals: 0, unit: '万户' }, '3万户左右'],
    [{ comparator: '<=', number: 1, decimals: 0, unit: '个工作日' }, '≤1个工作日'],
    [{ comparator: '<', number: 4, decimals: 0, unit: null }, '<4'],
    [{ comparator: '>', number: 4, decimals: 1, unit: null }, '>4.0'],
    [{ comparator: '=', number: 100, decimals: 0, unit: '%' }, '=100%'],
    [{ comparator: null, number: 2.5, decimals: 2, unit: null }, '2.50'],
    [{ comparator: null, number: 1.96, decimals: null, unit: '万户' }, '1.96万户'],
    [{ comparator: null, number: -0.5, decimals: 1, unit: null }, '-0.5'],
    [{ comparator: '>=', number: null, decimals: null, unit: null }, null],
    [{ comparator: null, number: null, decimals: null, unit: '%' }, null],
  ] as const)('%j → %j', (v, out) => {
    expect(formatParsed(v)).toBe(out);
  });
});

describe('isPlainDecimal', () => {
  it.each(['0', '12', '3.035', '-1.5', '0.5', '0.00', '-0.01', '10200'])('accepts %j', (s) => {
    expect(isPlainDecimal(s)).toBe(true);
  });
  it.each([
    '',
    '-',
    '00',
    '012',
    '1,234',
    '1.',
    '.5',
    '+1',
    '1e5',
    ' 1',
    '1 ',
    '３',
    '1.2.3',
    '-0',
    '-0.0',
    'abc',
    '1%',
  ])('rejects %j', (s) => {
    expect(isPlainDecimal(s)).toBe(false);
  });
});

// ---------------------------------------------------------------------------------------------------------
// Property-based tests

/** Plain decimal strings with at most 15 significant digits (so a double holds them exactly enough to round-trip). */
const plainDecimal = fc
  .record({ fracLen: fc.integer({ min: 0, max: 6 }), neg: fc.boolean() })
  .chain(({ fracLen, neg }) =>
    fc
      .record({
        int: fc.integer({ min: 0, max: Math.min(1e12, 10 ** (15 - fracLen) - 1) }),
        frac: fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: fracLen, maxLength: fracLen }),
      })
      .map(({ int, frac }) => {
        const body = String(int) + (fracLen > 0 ? '.' + frac : '');
        // "-0" / "-0.000" are not plain decimals: formatNumber never prints a negative zero.
        return neg && /[1-9]/.test(body) ? '-' + body : body;
      }),
  );

const FULL_WIDTH: Record<string, string> = { '.': '．', '-': '－' };
const toFullWidth = (s: string, minus = '－'): string =>
  s.replace(/[0-9.-]/g, (c) =>
    c === '-' ? minus : (FULL_WIDTH[c] ?? String.fromCharCode(c.charCodeAt(0) - 0x30 + 0xff10)),
  );

/** Independent oracle: round the decimal string s to d places, half away from zero, with BigInt. */
function roundDecimalString(s: string, d: number): string {
  const neg = s.startsWith('-');
  const [int, frac = ''] = (neg ? s.slice(1) : s).split('.');
  const padded = frac.padEnd(d + 1, '0');
  let scaled = BigInt(int + padded.slice(0, d));
  if (padded.charCodeAt(d) >= 0x35) scaled += 1n;
  const digits = scaled.toString().padStart(d + 1, '0');
  const out = d === 0 ? digits : digits.slice(0, -d) + '.' + digits.slice(-d);
  return neg && scaled !== 0n ? '-' + out : out;
}

const groupThousands = (int: string): string => int.replace(/\B(?=(\d{3})+$)/g, ',');

describe('properties', () => {
  it('(1) plain decimals parse exactly and round-trip through formatNumber', () => {
    fc.assert(
      fc.property(plainDecimal, (s) => {
        const fracLen = s.includes('.') ? s.split('.')[1]!.length : 0;
        const r = parseValue(s);
        expect(r).toEqual({
          text: s,
          comparator: null,
          number: Number(s),
          decimals: fracLen,
          unit: null,
          evaluable: true,
        });
        expect(isPlainDecimal(s)).toBe(true);
        expect(formatNumber(r.number!, r.decimals!)).toBe(s);
      }),
      { numRuns: 2000 },
    );
  });

  it('(2) formatNumber never uses exponent notation and prints exactly `decimals` fraction digits', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.integer({ min: 0, max: 20 }), (n, d) => {
        const out = formatNumber(n, d);
        expect(out).not.toMatch(/e/i);
        expect(out).toMatch(/^-?(0|[1-9]\d*)(\.\d+)?$/);
        expect(out.includes('.') ? out.split('.')[1]!.length : 0).toBe(d);
      }),
      { numRuns: 2000 },
    );
  });

  it('(2b) formatNumber rounds half away from zero on the decimal digits (BigInt oracle)', () => {
    fc.assert(
      fc.property(plainDecimal, fc.integer({ min: 0, max: 8 }), (s, d) => {
        expect(formatNumber(Number(s), d)).toBe(roundDecimalString(s, d));
      }),
      { numRuns: 2000 },
    );
  });

  it('(3) sums and products of tenths print without float drift', () => {
    const tenths = (k: bigint): string => {
      const neg = k < 0n;
      const a = neg ? -k : k;
      return (neg ? '-' : '') + (a / 10n).toString() + '.' + (a % 10n).toString();
    };
    fc.assert(
      fc.property(
        fc.integer({ min: -1_000_000, max: 1_000_000 }),
        fc.integer({ min: -1_000_000, max: 1_000_000 }),
        fc.integer({ min: 1, max: 9 }),
        (a, b, k) => {
          // 0.1 + 0.2 style: the binary sum is off by a few ulps, the printed tenth must not be.
          expect(formatNumber(a / 10 + b / 10, 1)).toBe(tenths(BigInt(a) + BigInt(b)));
          expect(formatNumber(a * 0.1, 1)).toBe(tenths(BigInt(a)));
          // 1.1 * 2 style: a tenth times a small integer.
          expect(formatNumber((a / 10) * k, 1)).toBe(tenths(BigInt(a) * BigInt(k)));
        },
      ),
      { numRuns: 2000 },
    );
    expect(formatNumber(0.1 + 0.2, 1)).toBe('0.3');
    expect(formatNumber(1.1 * 2, 1)).toBe('2.2');
    expect(formatNumber(0.7 + 0.1, 1)).toBe('0.8');
    expect(formatNumber(3 * 1.1, 1)).toBe('3.3');
  });

  it('(4) full-width versions of a plain decimal parse to the same number', () => {
    fc.assert(
      fc.property(plainDecimal, fc.constantFrom('－', '−', '-'), (s, minus) => {
        const fw = toFullWidth(s, minus);
        expect(fw).not.toMatch(/[0-9.]/);
        const r = parseValue(fw);
        expect(r.text).toBe(fw);
        expect(r.number).toBe(Number(s));
        expect(r.decimals).toBe(s.includes('.') ? s.split('.')[1]!.length : 0);
        expect(r.evaluable).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  it('(5) thousands-separated numbers parse to the same number; a broken grouping does not', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }),
        fc.option(fc.integer({ min: 0, max: 99 }), { nil: undefined }),
        fc.boolean(),
        fc.boolean(),
        (n, frac, neg, fullWidth) => {
          const plain =
            (neg && n > 0 ? '-' : '') + String(n) + (frac === undefined ? '' : '.' + String(frac).padStart(2, '0'));
          let grouped =
            (neg && n > 0 ? '-' : '') +
            groupThousands(String(n)) +
            (frac === undefined ? '' : '.' + String(frac).padStart(2, '0'));
          if (fullWidth) grouped = toFullWidth(grouped).replace(/,/g, '，');
          const r = parseValue(grouped);
          expect(r.evaluable).toBe(true);
          expect(r.number).toBe(Number(plain));
          expect(r.decimals).toBe(frac === undefined ? 0 : 2);
          if (n >= 1000) {
            // Move the last comma one digit left: "12,345" → "1,2345" must be refused, not read as 12345.
            const i = grouped.lastIndexOf(grouped.includes('，') ? '，' : ',');
            const broken = grouped.slice(0, i - 1) + grouped[i] + grouped[i - 1] + grouped.slice(i + 1);
            expect(parseValue(broken).evaluable).toBe(false);
          }
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('(6) parseValue never throws, keeps the text, and returns a consistent shape', () => {
    const check = (s: string): void => {
      const r = parseValue(s);
      expect(r.text).toBe(s);
      if (r.evaluable) {
        expect(Number.isFinite(r.number)).toBe(true);
        expect(Number.isInteger(r.decimals) && r.decimals! >= 0).toBe(true);
        if (r.unit !== null) expect(r.unit).not.toMatch(/[0-9]/);
        // The canonical text re-parses to the same value.
        const again = parseValue(formatParsed(r)!);
        expect([again.comparator, again.number, again.decimals, again.unit]).toEqual([
          r.comparator,
          r.number,
          r.decimals,
          r.unit,
        ]);
      } else {
        expect([r.comparator, r.number, r.decimals, r.unit]).toEqual([null, null, null, null]);
      }
    };
    // fast-check 4 dropped fc.fullUnicodeString(); fc.string({ unit: 'binary' }) is its replacement
    // (any code point, lone surrogates included).
    fc.assert(fc.property(fc.string(), check), { numRuns: 2000 });
    fc.assert(fc.property(fc.string({ unit: 'binary' }), check), { numRuns: 2000 });
    // Strings built from the grammar's own pieces hit the interesting paths far more often than random text.
    const piece = fc.constantFrom(
      '≥',
      '≤',
      '>',
      '<',
      '=',
      '>=',
      '约',
      '不低于',
      '不超过',
      '-',
      '+',
      '－',
      '−',
      '1',
      '0',
      '9',
      '３',
      '.',
      '．',
      ',',
      '，',
      '%',
      '％',
      '万户',
      '个工作日',
      '/',
      '以上',
      '以下',
      '以内',
      '内',
      '左右',
      ' ',
      '\u3000',
      'a',
      '翻',
    );
    fc.assert(
      fc.property(
        fc.array(piece, { maxLength: 12 }).map((a) => a.join('')),
        check,
      ),
      { numRuns: 5000 },
    );
  });
});
