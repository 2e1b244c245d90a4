// A learner's portfolio (stage 3), mounted as `learners.portfolio`. Reading
// needs PORTFOLIO read; writing PORTFOLIO write, and the service confines
// writes to learners the caller's school holds.
import { z } from "zod";
import { ZLearnerIdInput } from "@/lib/schemas/ids";
import { ZAddAchievementInput, ZAddExamInput, ZAddGradeInput, ZCorrectGradeInput, ZSetCertificateInput } from "@/lib/schemas/portfolio";
import { addAchievement, addExam, addGrade, correctGrade, getPortfolio, setCertificate } from "../../services/portfolio/portfolio";
import { ZPortfolio } from "../../services/portfolio/portfolio-views";
import { activeSubjects } from "../../services/subjects/subjects";
import { router, stageProcedure } from "../init";

const read = stageProcedure("PORTFOLIO", "read");
const write = stageProcedure("PORTFOLIO", "write");
const ZCreated = z.object({ id: z.string() });
const ZSubjectChoices = z.array(z.object({ id: z.string(), code: z.string(), name: z.string(), parentId: z.string().nullable() }));

export const learnerPortfolioRouter = router({
  get: read
    .input(ZLearnerIdInput)
    .output(ZPortfolio)
    .query(({ ctx, input }) => getPortfolio(ctx.db, ctx.actor, input.learnerId, ctx.ip)),
  /** The vocabulary's active subjects, for the marks' and exams' subject lists (no learner data). */
  subjects: write.output(ZSubjectChoices).query(({ ctx }) => activeSubjects(ctx.db)),
  addAchievement: write
    .input(ZAddAchievementInput)
    .output(ZCreated)
    .mutation(({ ctx, input }) => addAchievement(ctx.db, ctx.actor, input, ctx.ip)),
  addExam: write
    .input(ZAddExamInput)
    .output(ZCreated)
    .mutation(({ ctx, input }) => addExam(ctx.db, ctx.actor, input, ctx.ip)),
  addGrade: write
    .input(ZAddGradeInput)
    .output(ZCreated)
    .mutation(({ ctx, input }) => addGrade(ctx.db, ctx.actor, input, ctx.ip)),
  correctGrade: write
    .input(ZCorrectGradeInput)
    .output(ZCreated)
    .mutation(({ ctx, input }) => correctGrade(ctx.db, ctx.actor, input, ctx.ip)),
  setCertificate: write
    .input(ZSetCertificateInput)
    .output(ZCreated)
    .mutation(({ ctx, input }) => setCertificate(ctx.db, ctx.actor, input, ctx.ip)),
});
