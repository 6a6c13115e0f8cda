// Code that tests evaluate inside extension pages and the service worker uses the `chrome` global.
declare const chrome: typeof import('wxt/browser').browser;
