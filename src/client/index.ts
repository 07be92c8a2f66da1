/** `roster/client`: what an app imports to talk to Roster's admin API. */
export {
  createRosterClient,
  RosterApiError,
  type RosterClient,
  type RosterClientOptions,
  type SignedIn,
  type SignInRefusal,
  type SignInRefusalCode,
  type VerifyResult,
} from './roster-client.js';
export type { paths as AdminApiPaths } from './admin-api-types.js';
