import { BlockList, isIP } from 'node:net';

/** Address ranges a JWKS fetch must not reach unless the operator allows it (SSRF protection). */
export type AddressCategory =
  | 'unspecified'
  | 'loopback'
  | 'private'
  | 'link-local'
  | 'unique-local'
  | 'shared'
  | 'multicast'
  | 'reserved';

const ranges: readonly (readonly [AddressCategory, string, number, 'ipv4' | 'ipv6'])[] = [
  // RFC 6890 and the IANA special-purpose registries.
  ['unspecified', '0.0.0.0', 8, 'ipv4'],
  ['private', '10.0.0.0', 8, 'ipv4'],
  ['shared', '100.64.0.0', 10, 'ipv4'],
  ['loopback', '127.0.0.0', 8, 'ipv4'],
  ['link-local', '169.254.0.0', 16, 'ipv4'],
  ['private', '172.16.0.0', 12, 'ipv4'],
  ['reserved', '192.0.0.0', 24, 'ipv4'],
  ['private', '192.168.0.0', 16, 'ipv4'],
  ['reserved', '198.18.0.0', 15, 'ipv4'],
  ['multicast', '224.0.0.0', 4, 'ipv4'],
  ['reserved', '240.0.0.0', 4, 'ipv4'],
  ['unspecified', '::', 128, 'ipv6'],
  ['loopback', '::1', 128, 'ipv6'],
  ['unique-local', 'fc00::', 7, 'ipv6'],
  ['link-local', 'fe80::', 10, 'ipv6'],
  ['multicast', 'ff00::', 8, 'ipv6'],
];

const lists = new Map<AddressCategory, BlockList>();
for (const [category, network, prefix, family] of ranges) {
  const list = lists.get(category) ?? new BlockList();
  list.addSubnet(network, prefix, family);
  lists.set(category, list);
}

/** The category of a non-public address, or undefined for a public one (or text that is no IP). */
export function restrictedAddressCategory(address: string): AddressCategory | undefined {
  const bare = address.startsWith('[') && address.endsWith(']') ? address.slice(1, -1) : address;
  const family = isIP(bare);
  if (family === 0) return undefined;
  // An IPv4-mapped IPv6 address (::ffff:10.0.0.1) reaches the IPv4 address inside it.
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(bare)?.[1];
  if (mapped) return restrictedAddressCategory(mapped);
  const type = family === 4 ? 'ipv4' : 'ipv6';
  for (const [category, list] of lists) if (list.check(bare, type)) return category;
  return undefined;
}
