import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { loadExtractor } from '../src/compose.ts';
import type { SourceDocument } from '../src/domain/extraction.ts';
import { validateExtraction } from '../src/domain/validate-extraction.ts';

const extract = loadExtractor();
const RUNS = 200;

function document(text: string, published: string | null): SourceDocument {
  return { id: 'fuzz', text, published, title: null, url: null, outlet: null };
}

/** Extraction never throws and always returns a valid format object for this text. */
function holds(text: string, published: string | null): void {
  const result = extract(document(text, published));
  assert.equal(result.id, 'fuzz');
  const problems = validateExtraction(result, text);
  assert.deepEqual(problems, [], JSON.stringify(problems.slice(0, 5)));
}

const published = fc.option(
  fc.constantFrom('2015-12-08', '2016-10-28', '2016-02-29', '2023-11-01', '1970-01-01'),
  {
    nil: null,
  },
);

// Fragments that wake up every part of the extractor, mixed with Arabic and noise.
const WORDS = [
  'airstrike',
  'air strikes',
  'killed',
  'killing',
  'at least',
  'dozens of',
  'between 20 and 26',
  'up to 30',
  'a woman and two of her children',
  'civilians',
  'children',
  'soldiers',
  'wounded',
  'Russian',
  'Russia',
  'the US-led coalition',
  'Syrian government',
  'regime helicopters',
  'barrel bombs',
  'B-52',
  'Su-24',
  'ODAB-500',
  'denied',
  'blamed',
  'suspected',
  'confirmed',
  'an unintentional, regrettable error',
  'on Sunday evening',
  'yesterday',
  'last Tuesday',
  'on January 3',
  'in September',
  '2016',
  'near the town of',
  'north of',
  'the countryside of',
  'Idlib',
  'Kafranbel',
  'Kafr Nabl',
  'Haas',
  'Hass',
  'Ayyash',
  'Deir Az-Zour',
  'Deir ez-Zor',
  'Raqqa',
  'Aleppo',
  'Sarmada',
  'Jabalia',
  'Gaza',
  'earlier reported 12',
  '12',
  '28',
  '3,173',
  'hundreds',
  'غارة جوية',
  'قتل',
  'مدنيين',
  'أطفال',
  'طائرات روسية',
  'التحالف الدولي',
  'إدلب',
  'دير الزور',
  'الرقة',
  'حلب',
  '٢٣',
  'براميل متفجرة',
  '.',
  ',',
  '"',
  '(',
  ')',
  '\n',
  '\n\n',
  ' ',
  '\t',
  '\u200f',
  '\u00a0',
  '\ufeff',
];
const reportish = fc.array(fc.constantFrom(...WORDS), { maxLength: 120 }).map((w) => w.join(' '));

describe('extraction on random input', () => {
  it('random unicode strings', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 400 }), published, holds), {
      numRuns: RUNS,
    });
  });

  it('printable graphemes', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 400 }), published, holds), {
      numRuns: RUNS,
    });
  });

  it('binary-ish strings (control characters, NUL, Latin-1)', () => {
    const binaryish = fc.uint8Array({ maxLength: 600 }).map((bytes) => String.fromCharCode(...bytes));
    fc.assert(fc.property(binaryish, published, holds), { numRuns: RUNS });
  });

  it('lone surrogates and odd code units', () => {
    const units = fc
      .array(fc.integer({ min: 0, max: 0xffff }), { maxLength: 300 })
      .map((u) => String.fromCharCode(...u));
    fc.assert(fc.property(units, published, holds), { numRuns: RUNS });
  });

  it('Arabic and English report fragments', () => {
    fc.assert(fc.property(reportish, published, holds), { numRuns: RUNS });
  });

  it('a 5 MB document', { timeout: 120_000 }, async () => {
    const sample = await readFile(
      fileURLToPath(new URL('../examples/hass-school.txt', import.meta.url)),
      'utf8',
    );
    const arabic = '\n\nقتل ٢٣ مدنياً في غارات جوية على إدلب يوم الأربعاء.\n\n';
    const unit = sample + arabic;
    const text = unit.repeat(Math.ceil((5 * 1024 * 1024) / unit.length));
    holds(text, '2016-10-28');
  });
});
