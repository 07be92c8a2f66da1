import { describe, expect, it } from 'vitest';
import { parseAttributePath } from './parse-attribute-path.js';
import { pathText } from './path-text.js';

describe('pathText', () => {
  it.each([
    'userName',
    'name.givenName',
    'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value',
  ])('prints %s back as written', (text) => {
    const parsed = parseAttributePath(text);
    expect(parsed.ok && pathText(parsed.value)).toBe(text);
  });
});
