"use client";
// What an additional-programme organisation sees of a learner (the ADDITIONAL
// relationship): identity, whom to call, and its own enrolments. The server
// sends nothing more; this only lays it out.
import { useMessages } from "@/components/messages-provider";
import { fullName, vocab } from "../display";
import { Section, type CardData } from "./card-query";
import { EnrolmentHistory } from "./enrolment-history";
import { IdentityDetails } from "./identity-details";
import { TableFrame } from "@/components/table-frame";

type ContactsLearner = Extract<CardData, { view: "contacts" }>["learner"];

export function ContactsDetails({ learner }: { learner: ContactsLearner }) {
  const { m } = useMessages();
  const t = m.learnerCard;
  const th = "px-3 py-2 text-left font-medium";
  return (
    <>
      <IdentityDetails learner={learner} note={false} />
      <Section title={t.contactsSection} testId="representative-contacts">
        {learner.representatives.length === 0 ? (
          <p className="text-sm text-slate-500">{m.common.none}</p>
        ) : (
          <TableFrame>
            <table className="min-w-full text-sm">
              <thead className="bg-slate-50 text-slate-600">
                <tr>
                  <th className={th}>{m.learners.fullName}</th>
                  <th className={th}>{m.learnerForm.relation}</th>
                  <th className={th}>{m.learnerForm.phone}</th>
                  <th className={th}>{m.learnerForm.email}</th>
                </tr>
              </thead>
              <tbody>
                {learner.representatives.map((r) => (
                  <tr key={r.id} className="border-t border-slate-100">
                    <td className="px-3 py-2">{fullName(r)}</td>
                    <td className="px-3 py-2">{vocab(m.vocab.relations, r.relation)}</td>
                    <td className="px-3 py-2">{r.phone ?? m.common.none}</td>
                    <td className="px-3 py-2">{r.email ?? m.common.none}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableFrame>
        )}
      </Section>
      <EnrolmentHistory enrolments={learner.enrolments} />
    </>
  );
}
