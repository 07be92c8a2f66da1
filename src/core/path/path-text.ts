import type { AttributePath } from './attribute-path.js';

/** The path as the client wrote it (`urn:…:attribute.sub`), for error messages and printed filters. */
export function pathText(path: AttributePath): string {
  const urn = path.schemaUrn === undefined ? '' : `${path.schemaUrn}:`;
  const sub = path.subAttribute === undefined ? '' : `.${path.subAttribute}`;
  return `${urn}${path.attribute}${sub}`;
}
