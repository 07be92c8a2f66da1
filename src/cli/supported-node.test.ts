import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { nodeRequirement, rosterManifest, satisfiesRange } from './supported-node.js';

describe('satisfiesRange', () => {
  it.each([
    ['20.20.2', '>=22.12', false],
    ['22.11.9', '>=22.12', false],
    ['22.12.0', '>=22.12', true],
    ['v24.21.0', '>=22.12', true],
    ['23.0.0', '>=22.12.1', true],
    ['22.12.0', '>=22.12.1', false],
    ['22.12.1-nightly2026', '>=22.12.1', true],
    ['22.0.0', '>= 22', true],
  ])('%s against %s is %s', (version, range, expected) => {
    expect(satisfiesRange(version, range)).toBe(expected);
  });

  it('refuses a range form it does not understand rather than guessing', () => {
    expect(() => satisfiesRange('24.0.0', '^22 || >=24')).toThrow('Unsupported engines.node range');
  });

  it("reads the range from Roster's package.json", () => {
    expect(nodeRequirement(import.meta.url)).toMatch(/^>=\d+/);
  });

  it('finds package.json from a file: URL whatever the working directory (the bin run from elsewhere)', () => {
    const expected = fileURLToPath(new URL('../../package.json', import.meta.url));
    expect(rosterManifest(import.meta.url).path).toBe(expected);
    expect(rosterManifest(new URL(import.meta.url)).path).toBe(expected);
  });
});
