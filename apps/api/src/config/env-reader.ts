/** The environment as given (process.env, or a test's object). An empty value means unset. */
export type Env = Readonly<Record<string, string | undefined>>;

export type ConfigProblem = { variable: string; message: string };

/** The configuration is invalid: the boot stops, naming every variable at fault. */
export class ConfigValidationError extends Error {
  constructor(readonly problems: readonly ConfigProblem[]) {
    super(
      `Invalid configuration:\n${problems.map((p) => `  - ${p.variable}: ${p.message}`).join('\n')}`,
    );
    this.name = 'ConfigValidationError';
  }
}

/** Shows a rejected value, except for secrets. */
function shown(variable: string, value: string): string {
  return /SECRET|TOKEN|PASSWORD/.test(variable)
    ? '(value hidden)'
    : `(got ${JSON.stringify(value)})`;
}

/**
 * Reads variables, collecting every problem instead of stopping at the first, so one failed boot
 * names all the variables to fix. `finish()` throws `ConfigValidationError` if any was found.
 */
export class EnvReader {
  private readonly problems: ConfigProblem[] = [];

  constructor(private readonly env: Env) {}

  /** The trimmed value, or undefined when unset or empty. */
  string(variable: string): string | undefined {
    const value = this.env[variable]?.trim();
    return value === undefined || value === '' ? undefined : value;
  }

  problem(variable: string, message: string): void {
    this.problems.push({ variable, message });
  }

  oneOf<const T extends string>(variable: string, values: readonly T[], fallback: T): T {
    const value = this.string(variable);
    if (value === undefined) return fallback;
    if ((values as readonly string[]).includes(value)) return value as T;
    this.problem(variable, `must be one of ${values.join(', ')} ${shown(variable, value)}`);
    return fallback;
  }

  integer(variable: string, range: { min: number; max: number }): number | undefined {
    const value = this.string(variable);
    if (value === undefined) return undefined;
    const number = /^\d+$/.test(value) ? Number(value) : NaN;
    if (Number.isSafeInteger(number) && number >= range.min && number <= range.max) return number;
    this.problem(
      variable,
      `must be an integer from ${range.min} to ${range.max} ${shown(variable, value)}`,
    );
    return undefined;
  }

  url(variable: string, protocols: readonly string[]): string | undefined {
    const value = this.string(variable);
    if (value === undefined) return undefined;
    try {
      if (protocols.includes(new URL(value).protocol)) return value;
    } catch {
      // reported below
    }
    this.problem(variable, `must be a ${protocols.join(' or ')}// URL ${shown(variable, value)}`);
    return undefined;
  }

  finish(): void {
    if (this.problems.length > 0) throw new ConfigValidationError(this.problems);
  }
}
