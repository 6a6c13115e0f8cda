/**
 * The site a frame belongs to, as the per-site switch names it: the host name of the page in the tab. A frame
 * embedded in that page follows it (the reader switched off the page they see, frames included), where the
 * browser tells a frame who embeds it (location.ancestorOrigins: Chromium, not Firefox); otherwise, and for
 * the top page, its own host. Pages without a host (file:) are named by their scheme.
 */
export function siteOf(location: Location): string {
  const ancestors = location.ancestorOrigins;
  const top = ancestors && ancestors.length > 0 ? ancestors[ancestors.length - 1]! : null;
  const topHost = top && top !== 'null' ? hostOf(top) : '';
  return topHost || location.hostname || location.protocol;
}

function hostOf(origin: string): string {
  try {
    return new URL(origin).hostname;
  } catch {
    return '';
  }
}
