import { errorPatchCases } from './error-patch.cases.js';
import { extensionPatchCases } from './extension-patch.cases.js';
import { groupPatchCases } from './group-patch.cases.js';
import { idpPatchCases } from './idp-patch.cases.js';
import { multiValuedPatchCases } from './multi-valued-patch.cases.js';
import type { PatchCase } from './patch.fixtures.js';
import { userPatchCases } from './user-patch.cases.js';

export type { ExpectedMemberChanges, PatchCase } from './patch.fixtures.js';

/**
 * The PATCH table (RFC 7644 §3.5.2): every operation on every kind of attribute, IdP replays, and every
 * error. patch-cases.test.ts runs each row through parsePatchRequest and applyPatch with frozen inputs.
 */
export const patchCases: readonly PatchCase[] = Object.freeze([
  ...userPatchCases,
  ...multiValuedPatchCases,
  ...extensionPatchCases,
  ...groupPatchCases,
  ...idpPatchCases,
  ...errorPatchCases,
]);
