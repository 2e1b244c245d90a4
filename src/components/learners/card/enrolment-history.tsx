"use client";
// Every enrolment of the learner, newest first (the order the server gives).
import { useMessages } from "@/components/messages-provider";
import { formatDate } from "@/lib/format";
import { classLabel, vocab } from "../display";
import { Section, type PersonalLearner } from "./card-query";
import { TableFrame } from "@/components/table-frame";

export function EnrolmentHistory({ enrolments }: { enrolments: PersonalLearner["enrolments"] }) {
  const { m } = useMessages();
  const t = m.learnerCard;
  const th = "px-3 py-2 text-left font-medium";
  return (
    <Section title={t.enrolments} testId="enrolment-history">
      <TableFrame>
        <table className="min-w-full text-sm">
          <thead className="bg-slate-50 text-slate-600">
            <tr>
              <th className={th}>{t.organisation}</th>
              <th className={th}>{t.level}</th>
              <th className={th}>{t.class}</th>
              <th className={th}>{t.enrolledAt}</th>
              <th className={th}>{t.endedAt}</th>
              <th className={th}>{t.status}</th>
            </tr>
          </thead>
          <tbody>
            {enrolments.map((e) => (
              <tr key={e.id} className="border-t border-slate-100">
                <td className="px-3 py-2">{e.organisation.shortName}</td>
                <td className="px-3 py-2">{vocab(m.vocab.levels, e.level)}</td>
                <td className="px-3 py-2">{classLabel(e.grade, e.classLetter) || m.common.none}</td>
                <td className="px-3 py-2">{formatDate(e.enrolledAt)}</td>
                <td className="px-3 py-2">{formatDate(e.endedAt) || m.common.none}</td>
                <td className="px-3 py-2">{vocab(m.vocab.enrolmentStatuses, e.status)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableFrame>
    </Section>
  );
}
