// Property-based fuzzing of the first half of all tRPC procedures (see
// testing/fuzz/procedure-fuzz-suite.ts); two files so that two workers share the work.
import { defineProcedureFuzz } from "../../testing/fuzz/procedure-fuzz-suite";

defineProcedureFuzz(0, 2);
