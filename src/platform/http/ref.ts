import { z } from 'zod';

/**
 * An id in a request body that points at another record: the only way a body
 * may carry a uuid (references.test.ts fails on a bare z.uuid() in a request
 * body). The server checks every reference for the caller's right to use it
 * before the handler runs (platform/http/references.ts), so no feature can
 * accept one unchecked. Browser-safe: contracts import it.
 */
export const ref = (kind: string) => z.uuid().meta({ 'x-ref': kind });
