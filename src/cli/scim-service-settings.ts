import type { ServiceCapabilities } from '../core/protocol/discovery-documents.js';
import type { ScimSettings } from '../directory/scim/scim-context.js';
import type { Config } from './config.js';

/** What /ServiceProviderConfig advertises: exactly what this build supports under this configuration. */
export function scimCapabilities(config: Config): ServiceCapabilities {
  return {
    patch: true,
    bulk: {
      supported: true,
      maxOperations: config.bulkMaxOperations,
      maxPayloadSize: config.bulkMaxPayloadBytes,
    },
    filter: { supported: true, maxResults: config.maxPageSize },
    sort: true,
    etag: true,
    pagination: {
      cursor: true,
      index: true,
      defaultPageSize: config.defaultPageSize,
      maxPageSize: config.maxPageSize,
      cursorTimeout: config.cursorTimeoutSeconds,
    },
    documentationUri: `${config.publicBaseUrl}/api/docs`,
  };
}

export function scimSettings(config: Config, cursorSigningKey: Uint8Array): ScimSettings {
  return {
    pageLimits: { defaultPageSize: config.defaultPageSize, maxPageSize: config.maxPageSize },
    cursorSigningKey,
    cursorTimeoutSeconds: config.cursorTimeoutSeconds,
    createRetryWindowSeconds: config.createRetryWindowSeconds,
    bulk: { maxOperations: config.bulkMaxOperations, maxPayloadSize: config.bulkMaxPayloadBytes },
    inputLimits: config.inputLimits,
  };
}
