import { describe, expect, it } from 'vitest';
import { restrictedAddressCategory } from './private-address.js';

describe('restrictedAddressCategory', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.255.0.9', 'loopback'],
    ['::1', 'loopback'],
    ['[::1]', 'loopback'],
    ['10.1.2.3', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.1.1', 'private'],
    ['169.254.169.254', 'link-local'],
    ['fe80::1', 'link-local'],
    ['fd12:3456::1', 'unique-local'],
    ['fc00::1', 'unique-local'],
    ['0.0.0.0', 'unspecified'],
    ['::', 'unspecified'],
    ['100.64.0.1', 'shared'],
    ['224.0.0.1', 'multicast'],
    ['ff02::1', 'multicast'],
    ['240.0.0.1', 'reserved'],
    ['::ffff:10.0.0.1', 'private'],
    ['::ffff:127.0.0.1', 'loopback'],
  ])('%s is %s', (address, category) => {
    expect(restrictedAddressCategory(address)).toBe(category);
  });

  it.each([
    ['8.8.8.8'],
    ['172.32.0.1'],
    ['192.169.0.1'],
    ['2606:4700::1111'],
    ['::ffff:1.1.1.1'],
    ['not-an-ip'],
  ])('%s is not restricted', (address) => {
    expect(restrictedAddressCategory(address)).toBeUndefined();
  });
});
