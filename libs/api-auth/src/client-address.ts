/**
 * Which proxies' X-Forwarded-For the API believes when it takes a request's client address (for
 * sign-in throttling and the audit trail), from TRUST_PROXY, in Express's "trust proxy" terms:
 * unset or "false", none (the address is the TCP peer's, and X-Forwarded-For is ignored, since
 * anyone can send it); a number, that many proxies in front; otherwise a comma-separated list of
 * proxy addresses or subnets ("10.0.0.0/8, 127.0.0.1", or loopback, linklocal, uniquelocal).
 */
export function trustProxyFromEnv(env: NodeJS.ProcessEnv = process.env): boolean | number | string {
  const value = (env.TRUST_PROXY ?? '').trim();
  if (value === '' || value === 'false') return false;
  if (/^\d+$/.test(value)) return Number(value);
  if (value === 'true') {
    throw new Error('TRUST_PROXY=true would believe an X-Forwarded-For sent by anyone: give the number of proxies in front of the API, or their addresses');
  }
  return value;
}
