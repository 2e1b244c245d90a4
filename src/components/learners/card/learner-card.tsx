"use client";
// A learner's card, shared by the school, ministry and health portals. The
// server decides the view (personal or identity subset), the visible stages
// and whether the caller may write; this only renders what it was given.
import Link from "next/link";
import { useState } from "react";
import { useMessages } from "@/components/messages-provider";
import { TabList, tabPanelProps } from "@/components/tabs";
import { formatDate } from "@/lib/format";
import type { Portal } from "@/lib/roles";
import { MovementButtons, MovementPanel, useCardMovement } from "../../movement/card-movement";
import { TransferButton, TransferPanel, useCardTransfer } from "../../movement/card-transfer";
import { TrajectorySection } from "../../movement/trajectory-section";
import { classLabel, fullName, vocab } from "../display";
import { CardQuery, type CardData } from "./card-query";
import { HealthTab } from "./health-tab";
import { ContactsDetails } from "./contacts-details";
import { IdentityDetails } from "./identity-details";
import { PersonalTab } from "./personal-tab";
import { PortfolioTab } from "./portfolio/portfolio-tab";
import { StudyCertificateSection } from "../../study-certificates/learner-section";

type Stage = CardData["stages"][number];
const STATUS_TONES: Record<string, string> = {
  ACTIVE: "bg-green-50 text-green-800",
  PENDING_TRANSFER: "bg-amber-50 text-amber-900",
  ENDED: "bg-slate-100 text-slate-700",
};

/** `canMove`: the caller's role makes movement orders (the server checks it again). */
export function LearnerCard({ id, portal, canMove = false }: { id: string; portal: Exclude<Portal, "admin">; canMove?: boolean }) {
  const { m } = useMessages();
  return (
    <div className="space-y-4">
      <Link href={`/${portal}/learners`} className="text-sm text-brand-600 hover:underline">
        ← {m.learnerCard.back}
      </Link>
      <CardQuery id={id}>{(card) => <CardBody card={card} portal={portal} canMove={canMove} />}</CardQuery>
    </div>
  );
}

function CardBody({ card, portal, canMove }: { card: CardData; portal: Exclude<Portal, "admin">; canMove: boolean }) {
  const { m } = useMessages();
  const t = m.learnerCard;
  const [tab, setTab] = useState<Stage | undefined>(card.stages[0]);
  const l = card.learner;
  const transfer = useCardTransfer(card);
  const school = portal === "school";
  const movement = useCardMovement(card, school && canMove);
  // The current enrolment's status as the server placed the learner for this caller.
  const status = card.status;
  const relationshipNote = m.learnerCard.relationshipNotes[card.relationship];
  return (
    <>
      <header className="flex flex-wrap items-start gap-4 rounded-lg border border-slate-200 bg-white p-4">
        <div>
          <h1 className="text-xl font-semibold" data-testid="learner-name">
            {fullName(l)}
          </h1>
          <p className="mt-1 text-sm text-slate-600" data-testid="learner-summary">
            {[`${t.birthDate}: ${formatDate(l.birthDate)}`, classLabel(l.grade, l.classLetter) && `${t.class}: ${classLabel(l.grade, l.classLetter)}`, l.organisation?.shortName]
              .filter(Boolean)
              .join(" · ")}
            {status && (
              <span
                className={`ml-2 rounded px-1.5 py-0.5 text-xs ${STATUS_TONES[status] ?? ""}`}
                data-testid="learner-status"
              >
                {vocab(m.vocab.enrolmentStatuses, status)}
              </span>
            )}
          </p>
        </div>
        {school && (card.canWrite || movement.canReinstate) && (
          <div className="ml-auto flex flex-wrap gap-2">
            <MovementButtons state={movement} />
            <TransferButton state={transfer} />
            {card.canWrite && (
              <Link href={`/school/learners/${l.id}/edit`} className="rounded border border-slate-300 px-4 py-2 hover:bg-slate-100" data-testid="learner-edit">
                {t.edit}
              </Link>
            )}
          </div>
        )}
      </header>
      {relationshipNote && (
        <p className="rounded bg-sky-50 px-3 py-2 text-sm text-sky-900" data-testid="relationship-note">
          {relationshipNote}
        </p>
      )}
      {school && <TransferPanel learnerId={l.id} canWrite={card.canWrite} state={transfer} />}
      {school && <MovementPanel state={movement} />}

      <TabList
        tabs={card.stages.map((stage) => ({ key: stage, label: m.vocab.stages[stage] }))}
        selected={tab}
        onSelect={setTab}
        idPrefix="card"
        testIdPrefix="card-tab"
      />

      <div {...(tab ? tabPanelProps("card", tab) : {})} data-testid={tab ? `card-panel-${tab}` : undefined} className="space-y-4">
        {tab === "PERSONAL" && (
          <>
            {card.view === "personal" ? (
              <PersonalTab learner={card.learner} canWrite={card.canWrite} />
            ) : card.view === "contacts" ? (
              <ContactsDetails learner={card.learner} />
            ) : (
              <IdentityDetails learner={card.learner} />
            )}
            {card.trajectory && <TrajectorySection state={movement} />}
          </>
        )}
        {tab === "HEALTH" && <HealthTab learnerId={l.id} />}
        {tab === "PORTFOLIO" && <PortfolioTab learnerId={l.id} writes={school ? card.portfolioWrites : []} />}
        {/* The справка об обучении: the holding or a former school's own document (the server checks again). */}
        {tab === "PORTFOLIO" && school && (card.relationship === "HOLDING" || card.relationship === "FORMER") && <StudyCertificateSection learnerId={l.id} />}
      </div>
    </>
  );
}

