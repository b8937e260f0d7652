/**
 * The programme's small Markdown (content/README.md): one `# Title`, `##` headings, paragraphs,
 * `-` and `1.` lists, **bold**, *italic* and `>` quotes. Parsed into plain data that the page
 * renders as React elements — the text is never handed to the browser as HTML, so nothing in a
 * step file can inject markup (docs/decisions/0019-self-help-programme.md).
 */
export type Inline = { kind: 'text' | 'bold' | 'italic'; text: string };

export type Block =
  | { kind: 'h1' | 'h2' | 'p' | 'quote'; inlines: Inline[] }
  | { kind: 'ul' | 'ol'; items: Inline[][] };

/** Splits a line into plain, **bold** and *italic* runs; an unmatched marker stays as text. */
export function parseInline(line: string): Inline[] {
  const out: Inline[] = [];
  const pattern = /\*\*([^*]+)\*\*|\*([^*]+)\*/g;
  let at = 0;
  for (let match = pattern.exec(line); match; match = pattern.exec(line)) {
    if (match.index > at) out.push({ kind: 'text', text: line.slice(at, match.index) });
    out.push(match[1] !== undefined ? { kind: 'bold', text: match[1] } : { kind: 'italic', text: match[2]! });
    at = match.index + match[0].length;
  }
  if (at < line.length) out.push({ kind: 'text', text: line.slice(at) });
  return out;
}

const bullet = /^[-*]\s+(.*)$/;
const numbered = /^\d+\.\s+(.*)$/;

/** Parses a step file into blocks. Consecutive quote or paragraph lines join into one block. */
export function parseMarkdown(markdown: string): Block[] {
  const blocks: Block[] = [];
  const last = () => blocks[blocks.length - 1];
  let open = false; // whether the next line may continue the last block
  for (const raw of markdown.replace(/\r\n?/g, '\n').split('\n')) {
    const line = raw.trim();
    if (!line) {
      open = false;
      continue;
    }
    const heading = /^(#{1,2})\s+(.*)$/.exec(line);
    const item = bullet.exec(line) ?? numbered.exec(line);
    if (heading) {
      blocks.push({ kind: heading[1]!.length === 1 ? 'h1' : 'h2', inlines: parseInline(heading[2]!) });
      open = false;
    } else if (item) {
      const kind = bullet.test(line) ? 'ul' : 'ol';
      const prev = last();
      if (open && prev?.kind === kind) prev.items.push(parseInline(item[1]!));
      else blocks.push({ kind, items: [parseInline(item[1]!)] });
      open = true;
    } else {
      const quote = /^>\s?(.*)$/.exec(line);
      const kind = quote ? 'quote' : 'p';
      const text = quote ? quote[1]! : line;
      const prev = last();
      if (open && prev?.kind === kind) prev.inlines.push({ kind: 'text', text: ' ' }, ...parseInline(text));
      else blocks.push({ kind, inlines: parseInline(text) });
      open = true;
    }
  }
  return blocks;
}
