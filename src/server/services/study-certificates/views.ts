// Output schemas of the studyCertificates procedures: exactly what the card's
// section and the register page get (the kept content stays on the server).
import { z } from "zod";

export const ZIssuedStudyCertificate = z.object({
  id: z.string(),
  year: z.number(),
  number: z.number(),
  issuedOn: z.date(),
  academicYear: z.number(),
  period: z.string().nullable(),
});

export const ZStudyCertificateOptions = z.object({
  /** Academic years the learner studied at the caller's school, newest first, with the periods that have marks. */
  years: z.array(z.object({ academicYear: z.number(), periods: z.array(z.string()) })),
  issued: z.array(ZIssuedStudyCertificate),
});

export const ZStudyCertificateRegister = z.array(
  ZIssuedStudyCertificate.extend({ learnerId: z.string(), learner: z.string(), birthDate: z.string(), issuedBy: z.string() }),
);
