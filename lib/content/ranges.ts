/** StaticRanges (what we keep: they cost the page nothing) turned live on demand, for geometry. */
export function liveRange(doc: Document, range: AbstractRange): Range {
  const live = doc.createRange();
  live.setStart(range.startContainer, range.startOffset);
  live.setEnd(range.endContainer, range.endOffset);
  return live;
}

export function rectOf(doc: Document, range: AbstractRange): DOMRect {
  return liveRange(doc, range).getBoundingClientRect();
}
