/** A timestamp as people read it, in their own locale and time zone. */
export function formatDate(value: string | null | undefined): string {
  if (!value) return '–';
  return new Date(value).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

/** An admin key's or console account's scope: the whole installation or one organization, by name. */
export function scopeText(organizationId: string | null, names: ReadonlyMap<string, string>): string {
  return organizationId ? `organization ${names.get(organizationId) ?? organizationId}` : 'installation';
}
