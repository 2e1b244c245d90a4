// Recognising "the database is not there right now" among the errors Prisma,
// its pg adapter, pg and Node raise, so that an outage answers 503 with a
// message a person understands instead of a 500 — and the same process
// recovers by itself once the server is back (pg's pool reconnects).
export const DATABASE_UNAVAILABLE_MESSAGE = "База данных временно недоступна. Повторите попытку через минуту.";
/** A timeout is the same for the person (try again shortly), but says what happened. */
export const DATABASE_BUSY_MESSAGE = "База данных сейчас перегружена и не успела ответить. Повторите попытку через минуту.";

/** Prisma: can't reach server, timed out, server closed the connection, pool timeout. */
const PRISMA_CODES = new Set(["P1001", "P1002", "P1017", "P2024"]);
/** Driver adapter error kinds (@prisma/driver-adapter-utils) that mean the connection, not the query. */
const ADAPTER_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections", "TransactionAlreadyClosed"]);
/** PostgreSQL SQLSTATEs: class 08 (connection exception), shutdowns (57P01–57P03), too many connections. */
const SQLSTATES = new Set(["08000", "08001", "08003", "08004", "08006", "08P01", "57P01", "57P02", "57P03", "53300"]);
/**
 * Timeouts: the database is there but did not answer in time. Prisma's
 * interactive transaction expired or could not start in time (P2028; also
 * raised for a transaction used after it closed, which only a bug does) and
 * its query timeout (P1008); PostgreSQL's lock_timeout (55P03) and
 * statement_timeout or a cancelled query (57014). They used to answer a
 * generic 500 (issue 18, item 12: reads waiting behind an import's lock).
 */
const TIMEOUT_PRISMA_CODES = new Set(["P2028", "P1008"]);
const TIMEOUT_SQLSTATES = new Set(["55P03", "57014"]);
/** Node socket errors. */
const ERRNOS = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "EHOSTUNREACH", "ENETUNREACH", "EAI_AGAIN", "ENOTFOUND"]);
/** pg's own wording when the server goes away mid-conversation. */
const MESSAGES = [/Connection terminated/i, /terminating connection due to administrator command/i, /Client has encountered a connection error/i];

type Node = { code?: unknown; kind?: unknown; originalCode?: unknown; message?: unknown; cause?: unknown; meta?: { driverAdapterError?: unknown } };

/** What a person is told when the database is down or timed out; null for every other error. */
export function databaseUnavailableMessage(error: unknown): string | null {
  const seen = new Set<unknown>();
  const queue: unknown[] = [error];
  let found: string | null = null;
  while (queue.length) {
    const node = queue.shift();
    if (!node || typeof node !== "object" || seen.has(node) || seen.size > 20) continue;
    seen.add(node);
    const { code, kind, originalCode, message, cause, meta } = node as Node;
    if (typeof code === "string" && (PRISMA_CODES.has(code) || SQLSTATES.has(code) || ERRNOS.has(code))) return DATABASE_UNAVAILABLE_MESSAGE;
    if (typeof originalCode === "string" && SQLSTATES.has(originalCode)) return DATABASE_UNAVAILABLE_MESSAGE;
    if (typeof kind === "string" && ADAPTER_KINDS.has(kind)) return DATABASE_UNAVAILABLE_MESSAGE;
    if (typeof message === "string" && MESSAGES.some((m) => m.test(message))) return DATABASE_UNAVAILABLE_MESSAGE;
    // An outage found deeper wins over a timeout (a dropped connection may surface as an expired transaction).
    if ([code, originalCode].some((c) => typeof c === "string" && (TIMEOUT_PRISMA_CODES.has(c) || TIMEOUT_SQLSTATES.has(c)))) found = DATABASE_BUSY_MESSAGE;
    queue.push(cause, meta?.driverAdapterError);
    if (node instanceof AggregateError) queue.push(...node.errors);
  }
  return found;
}

/** The database is down or timed out: a 503 (or the outage page), never a 500. */
export function isDatabaseUnavailable(error: unknown): boolean {
  return databaseUnavailableMessage(error) !== null;
}
