import pino from 'pino';
import { requestScope } from './request-context.js';

export type Logger = pino.Logger;

/**
 * Structured JSON logs on stderr; LOG_LEVEL=silent in tests keeps their output readable. Every
 * line written while a request is served carries its requestId, whoever writes it. Pass a
 * destination to capture the lines (tests do).
 */
export function createLogger(
  level = process.env.LOG_LEVEL ?? 'info',
  destination: pino.DestinationStream = pino.destination(2),
): Logger {
  return pino(
    {
      level,
      base: { service: 'kg-server' },
      mixin: () => {
        const scope = requestScope.getStore();
        return scope ? { requestId: scope.requestId } : {};
      },
    },
    destination,
  );
}
