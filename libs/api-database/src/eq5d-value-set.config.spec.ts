import { Eq5dValueSet } from '@vfr/domain';
import { eq5dValueSetFromEnv } from './database.config';
import { registryConfigFromEnv } from './settings';

describe('EQ5D_VALUE_SET', () => {
  it('defaults to the England value set and takes GERMANY or US', () => {
    expect(eq5dValueSetFromEnv({})).toBe(Eq5dValueSet.ENGLAND);
    expect(eq5dValueSetFromEnv({ EQ5D_VALUE_SET: 'GERMANY' })).toBe(Eq5dValueSet.GERMANY);
    expect(eq5dValueSetFromEnv({ EQ5D_VALUE_SET: ' us ' })).toBe(Eq5dValueSet.US);
    expect(registryConfigFromEnv({ EQ5D_VALUE_SET: 'US' }).eq5dValueSet).toBe(Eq5dValueSet.US);
  });

  it('stops the start with a sentence naming the variable and the sets it may be', () => {
    expect(() => eq5dValueSetFromEnv({ EQ5D_VALUE_SET: 'UK' })).toThrow(
      'EQ5D_VALUE_SET must be one of ENGLAND, GERMANY, US (the EQ-5D-5L value set), not "UK": correct it, or unset it for the default (ENGLAND).',
    );
    expect(() => eq5dValueSetFromEnv({ EQ5D_VALUE_SET: '' })).toThrow(/not empty/);
    expect(() => registryConfigFromEnv({ EQ5D_VALUE_SET: 'FRANCE', PORT: 'x' })).toThrow(/PORT must be .* EQ5D_VALUE_SET must be one of/);
  });
});
