// One wrapper for every /api/v1 endpoint: bearer token re-read from the
// database, kind check, rate limit, input parsing, then the service and its
// audit record in one transaction. Every answered call leaves one audit row
// with the client, the endpoint, the learners touched and the outcome.
import type { NextRequest } from "next/server";
import type { MachineClientKind } from "@/lib/schemas/api-clients";
import type { ApiErrorCode } from "@/lib/schemas/api/common";
import type { AuditAction, AuditOutcomeValue } from "@/lib/audit-actions";
import { recordAudit } from "../../audit/recorder";
import { clientIp } from "../../auth/request-meta";
import { getDb, type Db, type DbTx } from "../../db";
import type { ApiServiceResult } from "../../services/api/api-result";
import { authenticateClient, clientAuditActor, type MachineClientActor } from "../../services/machine-clients/authenticate";
import { apiRateLimiter } from "../../services/machine-clients/rate-limit";
import { isDatabaseUnavailable } from "../../db/unavailable";
import { apiError, apiJson } from "./errors";

export type Parsed<I> = { ok: true; input: I } | { ok: false; code: ApiErrorCode; issues?: { path: string; message: string }[] };

export interface EndpointSpec<I, O> {
  /** "GET /ejournal/classes/{classId}/learners": recorded in the audit trail. */
  endpoint: string;
  kind: MachineClientKind;
  action: AuditAction;
  parse: (req: NextRequest, params: Record<string, string>) => Promise<Parsed<I>>;
  run: (tx: DbTx, client: MachineClientActor, input: I) => Promise<ApiServiceResult<O>>;
}

type Handler = (req: NextRequest, params?: Record<string, string>, db?: Db) => Promise<Response>;

type Client = { id: string; name?: string };

/**
 * The learners a call returned or touched become link rows (AuditEventLearner),
 * as for the portal's reads, so "who accessed this learner" finds API calls too.
 */
function audit(
  tx: DbTx,
  client: Client,
  ip: string | null,
  action: AuditAction,
  outcome: AuditOutcomeValue,
  details: Record<string, unknown>,
  learnerIds: readonly string[] = [],
) {
  return recordAudit(tx, clientAuditActor(client, ip), { action, outcome, entityType: "MachineClient", entityId: client.id, details, learnerIds });
}

/** An audit row for a call that wrote nothing (refused before the service ran). */
async function auditAlone(db: Db, ...args: Parameters<typeof audit> extends [DbTx, ...infer R] ? R : never) {
  await db.$transaction((tx) => audit(tx, ...args));
}

export function apiEndpoint<I, O>(spec: EndpointSpec<I, O>): Handler {
  return async (req, params = {}, injectedDb) => {
    const db = injectedDb ?? (await getDb());
    const ip = clientIp(req.headers);
    let client: MachineClientActor | null = null;
    try {
      const auth = await authenticateClient(db, req.headers.get("authorization"));
      if (!auth.ok) {
        // An unknown token names no one to audit; a revoked or not yet approved one is recorded against its client.
        if (auth.clientId) await auditAlone(db, { id: auth.clientId }, ip, "api.request.denied", "DENIED", { endpoint: spec.endpoint, reason: auth.reason ?? "revoked" });
        return apiError("UNAUTHORIZED", undefined, { "WWW-Authenticate": 'Bearer realm="kontingent"' });
      }
      client = auth.client;
      if (client.kind !== spec.kind) {
        await auditAlone(db, client, ip, "api.request.denied", "DENIED", { endpoint: spec.endpoint, reason: "wrong_kind" });
        return apiError("FORBIDDEN");
      }
      const wait = apiRateLimiter.take(client.id, client.rateLimitPerMinute);
      if (wait > 0) {
        await auditAlone(db, client, ip, "api.request.denied", "DENIED", { endpoint: spec.endpoint, reason: "rate_limited" });
        return apiError("RATE_LIMITED", { retryAfterSeconds: wait }, { "Retry-After": String(wait) });
      }
      const parsed = await spec.parse(req, params);
      if (!parsed.ok) {
        await auditAlone(db, client, ip, spec.action, "FAILURE", { endpoint: spec.endpoint, status: "error", error: parsed.code });
        return apiError(parsed.code, parsed.issues ? { issues: parsed.issues } : undefined);
      }
      const caller = client;
      const result = await db.$transaction(
        async (tx) => {
          const r = await spec.run(tx, caller, parsed.input);
          const refusedRows = r.ok && typeof r.details?.refused === "number" && r.details.refused > 0;
          await tx.machineClientToken.update({ where: { id: caller.tokenId }, data: { lastUsedAt: new Date() } });
          await audit(
            tx,
            caller,
            ip,
            spec.action,
            r.ok ? "SUCCESS" : "FAILURE",
            { endpoint: spec.endpoint, status: r.ok ? (refusedRows ? "refused_rows" : "ok") : "error", ...(r.ok ? {} : { error: r.error }), ...r.details },
            r.learnerIds,
          );
          return r;
        },
        { timeout: 30_000 },
      );
      return result.ok ? apiJson(result.body) : apiError(result.error);
    } catch (error) {
      // An outage or a timeout is a 503 the client can retry, like every other surface; the audit row would fail too.
      if (isDatabaseUnavailable(error)) {
        console.warn(`[api ${spec.endpoint}] database unavailable`);
        return apiError("SERVICE_UNAVAILABLE", undefined, { "Retry-After": "60" });
      }
      console.error(`[api ${spec.endpoint}]`, error);
      if (client) {
        try {
          await auditAlone(db, client, ip, spec.action, "FAILURE", { endpoint: spec.endpoint, status: "error", error: "INTERNAL_ERROR" });
        } catch {
          // The answer is an error either way; the log line above keeps the cause.
        }
      }
      return apiError("INTERNAL_ERROR");
    }
  };
}
