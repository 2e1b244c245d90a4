// Inputs of the audit-chain verification (admin.verification.*): the history
// of runs, a run, and the auditor's acknowledgement of a reported break.
import { z } from "zod";

export const ZListVerificationRunsInput = z.object({
  page: z.number().int().min(0).max(10_000).default(0),
  pageSize: z.number().int().min(1).max(100).default(20),
});

/** `full`: walk the chain from its first row rather than from the latest checkpoint. */
export const ZVerifyChainInput = z.object({ full: z.boolean().default(true) });

export const ZAcknowledgeInput = z.object({
  runId: z.uuid(),
  reason: z.string().trim().min(10, "Опишите причину: не меньше 10 символов").max(1000),
});
export type AcknowledgeInput = z.infer<typeof ZAcknowledgeInput>;
