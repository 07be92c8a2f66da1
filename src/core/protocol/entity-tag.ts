/**
 * RFC 7232 conditional requests on Roster's weak validators (W/"<version>"). Comparison is weak
 * (RFC 7232 §2.3.2): W/"3" and "3" name the same version.
 */
export type EntityTagCondition =
  { readonly any: true } | { readonly any: false; readonly tags: readonly string[] };

export function parseEntityTags(header: string | undefined): EntityTagCondition | undefined {
  if (header === undefined || header.trim() === '') return undefined;
  if (header.trim() === '*') return { any: true };
  const tags = [...header.matchAll(/(?:W\/)?"([^"]*)"/g)].map((match) => match[1] ?? '');
  // An unquoted value is not a valid entity tag; treat it as a tag that matches nothing.
  return { any: false, tags: tags.length > 0 ? tags : [`\u0000${header}`] };
}

export function entityTagMatches(condition: EntityTagCondition, version: number): boolean {
  return condition.any || condition.tags.includes(String(version));
}
