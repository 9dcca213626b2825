/**
 * Structured JSON lines. Callers pass codes, ids and counts only: request bodies, names and ID numbers are
 * never logged (the personal-data leak test scans this output).
 */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';
const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 99 };

export type LogSink = (line: string) => void;

export class Logger {
  constructor(
    private readonly level: LogLevel = 'info',
    private readonly sink: LogSink = (line) => process.stdout.write(`${line}\n`),
    private readonly context: Record<string, unknown> = {},
  ) {}

  child(context: Record<string, unknown>): Logger {
    return new Logger(this.level, this.sink, { ...this.context, ...context });
  }

  debug(message: string, fields: Record<string, unknown> = {}): void {
    this.write('debug', message, fields);
  }
  info(message: string, fields: Record<string, unknown> = {}): void {
    this.write('info', message, fields);
  }
  warn(message: string, fields: Record<string, unknown> = {}): void {
    this.write('warn', message, fields);
  }
  error(message: string, fields: Record<string, unknown> = {}): void {
    this.write('error', message, fields);
  }

  private write(level: LogLevel, message: string, fields: Record<string, unknown>): void {
    if (ORDER[level] < ORDER[this.level]) return;
    this.sink(JSON.stringify({ time: new Date().toISOString(), level, message, ...this.context, ...fields }, bigintSafe));
  }
}

function bigintSafe(_key: string, value: unknown): unknown {
  return typeof value === 'bigint' ? value.toString() : value;
}

/** For errors: the class and code, never the message (a driver's message can quote a row's values). */
export function describeError(error: unknown): Record<string, unknown> {
  if (error instanceof Error) {
    const code = 'code' in error ? String((error as { code: unknown }).code) : undefined;
    return { errorType: error.name, ...(code ? { errorCode: code } : {}) };
  }
  return { errorType: typeof error };
}
