import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseCsv } from './csv.ts';

describe('CSV', () => {
  it('reads quoted cells with commas, doubled quotes and line breaks, and where each row starts', () => {
    const r = parseCsv('id,body\r\n1,"Jets hit ""the"" market, again"\n\n2,"two\nlines"\n3,plain');
    assert.ok(r.ok);
    assert.deepEqual(
      r.rows.map((row) => [row.line, row.cells]),
      [
        [1, ['id', 'body']],
        [2, ['1', 'Jets hit "the" market, again']],
        [4, ['2', 'two\nlines']],
        [6, ['3', 'plain']],
      ],
    );
    assert.equal(r.rows[2]!.raw, '2,"two\nlines"');
  });

  it('names the line of an unclosed quote or stray text after one', () => {
    assert.deepEqual(parseCsv('a,b\n1,"open\n'), {
      ok: false,
      line: 2,
      error: 'a quoted cell is never closed',
    });
    assert.deepEqual(parseCsv('a\n"x"y\n'), {
      ok: false,
      line: 2,
      error: 'unexpected text after a closing quote',
    });
  });
});
