import * as fs from 'node:fs';
import { Client } from 'pg';
import { PgBouncer, pgbouncerBinary, StandbyCluster, startPgBouncer } from '@vfr/api-testing';
import { PgBouncerFollower } from '@vfr/api-database';

// The primary follower against a real PgBouncer and two real servers (a primary and a streaming
// standby). The monitor is stood in for by its interface, pgautofailover.get_primary() and the
// `state` notifications, in a schema of the primary's postgres database, so that the test can
// name either server as the primary at will; npm run scale runs the follower against
// pg_auto_failover's own monitor during a real failover.

jest.setTimeout(120000);

const installed = pgbouncerBinary() !== undefined;

(installed ? describe : describe.skip)('PgBouncerFollower', () => {
  let cluster: StandbyCluster;
  let bouncer: PgBouncer;
  let follower: PgBouncerFollower | undefined;
  let named: { host: string; port: number } | null;

  const monitorSql = (text: string) => cluster.sql(cluster.primary, text);
  /** What the stand-in monitor answers, announced as the monitor announces a state change. */
  const name = async (node: { port: number } | null) => {
    named = node && { host: '127.0.0.1', port: node.port };
    await monitorSql(
      node
        ? `UPDATE pgautofailover.stand_in SET name = 'node-${node.port}', host = '127.0.0.1', port = ${node.port}; NOTIFY state`
        : `UPDATE pgautofailover.stand_in SET host = NULL; NOTIFY state`,
    );
  };
  const until = async (what: string, ok: () => boolean | Promise<boolean>, ms = 5000) => {
    const deadline = Date.now() + ms;
    while (!(await ok())) {
      if (Date.now() > deadline) throw new Error(`${what} not within ${ms} ms`);
      await new Promise((r) => setTimeout(r, 50));
    }
  };

  beforeAll(async () => {
    cluster = await StandbyCluster.start(1);
    await monitorSql(`
      CREATE SCHEMA pgautofailover;
      CREATE TABLE pgautofailover.stand_in (name text, host text, port int);
      INSERT INTO pgautofailover.stand_in VALUES ('primary', '127.0.0.1', ${cluster.primary.port});
      CREATE FUNCTION pgautofailover.get_primary(formation_id text DEFAULT 'default', group_id int DEFAULT 0,
        OUT primary_node_id bigint, OUT primary_name text, OUT primary_host text, OUT primary_port int)
      LANGUAGE plpgsql AS $$
      BEGIN
        SELECT 1, s.name, s.host, s.port INTO primary_node_id, primary_name, primary_host, primary_port FROM pgautofailover.stand_in s;
        IF primary_host IS NULL THEN RAISE EXCEPTION 'group has no writable node right now'; END IF;
      END $$;`);
    named = { host: '127.0.0.1', port: cluster.primary.port };
    bouncer = await startPgBouncer({ url: cluster.urlOf(cluster.standbys[0]) }, { poolSize: 2, logins: [{ username: 'postgres' }] });
  });

  afterAll(async () => {
    await follower?.stop();
    await bouncer?.stop();
    await cluster?.stop();
  });

  it('refuses settings that name a host or a port, which are its to set', () => {
    const options = { monitorUrl: '', databasesFile: '', adminUrl: '' };
    expect(() => new PgBouncerFollower({ ...options, databases: { registry: 'host=db1 dbname=registry' } })).toThrow(/leave host and port out/);
    expect(() => new PgBouncerFollower({ ...options, databases: { 'bad name': 'dbname=registry' } })).toThrow(/letters, digits/);
  });

  it('moves PgBouncer to the node the monitor names, at its notification, without breaking client connections', async () => {
    const lines: string[] = [];
    follower = new PgBouncerFollower({
      monitorUrl: cluster.urlOf(cluster.primary),
      databasesFile: bouncer.databasesFile,
      databases: { registry: 'dbname=postgres' },
      adminUrl: bouncer.adminUrl,
      // Far longer than the test: only the notification can make it move in time.
      pollMs: 600000,
      log: (line) => lines.push(line),
    });
    // PgBouncer was started on the standby: the follower points it at the primary first.
    await follower.start();
    expect(follower.current).toEqual({ name: 'primary', host: '127.0.0.1', port: cluster.primary.port });
    expect(fs.readFileSync(bouncer.databasesFile, 'utf8')).toContain(`registry = host=127.0.0.1 port=${cluster.primary.port} dbname=postgres`);

    const client = new Client({ connectionString: bouncer.url({ username: 'postgres' }) });
    await client.connect();
    try {
      const inRecovery = async () => (await client.query<{ r: boolean }>('SELECT pg_is_in_recovery() AS r')).rows[0].r;
      await expect(inRecovery()).resolves.toBe(false);

      // The monitor names the standby (as after a failover): the same client connection's next
      // transaction runs there, and PgBouncer keeps no server connection to the old node.
      await name(cluster.standbys[0]);
      await until('the follower moved', () => follower!.current?.port === named!.port);
      await expect(inRecovery()).resolves.toBe(true);
      const servers = await bouncer.admin<{ database: string; port: string | number }>('SHOW SERVERS');
      expect(servers.filter((s) => s.database === 'registry').map((s) => Number(s.port))).toEqual(
        servers.filter((s) => s.database === 'registry').map(() => cluster.standbys[0].port),
      );
      expect(follower.switches.map((s) => [s.from?.port, s.to.port])).toEqual([
        [undefined, cluster.primary.port],
        [cluster.primary.port, cluster.standbys[0].port],
      ]);

      // No writable node (a failover under way): PgBouncer is left where it is, and the follower
      // keeps following.
      await name(null);
      await new Promise((r) => setTimeout(r, 500));
      expect(follower.current?.port).toBe(cluster.standbys[0].port);
      await expect(inRecovery()).resolves.toBe(true);
      await name(cluster.primary);
      await until('the follower moved back', () => follower!.current?.port === cluster.primary.port);
      await expect(inRecovery()).resolves.toBe(false);
      expect(lines.filter((l) => /now sends registry/.test(l))).toHaveLength(3);
    } finally {
      await client.end();
    }
  });
});
