// Masks personal data for the diagnostics printout (GB/T 35273 §7.2 display restriction). Kept local because
// hardware/ imports no other folder; the kiosk uses domain/'s masking.

/** `110101199003071233` → `110***********1233`: first 3 and last 4 kept; short values keep only the last 2. */
export function maskIdNumber(idNumber: string): string {
  const characters = [...idNumber];
  if (characters.length < 11) return '*'.repeat(Math.max(0, characters.length - 2)) + characters.slice(-2).join('');
  return characters.slice(0, 3).join('') + '*'.repeat(characters.length - 7) + characters.slice(-4).join('');
}

/** `张三` → `张*`, `张测试` → `张*试`, Latin names keep their first and last letter. */
export function maskName(name: string): string {
  const characters = [...name];
  if (characters.length <= 1) return name;
  if (characters.length === 2) return `${characters[0]}*`;
  return characters[0] + '*'.repeat(characters.length - 2) + characters[characters.length - 1];
}
