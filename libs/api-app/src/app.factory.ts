import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import helmet from 'helmet';
import { isUtf8 } from 'node:buffer';
import { createHash } from 'node:crypto';
import { IncomingMessage, ServerResponse } from 'node:http';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { HttpErrorFilter } from '@vfr/api-core';
import { dashboardDirFromEnv, OpenDatabase, trustProxyFromEnv, withServedFrom } from '@vfr/api-database';
import { AppModule } from './app.module';

const IMPORT_LIMIT_BYTES = 50 * 1024 * 1024;

export async function createApp(
  db: OpenDatabase,
  options: { logger?: false | undefined; closeDatabaseOnShutdown?: boolean; dashboardDir?: string } = {},
): Promise<NestExpressApplication> {
  // Where the built dashboard lives (DASHBOARD_DIR); served at / when present.
  const dashboardDir = options.dashboardDir ?? dashboardDirFromEnv();
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forDatabase(db, options), {
    logger: options.logger === false ? false : ['error', 'warn', 'log'],
    bodyParser: false,
    // Throw start-up errors to the caller (main.ts reports them) rather than exiting the process.
    abortOnError: false,
  });
  // No copy of any answer of the API (GraphQL, records, exports, import reports, errors) in a
  // browser's or a proxy's cache, where the next user of a shared computer could read it: every
  // response is no-store unless it is one of the dashboard's own files, which keep their caching.
  app.use((_req: IncomingMessage, res: ServerResponse, next: () => void) => {
    res.setHeader('cache-control', 'no-store');
    // Each request keeps its own record of where its aggregates came from (served-from.ts).
    withServedFrom(next);
  });
  // Large enough for any legitimate request, so that an over-long field gets a field error from
  // validation rather than a bare "payload too large".
  // Bytes that are not UTF-8 are refused rather than silently stored as replacement characters.
  app.useBodyParser('json', {
    limit: '2mb',
    verify: (_req: unknown, _res: unknown, body: Buffer) => {
      if (!isUtf8(body)) throw Object.assign(new Error('The request body is not valid UTF-8'), { status: 400, expose: true });
    },
  });
  // CSV imports arrive as raw bytes so that their encoding can be checked, up to 50 MB. A file
  // announced as larger is refused from its headers, and the connection closed, instead of being
  // read to the end and discarded (which is what the body parser would do before answering).
  app.use((req: IncomingMessage, res: ServerResponse, next: () => void) => {
    if (!req.url?.startsWith('/api/import/') || Number(req.headers['content-length'] ?? 0) <= IMPORT_LIMIT_BYTES) return next();
    const message = `The file is larger than ${IMPORT_LIMIT_BYTES / 1024 / 1024} MB: split it and import the parts`;
    res.writeHead(413, { 'content-type': 'application/json; charset=utf-8', connection: 'close' });
    res.end(JSON.stringify({ error: { code: 'PAYLOAD_TOO_LARGE', message, fields: [{ field: 'file', rule: 'max_size', message }] } }));
  });
  app.useBodyParser('raw', { type: ['text/csv', 'application/octet-stream'], limit: IMPORT_LIMIT_BYTES });
  app.useGlobalFilters(new HttpErrorFilter());
  app.disable('x-powered-by');
  // No ETag computed from every answer's body (a hash of it per request): the API's answers are
  // no-store, so no client holds one to revalidate. The dashboard's files keep theirs (below).
  app.set('etag', false);
  // The client address (sign-in throttling, audit): X-Forwarded-For only from proxies named in TRUST_PROXY.
  app.set('trust proxy', trustProxyFromEnv());
  // Security headers everywhere; the dashboard loads only its own scripts and styles.
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", 'data:'],
          connectSrc: ["'self'"],
        },
      },
    }),
  );
  if (fs.existsSync(path.join(dashboardDir, 'index.html'))) {
    app.useStaticAssets(dashboardDir, { index: false, maxAge: '1h', setHeaders: (res: ServerResponse) => res.removeHeader('cache-control') });
    // The single-page app owns every other GET path.
    const index = fs.readFileSync(path.join(dashboardDir, 'index.html'));
    // Its ETag, as Express computes it (weak), once: a browser revalidates the page and gets a 304.
    const indexTag = `W/"${index.length.toString(16)}-${createHash('sha1').update(index).digest('base64').slice(0, 27)}"`;
    app.use(
      (
        req: { method: string; path: string },
        res: { removeHeader(h: string): void; setHeader(h: string, v: string): void; type(t: string): { send(b: Buffer): void } },
        next: () => void,
      ) => {
        if (req.method === 'GET' && !/^\/(graphql|health|api|q)(\/|$)/.test(req.path)) {
          res.removeHeader('cache-control');
          res.setHeader('etag', indexTag);
          res.type('html').send(index);
        } else next();
      },
    );
  }
  app.enableShutdownHooks();
  return app;
}
