// zod's own messages (wrong type, unknown key, malformed UUID…) in Russian,
// like every message the schemas spell out. Imported once where inputs are
// parsed (the tRPC layer); setting it twice is harmless.
import { z } from "zod";

z.config(z.locales.ru());
