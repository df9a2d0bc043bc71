import * as net from 'node:net';

/** A loopback TCP port free now, for a server a test starts (PostgreSQL, PgBouncer, pg_auto_failover). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}
