import { newRequestId } from './request-id';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('request ids for create forms', () => {
  it('is a fresh version-4 UUID each time, with crypto.randomUUID and without it (plain http pages)', () => {
    const a = newRequestId();
    expect(a).toMatch(UUID_V4);
    expect(newRequestId()).not.toBe(a);
    const owner = Object.prototype.hasOwnProperty.call(crypto, 'randomUUID') ? crypto : Object.getPrototypeOf(crypto);
    const original = Object.getOwnPropertyDescriptor(owner, 'randomUUID')!;
    Object.defineProperty(crypto, 'randomUUID', { value: undefined, configurable: true, writable: true });
    try {
      const made = Array.from({ length: 50 }, newRequestId);
      for (const id of made) expect(id).toMatch(UUID_V4);
      expect(new Set(made).size).toBe(50);
    } finally {
      if (owner === crypto) Object.defineProperty(crypto, 'randomUUID', original);
      else delete (crypto as { randomUUID?: unknown }).randomUUID;
    }
    expect(newRequestId()).toMatch(UUID_V4);
  });
});
