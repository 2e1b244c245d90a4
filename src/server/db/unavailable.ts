// Recognising "the database is not there right now" among the errors Prisma,
// its pg adapter, pg and Node raise, so that an outage answers 503 with a
// message a person understands instead of a 500 — and the same process
// recovers by itself once the server is back (pg's pool reconnects).
export const DATABASE_UNAVAILABLE_MESSAGE = "База данных временно недоступна. Повторите попытку через минуту.";

/** Prisma: can't reach server, timed out, server closed the connection, pool timeout. */
const PRISMA_CODES = new Set(["P1001", "P1002", "P1017", "P2024"]);
/** Driver adapter error kinds (@prisma/driver-adapter-utils) that mean the connection, not the query. */
const ADAPTER_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections", "TransactionAlreadyClosed"]);
/** PostgreSQL SQLSTATEs: class 08 (connection exception), shutdowns (57P01–57P03), too many connections. */
const SQLSTATES = new Set(["08000", "08001", "08003", "08004", "08006", "08P01", "57P01", "57P02", "57P03", "53300"]);
/** Node socket errors. */
const ERRNOS = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "EHOSTUNREACH", "ENETUNREACH", "EAI_AGAIN", "ENOTFOUND"]);
/** pg's own wording when the server goes away mid-conversation. */
const MESSAGES = [/Connection terminated/i, /terminating connection due to administrator command/i, /Client has encountered a connection error/i];

type Node = { code?: unknown; kind?: unknown; originalCode?: unknown; message?: unknown; cause?: unknown; meta?: { driverAdapterError?: unknown } };

export function isDatabaseUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>();
  const queue: unknown[] = [error];
  while (queue.length) {
    const node = queue.shift();
    if (!node || typeof node !== "object" || seen.has(node) || seen.size > 20) continue;
    seen.add(node);
    const { code, kind, originalCode, message, cause, meta } = node as Node;
    if (typeof code === "string" && (PRISMA_CODES.has(code) || SQLSTATES.has(code) || ERRNOS.has(code))) return true;
    if (typeof originalCode === "string" && SQLSTATES.has(originalCode)) return true;
    if (typeof kind === "string" && ADAPTER_KINDS.has(kind)) return true;
    if (typeof message === "string" && MESSAGES.some((m) => m.test(message))) return true;
    queue.push(cause, meta?.driverAdapterError);
    if (node instanceof AggregateError) queue.push(...node.errors);
  }
  return false;
}
