import { describe, expect, it } from 'vitest';
import { EdgeListFileError, parseEdgeList } from './edge-file';

describe('the edge-list file', () => {
  it('reads tabs or spaces, comments, blank lines and CRLF line ends', () => {
    const parsed = parseEdgeList('# a comment\r\na\tb\r\n\r\nb c 2.5\r\nc\ta\t1e-1\r\n');
    expect(parsed.names).toEqual(['a', 'b', 'c']);
    expect([...parsed.src]).toEqual([0, 1, 2]);
    expect([...parsed.dst]).toEqual([1, 2, 0]);
    expect([...parsed.weight]).toEqual([1, 2.5, 0.1]);
    expect(parsed.header).toBeNull();
  });

  it.each([
    ['source\ttarget\n1\t2\n2\t3\n', ['source', 'target']],
    ['Source\tTarget\tWeight\n1\t2\t3\n', ['Source', 'Target', 'Weight']],
    ['from to\nx y\n', ['from', 'to']],
  ])('recognises the header of %j and skips it, never reading it as nodes', (text, header) => {
    const parsed = parseEdgeList(text);
    expect(parsed.header).toEqual(header);
    expect(parsed.names.map((n) => n.toLowerCase())).not.toContain('source');
    expect(parsed.names.map((n) => n.toLowerCase())).not.toContain('from');
  });

  it.each([
    ['an empty file', '', /no edges/],
    ['only comments and blank lines', '# nothing\n\n  \n', /no edges/],
    ['a header and no edges', 'source\ttarget\n', /header but no edges/],
    ['one column', '1\t2\n3\n', /line 2: one column/],
    ['extra columns', '1\t2\t1\textra\n', /line 1: 4 columns/],
    ['a non-numeric weight', '1\t2\t1\n2\t3\theavy\n', /line 2: weight "heavy": not a decimal number/],
    ['a hexadecimal weight', '1\t2\t0x10\n', /line 1: weight "0x10": hexadecimal is not accepted/],
    ['a negative weight', '1\t2\t-1\n', /line 1: weight "-1": weights must be positive/],
    ['a zero weight', '1\t2\t0\n', /line 1: weight "0": weights must be positive/],
    ['an infinite weight', '1\t2\tInfinity\n', /line 1: weight "Infinity"/],
    ['a 3-column header with unknown names', 'a\tb\tstrength\n1\t2\t1\n', /line 1: .* nor a header/],
    ['an unknown 2-column header over numeric nodes', 'id_a\tid_b\n1\t2\n2\t3\n', /line 1: "id_a id_b" looks like a header/],
  ])('refuses %s with the line and the reason', (_what, text, message) => {
    expect(() => parseEdgeList(text)).toThrow(EdgeListFileError);
    expect(() => parseEdgeList(text)).toThrow(message);
  });

  it('keeps self-loops and duplicate edges (either direction) and counts them', () => {
    const parsed = parseEdgeList('a\tb\nb\ta\na\ta\na\tb\t2\n');
    expect(parsed.selfLoops).toBe(1);
    expect(parsed.duplicates).toBe(2);
    expect(parsed.src.length).toBe(4);
  });
});
