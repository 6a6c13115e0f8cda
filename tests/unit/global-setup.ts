import { GENERATED_DIR, writeGlossary } from '../../glossary/compiler/build';
import { writeDictionary } from '../../glossary/compiler/dictionary';

/**
 * Unit tests read the generated glossary and dictionary: build them first, so a broken entry fails the run up
 * front.
 */
export default function setup(): void {
  writeGlossary();
  writeDictionary(GENERATED_DIR);
}
