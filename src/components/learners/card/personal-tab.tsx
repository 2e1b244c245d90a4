"use client";
// Stage 1 in full: personal fields, representatives, consents, enrolments.
import { useMessages } from "@/components/messages-provider";
import { citizenshipName } from "@/lib/countries";
import { formatDate } from "@/lib/format";
import { snilsText, vocab } from "../display";
import { Details, Section, type PersonalLearner } from "./card-query";
import { AddressValue } from "./address-value";
import { ConsentsSection } from "./consents-section";
import { EnrolmentHistory } from "./enrolment-history";
import { RepresentativesSection } from "./representatives-section";

/** "IV-АК 123456, выдан …, 01.02.2016": the parts that are filled in. */
export function documentText(
  d: { docType: string | null; docSeries: string | null; docNumber: string | null; docIssuer: string | null; docIssuedAt: Date | null; docCountry: string | null },
  types: Record<string, string>,
): string {
  if (!d.docType) return "";
  const number = [d.docSeries, d.docNumber].filter(Boolean).join(" ");
  return [vocab(types, d.docType), number, d.docIssuer, formatDate(d.docIssuedAt), citizenshipName(d.docCountry)].filter(Boolean).join(", ");
}

export function PersonalTab({ learner: l, canWrite }: { learner: PersonalLearner; canWrite: boolean }) {
  const { m } = useMessages();
  const t = m.learnerCard;
  // An empty address stays "" so the list shows its usual «нет».
  const address = (text: string | null, kind: string) => (text ? <AddressValue text={text} row={l.addresses.find((a) => a.kind === kind)} /> : "");
  return (
    <>
      <Section title={t.personalSection} testId="personal-details">
        <Details
          items={[
            [t.birthDate, formatDate(l.birthDate)],
            [t.birthPlace, l.birthPlace ?? ""],
            [t.sex, vocab(m.vocab.sexes, l.sex)],
            [t.snils, <span className="font-mono">{snilsText(l.snils, m.common.none)}</span>],
            [t.citizenship, citizenshipName(l.citizenship) || l.citizenship],
            [t.document, documentText(l, m.vocab.documentTypes)],
            [t.registrationAddress, address(l.registrationAddress, "RESIDENCE")],
            [t.stayAddress, address(l.stayAddress, "STAY")],
            [t.actualAddress, address(l.actualAddress, "ACTUAL")],
          ]}
        />
      </Section>
      <RepresentativesSection learnerId={l.id} representatives={l.representatives} canWrite={canWrite} />
      <ConsentsSection learnerId={l.id} consents={l.consents} representatives={l.representatives} canWrite={canWrite} />
      <EnrolmentHistory enrolments={l.enrolments} />
    </>
  );
}
