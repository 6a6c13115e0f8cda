/**
 * The popover's UI (Preact, floating-ui, the card and its stylesheet) as a file of its own, which the content
 * script loads the first time the reader points at a term (lib/content/popover-host.ts): every page pays for
 * the content script's start-up, few for the popover. Imported by the content script, it runs in the content
 * script's world, where it leaves the class for the loader.
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { POPOVER_VIEW_GLOBAL } from '../lib/content/popover-host';
import { PopoverView } from '../lib/content/popover/popover-view';

export default defineUnlistedScript(() => {
  (globalThis as Record<string, unknown>)[POPOVER_VIEW_GLOBAL] = PopoverView;
});
