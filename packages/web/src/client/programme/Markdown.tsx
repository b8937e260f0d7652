import type { ReactNode } from 'react';
import { parseMarkdown, type Block, type Inline } from './markdown';

function Inlines({ inlines }: { inlines: Inline[] }): ReactNode {
  return inlines.map((run, i) => (run.kind === 'bold' ? <strong key={i}>{run.text}</strong> : run.kind === 'italic' ? <em key={i}>{run.text}</em> : run.text));
}

function BlockView({ block, skipTitle }: { block: Block; skipTitle: boolean }) {
  switch (block.kind) {
    case 'h1':
      // The page's own heading carries the step's title; a second # becomes a section heading.
      return skipTitle ? null : <h2>{<Inlines inlines={block.inlines} />}</h2>;
    case 'h2':
      return <h2>{<Inlines inlines={block.inlines} />}</h2>;
    case 'p':
      return <p>{<Inlines inlines={block.inlines} />}</p>;
    case 'quote':
      return (
        <blockquote className="step-quote">
          <p>{<Inlines inlines={block.inlines} />}</p>
        </blockquote>
      );
    case 'ul':
    case 'ol': {
      const List = block.kind;
      return (
        <List className="step-list">
          {block.items.map((item, i) => (
            <li key={i}>
              <Inlines inlines={item} />
            </li>
          ))}
        </List>
      );
    }
  }
}

/** A step's text as React elements (never as HTML). The first `# Title` is left out: the page shows it as its h1. */
export function Markdown({ markdown }: { markdown: string }) {
  const blocks = parseMarkdown(markdown);
  const firstTitle = blocks.findIndex((b) => b.kind === 'h1');
  return (
    <>
      {blocks.map((block, i) => (
        <BlockView key={i} block={block} skipTitle={i === firstTitle} />
      ))}
    </>
  );
}
