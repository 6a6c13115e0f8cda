import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { PageTermsMessage, PageTermsResponse, TermCount } from '../lib/messages';
import { glossary } from './glossary';

export function Popup() {
  const [pageTerms, setPageTerms] = useState<TermCount[] | null>(null);

  useEffect(() => {
    void (async () => {
      const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
      if (tab?.id === undefined) return setPageTerms([]);
      const request: PageTermsMessage = { type: 'page-terms', tabId: tab.id };
      const response = (await browser.runtime.sendMessage(request)) as PageTermsResponse | undefined;
      setPageTerms(response?.terms ?? []);
    })();
  }, []);

  return (
    <main>
      <h1>
        Jiaozuo Policy Lens <span lang="zh-CN">焦作政策词汇助读</span>
      </h1>
      <p class="summary">
        {glossary.entries.length} terms from {glossary.documents.length} source articles
      </p>
      <section aria-labelledby="on-this-page">
        <h2 id="on-this-page">On this page</h2>
        {pageTerms === null ? (
          <p class="muted">Looking…</p>
        ) : pageTerms.length === 0 ? (
          <p class="muted">No glossary terms found on this page.</p>
        ) : (
          <ul class="page-terms">
            {pageTerms.map(({ term, count }) => (
              <li key={term}>
                <span lang="zh-CN">{term}</span> <span class="count">×{count}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </main>
  );
}
