import { pino, type Logger as PinoLogger, type DestinationStream } from 'pino';
import { currentWork, traceIdOf } from '../trace.ts';

export type Logger = PinoLogger;

/**
 * JSON logs, one line per happening. Every line carries the request, trace, member
 * and module of the work in progress, taken from the async context, so no call site
 * has to remember to pass them.
 */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      base: undefined,
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      mixin() {
        const work = currentWork();
        if (!work) return {};
        return {
          requestId: work.requestId,
          traceId: traceIdOf(work.traceparent),
          memberId: work.memberId,
          module: work.module,
        };
      },
      redact: { paths: ['password', '*.password', 'req.headers.cookie'], censor: '[redacted]' },
    },
    destination,
  );
}
