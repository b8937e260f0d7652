/**
 * How hard a piece of self-help text is to read, so the programme can be held to a reading age of
 * 11 or under (issue 7; BRIEF.md, design rules). The measure is the Flesch–Kincaid grade level
 * (Kincaid, Fishburne, Rogers & Chissom 1975, "Derivation of new readability formulas … for Navy
 * enlisted personnel", Research Branch Report 8-75):
 *
 *   grade = 0.39 × (words ÷ sentences) + 11.8 × (syllables ÷ words) − 15.59
 *
 * A US grade of 6 is a reading age of about 11–12, so the programme's limit is grade ≤ 6.
 * Syllables are counted by the usual English heuristic (vowel groups, a silent final "e", "-ed"
 * and "-es" endings), which is what most readability tools do; it is close, not exact, and the
 * same rule is used for every step, so steps can be compared and held to one limit.
 */
export const maxReadingGrade = 6;

/**
 * Reading speed for the time estimate: 150 words a minute, well below the adult average for
 * silent reading of non-fiction (238 words a minute; Brysbaert 2019, Journal of Memory and
 * Language 109:104047), because a reader who is tired and low reads more slowly.
 */
export const wordsPerMinute = 150;
/** Each step is at most five minutes of reading (issue 7). */
export const maxStepReadingMinutes = 5;

export interface Readability {
  words: number;
  sentences: number;
  syllables: number;
  /** Flesch–Kincaid grade level; 0 for text with no words. */
  grade: number;
  readingMinutes: number;
}

/** Syllables in one word by the vowel-group heuristic; every word has at least one. */
export function countSyllables(word: string): number {
  let w = word.toLowerCase().replace(/[^a-z]/g, '');
  if (!w) return 0;
  if (w.length <= 3) return 1;
  // A silent final "e" ("make"), and "-es"/"-ed" that add no syllable ("makes", "liked"),
  // but not "-le" ("table"), "-ted"/"-ded" ("wanted") or "-es" after a hissing sound ("places",
  // "pages", "boxes", "wishes").
  w = w.replace(/(?:[^lsczxghaeiouy]es|[^tdaeiouy]ed|[^laeiouy]e)$/, (end) => end[0]!);
  w = w.replace(/^y/, '');
  const groups = w.match(/[aeiouy]+/g);
  return Math.max(1, groups ? groups.length : 0);
}

/**
 * The words of a Markdown step as a reader sees them: headings, list items and paragraphs each
 * end a sentence even without a full stop (a bullet is read as one thought).
 */
export function sentencesOf(markdown: string): string[] {
  const text = markdown
    .replace(/```[\s\S]*?```/g, ' ')
    .replace(/!\[[^\]]*\]\([^)]*\)/g, ' ')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[*_`>#]/g, ' ');
  return text
    .split(/\n\s*(?:[-+]|\d+[.)])?\s*/)
    .flatMap((line) => line.split(/(?<=[.!?…])["”’)]?\s+/))
    .map((s) => s.replace(/\s+/g, ' ').trim())
    .filter((s) => /[A-Za-z0-9]/.test(s));
}

const wordsIn = (sentence: string) => sentence.split(/\s+/).filter((w) => /[A-Za-z0-9]/.test(w));

/** Words, sentences, syllables, Flesch–Kincaid grade and reading time of a Markdown text. */
export function readability(markdown: string): Readability {
  const sentences = sentencesOf(markdown);
  const words = sentences.flatMap(wordsIn);
  // Numbers are read as one syllable each ("5", "2024"): close enough for short numbers.
  const syllables = words.reduce((n, w) => n + Math.max(1, countSyllables(w)), 0);
  if (!words.length) return { words: 0, sentences: 0, syllables: 0, grade: 0, readingMinutes: 0 };
  const grade = 0.39 * (words.length / sentences.length) + 11.8 * (syllables / words.length) - 15.59;
  return {
    words: words.length,
    sentences: sentences.length,
    syllables,
    grade: Math.round(grade * 10) / 10,
    readingMinutes: Math.round((words.length / wordsPerMinute) * 10) / 10,
  };
}
