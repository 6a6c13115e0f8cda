import { writeGlossary } from '../../glossary/compiler/build';

/** Unit tests read the generated glossary: build it first, so a broken entry fails the run up front. */
export default function setup(): void {
  writeGlossary();
}
