import { describe, expect, it } from 'vitest';
import { csvCell, toCsv } from './csv';

describe('CSV for spreadsheets', () => {
  it('quotes commas, quotes, carriage returns and newlines', () => {
    expect(csvCell('{"active":false,"note":"a, b\nc"}')).toBe('"{""active"":false,""note"":""a, b\nc""}"');
    expect(csvCell('a\rb')).toBe('"a\rb"');
    expect(csvCell(null)).toBe('');
    expect(csvCell(['x', 'y'])).toBe('x|y');
  });

  it('defuses cells a spreadsheet would run as a formula', () => {
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    for (const lead of ['+', '-', '@', '\t']) expect(csvCell(`${lead}1`).startsWith(`'${lead}`)).toBe(true);
    expect(csvCell('user:=cmd()')).toBe('user:=cmd()');
  });

  it('writes a header and one line per row', () => {
    expect(toCsv(['a', 'b'], [[1, '=2']])).toBe("a,b\n1,'=2\n");
  });
});
