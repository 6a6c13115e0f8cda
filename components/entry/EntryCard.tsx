/**
 * The in-page popover's card, shown on an extension page (popup, glossary page). It lives in a shadow root
 * with the popover's own stylesheet, as on the web: popover.css styles bare elements (header, button, mark),
 * which would otherwise restyle the whole page, and the page's styles would restyle the card. Here it is part of
 * the page, not floating over it: it shows everything at once, in the page's light or dark scheme.
 */
import { render } from 'preact';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { DARK_SCHEME } from '../../lib/content/backdrop';
import { Popover, type PopoverProps } from '../../lib/content/popover/Popover';
import popoverCss from '../../lib/content/popover/popover.css?inline';
import embeddedCss from './embedded-card.css?inline';

export function EntryCard(props: Omit<PopoverProps, 'theme'>) {
  const host = useRef<HTMLDivElement>(null);
  const mount = useRef<HTMLElement | null>(null);
  const theme = useColourScheme();

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
    if (mount.current) render(<Popover key={props.details.term} {...props} theme={theme} />, mount.current);
  });

  return <div ref={host} class="entry-card" />;
}

/** Our pages follow the system's colour scheme (their stylesheets' prefers-color-scheme), and so does the card. */
function useColourScheme(): 'light' | 'dark' {
  const query = useRef(matchMedia(DARK_SCHEME));
  const [dark, setDark] = useState(query.current.matches);
  useEffect(() => {
    const onChange = () => setDark(query.current.matches);
    query.current.addEventListener('change', onChange);
    return () => query.current.removeEventListener('change', onChange);
  }, []);
  return dark ? 'dark' : 'light';
}
