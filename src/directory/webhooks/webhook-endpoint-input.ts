import { InvalidDirectoryInput, type Problem } from '../directory-error.js';
import { isEventType, type EventType } from '../model/directory-event.js';
import { refusedWebhookUrl } from './post-webhook.js';

/** Checks a URL and event-type filter given for an endpoint; every problem at once. */
export function checkWebhookInput(
  input: { readonly url?: string | undefined; readonly eventTypes?: readonly string[] | null | undefined },
  allowPrivateUrls: boolean,
): { url?: string; eventTypes?: readonly EventType[] | null } {
  const problems: Problem[] = [];
  if (input.url !== undefined) {
    const refused = refusedWebhookUrl(input.url, allowPrivateUrls);
    if (refused) problems.push({ field: 'url', message: `the URL is refused: ${refused}` });
  }
  for (const type of input.eventTypes ?? [])
    if (!isEventType(type)) problems.push({ field: 'eventTypes', message: `unknown event type "${type}"` });
  if (problems.length > 0) throw new InvalidDirectoryInput('invalid_webhook', problems);
  return {
    ...(input.url !== undefined ? { url: input.url } : {}),
    ...(input.eventTypes !== undefined
      ? {
          eventTypes:
            input.eventTypes === null || input.eventTypes.length === 0
              ? null
              : (input.eventTypes as EventType[]),
        }
      : {}),
  };
}
