import pino from 'pino';

export type Logger = pino.Logger;

/** Structured JSON logs on stderr; LOG_LEVEL=silent in tests keeps their output readable. */
export function createLogger(level = process.env.LOG_LEVEL ?? 'info'): Logger {
  return pino({ level, base: { service: 'kg-server' } }, pino.destination(2));
}
