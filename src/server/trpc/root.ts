// The application router: one sub-router per portal, plus the session.
import { auditRouter } from "./routers/admin/audit";
import { usersRouter } from "./routers/admin/users";
import { learnersRouter } from "./routers/learners";
import { movementRouter } from "./routers/movement";
import { organisationsRouter } from "./routers/organisations";
import { ministryHealthStatsRouter } from "./routers/health-stats";
import { reportsRouter } from "./routers/reports";
import { dashboardsRouter } from "./routers/dashboards";
import { healthRouter, ministryRouter, schoolRouter } from "./routers/portals";
import { ministryQualityRouter } from "./routers/quality";
import { sessionRouter } from "./routers/session";
import { createCallerFactory, router } from "./init";

export const appRouter = router({
  session: sessionRouter,
  learners: learnersRouter,
  movement: movementRouter,
  school: schoolRouter,
  // The portal's landing procedures plus the organisations registry.
  ministry: router({ ...ministryRouter._def.record, organisations: organisationsRouter, healthStats: ministryHealthStatsRouter, dashboard: dashboardsRouter, reports: reportsRouter, quality: ministryQualityRouter }),
  health: healthRouter,
  admin: router({ users: usersRouter, audit: auditRouter }),
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
