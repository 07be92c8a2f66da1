/** A timestamp as people read it, in their own locale and time zone. */
export function formatDate(value: string | null | undefined): string {
  if (!value) return '–';
  return new Date(value).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}
