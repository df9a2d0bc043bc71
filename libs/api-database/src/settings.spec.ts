import { StartupError } from './startup-error';
import {
  adminAccountFromEnv,
  demoPatientsFromEnv,
  hostFromEnv,
  productionFromEnv,
  registryConfigFromEnv,
  renderSettingsTable,
  SETTINGS,
  sqlLogFromEnv,
} from './settings';

const refusal = (f: () => unknown): string => {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(StartupError);
    return (e as Error).message;
  }
  throw new Error('expected a StartupError');
};

describe('the settings read at start', () => {
  it('NODE_ENV: production or not, and a misspelt value stops the start rather than quietly meaning development', () => {
    expect(productionFromEnv({})).toBe(false);
    expect(productionFromEnv({ NODE_ENV: 'production' })).toBe(true);
    expect(productionFromEnv({ NODE_ENV: 'development' })).toBe(false);
    expect(productionFromEnv({ NODE_ENV: 'test' })).toBe(false);
    expect(refusal(() => productionFromEnv({ NODE_ENV: 'prod' }))).toMatch(/^NODE_ENV must be one of production, development, test .*not "prod"/);
  });

  it('HOST: an address, not empty or a URL', () => {
    expect(hostFromEnv({})).toBe('0.0.0.0');
    expect(hostFromEnv({ HOST: '127.0.0.1' })).toBe('127.0.0.1');
    expect(refusal(() => hostFromEnv({ HOST: '' }))).toMatch(/^HOST must be an address/);
    expect(refusal(() => hostFromEnv({ HOST: 'http://x' }))).toMatch(/^HOST must be an address/);
  });

  it('DEMO_PATIENTS: a whole number, never NaN', () => {
    expect(demoPatientsFromEnv({})).toBe(300);
    expect(demoPatientsFromEnv({ DEMO_PATIENTS: '0' })).toBe(0);
    expect(refusal(() => demoPatientsFromEnv({ DEMO_PATIENTS: 'many' }))).toMatch(/^DEMO_PATIENTS must be a whole number from 0 to 1000000/);
  });

  it('ADMIN_EMAIL and ADMIN_PASSWORD: both or neither, and an email address', () => {
    expect(adminAccountFromEnv({})).toBeNull();
    expect(adminAccountFromEnv({ ADMIN_EMAIL: ' a@b.org ', ADMIN_PASSWORD: 'three unrelated words' })).toEqual({
      email: 'a@b.org',
      password: 'three unrelated words',
    });
    expect(refusal(() => adminAccountFromEnv({ ADMIN_EMAIL: 'a@b.org' }))).toMatch(/set ADMIN_PASSWORD too/);
    expect(refusal(() => adminAccountFromEnv({ ADMIN_PASSWORD: 'x' }))).toMatch(/set ADMIN_EMAIL too/);
    expect(refusal(() => adminAccountFromEnv({ ADMIN_EMAIL: 'admin', ADMIN_PASSWORD: 'x' }))).toMatch(/^ADMIN_EMAIL must be an email address/);
  });

  it('SQL_LOG: 0 or 1', () => {
    expect(sqlLogFromEnv({})).toBe(false);
    expect(sqlLogFromEnv({ SQL_LOG: '1' })).toBe(true);
    expect(refusal(() => sqlLogFromEnv({ SQL_LOG: 'yes' }))).toMatch(/^SQL_LOG must be one of 0, 1/);
  });

  it('reads every setting at once and names each one to fix, the new ones included', () => {
    const message = refusal(() => registryConfigFromEnv({ HOST: '', DEMO_PATIENTS: '-1', ADMIN_EMAIL: 'x@y.org', TRUST_PROXY: 'true', SQL_LOG: 'on' }));
    expect(message.split(/(?<=\.) (?=[A-Z_]+ |[A-Z_]+=)/).map((s) => s.split(/[ =]/)[0])).toEqual([
      'HOST',
      'TRUST_PROXY',
      'ADMIN_EMAIL',
      'DEMO_PATIENTS',
      'SQL_LOG',
    ]);
    expect(registryConfigFromEnv({})).toMatchObject({
      host: '0.0.0.0',
      production: false,
      demoPatients: 300,
      adminAccount: null,
      trustProxy: false,
      sqlLog: false,
    });
  });

  it('documents each variable once, and the table shows them all', () => {
    const names = SETTINGS.flatMap((s) => s.names);
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) expect(renderSettingsTable()).toContain(`\`${name}\``);
  });
});
