/**
 * The one way our parts receive messages. Each receiver handles some of the protocol's types: a message of
 * another known type is for another part and left alone; anything else is validated against its schema and
 * checked against `allowSender` first, and a malformed or unwanted one is ignored with a logged reason, so a
 * handler only ever sees a well-formed request of its type.
 */
import type { Browser, browser } from 'wxt/browser';
import { parseRequest, requestSchemas } from './protocol';

type Sender = Browser.runtime.MessageSender;
type Entries = Record<string, { received: unknown; answer: unknown }>;

/** A handler answers (with a value or a promise of one), or returns undefined to give no answer. */
export type Handlers<Protocol extends Entries> = {
  [K in keyof Protocol]?: (
    request: Protocol[K]['received'],
    sender: Sender,
  ) => Protocol[K]['answer'] | Promise<Protocol[K]['answer']> | undefined;
};

/** runtime.onMessage, of the background, a page or a content script. */
type RuntimeMessageEvent = typeof browser.runtime.onMessage;

/** Returns the function that stops listening. */
export function receiveMessages<Protocol extends Entries>(
  onMessage: RuntimeMessageEvent,
  handlers: Handlers<Protocol>,
  allowSender: (type: string, sender: Sender) => boolean = () => true,
): () => void {
  const listener = (raw: unknown, sender: Sender): Promise<unknown> | undefined => {
    const type = typeof raw === 'object' && raw !== null ? (raw as { type?: unknown }).type : undefined;
    if (typeof type === 'string' && Object.hasOwn(requestSchemas, type) && !Object.hasOwn(handlers, type))
      return undefined;
    const parsed = parseRequest(raw);
    if ('invalid' in parsed) return ignore(parsed.invalid);
    if (!allowSender(parsed.type, sender)) return ignore(`${parsed.type} from ${sender.url ?? 'an unknown sender'}`);
    const handle = handlers[parsed.type] as (request: unknown, sender: Sender) => unknown;
    const answer = handle(parsed.request, sender);
    return answer === undefined ? undefined : Promise.resolve(answer);
  };
  // The webextension polyfill (and Firefox) answer with the promise a listener returns; Chrome's types know
  // only sendResponse.
  const answering = listener as Parameters<RuntimeMessageEvent['addListener']>[0];
  onMessage.addListener(answering);
  return () => onMessage.removeListener(answering);
}

function ignore(reason: string): undefined {
  console.warn(`Policy Lens: ignored a message (${reason})`);
  return undefined;
}
