/**
 * zod compiles a faster parser for object schemas with `new Function` when it can. The site's
 * Content-Security-Policy forbids that, so in the browser zod only ever probed and failed,
 * and the probe is reported as a policy violation. Told up front, zod does not probe. This
 * module must be imported before any module that defines a schema.
 */
import { config } from 'zod';

config({ jitless: true });
