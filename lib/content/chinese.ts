/**
 * Whether a frame has Chinese text, asked before anything else: most frames on the web (ads, embeds, widgets)
 * have none, and the lens would cost each of them its matcher tables, a storage read and a scan. A frame is
 * first walked for a Han character (in slices: a long page without one is read through once), then, if it has
 * none, watched with a MutationObserver that tests only the text the page adds or changes, until one comes.
 *
 * Text inside open shadow roots met on the walk counts; a shadow root attached later is not watched (a frame
 * whose only Chinese text is in one is read once other Chinese text appears there). Keys of the glossary
 * written in Latin letters and digits alone (3+13+N, 25311) are looked for only where there is Chinese text.
 */
import { Slice } from './schedule';

/** CJK ideographs: Extension A, the main block, and the compatibility ideographs. */
const HAN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/;
/** Elements whose text is no page text (a script's Chinese strings, a stylesheet's comments). */
const NOT_TEXT = new Set(['script', 'style', 'noscript', 'template']);
/** Nodes walked between two looks at the clock. */
const CLOCK_EVERY = 256;

/** Calls `found` once the document has Chinese text (now, or when the page adds some); returns a stop function. */
export function whenChinese(doc: Document, found: () => void): () => void {
  let done = false;
  const stop = () => {
    done = true;
    observer.disconnect();
  };
  const succeed = () => {
    if (done) return;
    stop();
    found();
  };
  // Watching from the start: text added while the walk yields is not missed.
  const observer = new MutationObserver((records) => {
    if (records.some(addsChinese)) succeed();
  });
  observer.observe(doc, { childList: true, subtree: true, characterData: true });
  /** Walks the document (and the open shadow roots it meets) for a Han character, in slices. */
  const walk = async (slice: Slice): Promise<boolean> => {
    const roots: Node[] = doc.documentElement ? [doc.documentElement] : [];
    for (let root = roots.pop(); root && !done; root = roots.pop()) {
      const walker = doc.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
        acceptNode: (node) =>
          node.nodeType === Node.ELEMENT_NODE && NOT_TEXT.has((node as Element).localName)
            ? NodeFilter.FILTER_REJECT
            : NodeFilter.FILTER_ACCEPT,
      });
      let visited = 0;
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (node.nodeType === Node.TEXT_NODE) {
          if (HAN.test((node as Text).data)) return true;
        } else if ((node as Element).shadowRoot) {
          const shadow = (node as Element).shadowRoot!;
          observer.observe(shadow, { childList: true, subtree: true, characterData: true });
          roots.push(shadow);
        }
        if (++visited % CLOCK_EVERY === 0 && slice.spent()) {
          await slice.yield();
          if (done) return false;
        }
      }
    }
    return false;
  };
  const slice = new Slice('chinese');
  void walk(slice).then((has) => {
    slice.end();
    if (has) succeed();
  });
  return stop;
}

/** Whether a mutation brought Chinese text: text changed or added (an added element's text is read at once). */
function addsChinese(record: MutationRecord): boolean {
  if (record.type === 'characterData') return HAN.test((record.target as CharacterData).data);
  for (const node of record.addedNodes) {
    if (node.nodeType === Node.TEXT_NODE && HAN.test((node as Text).data)) return true;
    if (node.nodeType === Node.ELEMENT_NODE && HAN.test(node.textContent ?? '')) return true;
  }
  return false;
}
