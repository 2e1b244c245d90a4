// Input of the data-quality trend (ministry.quality.trend): how many days back.
import { z } from "zod";

export const ZQualityTrendInput = z.object({ days: z.number().int().min(1).max(366).default(30) });
