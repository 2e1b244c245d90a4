// Zod 4 probes `new Function` to decide whether to compile fast parsers; under
// our CSP (no 'unsafe-eval') the probe is blocked and reported as a CSP
// violation even though zod catches it. In the browser, parse without JIT.
import { z } from "zod";

z.config({ jitless: true });
