// Inputs of the representative and consent procedures on a learner's card.
import { z } from "zod";
import { ZConsentData, ZRepresentativeData } from "./learner";
import { zDay } from "./person";

export const ZAddRepresentativeInput = z.object({ learnerId: z.uuid(), representative: ZRepresentativeData });
export const ZUpdateRepresentativeInput = z.object({
  learnerId: z.uuid(),
  representativeId: z.uuid(),
  representative: ZRepresentativeData,
});
export const ZUnlinkRepresentativeInput = z.object({ learnerId: z.uuid(), representativeId: z.uuid() });
export const ZGiveConsentInput = z.object({ learnerId: z.uuid(), representativeId: z.uuid(), consent: ZConsentData });
export const ZWithdrawConsentInput = z.object({ learnerId: z.uuid(), consentId: z.uuid(), withdrawnAt: zDay("дату отзыва") });
