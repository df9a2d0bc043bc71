import { marked, type Tokens } from 'marked';
import { headingId } from './methods-anchors';

// The statistical methods (docs/methods.md) as a page of their own, rendered when the dashboard is
// built (and by the dev server): plain HTML beside the app, so the definitions the figures link
// to are the ones the code was built with, and reading them costs the app no JavaScript.

/** The document's HTML page; headings carry ids (headingId) for the figures' links. */
export function methodsDocument(markdown: string): string {
  const renderer = new marked.Renderer();
  renderer.heading = function ({ tokens, depth, text }: Tokens.Heading) {
    return `<h${depth} id="${headingId(text)}">${this.parser.parseInline(tokens)}</h${depth}>\n`;
  };
  const body = marked.parse(markdown, { renderer, async: false });
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="UTF-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1.0" />
    <title>Statistical methods · Vertebral Fracture Outcomes Registry</title>
    <link rel="stylesheet" href="/methods.css" />
  </head>
  <body>
    <p class="back"><a href="/">Vertebral Fracture Outcomes Registry</a></p>
    <article class="methods">
${body}
    </article>
  </body>
</html>
`;
}
