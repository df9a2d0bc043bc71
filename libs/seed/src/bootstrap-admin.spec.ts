import { verify } from '@node-rs/argon2';
import { openTestDatabase, TestDatabase, testTargets } from '@vfr/api-testing';
import { bootstrapAdmin } from './demo-seed';

for (const target of testTargets()) {
  describe(`first admin on a new server database [${target}]`, () => {
    let db: TestDatabase;
    beforeAll(async () => {
      db = await openTestDatabase(target);
    });
    afterAll(() => db?.close());

    it('creates the admin once, with a hashed password and an audit event', async () => {
      await expect(bootstrapAdmin(db.dataSource, 'root@hospital.org', 'short')).rejects.toThrow(/at least 10/);
      expect(await bootstrapAdmin(db.dataSource, ' Root@Hospital.org ', 'a long admin password')).toBe(true);
      expect(await bootstrapAdmin(db.dataSource, 'other@hospital.org', 'another long password')).toBe(false);
      const users = await db.dataSource.query(`SELECT email, role, password_hash FROM app_user`);
      expect(users).toHaveLength(1);
      expect(users[0]).toMatchObject({ email: 'root@hospital.org', role: 'ADMIN' });
      expect(await verify(users[0].password_hash, 'a long admin password')).toBe(true);
      const [{ n }] = await db.dataSource.query(`SELECT count(*)::int AS n FROM audit_event WHERE entity_type = 'User' AND action = 'CREATE'`);
      expect(n).toBe(1);
    });
  });
}
