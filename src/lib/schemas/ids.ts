// Inputs that name one record: shared by every procedure that takes only an id,
// so a router never spells a schema of its own.
import { z } from "zod";

export const ZIdInput = z.object({ id: z.uuid() });
export type IdInput = z.infer<typeof ZIdInput>;

export const ZLearnerIdInput = z.object({ learnerId: z.uuid() });
export type LearnerIdInput = z.infer<typeof ZLearnerIdInput>;
