// Display width on a receipt: ASCII takes one column, everything else (Hanzi, full-width marks) two.
// Pure helpers for wrapping and centring without splitting a character.

export function displayWidth(text: string): number {
  let width = 0;
  for (const character of text) width += (character.codePointAt(0) ?? 0) < 0x80 ? 1 : 2;
  return width;
}

/** Splits `text` into lines of at most `columns` display columns; existing newlines are kept. */
export function wrapToColumns(text: string, columns: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    let width = 0;
    for (const character of paragraph) {
      const characterWidth = displayWidth(character);
      if (width + characterWidth > columns && line !== '') {
        lines.push(line);
        line = '';
        width = 0;
      }
      line += character;
      width += characterWidth;
    }
    lines.push(line);
  }
  return lines;
}
