/**
 * Names we must give things in the page (our highlights in its registry, our card's host element): made up
 * afresh by each lens, so that a page cannot look for a name of ours. Two random words joined by a hyphen, of
 * random lengths: a valid CSS identifier, highlight name and custom element name alike, and not ours to
 * recognise (the hyphen is what custom elements of every page and extension have).
 */
const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/** What a made-up name must not happen to spell: a word that would point at us. */
const GIVES_US_AWAY = /jpl|lens|policy|jiaozuo|glossary/;

export function randomName(): string {
  for (;;) {
    const name = `${randomWord()}-${randomWord()}`;
    if (!GIVES_US_AWAY.test(name)) return name;
  }
}

/** Three to eight lower-case letters. */
function randomWord(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(9));
  const length = 3 + (bytes[0]! % 6);
  let word = '';
  for (let i = 1; i <= length; i++) word += LETTERS[bytes[i]! % LETTERS.length];
  return word;
}
