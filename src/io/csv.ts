/**
 * One numeric column of a CSV file (RFC 4180: quoted fields, `""` escapes, CRLF or LF).
 *
 * - `column`: a header name (needs a header row) or a 0-based index.
 * - `header`: whether the first row is a header. Default: `true` when `column` is a name;
 *   for an index, the first row is taken as a header when any of its fields is not a number.
 * - Empty fields and `NaN`, `nan`, `NA`, `N/A`, `null` (any case) read as NaN; `inf`,
 *   `Infinity` (signed) as ±Infinity. Anything else that is not a number is a DecodeError
 *   naming the column and the line. Blank lines are skipped; a row too short for the
 *   column is a DecodeError.
 */
import { ArgumentError, DecodeError } from '../core/errors.js';

export interface CsvOptions {
  /** Field separator, one character (default `,`). */
  delimiter?: string;
  header?: boolean;
  /** Name used in error messages (default `csv`). */
  name?: string;
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const MISSING = new Set(['', 'nan', 'na', 'n/a', 'null']);
const INF = /^([+-]?)(inf|infinity)$/i;

/** Parse a field as a number: a finite number, ±Infinity, NaN for a missing value, or undefined. */
function toNumber(field: string): number | undefined {
  const s = field.trim();
  if (MISSING.has(s.toLowerCase())) return Number.NaN;
  if (NUMBER.test(s)) return Number(s);
  const inf = INF.exec(s);
  if (inf) return inf[1] === '-' ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  return undefined;
}

/** Rows of fields, each with its 1-based line number. */
export function parseCsv(text: string, delimiter = ','): { fields: string[]; line: number }[] {
  if (delimiter.length !== 1 || delimiter === '"' || delimiter === '\n' || delimiter === '\r') {
    throw new ArgumentError(
      `delimiter: expected one character other than a quote or newline, got ${JSON.stringify(delimiter)}`,
      'delimiter',
    );
  }
  const rows: { fields: string[]; line: number }[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0; // byte-order mark
  const endRow = () => {
    fields.push(field);
    if (!(fields.length === 1 && fields[0].trim() === '')) rows.push({ fields, line: rowLine });
    fields = [];
    field = '';
  };
  for (; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else {
        if (ch === '\n') line++;
        field += ch;
      }
    } else if (ch === '"') {
      quoted = true;
    } else if (ch === delimiter) {
      fields.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      endRow();
      line++;
      rowLine = line;
    } else {
      field += ch;
    }
  }
  if (quoted) throw new DecodeError(`csv: unterminated quoted field starting on line ${rowLine}`, 'csv');
  if (field !== '' || fields.length > 0) endRow();
  return rows;
}

/** The values of one column as float64. */
export function readCsvColumn(text: string, column: string | number, opts: CsvOptions = {}): Float64Array {
  const name = opts.name ?? 'csv';
  const rows = parseCsv(text, opts.delimiter ?? ',');
  if (rows.length === 0) throw new DecodeError(`${name}: the CSV has no rows`, name);
  let header = opts.header;
  if (header === undefined) header = typeof column === 'string' || rows[0].fields.some((f) => toNumber(f) === undefined);
  let index: number;
  let label: string;
  if (typeof column === 'string') {
    if (!header) throw new ArgumentError(`column: ${JSON.stringify(column)} is a name, but header is false; pass an index`, 'column');
    const names = rows[0].fields.map((f) => f.trim());
    index = names.indexOf(column.trim());
    if (index < 0)
      throw new ArgumentError(
        `column: no column named ${JSON.stringify(column)}; the header has ${names.map((n) => JSON.stringify(n)).join(', ')}`,
        'column',
      );
    label = JSON.stringify(column);
  } else {
    if (!Number.isInteger(column) || column < 0)
      throw new ArgumentError(`column: expected a 0-based index or a name, got ${column}`, 'column');
    index = column;
    label = header && rows[0].fields[index] !== undefined ? `${column} (${JSON.stringify(rows[0].fields[index].trim())})` : String(column);
  }
  const body = header ? rows.slice(1) : rows;
  const out = new Float64Array(body.length);
  body.forEach(({ fields, line }, r) => {
    if (index >= fields.length) {
      throw new DecodeError(`${name}: line ${line} has ${fields.length} field(s), too few for column ${label}`, name);
    }
    const v = toNumber(fields[index]);
    if (v === undefined)
      throw new DecodeError(`${name}: column ${label}, line ${line}: ${JSON.stringify(fields[index])} is not a number`, name);
    out[r] = v;
  });
  return out;
}
