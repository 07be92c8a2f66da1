import { fileURLToPath } from 'node:url';

/** The built files the benchmark runs, found from this module's place in dist/bench/processes/. */
export const rosterMain = fileURLToPath(new URL('../../src/cli/main.js', import.meta.url));
export const referenceServerScript = fileURLToPath(
  new URL('../reference/reference-server.js', import.meta.url),
);
export const scimmyPeerScript = fileURLToPath(new URL('../reference/scimmy-peer.js', import.meta.url));
/** The repository root (dist/bench/processes → ../../..). */
export const repositoryRoot = fileURLToPath(new URL('../../../', import.meta.url));
