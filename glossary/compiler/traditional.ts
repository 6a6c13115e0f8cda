/**
 * Traditional-script forms of the glossary's terms, generated at build time with OpenCC (opencc-js): the same
 * story reprinted by a Hong Kong or Taiwan outlet writes 一區五城 and 高質量發展. OpenCC converts whole phrases
 * (发展 → 發展, but 头发 → 頭髮), and Taiwan's and Hong Kong's standards differ in places (里 → 裡 / 裏):
 * both are kept.
 */
import { Converter } from 'opencc-js';

// As OpenCC defines cn → tw and cn → hk: to its standard traditional, then each place's variants. Built this
// way the large phrase table is built once, not twice (half the glossary build's start-up time).
const toTraditional = Converter({ from: 'cn', to: 't' });
const VARIANTS = [Converter({ from: 't', to: 'tw' }), Converter({ from: 't', to: 'hk' })];

/** The traditional forms of a simplified form that differ from it, Taiwan's first; [] when it is the same. */
export function traditionalForms(form: string): string[] {
  const traditional = toTraditional(form);
  return [...new Set(VARIANTS.map((variants) => variants(traditional)))].filter((converted) => converted !== form);
}
