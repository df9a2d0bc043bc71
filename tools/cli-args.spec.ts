import { CliError, readCliArgs } from './cli-args';

const SPEC = {
  usage: 'cmd [--patients N] [--ratio R] [--out file] [--keep] [file]',
  numbers: { patients: { default: 300 }, ratio: { default: 0.5, min: 0, fraction: true } },
  optionalNumbers: { writers: {} },
  strings: ['out'] as const,
  flags: ['keep'] as const,
  positionals: 1,
};
const refusal = (argv: string[]): string => {
  try {
    readCliArgs(argv, SPEC);
  } catch (e) {
    expect(e).toBeInstanceOf(CliError);
    return (e as Error).message;
  }
  throw new Error('expected a refusal');
};

describe('command-line options', () => {
  it('gives the defaults, the values given, flags and a plain argument', () => {
    expect(readCliArgs([], SPEC)).toEqual({
      numbers: { patients: 300, ratio: 0.5 },
      optionalNumbers: {},
      strings: {},
      flags: { keep: false },
      positionals: [],
    });
    expect(readCliArgs(['--patients', '12', '--ratio=0.25', '--out', 'x.json', '--keep', '--writers', '3', 'a.file'], SPEC)).toEqual({
      numbers: { patients: 12, ratio: 0.25 },
      optionalNumbers: { writers: 3 },
      strings: { out: 'x.json' },
      flags: { keep: true },
      positionals: ['a.file'],
    });
  });

  it('refuses an unknown or mistyped option with the usage, rather than ignoring it', () => {
    expect(refusal(['--patient', '12'])).toMatch(/Unknown option '--patient'.*Usage: cmd/);
    expect(refusal(['a', 'b'])).toMatch(/^Unexpected argument "b". Usage: cmd/);
  });

  it('refuses a number that is not one, a fraction where a count is meant, or one below its minimum', () => {
    expect(refusal(['--patients', 'many'])).toBe('--patients must be a whole number of at least 1, not "many". Usage: ' + SPEC.usage);
    expect(refusal(['--patients', '2.5'])).toMatch(/^--patients must be a whole number/);
    expect(refusal(['--patients', '0'])).toMatch(/^--patients must be a whole number of at least 1/);
    expect(refusal(['--ratio=-1'])).toMatch(/^--ratio must be a number of at least 0/);
    expect(refusal(['--writers', ''])).toMatch(/^--writers must be a whole number/);
    expect(refusal(['--out'])).toMatch(/argument missing|requires|value/i);
  });
});
