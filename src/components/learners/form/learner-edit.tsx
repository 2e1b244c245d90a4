"use client";
// The edit page: the card's personal view as the form's starting draft.
import { useMessages } from "@/components/messages-provider";
import { CardQuery } from "../card/card-query";
import { fullName } from "../display";
import { learnerFromView } from "./form-model";
import { LearnerForm } from "./learner-form";

export function LearnerEdit({ id }: { id: string }) {
  const { m } = useMessages();
  return (
    <CardQuery id={id}>
      {(card) =>
        card.view === "personal" && card.canWrite ? (
          <LearnerForm mode="edit" id={id} initial={learnerFromView(card.learner)} title={m.learnerForm.editTitle(fullName(card.learner))} />
        ) : (
          <p role="alert" className="rounded bg-red-50 px-3 py-2 text-red-700">
            {m.errors.forbiddenText}
          </p>
        )
      }
    </CardQuery>
  );
}
