/** The glossary page's current route, following the address fragment (lib/glossary-route). */
import { useEffect, useState } from 'preact/hooks';
import { formatRoute, parseRoute, type GlossaryRoute } from '../../lib/glossary-route';

export function useRoute(): GlossaryRoute {
  const [route, setRoute] = useState(() => parseRoute(location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseRoute(location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}

/** Goes to a route: a new history entry, so that Back returns. */
export function navigate(route: GlossaryRoute): void {
  location.hash = formatRoute(route);
}

/** Records the open entry in the address (to copy or bookmark) without a history entry or a scroll. */
export function noteRoute(route: GlossaryRoute): void {
  history.replaceState(null, '', formatRoute(route));
}
