/**
 * NHS number: 10 digits, the last a modulus 11 check digit (NHS Data Dictionary, "NHS Number").
 * Weights 10 down to 2 over the first nine digits; check = 11 − (sum mod 11); 11 → 0; 10 → the
 * number is invalid. Spaces and hyphens people type (e.g. "943 476 5919") are ignored.
 */
export function normaliseNhsNumber(input: string): string {
  return input.replace(/[\s-]/g, '');
}

/** True when `input` is a valid NHS number (after removing spaces and hyphens). */
export function isValidNhsNumber(input: string): boolean {
  const digits = normaliseNhsNumber(input);
  if (!/^\d{10}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(digits[i]) * (10 - i);
  const check = 11 - (sum % 11);
  if (check === 10) return false;
  return (check === 11 ? 0 : check) === Number(digits[9]);
}

/** Formats a valid NHS number the way NHS screens show it: 3-3-4 digits ("943 476 5919"). */
export function formatNhsNumber(digits: string): string {
  const d = normaliseNhsNumber(digits);
  return `${d.slice(0, 3)} ${d.slice(3, 6)} ${d.slice(6)}`;
}
