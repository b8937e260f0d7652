/**
 * What makes a new password too easy to guess, beyond its length (NIST SP 800-63B-4 §3.1.1.2: a
 * password is checked against values known to be commonly used, expected or compromised —
 * "dictionary words, repetitive or sequential characters, context-specific words such as the name
 * of the service, the username"). No composition rules. Pure, so the same rules can run anywhere;
 * the server also checks a bundled list of common passwords (`isCommonPassword`).
 */
export type PasswordProblem = 'repetitive' | 'sequential' | 'context';

/** Letters and digits only, lower case: "Pass word-1" → "password1". */
function plain(password: string): string {
  return password.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
}

/** A unit of up to four characters repeated: "aaaaaaaaaaaaaaa", "abcabcabcabcabc", "ab12ab12ab12ab12". */
function isRepetitive(text: string): boolean {
  return /^(.{1,4})\1+$/u.test(text);
}

/** Rows of characters people run along, forwards or backwards. */
const sequences = ['abcdefghijklmnopqrstuvwxyz', '0123456789', 'qwertyuiop', 'asdfghjkl', 'zxcvbnm', '1qaz2wsx3edc4rfv5tgb6yhn7ujm8ik9ol0p'];

/** One run along a row (wrapping round, so "789012345678901" counts), either way. */
function isSequential(text: string): boolean {
  if (text.length < 3) return false;
  return sequences.some((row) => {
    const forwards = row.repeat(Math.ceil(text.length / row.length) + 1);
    const backwards = [...forwards].reverse().join('');
    return forwards.includes(text) || backwards.includes(text);
  });
}

/**
 * Mostly made of words the person or the service gives away: the account's email name (when it
 * has four or more letters or digits), their own names, or "tandem" — what is left once those are
 * taken out is under half of the password.
 */
function isContextual(text: string, context: { email?: string; names?: readonly string[] }): boolean {
  const words = ['tandem', plain(context.email?.split('@')[0] ?? ''), ...(context.names ?? []).map(plain)].filter((w) => w.length >= 4);
  let rest = text;
  for (const word of words) rest = rest.split(word).join('');
  return rest.length * 2 < text.length;
}

/** The reasons a new password is refused besides its length and the common list; empty when fine. */
export function passwordProblems(password: string, context: { email?: string; names?: readonly string[] } = {}): PasswordProblem[] {
  const text = plain(password);
  const problems: PasswordProblem[] = [];
  if (text.length > 0 && isRepetitive(text)) problems.push('repetitive');
  if (isSequential(text)) problems.push('sequential');
  if (text.length > 0 && isContextual(text, context)) problems.push('context');
  return problems;
}

/** The words for a refused password, for the one error shape (field `password`). */
export function passwordProblemMessage(problem: PasswordProblem | 'common'): string {
  switch (problem) {
    case 'common':
      return 'is on a list of passwords people use a lot, so it is easy to guess. Try a few words that mean something to you.';
    case 'repetitive':
      return 'repeats the same few characters, so it is easy to guess. Try a few words that mean something to you.';
    case 'sequential':
      return 'is a run of letters, numbers or keys in a row, so it is easy to guess. Try a few words that mean something to you.';
    case 'context':
      return 'is mostly your name, your email or the name of this service, so it is easy to guess. Try a few other words.';
  }
}
