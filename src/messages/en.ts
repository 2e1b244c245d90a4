// English UI text. Typed against the Russian catalogue, so a missing key fails the build.
import { learnersEn } from "./learners-en";
import { importEn } from "./import-en";
import { organisationsEn } from "./organisations-en";
import { programmesEn } from "./programmes-en";
import type { Messages } from "./ru";
import { movementEn } from "./movement-en";
import { rolloverEn } from "./rollover-en";
import { classesEn } from "./classes-en";
import { portfolioEn } from "./portfolio-en";
import { healthEn } from "./health-en";
import { healthStatsEn } from "./health-stats-en";
import { qualityEn } from "./quality-en";
import { subjectsEn } from "./subjects-en";
import { territoriesEn } from "./territories-en";
import { giaImportEn } from "./gia-import-en";
import { performanceEn } from "./performance-en";
import { reportsEn } from "./reports-en";
import { frdoEn } from "./frdo-en";
import { studyCertificatesEn } from "./study-certificates-en";
import { giaResultsEn } from "./gia-results-en";
import { residentsEn } from "./residents-en";
import { childrenAccountEn } from "./children-account-en";
import { dashboardEn } from "./dashboard-en";
import { securityEn } from "./security-en";
import { accessReportsEn } from "./access-reports-en";
import { apiClientsEn } from "./api-clients-en";
import { approvalsEn } from "./approvals-en";
import { auditLabelsEn } from "./audit-labels-en";
import { shellEn } from "./shell-en";
import { formsEn } from "./forms-en";
import { learnerAddressesEn } from "./learner-addresses-en";
import { addressesEn } from "./addresses-en";

export const en: Messages = {
  app: { name: "Kontingent", fullName: "Kontingent regional registry of learners" },
  locale: { ru: "Русский", en: "English", switchTo: "Русский" },
  roles: {
    SCHOOL_ADMIN: "School head",
    SCHOOL_REGISTRAR: "School registrar",
    SCHOOL_MEDIC: "School medic",
    EDU_OFFICER: "Education ministry officer",
    HEALTH_OFFICER: "Health ministry officer",
    SYSTEM_ADMIN: "System administrator",
    AUDITOR: "Data protection officer",
  },
  scopes: { ORGANISATION: "Organisation", MUNICIPALITY: "Municipality", REGION: "Region" },
  portals: {
    school: "School portal",
    ministry: "Education ministry portal",
    health: "Health ministry portal",
    admin: "Administration",
  },
  nav: { home: "Home", users: "Accounts", audit: "Audit log", learners: "Learners", registrySearch: "Learner lookup" },
  account: { menu: "Account", signOut: "Sign out", signedInAs: "Signed in as" },
  login: {
    title: "Sign in",
    login: "Login",
    password: "Password",
    submit: "Sign in",
    submitting: "Signing in…",
    invalidCredentials: "Wrong login or password",
    invalidInput: "Please check the fields",
    unavailable: "The service is temporarily unavailable. Please try later.",
    closedSystem: "Closed system. Authorised staff only.",
  },
  errors: {
    forbiddenTitle: "Access denied (403)",
    forbiddenText: "Your account has no access to this section.",
    notFoundTitle: "Page not found (404)",
    notFoundText: "This page does not exist or is not available to you.",
    generic: "Something went wrong. Please try again.",
    toHome: "Home",
    unavailableTitle: "Service temporarily unavailable (503)",
    unavailableText: "The database is temporarily unavailable. Try again in a minute.",
    retry: "Try again",
  },
  orgTypes: {
    KINDERGARTEN: "Kindergarten",
    GENERAL_SCHOOL: "General school",
    BOARDING_SCHOOL: "Boarding school",
    COLLEGE: "College (vocational)",
    ADDITIONAL_EDUCATION: "Additional education centre",
  },
  school: {
    title: "My organisation",
    municipality: "Municipality",
    type: "Type",
    inn: "INN",
    ogrn: "OGRN",
    kpp: "KPP",
    address: "Address",
    head: "Head",
    staff: "Active staff accounts",
  },
  adminUsers: {
    title: "Accounts",
    create: "Create account",
    createTitle: "New account",
    editTitle: (login: string) => `Editing account ${login}`,
    search: "Search by login or full name",
    find: "Search",
    login: "Login",
    fullName: "Full name",
    password: "Password",
    newPassword: "New password",
    newPasswordHint: "Leave empty to keep the current password",
    role: "Role",
    allRoles: "All roles",
    scope: "Access scope",
    municipality: "Municipality",
    organisation: "Organisation",
    choose: "Choose…",
    chooseMunicipality: "Choose a municipality",
    chooseOrganisation: "Choose an organisation",
    status: "Status",
    allStatuses: "All",
    active: "Active",
    inactive: "Disabled",
    lastLogin: "Last sign-in",
    neverSignedIn: "Never",
    actions: "Actions",
    edit: "Edit",
    deactivate: "Disable",
    activate: "Enable",
    confirmDeactivate: (login: string) => `Disable account ${login}? Its open sessions will end.`,
    submitCreate: "Create",
    submitEdit: "Save",
    submitting: "Saving…",
    checkFields: "Please check the fields",
    created: (login: string) => `Account ${login} created`,
    updated: (login: string) => `Account ${login} updated`,
    activated: (login: string) => `Account ${login} enabled`,
    deactivated: (login: string) => `Account ${login} disabled`,
    empty: "No accounts found",
  },
  adminAudit: {
    title: "Audit log",
    id: "No.",
    at: "Time",
    actor: "Account",
    role: "Role",
    ip: "IP address",
    action: "Action",
    outcome: "Outcome",
    entity: "Object",
    details: "Details",
    outcomes: { SUCCESS: "Success", FAILURE: "Error", DENIED: "Denied" },
    login: "Login",
    allActions: "All actions",
    from: "From",
    to: "To",
    apply: "Apply",
    reset: "Clear filters",
    verify: "Verify chain integrity",
    verifying: "Verifying…",
    chainOk: (checked: number) => `Chain intact: ${checked} records checked`,
    chainBroken: (id: string) => `Integrity broken at record No. ${id}`,
    reasons: {
      content: "the record was changed after it was written",
      link: "the record does not link to the previous one (deletion or insertion)",
      learners: "the list of learners the record touched was changed",
      missing: "rows a checkpoint covered were deleted (the log's tail was cut)",
      anchor: "the checkpoint's row has another hash (the chain was recomputed)",
      forged: "a checkpoint, run or acknowledgement signature does not verify (forged)",
    },
    empty: "No records found",
  },
  common: {
    loading: "Loading…",
    save: "Save",
    cancel: "Cancel",
    yes: "Yes",
    no: "No",
    none: "—",
    previous: "Previous",
    next: "Next",
    pageOf: (page: number, pages: number) => `Page ${page} of ${pages}`,
    total: (n: number) => `Total: ${n}`,
  },
  ...learnersEn,
  ...importEn,
  ...organisationsEn,
  ...programmesEn,
  ...movementEn,
  ...rolloverEn,
  ...classesEn,
  ...portfolioEn,
  ...healthEn,
  ...healthStatsEn,
  ...qualityEn,
  ...subjectsEn,
  ...territoriesEn,
  ...giaImportEn,
  ...performanceEn,
  ...reportsEn,
  ...frdoEn,
  ...studyCertificatesEn,
  ...giaResultsEn,
  ...residentsEn,
  ...childrenAccountEn,
  ...dashboardEn,
  ...securityEn,
  ...accessReportsEn,
  ...apiClientsEn,
  ...approvalsEn,
  ...auditLabelsEn,
  ...shellEn,
  ...formsEn,
  ...learnerAddressesEn,
  ...addressesEn,
};
