// Pure check of a reconciliation resolution note: 2 to 500 characters after trimming (the API's limits).

export const noteLengthMin = 2;
export const noteLengthMax = 500;

export function isValidNote(note: string): boolean {
  const length = [...note.trim()].length;
  return length >= noteLengthMin && length <= noteLengthMax;
}
