/**
 * Code that runs inside the benchmark's pages (their main world), kept as plain JavaScript source: tsx
 * compiles this package with esbuild's keepNames, whose `__name(...)` calls would break a function that
 * Playwright serialises into the page.
 */

/**
 * When a frame has been rendered: a user-blocking task posted from its animation-frame callback runs right
 * after the frame's rendering (style, layout, paint), ahead of other tasks, scheduler.yield continuations
 * included. The usual double-rAF (the next frame's callback) would also count whatever runs between the
 * two frames: for us, the scan's next slices, which come after the highlights in view were painted.
 * Both figures are kept (`painted`, `nextFrame`); the mark.js peer is timed by the same rules.
 */
const AFTER_FRAME = `((done) => {
  let painted = null;
  requestAnimationFrame(() => {
    scheduler.postTask(() => { painted = performance.now(); }, { priority: 'user-blocking' });
    requestAnimationFrame(() => done(painted, performance.now()));
  });
})`;

/**
 * Installed before any page script (addInitScript). Records the page's long tasks and long animation
 * frames, and when our first highlighted term in view was painted: the first frame that finds a range of a
 * registered highlight inside the viewport paints it (timed by the AFTER_FRAME rules, from within that frame).
 * The benchmark's pages register no highlight of their own; ours have names made up for each page.
 */
export const PROBE = `(() => {
  // watching: the benchmarks that drive the page afterwards turn the watch off, with and without us alike.
  const bench = { longTasks: [], frames: [], painted: null, nextFrame: null, watching: true };
  window.__bench = bench;
  const observe = (type, keep) => {
    try {
      new PerformanceObserver((list) => { for (const e of list.getEntries()) bench[keep].push({ start: e.startTime, duration: e.duration }); })
        .observe({ type, buffered: true });
    } catch {}
  };
  observe('longtask', 'longTasks');
  observe('long-animation-frame', 'frames');
  const inView = (highlight) => {
    for (const range of highlight) {
      const live = document.createRange();
      live.setStart(range.startContainer, range.startOffset);
      live.setEnd(range.endContainer, range.endOffset);
      const rect = live.getBoundingClientRect();
      if (rect.width > 0 && rect.bottom > 0 && rect.top < innerHeight) return true;
    }
    return false;
  };
  const started = performance.now();
  const watch = () => {
    if (!bench.watching) return;
    const highlights = window.CSS && CSS.highlights ? [...CSS.highlights.values()] : [];
    if (highlights.some((highlight) => highlight.size > 0 && inView(highlight))) {
      scheduler.postTask(() => { bench.painted = performance.now(); }, { priority: 'user-blocking' });
      requestAnimationFrame(() => { bench.nextFrame = performance.now(); });
      return;
    }
    if (performance.now() - started < 60000) requestAnimationFrame(watch);
  };
  requestAnimationFrame(watch);
})()`;

/** Every node in the document (elements, text, comments): what a highlighter that wraps text adds to. */
export const COUNT_NODES = `(() => {
  const walker = document.createTreeWalker(document, NodeFilter.SHOW_ALL);
  let count = 0;
  while (walker.nextNode()) count++;
  return count;
})()`;

/** What the probe and our User Timing entries recorded. */
export const COLLECT = `(() => {
  const nav = performance.getEntriesByType('navigation')[0];
  const at = (name) => { const e = performance.getEntriesByName('jpl:' + name)[0]; return e ? e.startTime : null; };
  return {
    load: nav.loadEventEnd,
    domContentLoaded: nav.domContentLoadedEventEnd,
    marks: { main: at('main'), start: at('start'), scanStart: at('scan-start'), firstHighlight: at('first-highlight'), scanDone: at('scan-done') },
    measures: performance.getEntriesByType('measure')
      .filter((m) => m.name.startsWith('jpl:'))
      .map((m) => ({ name: m.name.slice(4), start: m.startTime, duration: m.duration })),
    longTasks: window.__bench.longTasks,
    frames: window.__bench.frames,
    painted: window.__bench.painted,
    nextFrame: window.__bench.nextFrame,
  };
})()`;

export interface Collected {
  load: number;
  domContentLoaded: number;
  marks: {
    main: number | null;
    start: number | null;
    scanStart: number | null;
    firstHighlight: number | null;
    scanDone: number | null;
  };
  measures: { name: string; start: number; duration: number }[];
  longTasks: { start: number; duration: number }[];
  frames: { start: number; duration: number }[];
  painted: number | null;
  nextFrame: number | null;
}

/** Waits (polling gently: the page is busy) until our first scan has finished. */
export const SCAN_DONE = `performance.getEntriesByName('jpl:scan-done').length > 0`;

/**
 * The page's own cost of laying itself out again: the article's width changes, which reflows every line.
 * The median of four is the page benchmarks' baseline (a machine twice as slow takes twice as long).
 */
export const RELAYOUT = `(() => {
  const main = document.querySelector('main');
  const times = [];
  for (let i = 0; i < 4; i++) {
    const started = performance.now();
    main.style.maxWidth = i % 2 === 0 ? '41em' : '';
    document.body.offsetHeight;
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return (times[1] + times[2]) / 2;
})()`;

/**
 * mark.js marks every key in one pass (markRegExp with the alternation; mark() with an array would walk
 * the page once per key); the time runs until the next frame has rendered the marks (AFTER_FRAME).
 * Argument: the alternation's source.
 */
export const MARKJS = `(source) => new Promise((resolve) => {
  const count = () => {
    const walker = document.createTreeWalker(document, NodeFilter.SHOW_ALL);
    let n = 0;
    while (walker.nextNode()) n++;
    return n;
  };
  const before = count();
  const regexp = new RegExp(source, 'g');
  const started = performance.now();
  new Mark(document.body).markRegExp(regexp, {
    done(marks) {
      const marked = performance.now();
      (${AFTER_FRAME})((painted, nextFrame) => {
        resolve({ markMs: marked - started, paintedMs: painted - started, nextFrameMs: nextFrame - started, marks, nodesAdded: count() - before });
      });
    },
  });
})`;

/**
 * The host page's own work after annotation: every frame it changes a ticker in its sticky header (in
 * view, with a term in it) and appends a paragraph to the article (below the fold). Argument:
 * { frames, paragraphs }. Resolves with the frames' start times.
 */
export const HOST_LOOP = `({ frames, paragraphs }) => new Promise((resolve) => {
  const header = document.querySelector('header');
  const ticker = document.createElement('span');
  header.append(' ', ticker);
  const article = document.querySelector('article');
  const times = [];
  const frame = () => {
    const n = times.length;
    if (n === 0 || n === frames) performance.mark(n === 0 ? 'bench:host-start' : 'bench:host-end');
    times.push(performance.now());
    ticker.textContent = '焦作高新区指数 ' + (1000 + n * 0.37).toFixed(2) + ' · 第' + n + '帧';
    const p = document.createElement('p');
    p.textContent = paragraphs[n % paragraphs.length];
    article.append(p);
    if (times.length <= frames) requestAnimationFrame(frame);
    else resolve(times);
  };
  requestAnimationFrame(frame);
})`;

/**
 * A feed that grows: paragraphs appended to the article one at a time, each preceded by a
 * \`bench:append\` mark so that our work can be put down to the paragraph that caused it. Argument:
 * { paragraphs, intervalMs }.
 */
export const APPEND_FEED = `({ paragraphs, intervalMs }) => new Promise((resolve) => {
  const article = document.querySelector('article');
  let n = 0;
  const timer = setInterval(() => {
    performance.mark('bench:append');
    const p = document.createElement('p');
    p.textContent = paragraphs[n];
    article.append(p);
    if (++n === paragraphs.length) {
      clearInterval(timer);
      setTimeout(resolve, 500);
    }
  }, intervalMs);
})`;

/** Ends the probe's per-frame watch (before a benchmark measures frames). */
export const STOP_WATCHING = `window.__bench.watching = false`;
