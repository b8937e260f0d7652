import { describe, expect, it } from 'vitest';
import { parseInline, parseMarkdown } from './markdown';

describe('parseInline', () => {
  it.each([
    ['plain', [{ kind: 'text', text: 'plain' }]],
    ['a **b** c', [{ kind: 'text', text: 'a ' }, { kind: 'bold', text: 'b' }, { kind: 'text', text: ' c' }]],
    ['*i*', [{ kind: 'italic', text: 'i' }]],
    ['2 * 3', [{ kind: 'text', text: '2 * 3' }]],
    ['<b>x</b>', [{ kind: 'text', text: '<b>x</b>' }]],
  ])('%s', (line, expected) => expect(parseInline(line)).toEqual(expected));
});

describe('parseMarkdown', () => {
  it('reads the subset: headings, paragraphs, lists and quotes', () => {
    const blocks = parseMarkdown('# Title\n\nOne\ntwo\n\n## Part\n- a\n- b\n\n1. x\n2. y\n\n> quoted\n> more');
    expect(blocks.map((b) => b.kind)).toEqual(['h1', 'p', 'h2', 'ul', 'ol', 'quote']);
    expect(blocks[1]).toEqual({ kind: 'p', inlines: [{ kind: 'text', text: 'One' }, { kind: 'text', text: ' ' }, { kind: 'text', text: 'two' }] });
    expect(blocks[3]).toEqual({ kind: 'ul', items: [[{ kind: 'text', text: 'a' }], [{ kind: 'text', text: 'b' }]] });
    expect(blocks[5]!.kind === 'quote' && blocks[5]!.inlines.at(-1)).toEqual({ kind: 'text', text: 'more' });
  });

  it('keeps lists apart when a blank line separates them', () => {
    expect(parseMarkdown('- a\n\n- b').map((b) => b.kind)).toEqual(['ul', 'ul']);
  });
});
