import { Client } from 'pg';
import { checkDatabaseUrl, redactUrl, StartupError } from './startup-error';
import { connectionForUrl, editUrl, isMultiHostUrl, parseMultiHostUrl } from './writable-host';

// The reading of a multi-host DATABASE_URL (libpq's syntax, as `pg_autoctl show uri` prints it).
// Following the writable host through a real failover: apps/api/src/failover.spec.ts.

const AUTOCTL_URI = 'postgres://127.0.0.1:55411,127.0.0.1:55412/registry?target_session_attrs=read-write&sslmode=prefer';

describe('a DATABASE_URL with several hosts', () => {
  it('reads the hosts, their ports (5432 when left out) and target_session_attrs', () => {
    expect(parseMultiHostUrl(AUTOCTL_URI)).toEqual({
      hosts: [
        { host: '127.0.0.1', port: 55411 },
        { host: '127.0.0.1', port: 55412 },
      ],
      target: 'read-write',
      hostUrls: ['postgres://127.0.0.1:55411/registry?sslmode=prefer', 'postgres://127.0.0.1:55412/registry?sslmode=prefer'],
    });
    const m = parseMultiHostUrl('postgresql://app:p%40ss@db1,[::1]:6432,db3:5433/registry')!;
    expect(m.hosts).toEqual([
      { host: 'db1', port: 5432 },
      { host: '::1', port: 6432 },
      { host: 'db3', port: 5433 },
    ]);
    expect(m.target).toBe('any');
    expect(m.hostUrls[1]).toBe('postgresql://app:p%40ss@[::1]:6432/registry');
  });

  it('leaves a URL with one host to node-postgres exactly as before', () => {
    const one = 'postgres://app:secret@db1:5432/registry?target_session_attrs=read-write';
    expect(isMultiHostUrl(one)).toBe(false);
    expect(parseMultiHostUrl(one)).toBeUndefined();
    expect(connectionForUrl(one)).toEqual({ url: one });
    expect(isMultiHostUrl(AUTOCTL_URI)).toBe(true);
  });

  it('gives the pool the first host and a Client that finds the writable one', () => {
    const c = connectionForUrl(AUTOCTL_URI);
    expect(c.url).toBe('postgres://127.0.0.1:55411/registry?sslmode=prefer');
    expect(Object.getPrototypeOf(c.extra!.Client)).toBe(Client);
  });

  it('is accepted by the start-up check, and a broken host list or a read-only target is refused with a sentence', () => {
    expect(() => checkDatabaseUrl(AUTOCTL_URI)).not.toThrow();
    const refusal = (url: string) => {
      try {
        checkDatabaseUrl(url);
      } catch (e) {
        expect(e).toBeInstanceOf(StartupError);
        return (e as Error).message;
      }
      throw new Error('expected a refusal');
    };
    expect(refusal('postgres://db1:5432,db2:99999/registry')).toMatch(/^DATABASE_URL names several hosts, but "db2:99999" is not a host or host:port/);
    expect(refusal('postgres://db1,/registry')).toMatch(/"" is not a host/);
    expect(refusal('postgres://db1,db2/registry?target_session_attrs=read-only')).toMatch(/target_session_attrs=read-only does not suit/);
    expect(refusal('postgres://db1,db2/')).toMatch(/^DATABASE_URL names no database/);
  });

  it('is edited (another role) and redacted with its host list kept', () => {
    const url = 'postgres://owner:secret@db1:5432,db2:5432/registry?target_session_attrs=read-write';
    expect(redactUrl(url)).toBe('postgres://owner:***@db1:5432,db2:5432/registry?target_session_attrs=read-write');
    const as = editUrl(url, (one) => {
      const u = new URL(one);
      u.username = 'api';
      u.password = 'x';
      return u.toString();
    });
    expect(as).toBe('postgres://api:x@db1:5432,db2:5432/registry?target_session_attrs=read-write');
  });
});
