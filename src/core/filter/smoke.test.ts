import { describe, it, expect } from 'vitest';
import { parseFilter } from './parse-filter.js';
describe('smoke', () => {
  it('parses', () => {
    expect(parseFilter('userName eq "x"').ok).toBe(true);
  });
});
