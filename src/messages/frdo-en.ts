// English text of the ФИС ФРДО export page (school and ministry portals).
import type { frdoRu } from "./frdo-ru";

export const frdoEn: typeof frdoRu = {
  frdo: {
    nav: "Certificates for FIS FRDO",
    title: "Certificates export to FIS FRDO",
    lead: "Basic and secondary general education certificates issued in a period, in the FIS FRDO upload template. Each certificate is checked for the mandatory fields first: those that fail stay out of the file and are listed below.",
    from: "Issued from",
    to: "to",
    municipality: "Municipality",
    organisation: "Organisation",
    wholeScope: "Whole scope",
    allOrganisations: "All organisations",
    check: "Check",
    fixPeriod: "Enter the issue period: real dates, the start not after the end.",
    pressCheck: "Choose the period and press «Check».",
    summary: (territory: string, total: number, exportable: number, failed: number) =>
      `${territory}: ${total} certificates in the period, ${exportable} go into the file, ${failed} failed the check.`,
    download: (count: number) => `Download XLSX (${count})`,
    nothingToExport: "No certificate passed the check: no file to download.",
    failures: "Failed the mandatory-field check",
    noFailures: "Every certificate passed the check.",
    listedFirst: (shown: number, total: number) => `The first ${shown} of ${total} are shown.`,
    columns: {
      holder: "Holder",
      level: "Certificate",
      number: "Number",
      issuedAt: "Issue date",
      organisation: "Organisation",
      problems: "To fix (in Russian)",
    },
    levels: { BASIC_GENERAL: "basic general", SECONDARY_GENERAL: "secondary general" },
  },
};
