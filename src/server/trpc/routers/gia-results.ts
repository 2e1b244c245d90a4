// The ministry's ГИА results (issue 21), mounted as `ministry.gia`: the named
// check canReadGiaResults (the same one the XLSX/PDF export's door asks);
// the service narrows to the officer's scope. Tables come in the page's
// language; the files stay Russian.
import { ZGiaResultsInput } from "@/lib/schemas/gia-results";
import { canReadGiaResults } from "../../authz/permissions";
import { giaResults, ZGiaResultsOutput } from "../../services/gia-results/gia-results";
import { permittedProcedure, router } from "../init";

const giaProcedure = permittedProcedure(canReadGiaResults);

export const giaResultsRouter = router({
  results: giaProcedure.input(ZGiaResultsInput).output(ZGiaResultsOutput).query(({ ctx, input }) => giaResults(ctx.db, ctx.actor, input, ctx.locale)),
});
