import { marked, type Tokens } from 'marked';
import { useEffect, useMemo } from 'react';
import { useLocation } from 'react-router';
// The document is the one in the repository's docs/, bundled at build time: the definitions the
// figures link to are the ones the code was built with.
import methods from '../../../../docs/methods.md?raw';
import { headingId } from './methods-anchors';
import './methods.css';

/** Headings get ids (headingId) so that a figure's caption can link to its section. */
function render(markdown: string): string {
  const renderer = new marked.Renderer();
  renderer.heading = function ({ tokens, depth, text }: Tokens.Heading) {
    return `<h${depth} id="${headingId(text)}">${this.parser.parseInline(tokens)}</h${depth}>\n`;
  };
  return marked.parse(markdown, { renderer, async: false });
}

/** The statistical methods: how every figure is defined, as docs/methods.md says it. */
export function MethodsPage() {
  const html = useMemo(() => render(methods), []);
  const { hash } = useLocation();
  useEffect(() => {
    if (hash) document.getElementById(decodeURIComponent(hash.slice(1)))?.scrollIntoView();
  }, [hash, html]);
  return <article className="methods" aria-label="Statistical methods" dangerouslySetInnerHTML={{ __html: html }} />;
}
