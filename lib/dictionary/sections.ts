/**
 * A file of typed arrays, used in place: a header (magic, format version, then each section's byte offset and
 * element count), then the sections, each 4-byte aligned. Reading it makes views and copies nothing, which is
 * what lets a service worker that has just started answer from a 10 MB file at once.
 */

/** 'JPLD', little-endian. */
const MAGIC = 0x444c504a;

type ArrayKind = 'u8' | 'u16' | 'u32';
type ArrayOf<K extends ArrayKind> = K extends 'u8' ? Uint8Array : K extends 'u16' ? Uint16Array : Uint32Array;
const BYTES: Record<ArrayKind, number> = { u8: 1, u16: 2, u32: 4 };

/** A file's layout: its version, and its sections in order with their element types. */
export interface Layout<S extends Record<string, ArrayKind>> {
  /** Raised whenever the layout changes: a reader refuses a file of another version rather than misread it. */
  version: number;
  sections: S;
}

/** A layout, its section names and types kept as written. */
export function defineLayout<S extends Record<string, ArrayKind>>(layout: Layout<S>): Layout<S> {
  return layout;
}

export type Sections<S extends Record<string, ArrayKind>> = { [K in keyof S]: ArrayOf<S[K]> };

export class FileFormatError extends Error {}

export function packSections<S extends Record<string, ArrayKind>>(layout: Layout<S>, data: Sections<S>): Uint8Array {
  const names = Object.keys(layout.sections);
  const headerBytes = (3 + names.length * 2) * 4;
  let offset = headerBytes;
  const offsets = names.map((name) => {
    const at = offset;
    offset = (offset + data[name]!.byteLength + 3) & ~3;
    return at;
  });
  const file = new Uint8Array(offset);
  const header = new Uint32Array(file.buffer, 0, headerBytes / 4);
  header.set([MAGIC, layout.version, names.length]);
  names.forEach((name, i) => {
    const array = data[name]!;
    header[3 + i * 2] = offsets[i]!;
    header[4 + i * 2] = array.length;
    file.set(new Uint8Array(array.buffer, array.byteOffset, array.byteLength), offsets[i]!);
  });
  return file;
}

export function readSections<S extends Record<string, ArrayKind>>(
  layout: Layout<S>,
  buffer: ArrayBuffer,
  what: string,
): Sections<S> {
  const names = Object.keys(layout.sections);
  const headerWords = 3 + names.length * 2;
  if (buffer.byteLength < headerWords * 4) throw new FileFormatError(`${what}: too short for its header`);
  const header = new Uint32Array(buffer, 0, headerWords);
  if (header[0] !== MAGIC) throw new FileFormatError(`${what}: not one of our files`);
  if (header[1] !== layout.version || header[2] !== names.length) {
    throw new FileFormatError(`${what}: format version ${header[1]}, expected ${layout.version}`);
  }
  const sections = {} as Record<string, Uint8Array | Uint16Array | Uint32Array>;
  names.forEach((name, i) => {
    const kind = layout.sections[name]!;
    const offset = header[3 + i * 2]!;
    const length = header[4 + i * 2]!;
    if (offset % 4 !== 0 || offset + length * BYTES[kind] > buffer.byteLength) {
      throw new FileFormatError(`${what}: section ${name} lies outside the file`);
    }
    sections[name] =
      kind === 'u8'
        ? new Uint8Array(buffer, offset, length)
        : kind === 'u16'
          ? new Uint16Array(buffer, offset, length)
          : new Uint32Array(buffer, offset, length);
  });
  return sections as Sections<S>;
}
