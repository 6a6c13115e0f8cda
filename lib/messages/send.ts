/**
 * Typed sending: the message's type names its request and its answer (protocol.ts), so no caller casts an
 * answer. A send rejects when nobody listens (a tab without our content script, a background reloading):
 * callers say what that means for them.
 */
import * as v from 'valibot';
import type { browser } from 'wxt/browser';
import {
  tabAnswerSchemas,
  type BackgroundMessage,
  type BackgroundProtocol,
  type TabMessage,
  type TabProtocol,
} from './protocol';

type Fields<Request> = Omit<Request, 'type'>;

/** The answer schemas, each typed by its message (indexing the plain object by a type parameter would not be). */
const answerSchemas: { [K in TabMessage]: v.GenericSchema<unknown, TabProtocol[K]['answer']> } = tabAnswerSchemas;

/** Content script or page → background. */
export async function sendToBackground<K extends BackgroundMessage>(
  runtime: typeof browser.runtime,
  type: K,
  fields: Fields<BackgroundProtocol[K]['request']>,
): Promise<BackgroundProtocol[K]['answer'] | undefined> {
  return runtime.sendMessage({ ...fields, type });
}

/** Background or popup → a tab's content script: the top frame with `{ frameId: 0 }`, else every frame. */
export async function sendToTab<K extends TabMessage>(
  tabs: typeof browser.tabs,
  tabId: number,
  type: K,
  fields: Fields<TabProtocol[K]['request']>,
  options?: { frameId: number },
): Promise<void> {
  await tabs.sendMessage(tabId, { ...fields, type }, options);
}

/**
 * Popup → a tab's top frame, for an answer. The answer comes from inside a web page: it is checked against its
 * schema, and anything else (no content script, a malformed answer) is null.
 */
export async function askTab<K extends TabMessage>(
  tabs: typeof browser.tabs,
  tabId: number,
  type: K,
  fields: Fields<TabProtocol[K]['request']>,
): Promise<TabProtocol[K]['answer'] | null> {
  const answer: unknown = await tabs.sendMessage(tabId, { ...fields, type }, { frameId: 0 }).catch(() => null);
  const parsed = v.safeParse(answerSchemas[type], answer);
  return parsed.success ? parsed.output : null;
}
