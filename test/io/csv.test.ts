import { describe, expect, it } from 'vitest';
import { ArgumentError, DecodeError } from '../../src/core/index.js';
import { parseCsv, readCsvColumn } from '../../src/io/csv.js';

const TEXT = 'date,"price, usd",volume\r\n2024-01-01,1.5,100\r\n2024-01-02,"2.25",200\r\n\r\n2024-01-03,-3e2,300\r\n';

describe('readCsvColumn', () => {
  it('readCsvColumn(text, name) reads a column by its header name, quoted or not', () => {
    expect(Array.from(readCsvColumn(TEXT, 'price, usd'))).toEqual([1.5, 2.25, -300]);
    expect(Array.from(readCsvColumn(TEXT, 'volume'))).toEqual([100, 200, 300]);
  });

  it('readCsvColumn(text, index) reads by 0-based index, detecting the header row', () => {
    expect(Array.from(readCsvColumn(TEXT, 2))).toEqual([100, 200, 300]);
    expect(Array.from(readCsvColumn('1;2\n3;4\n', 1, { delimiter: ';' }))).toEqual([2, 4]);
    expect(Array.from(readCsvColumn('1,2\n3,4\n', 0, { header: true }))).toEqual([3]);
  });

  it('readCsvColumn reads empty fields and NaN spellings as NaN, inf as Infinity', () => {
    const v = readCsvColumn('x\n1\n\nNaN\n  \nNA\nnull\n-inf\nInfinity\n', 'x');
    // blank (and whitespace-only) lines are skipped
    expect(Array.from(v)).toEqual([1, Number.NaN, Number.NaN, Number.NaN, Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY]);
    expect(Array.from(readCsvColumn('a,b\n1,\n2,3\n', 'b'))).toEqual([Number.NaN, 3]);
  });

  it('readCsvColumn errors name the column and the line', () => {
    expect(() => readCsvColumn('a,b\n1,2\n3,abc\n', 'b', { name: 'prices.csv' })).toThrow(DecodeError);
    expect(() => readCsvColumn('a,b\n1,2\n3,abc\n', 'b', { name: 'prices.csv' })).toThrow(
      'prices.csv: column "b", line 3: "abc" is not a number',
    );
    expect(() => readCsvColumn('a,b\n1,2\n3\n', 1)).toThrow('csv: line 3 has 1 field(s), too few for column 1 ("b")');
    expect(() => readCsvColumn(TEXT, 'close')).toThrow(ArgumentError);
    expect(() => readCsvColumn(TEXT, 'close')).toThrow(/no column named "close"; the header has "date", "price, usd", "volume"/);
    expect(() => readCsvColumn('1,2\n', 'a', { header: false })).toThrow(ArgumentError);
    expect(() => readCsvColumn('1,2\n', -1)).toThrow(ArgumentError);
    expect(() => readCsvColumn('', 0)).toThrow(DecodeError);
  });
});

describe('parseCsv', () => {
  it('parseCsv handles escaped quotes, newlines inside quotes and a BOM', () => {
    const rows = parseCsv('\ufeffa,"say ""hi""\nthere"\nb,c');
    expect(rows).toEqual([
      { fields: ['a', 'say "hi"\nthere'], line: 1 },
      { fields: ['b', 'c'], line: 3 },
    ]);
    expect(() => parseCsv('a,"open\n')).toThrow(/unterminated quoted field starting on line 1/);
    expect(() => parseCsv('a', '"')).toThrow(ArgumentError);
  });
});
