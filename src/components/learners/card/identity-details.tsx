"use client";
// The identity subset (domain.md): name, birth date, sex, SNILS, current
// organisation and class — all a medic or the health ministry may see.
import { useMessages } from "@/components/messages-provider";
import { formatDate } from "@/lib/format";
import { classLabel, fullName, snilsText, vocab } from "../display";
import { Details, Section, type CardData } from "./card-query";

/** `note`: say that only identity data is available (not when the contacts follow). */
export function IdentityDetails({ learner: l, note = true }: { learner: CardData["learner"]; note?: boolean }) {
  const { m } = useMessages();
  const t = m.learnerCard;
  return (
    <Section title={t.personalSection} testId="identity-details">
      {note && <p className="mb-3 text-sm text-slate-500">{t.identityNote}</p>}
      <Details
        items={[
          [m.learners.fullName, fullName(l)],
          [t.birthDate, formatDate(l.birthDate)],
          [t.sex, vocab(m.vocab.sexes, l.sex)],
          [t.snils, <span className="font-mono">{snilsText(l.snils, m.common.none)}</span>],
          [t.organisation, l.organisation?.shortName ?? ""],
          [t.class, classLabel(l.grade, l.classLetter)],
        ]}
      />
    </Section>
  );
}
