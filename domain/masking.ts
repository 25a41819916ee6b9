// Masks personal data for display (rule 15): ID numbers `110***********123X`, names `张*三`, phones `138****5678`.
// Pure and total: odd input is masked entirely rather than shown or thrown on.

const maskChar = '*';
/** Masked output never exceeds this many characters, whatever the input length. */
const maskedCharsMax = 64;
// Separators inside names (space, middle dots used in minority and foreign names, hyphen, period) stay visible.
const nameSeparator = /^[\s\u00B7\u2022\u30FB\uFF0E.\-]$/u;

/** Keeps the first 3 and last 4 characters of an ID number (`110***********123X`); shorter than 8 → all masked. */
export function maskIdNumber(idNumber: string): string {
  if (typeof idNumber !== 'string') return maskChar.repeat(3);
  const chars = Array.from(idNumber.trim()).slice(0, maskedCharsMax);
  if (chars.length < 8) return maskChar.repeat(Math.max(chars.length, 1));
  return chars.slice(0, 3).join('') + maskChar.repeat(chars.length - 7) + chars.slice(-4).join('');
}

/**
 * Masks a name: 2 characters → `张*`; 3 or more → first and last kept, the rest masked (`张*三`, `欧**娜`).
 * Separators stay so long foreign or minority names keep their shape (`买*·*力`, `J*** ****H`).
 * One character → `*`. Something is always masked (`A B` → `A *`).
 */
export function maskName(name: string): string {
  if (typeof name !== 'string') return maskChar;
  const chars = Array.from(name.trim()).slice(0, maskedCharsMax);
  if (chars.length <= 1) return maskChar;
  if (chars.length === 2) return chars[0] + maskChar;
  const last = chars.length - 1;
  const masked = chars.map((char, index) => (index === 0 || index === last || nameSeparator.test(char) ? char : maskChar));
  // When every middle character is a separator (`A B`), hide the last character so something is always masked.
  if (!masked.includes(maskChar)) masked[last] = maskChar;
  return masked.join('');
}

/**
 * Masks a phone number keeping the first 3 and last 4 digits of 11 (`138****5678`); at least 4 digits are always masked. Spaces and dashes are dropped
 * and a leading +86 / 0086 country code is removed first; anything that is then not 7–15 digits is masked entirely.
 */
export function maskPhone(phone: string): string {
  if (typeof phone !== 'string') return maskChar.repeat(4);
  const digits = phone.replace(/[\s\-()]/g, '').replace(/^(\+86|0086)/, '');
  if (!/^\d{7,15}$/.test(digits)) return maskChar.repeat(Math.min(Math.max(Array.from(phone).length, 4), maskedCharsMax));
  // At least 4 digits are always masked; at most the first 3 and last 4 are shown.
  const maskedCount = Math.max(4, digits.length - 7);
  const keptEnd = Math.min(4, digits.length - maskedCount);
  const keptStart = digits.length - maskedCount - keptEnd;
  return digits.slice(0, keptStart) + maskChar.repeat(maskedCount) + digits.slice(digits.length - keptEnd);
}
