import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { SETTINGS } from '@vfr/api-database';

// No Docker engine runs where the tests run, so the deployment files are checked for what a
// `docker compose up` would need: files that exist, wiring that matches what the API reads.
const here = __dirname;
const root = path.join(here, '..');
const compose = parse(fs.readFileSync(path.join(here, 'compose.yaml'), 'utf8'));

describe('docker deployment files', () => {
  it('builds the api from an existing Dockerfile and context', () => {
    const build = compose.services.api.build;
    const context = path.resolve(here, build.context);
    expect(context).toBe(root);
    expect(fs.existsSync(path.join(context, build.dockerfile))).toBe(true);
  });

  it('runs PostgreSQL 15 with a volume and a health check, and starts the api only once it is healthy', () => {
    const db = compose.services.db;
    expect(db.image).toBe('postgres:15');
    expect(db.volumes[0]).toMatch(/^registry-data:/);
    expect(Object.keys(compose.volumes)).toContain('registry-data');
    expect(db.healthcheck.test.join(' ')).toMatch(/pg_isready/);
    expect(compose.services.api.depends_on.db.condition).toBe('service_healthy');
    expect(compose.services.api.healthcheck.test.join(' ')).toMatch(/\/health/);
  });

  it('wires DATABASE_URL to the db service and sets the variables the API reads', () => {
    const env = compose.services.api.environment;
    expect(env.DATABASE_URL).toMatch(/@db:5432\//);
    expect(env.DATABASE_URL).toContain(compose.services.db.environment.POSTGRES_DB);
    // Every variable the file sets is one the registry reads (its settings, one definition each).
    const settings = SETTINGS.flatMap((s) => s.names);
    expect(Object.keys(env).filter((name) => !settings.includes(name))).toEqual([]);
  });

  it('copies into the image only paths that exist, and runs the built server', () => {
    const dockerfile = fs.readFileSync(path.join(here, 'Dockerfile'), 'utf8');
    const copies = [...dockerfile.matchAll(/^COPY (?!--from)(.+) \S+$/gm)].flatMap((m) => m[1].split(/\s+/));
    expect(copies.length).toBeGreaterThan(0);
    for (const p of copies) expect(fs.existsSync(path.join(root, p))).toBe(true);
    expect(dockerfile).toMatch(/CMD \["node", "dist\/server\/apps\/api\/src\/main.js"\]/);
    expect(fs.readFileSync(path.join(root, 'tsconfig.build.json'), 'utf8')).toContain('"outDir": "dist/server"');
  });

  it('migrates as the owner in a one-shot service and serves as the restricted role', () => {
    const { db, migrate, api } = compose.services;
    expect(db.volumes).toContain('./postgres-init:/docker-entrypoint-initdb.d:ro');
    const init = fs.readFileSync(path.join(here, 'postgres-init', '10-registry-roles.sh'), 'utf8');
    expect(fs.statSync(path.join(here, 'postgres-init', '10-registry-roles.sh')).mode & 0o111).toBeTruthy();
    expect(init).toMatch(/CREATE ROLE registry_api NOLOGIN/);
    expect(init).toMatch(/CREATE ROLE registry_app LOGIN[\s\S]*IN ROLE registry_api/);
    expect(init).toMatch(/ALTER ROLE registry_app SET statement_timeout = '60s'/);
    expect(db.environment.API_DATABASE_PASSWORD).toBeDefined();
    // The owner (POSTGRES_USER) migrates; the API's URL names registry_app, with its own password.
    expect(migrate.environment.DATABASE_MIGRATION_URL).toMatch(new RegExp(`^postgres://${db.environment.POSTGRES_USER}:\\$\\{POSTGRES_PASSWORD\\}@db:5432/`));
    expect(migrate.environment.DATABASE_URL).toBeUndefined();
    expect(migrate.command).toEqual(['node', 'dist/server/apps/api/src/migrate.cli.js']);
    expect(fs.readFileSync(path.join(root, 'apps/api/src/migrate.cli.ts'), 'utf8')).toMatch(/migrationUrl/);
    expect(fs.readFileSync(path.join(root, 'libs/api-database/src/database.config.ts'), 'utf8')).toMatch(/env\.DATABASE_MIGRATION_URL\b/);
    expect(api.environment.DATABASE_URL).toMatch(/^postgres:\/\/registry_app:\$\{API_DATABASE_PASSWORD\}@db:5432\//);
    expect(api.environment.DATABASE_MIGRATION_URL).toBeUndefined();
    expect(api.depends_on.migrate.condition).toBe('service_completed_successfully');
    expect(migrate.image).toBe(api.image);
  });
});
