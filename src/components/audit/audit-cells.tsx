"use client";
// Cells shared by the auditor's screens: an action by its label (the code in
// small type for searching the docs), an object by its name with a link to
// the access report the server allowed, and details as labelled fields.
import Link from "next/link";
import { describeDetails } from "@/lib/audit-details";
import { AUDIT_ACTION_AREA, AUDIT_AREAS, isAuditAction, type AuditAction } from "@/lib/audit-actions";
import { useMessages, useTimeZone } from "../messages-provider";

/** Where each access report lives; ids only in the URL, never a name or a SNILS. */
export const learnerAccessHref = (learnerId: string) => `/admin/access?learner=${encodeURIComponent(learnerId)}`;
export const accountReadsHref = (login: string) => `/admin/access/account?login=${encodeURIComponent(login)}`;

export function useActionLabel() {
  const { m } = useMessages();
  return (code: string) => (isAuditAction(code) ? m.auditLabels.actions[code] : code);
}

export function ActionCell({ code }: { code: string }) {
  const label = useActionLabel();
  return (
    <span className="block min-w-[10rem]">
      {label(code)}
      <span className="block font-mono text-xs text-slate-500">{code}</span>
    </span>
  );
}

/** The action filter's options, grouped by area in the catalogue's order. */
export function ActionOptions() {
  const { m } = useMessages();
  return (
    <>
      {AUDIT_AREAS.map((area) => (
        <optgroup key={area} label={m.auditLabels.areas[area]}>
          {(Object.keys(AUDIT_ACTION_AREA) as AuditAction[])
            .filter((code) => AUDIT_ACTION_AREA[code] === area)
            .map((code) => (
              <option key={code} value={code}>
                {m.auditLabels.actions[code]}
              </option>
            ))}
        </optgroup>
      ))}
    </>
  );
}

export interface AuditObjectView {
  type: string;
  id: string;
  name: string | null;
  link: "learnerAccess" | "accountReads" | null;
  login: string | null;
}

export function ObjectCell({ object }: { object: AuditObjectView | null }) {
  const { m } = useMessages();
  const t = m.auditLabels;
  if (!object) return <>{m.common.none}</>;
  const kind = t.entities[object.type] ?? object.type;
  const name = object.name ?? (object.type === "Learner" || object.type === "User" ? t.deleted : null);
  const href = object.link === "learnerAccess" ? learnerAccessHref(object.id) : object.link === "accountReads" && object.login ? accountReadsHref(object.login) : null;
  const title = object.link === "learnerAccess" ? t.openLearnerAccess : t.openAccountReads;
  return (
    <span className="block min-w-[9rem] text-sm">
      <span className="block text-xs text-slate-500">{kind}</span>
      {name ? (
        href ? (
          <Link href={href} title={title} className="text-brand-600 underline">
            {name}
          </Link>
        ) : (
          name
        )
      ) : (
        <span className="font-mono text-xs text-slate-500" title={object.id}>
          {object.id.length > 13 ? `${object.id.slice(0, 8)}…` : object.id}
        </span>
      )}
    </span>
  );
}

const SHOWN = 3;

/** Labelled fields; beyond the first few they fold into «Все подробности», wrapping, never cut. */
export function DetailsCell({ details, names }: { details: unknown; names?: Record<string, string> }) {
  const { m } = useMessages();
  const timeZone = useTimeZone();
  const fields = describeDetails(details, m, timeZone, names);
  if (fields.length === 0) return <>{m.common.none}</>;
  const list = (items: typeof fields) => (
    <dl className="grid grid-cols-[auto_1fr] gap-x-2 text-xs">
      {items.map((f) => (
        <div key={f.key} className="contents">
          <dt className="text-slate-500">{f.label}</dt>
          <dd className="break-words text-slate-800 [overflow-wrap:anywhere]">{f.value}</dd>
        </div>
      ))}
    </dl>
  );
  return (
    <div className="min-w-[14rem] max-w-[24rem] whitespace-normal" data-testid="audit-details">
      {list(fields.slice(0, SHOWN))}
      {fields.length > SHOWN && (
        <details className="mt-1">
          <summary className="cursor-pointer text-xs text-brand-600">{m.auditLabels.more(fields.length - SHOWN)}</summary>
          {list(fields.slice(SHOWN))}
        </details>
      )}
    </div>
  );
}
