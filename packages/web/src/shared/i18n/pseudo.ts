/**
 * The pseudo-locale (en-XA): every translated string comes out accented and wrapped in ⟦ ⟧, so a
 * string that bypasses i18n stands out on screen and in the browser test that scans every text
 * node. Placeholders such as {name} are left intact.
 */
const accented: Record<string, string> = {
  a: 'á', b: 'ƀ', c: 'ç', d: 'ð', e: 'é', f: 'ƒ', g: 'ĝ', h: 'ĥ', i: 'í', j: 'ĵ', k: 'ķ', l: 'ļ', m: 'ɱ',
  n: 'ñ', o: 'ö', p: 'þ', q: 'ǫ', r: 'ŕ', s: 'š', t: 'ţ', u: 'ú', v: 'ṽ', w: 'ŵ', x: 'ẋ', y: 'ý', z: 'ž',
  A: 'Á', B: 'Ɓ', C: 'Ç', D: 'Ð', E: 'É', F: 'Ƒ', G: 'Ĝ', H: 'Ĥ', I: 'Í', J: 'Ĵ', K: 'Ķ', L: 'Ļ', M: 'Ṁ',
  N: 'Ñ', O: 'Ö', P: 'Þ', Q: 'Ǫ', R: 'Ŕ', S: 'Š', T: 'Ţ', U: 'Ú', V: 'Ṽ', W: 'Ŵ', X: 'Ẋ', Y: 'Ý', Z: 'Ž',
};

export const pseudoOpen = '⟦';
export const pseudoClose = '⟧';

export function pseudoLocalize(text: string): string {
  const parts = text.split(/(\{[a-zA-Z0-9_]+\})/);
  const body = parts
    .map((part) => (part.startsWith('{') ? part : [...part].map((ch) => accented[ch] ?? ch).join('')))
    .join('');
  return `${pseudoOpen}${body}${pseudoClose}`;
}
