/**
 * The in-page popover's card, shown on an extension page (popup, glossary page). It lives in a shadow root
 * with the popover's own stylesheet, as on the web: popover.css styles bare elements (header, button, mark),
 * which would otherwise restyle the whole page, and the page's styles would restyle the card.
 */
import { render } from 'preact';
import { useLayoutEffect, useRef } from 'preact/hooks';
import { Popover, type PopoverProps } from '../../lib/content/popover/Popover';
import popoverCss from '../../lib/content/popover/popover.css?inline';
import embeddedCss from './embedded-card.css?inline';

export function EntryCard(props: PopoverProps) {
  const host = useRef<HTMLDivElement>(null);
  const mount = useRef<HTMLElement | null>(null);

  useLayoutEffect(() => {
    const element = host.current!;
    const shadow = element.attachShadow({ mode: 'open' });
    const style = document.createElement('style');
    style.textContent = popoverCss + embeddedCss;
    const root = document.createElement('div');
    shadow.append(style, root);
    mount.current = root;
    return () => {
      render(null, root);
      mount.current = null;
    };
  }, []);

  // A separate Preact tree inside the shadow root, rendered again whenever the props change.
  useLayoutEffect(() => {
    if (mount.current) render(<Popover {...props} />, mount.current);
  });

  return <div ref={host} class="entry-card" />;
}
