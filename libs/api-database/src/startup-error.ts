import { editUrl, MultiHostUrl, parseMultiHostUrl } from './writable-host';

/**
 * A start-up failure whose message is a sentence for the person starting the registry: what is
 * wrong and what to do. The composition root prints it alone, without a stack.
 */
export class StartupError extends Error {
  override name = 'StartupError';
}

/** Turns what went wrong while opening a database server into such a sentence. */
export function explainConnectionError(e: unknown, url: string | undefined): Error {
  if (e instanceof StartupError) return e;
  const err = e as NodeJS.ErrnoException & { code?: string; message?: string };
  const where = url ? `the PostgreSQL server in DATABASE_URL (${redactUrl(url)})` : 'the embedded PostgreSQL';
  switch (err?.code) {
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return new StartupError(`The host of ${where} cannot be found: check the host name in DATABASE_URL.`);
    case 'ECONNREFUSED':
      return new StartupError(`Nothing answers at ${where}: start the server, or check the host and port in DATABASE_URL.`);
    case 'ETIMEDOUT':
      return new StartupError(`${capitalize(where)} did not answer in time: check the host, the port and the network in DATABASE_URL.`);
    case '28P01':
    case '28000':
      return new StartupError(`${capitalize(where)} refused the user name or password: check the credentials in DATABASE_URL.`);
    case '3D000':
      return new StartupError(`${capitalize(where)} has no such database: create it (createdb) or correct its name in DATABASE_URL.`);
    case '57P03':
      return new StartupError(`${capitalize(where)} is starting up or shutting down: start the registry again in a moment.`);
  }
  const message = err?.message ?? String(e);
  if (/timeout expired|Connection terminated due to connection timeout/i.test(message)) {
    return new StartupError(`${capitalize(where)} did not answer in time: check the host, the port and the network in DATABASE_URL.`);
  }
  if (/self[- ]signed|certificate|SSL/i.test(message)) {
    return new StartupError(`${capitalize(where)} refused the connection's encryption settings (${message}): check sslmode in DATABASE_URL.`);
  }
  return e instanceof Error ? e : new Error(message);
}

/** A DATABASE_URL must be a postgres:// URL; checked before anything connects. */
export function checkDatabaseUrl(url: string): void {
  // Several hosts (libpq's syntax, which `pg_autoctl show uri` prints): the list, then the rest
  // of the URL as for one host. writable-host.ts connects to the one that takes writes.
  let multi: MultiHostUrl | undefined;
  try {
    multi = parseMultiHostUrl(url);
  } catch (e) {
    throw new StartupError(
      `DATABASE_URL names several hosts, but ${(e as Error).message}: write it as postgres://user:password@host1:5432,host2:5432/database?target_session_attrs=read-write.`,
    );
  }
  if (multi) return checkDatabaseUrl(multi.hostUrls[0]);
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new StartupError(
      'DATABASE_URL is not a valid URL: write it as postgres://user:password@host:5432/database (percent-encode special characters in the password, e.g. @ as %40).',
    );
  }
  if (!/^postgres(ql)?:$/.test(parsed.protocol)) {
    throw new StartupError(`DATABASE_URL must start with postgres:// or postgresql://, not ${parsed.protocol}//.`);
  }
  if (!parsed.hostname && !parsed.searchParams.get('host')) {
    throw new StartupError('DATABASE_URL names no host: write it as postgres://user:password@host:5432/database.');
  }
  if (parsed.pathname.length <= 1) {
    throw new StartupError('DATABASE_URL names no database: add it after the host, as in postgres://user:password@host:5432/registry.');
  }
}

/** The URL without its password, for messages. */
export function redactUrl(url: string): string {
  try {
    return editUrl(url, (one) => {
      const u = new URL(one);
      if (u.password) u.password = '***';
      return u.toString();
    });
  } catch {
    return '(not a valid URL)';
  }
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
