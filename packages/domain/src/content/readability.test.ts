import { describe, expect, it } from 'vitest';
import { countSyllables, maxReadingGrade, readability, sentencesOf } from './readability';

describe('countSyllables', () => {
  it.each([
    ['cat', 1],
    ['the', 1],
    ['make', 1],
    ['makes', 1],
    ['liked', 1],
    ['table', 2],
    ['wanted', 2],
    ['places', 2],
    ['pages', 2],
    ['wishes', 2],
    ['hopes', 1],
    ['water', 2],
    ['yellow', 2],
    ['happy', 2],
    ['activity', 4],
    ['depression', 3],
    ['behavioural', 4],
    ["don't", 1],
    ['', 0],
  ])('%s has %i', (word, n) => expect(countSyllables(word)).toBe(n));
});

describe('sentencesOf', () => {
  it('ends a sentence at a full stop, a question or a line; drops Markdown marks', () => {
    expect(sentencesOf('## Getting going\n\nYou did well. Was it hard?\n\n- Go for a walk\n- **Call** a friend\n1. Rest')).toEqual([
      'Getting going',
      'You did well.',
      'Was it hard?',
      'Go for a walk',
      'Call a friend',
      'Rest',
    ]);
  });
});

describe('readability (Flesch–Kincaid grade)', () => {
  it.each([
    // 6 words, 1 sentence, 6 syllables: 0.39×6 + 11.8×1 − 15.59 = −1.45, shown to one place
    ['The cat sat on the mat.', { words: 6, sentences: 1, syllables: 6, grade: -1.4 }],
    // 9 words, 1 sentence, 29 syllables (4+4+4+3+4+2+3+1+4): 3.51 + 38.02 − 15.59 = 25.94
    ['Behavioural activation encourages meaningful activities despite persistent low motivation.', { words: 9, sentences: 1, syllables: 29, grade: 25.9 }],
    ['', { words: 0, sentences: 0, grade: 0 }],
  ])('%j', (text, expected) => expect(readability(text)).toMatchObject(expected));

  it('puts plain words under the limit and dense ones over it', () => {
    expect(readability('When you feel low, it is hard to do things. Start small. A short walk counts.').grade).toBeLessThanOrEqual(maxReadingGrade);
    expect(readability('Behavioural activation encourages meaningful activities despite persistent low motivation.').grade).toBeGreaterThan(maxReadingGrade);
  });

  it('gives reading time at 150 words a minute', () => {
    expect(readability(Array.from({ length: 300 }, () => 'word').join(' ') + '.').readingMinutes).toBe(2);
  });
});
