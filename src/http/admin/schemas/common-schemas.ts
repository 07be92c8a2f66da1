import { Type, type TSchema } from 'typebox';

/**
 * Shapes every admin resource shares. These TypeBox schemas validate requests, shape responses and
 * generate the OpenAPI document: one definition, three uses.
 */
export function IdOf(description: string) {
  return Type.String({ minLength: 1, maxLength: 100, description });
}
export const Id = IdOf('An id Roster assigned.');
export const Timestamp = Type.String({ format: 'date-time', description: 'ISO 8601, UTC.' });
export const NullableTimestamp = Type.Union([Timestamp, Type.Null()]);
export const Name = Type.String({ minLength: 1, maxLength: 200 });

export const ErrorDetail = Type.Object(
  {
    field: Type.Optional(
      Type.String({
        description: 'The field at fault, dotted for nested fields (`attributeSources.groups`).',
      }),
    ),
    location: Type.Optional(
      Type.Enum(['body', 'query', 'path'], { description: 'Where the field was sent.' }),
    ),
    message: Type.String(),
  },
  { additionalProperties: false },
);

export const ErrorBody = Type.Object(
  {
    error: Type.Object(
      {
        code: Type.String({
          description:
            'Stable: validation_failed, invalid_json, unauthorized, forbidden, not_found, conflict, payload_too_large, unsupported_media_type, rate_limited, unavailable, bad_request, internal.',
        }),
        message: Type.String(),
        details: Type.Optional(Type.Array(ErrorDetail)),
      },
      { additionalProperties: false },
    ),
    requestId: Type.String({ description: 'Also in the x-request-id header and the server log.' }),
  },
  { additionalProperties: false, title: 'Error' },
);

const successDescriptions: Record<number, string> = {
  200: 'OK.',
  201: 'Created.',
  202: 'Accepted: the work goes on in the background.',
  204: 'Done; no content.',
};

const errorDescriptions: Record<number, string> = {
  400: 'The request is invalid; `details` names each bad field.',
  401: 'No admin key, or an unknown or revoked one.',
  403: 'The key is an organization key; this needs an installation key.',
  404: 'No such resource, or one the key may not see.',
  409: 'The name is taken, or the resource is in a state that forbids the change.',
  429: 'Too many failed attempts; `Retry-After` says when to try again.',
};

/** The response map of an operation: its success responses plus the error responses it can give. */
export function responses(
  success: Record<number, TSchema>,
  errors: readonly number[] = [],
): Record<number, TSchema> {
  const all: Record<number, TSchema> = {};
  for (const [status, schema] of Object.entries(success)) {
    const described = schema as TSchema & { description?: string };
    all[Number(status)] = {
      ...schema,
      description: described.description ?? successDescriptions[Number(status)],
    };
  }
  for (const status of [401, ...errors]) {
    all[status] = { ...ErrorBody, description: errorDescriptions[status] ?? 'An error.' };
  }
  return all;
}

/** A list answer: every collection is `{ data: [...] }`; paged ones add `nextCursor`. */
export function ListOf<T extends TSchema>(item: T) {
  return Type.Object({ data: Type.Array(item) }, { additionalProperties: false });
}

export function PageOf<T extends TSchema>(item: T) {
  return Type.Object(
    {
      data: Type.Array(item),
      nextCursor: Type.Union([Type.String(), Type.Null()], {
        description: 'Pass as `cursor` for the next page; null on the last page.',
      }),
    },
    { additionalProperties: false },
  );
}

export const NoContent = Type.Null({ description: 'No content.' });

export const PageQuery = {
  limit: Type.Optional(
    Type.Integer({ minimum: 1, maximum: 1000, default: 50, description: 'Page size, 1 to 1000.' }),
  ),
  cursor: Type.Optional(
    Type.String({ minLength: 1, maxLength: 400, description: 'The `nextCursor` of the previous page.' }),
  ),
};

/** Path parameters of everything under /organizations/{organizationId}. */
export function OrganizationParams<P extends Record<string, TSchema>>(extra: P) {
  return Type.Object({ organizationId: Id, ...extra }, { additionalProperties: false });
}
