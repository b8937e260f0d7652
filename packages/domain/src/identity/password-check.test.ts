import { describe, expect, it } from 'vitest';
import { passwordProblems } from './password-check';

// NIST SP 800-63B-4 §3.1.1.2: repetitive or sequential characters and context-specific words are refused.
describe('passwordProblems', () => {
  const context = { email: 'sam.patel@example.org', names: ['Sam', 'Patel'] };
  it.each<[string, string[]]>([
    ['purple elephants dance at noon', []],
    ['my dog Biscuit likes the beach', []],
    ['aaaaaaaaaaaaaaa', ['repetitive']],
    ['abcabcabcabcabc', ['repetitive']],
    ['ab12ab12ab12ab12', ['repetitive']],
    ['abcdeabcdeabcde', []], // a unit of five repeated: a weak password, but caught by length and the list if at all
    ['abcdefghijklmnop', ['sequential']],
    ['ponmlkjihgfedcba', ['sequential']],
    ['123456789012345', ['sequential']],
    ['789012345678901', ['sequential']],
    ['qwertyuiopasdfg', []], // crosses rows: not one run
    ['qwertyuiop', ['sequential']],
    ['1qaz2wsx3edc4rfv', ['sequential']],
    ['Tandem Tandem 2026', ['context']],
    ['tandemtandemtandem', ['context']],
    ['sampatel sampatel!', ['context']],
    ['Patel Patel Patel 1', ['context']],
    ['sam likes long walks in the hills', []], // a name in a sentence is fine
    ['tandem helps me on the bus', []],
  ])('%s → %j', (password, problems) => {
    expect(passwordProblems(password, context)).toEqual(problems);
  });
  it('short email names are not treated as words', () => {
    expect(passwordProblems('jojojojojojojojo x', { email: 'jo@example.org' })).toEqual([]);
  });
});
