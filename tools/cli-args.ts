import { parseArgs } from 'node:util';

// The command-line options of the registry's commands (seed, bench, load, faults, fuzz, backup,
// restore, upgrade-data), read one way: declared up front, an unknown option or a bad number
// refused with the command's usage, never taken as NaN or ignored.

export class CliError extends Error {}

export interface NumberOption {
  default: number;
  /** Smallest allowed value (default 1: a count). */
  min?: number;
  /** Whether fractions are allowed (default: whole numbers only). */
  fraction?: boolean;
}

export interface CliSpec<N extends string, S extends string, F extends string, O extends string = never> {
  /** How to call the command, shown with any refusal. */
  usage: string;
  numbers?: Record<N, NumberOption>;
  /** Numbers whose default the command works out itself (absent when not given). */
  optionalNumbers?: Record<O, Omit<NumberOption, 'default'>>;
  strings?: readonly S[];
  flags?: readonly F[];
  /** How many plain arguments the command takes (default none). */
  positionals?: number;
}

export interface CliArgs<N extends string, S extends string, F extends string, O extends string = never> {
  numbers: Record<N, number>;
  optionalNumbers: Partial<Record<O, number>>;
  strings: Partial<Record<S, string>>;
  flags: Record<F, boolean>;
  positionals: string[];
}

export function readCliArgs<N extends string = never, S extends string = never, F extends string = never, O extends string = never>(
  argv: readonly string[],
  spec: CliSpec<N, S, F, O>,
): CliArgs<N, S, F, O> {
  const numberNames = Object.keys(spec.numbers ?? {}) as N[];
  const optionalNames = Object.keys(spec.optionalNumbers ?? {}) as O[];
  const options: Record<string, { type: 'string' | 'boolean' }> = {};
  for (const n of [...numberNames, ...optionalNames, ...(spec.strings ?? [])]) options[n] = { type: 'string' };
  for (const f of spec.flags ?? []) options[f] = { type: 'boolean' };
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args: [...argv], options, strict: true, allowPositionals: true });
  } catch (e) {
    throw new CliError(`${(e as Error).message.replace(/\. To specify a positional.*$/s, '')}. Usage: ${spec.usage}`);
  }
  const values = parsed.values as Record<string, string | boolean | undefined>;
  if (parsed.positionals.length > (spec.positionals ?? 0)) {
    throw new CliError(
      `Unexpected argument ${parsed.positionals
        .slice(spec.positionals ?? 0)
        .map((p) => `"${p}"`)
        .join(', ')}. Usage: ${spec.usage}`,
    );
  }
  const number = (name: string, rule: Omit<NumberOption, 'default'>, raw: string): number => {
    const min = rule.min ?? 1;
    const v = Number(raw);
    if (raw.trim() === '' || !Number.isFinite(v) || v < min || (!rule.fraction && !Number.isInteger(v))) {
      throw new CliError(`--${name} must be ${rule.fraction ? 'a number' : 'a whole number'} of at least ${min}, not "${raw}". Usage: ${spec.usage}`);
    }
    return v;
  };
  const numbers = {} as Record<N, number>;
  for (const name of numberNames) {
    const raw = values[name];
    numbers[name] = typeof raw === 'string' ? number(name, spec.numbers![name], raw) : spec.numbers![name].default;
  }
  const optionalNumbers = {} as Partial<Record<O, number>>;
  for (const name of optionalNames) {
    const raw = values[name];
    if (typeof raw === 'string') optionalNumbers[name] = number(name, spec.optionalNumbers![name], raw);
  }
  const strings = {} as Partial<Record<S, string>>;
  for (const s of spec.strings ?? []) if (typeof values[s] === 'string') strings[s] = values[s];
  const flags = {} as Record<F, boolean>;
  for (const f of spec.flags ?? []) flags[f] = values[f] === true;
  return { numbers, optionalNumbers, strings, flags, positionals: parsed.positionals };
}

/** readCliArgs for a command's top level: a refusal is printed as its sentence alone, and the command exits 2. */
export function cliArgsOrExit<N extends string = never, S extends string = never, F extends string = never, O extends string = never>(
  argv: readonly string[],
  spec: CliSpec<N, S, F, O>,
): CliArgs<N, S, F, O> {
  try {
    return readCliArgs(argv, spec);
  } catch (e) {
    if (!(e instanceof CliError)) throw e;
    console.error(e.message);
    process.exit(2);
  }
}
