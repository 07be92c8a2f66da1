/** A comma-separated option value (`--permissions a,b`) as its trimmed items; "" gives none. */
export function splitList(text: string): string[] {
  return text
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
}
