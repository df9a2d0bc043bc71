import react from '@vitejs/plugin-react';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';
import { defineConfig, type Plugin } from 'vite';
import { methodsDocument } from './src/methods/methods-document';
import { QUESTIONNAIRES } from './src/patients/questionnaires';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');

/**
 * For the build, each graphql(`query Name ...`) call in a *.documents.ts file becomes its query
 * text with the white space collapsed: a plain string, which urql parses itself (hooks.ts passes
 * strings through). The generated NameDocument is a syntax tree written out as JSON, several times
 * the size of its text, and gql.ts's lookup table would carry the text again as a key; neither
 * reaches the bundle. The source keeps graphql() for the types; tsc and the dev server are
 * unchanged. (GraphQL's white space is insignificant outside string literals and comments, which
 * the documents do not use: a document with either is refused here rather than altered.)
 */
function precompiledDocuments(): Plugin {
  return {
    name: 'vfr-precompiled-documents',
    apply: 'build',
    transform(code, id) {
      if (!/\.documents\.ts$/.test(id)) return null;
      let count = 0;
      const out = code.replace(/\bgraphql\(\s*`([^`]*)`\s*\)/g, (_all, text: string) => {
        const name = /^\s*(?:query|mutation)\s+(\w+)/.exec(text)?.[1];
        if (!name) throw new Error(`${id}: a graphql() document without an operation name`);
        if (/["\\#]/.test(text)) throw new Error(`${id}: ${name} holds a string literal or a comment; its white space cannot be collapsed safely`);
        count += 1;
        return JSON.stringify(text.replace(/\s+/g, ' ').trim());
      });
      return count ? { code: out, map: null } : null;
    },
  };
}

/**
 * docs/methods.md as /methods.html (and its stylesheet), written into the build and served by the
 * dev server: the page every figure's "How this figure is defined" opens.
 */
function methodsPage(): Plugin {
  const files = () => ({
    'methods.html': methodsDocument(readFileSync(resolve(root, 'docs/methods.md'), 'utf8')),
    'methods.css': readFileSync(resolve(here, 'src/methods/methods-document.css'), 'utf8'),
    // The questionnaires' statements as data the visit form fetches, not as script in the bundle.
    'questionnaires.json': JSON.stringify(QUESTIONNAIRES),
  });
  return {
    name: 'vfr-methods-page',
    generateBundle() {
      for (const [fileName, source] of Object.entries(files())) this.emitFile({ type: 'asset', fileName, source });
    },
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const name = (req.url ?? '').split(/[?#]/)[0].slice(1);
        const file = (files() as Record<string, string>)[name];
        if (!file) return next();
        res.setHeader(
          'Content-Type',
          name.endsWith('.css') ? 'text/css; charset=utf-8' : name.endsWith('.json') ? 'application/json; charset=utf-8' : 'text/html; charset=utf-8',
        );
        res.end(file);
      });
    },
  };
}

export default defineConfig(({ command }) => ({
  root: here,
  plugins: [react(), precompiledDocuments(), methodsPage()],
  resolve: {
    alias: {
      '@vfr/domain': resolve(root, 'libs/domain/src/index.ts'),
      // react-router's package exports only its development build (with its warnings' texts);
      // the build takes the production one it ships beside it (about 0.8 KB gzipped less).
      ...(command === 'build' ? { 'react-router': resolve(root, 'node_modules/react-router/dist/production/index.mjs') } : {}),
    },
  },
  build: {
    outDir: resolve(root, 'dist/apps/dashboard'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 800,
    // Every browser the registry supports preloads modules itself (Chromium since 66, Firefox 115,
    // Safari 17); where one does not, the modules still load, only not ahead.
    modulePreload: { polyfill: false },
    rolldownOptions: {
      output: {
        codeSplitting: {
          includeDependenciesRecursively: false,
          // The forms' small helpers, each shared by a few screens, as one chunk rather than one
          // each: a few hundred bytes of code apiece, whose chunks' own wrapping and compression
          // cost about a third more again.
          groups: [{ name: 'forms', test: /src[\\/]forms[\\/](choices|form-values|pager|request-id|record-update|status|server-problem)\.tsx?$/ }],
        },
      },
    },
    minify: 'terser',
    terserOptions: { module: true, ecma: 2020, compress: { passes: 3 }, format: { comments: false } },
  },
  server: {
    port: 4200,
    proxy: { '/graphql': 'http://localhost:3000', '/health': 'http://localhost:3000' },
  },
}));
