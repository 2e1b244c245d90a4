// The application router: one sub-router per portal, plus the session.
import { auditRouter } from "./routers/admin/audit";
import { machineClientsRouter } from "./routers/admin/machine-clients";
import { usersRouter } from "./routers/admin/users";
import { accessReportsRouter } from "./routers/admin/access-reports";
import { verificationRouter } from "./routers/admin/verification";
import { learnersRouter } from "./routers/learners";
import { movementRouter } from "./routers/movement";
import { organisationsRouter } from "./routers/organisations";
import { ministryHealthStatsRouter } from "./routers/health-stats";
import { reportsRouter } from "./routers/reports";
import { dashboardsRouter } from "./routers/dashboards";
import { healthRouter, ministryRouter, schoolRouter } from "./routers/portals";
import { ministryQualityRouter } from "./routers/quality";
import { subjectsRouter } from "./routers/subjects";
import { giaResultsRouter } from "./routers/gia-results";
import { sessionRouter } from "./routers/session";
import { accountRouter } from "./routers/account";
import { healthApprovalsRouter, ministryApprovalsRouter } from "./routers/approvals";
import { clientOversightRouter } from "./routers/admin/client-oversight";
import { frdoRouter } from "./routers/frdo";
import { ministryPerformanceRouter, schoolPerformanceRouter } from "./routers/performance";
import { studyCertificatesRouter } from "./routers/study-certificates";
import { residentsRouter } from "./routers/residents";
import { learnerAddressesRouter } from "./routers/learner-addresses";
import { childrenAccountRouter } from "./routers/children-account";
import { territoriesRouter } from "./routers/territories";
import { addressesRouter } from "./routers/addresses";
import { createCallerFactory, router } from "./init";

export const appRouter = router({
  session: sessionRouter,
  account: accountRouter,
  learners: learnersRouter,
  movement: movementRouter,
  // The school's справка об обучении (issue 21): the learner card's section and the register.
  studyCertificates: studyCertificatesRouter,
  frdo: frdoRouter,
  // The register of resident children (issue 22): ministry officers, by municipality.
  residents: residentsRouter,
  // Learners' addresses not found in ГАР and their correction by the school (issue 22).
  learnerAddresses: learnerAddressesRouter,
  // The municipal account of children and the admission forecast (issue 22).
  childrenAccount: childrenAccountRouter,
  // Territories assigned to schools, their lookup and first-grade places (issue 22).
  territories: territoriesRouter,
  // Address suggestions from the ГАР directory for the forms' address input (issue 22).
  addresses: addressesRouter,
  school: router({ ...schoolRouter._def.record, performance: schoolPerformanceRouter }),
  // The portal's landing procedures plus the organisations registry.
  ministry: router({ ...ministryRouter._def.record, organisations: organisationsRouter, healthStats: ministryHealthStatsRouter, dashboard: dashboardsRouter, reports: reportsRouter, quality: ministryQualityRouter, approvals: ministryApprovalsRouter, subjects: subjectsRouter, gia: giaResultsRouter, performance: ministryPerformanceRouter }),
  health: router({ ...healthRouter._def.record, approvals: healthApprovalsRouter }),
  admin: router({ users: usersRouter, audit: auditRouter, accessReports: accessReportsRouter, verification: verificationRouter, machineClients: machineClientsRouter, clientOversight: clientOversightRouter }),
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
