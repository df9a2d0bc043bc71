import { trustProxyFromEnv } from './settings';

describe('which proxies the client address may come from (TRUST_PROXY)', () => {
  it('believes no X-Forwarded-For unless proxies are named', () => {
    expect(trustProxyFromEnv({})).toBe(false);
    expect(trustProxyFromEnv({ TRUST_PROXY: '' })).toBe(false);
    expect(trustProxyFromEnv({ TRUST_PROXY: 'false' })).toBe(false);
  });

  it('takes a number of proxies or their addresses, and refuses to believe everyone', () => {
    expect(trustProxyFromEnv({ TRUST_PROXY: '1' })).toBe(1);
    expect(trustProxyFromEnv({ TRUST_PROXY: 'loopback, 10.0.0.0/8' })).toBe('loopback, 10.0.0.0/8');
    expect(() => trustProxyFromEnv({ TRUST_PROXY: 'true' })).toThrow(/sent by anyone/);
  });
});
