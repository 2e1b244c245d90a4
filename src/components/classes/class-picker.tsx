"use client";
// The class a learner is placed in, picked from the school's classes of the
// academic year («Программы и классы»): never typed, so the registry, the
// dashboards and the class list name the same classes. Sets grade and letter
// together; the server checks the same list (school-classes.ts).
import Link from "next/link";
import { useQuery } from "@tanstack/react-query";
import { useMessages } from "@/components/messages-provider";
import { SelectField } from "@/components/select-field";
import { levelHasClasses, placementAcademicYear } from "@/lib/classes/class-year";
import { GRADE_RANGES, type EducationLevel } from "@/lib/schemas/learner";
import { todayIso } from "@/lib/schemas/person";
import { academicYearLabel } from "@/lib/schemas/programme";
import { useTRPC } from "@/trpc/react";
import type { FieldErrors } from "@/lib/errors/form-errors";

interface ClassPickerProps {
  /** Dotted prefix of the fields ("enrolment", "placement"): the select is `<prefix>.classLetter`. */
  prefix: string;
  level: string;
  grade: string;
  classLetter: string;
  /** The date the placement takes effect (enrolment, order); blank = today. */
  date?: string;
  errors: FieldErrors;
  onChange: (patch: { grade: string; classLetter: string }) => void;
}

export function ClassPicker({ prefix, level, grade, classLetter, date, errors, onChange }: ClassPickerProps) {
  const { m } = useMessages();
  const t = m.classPicker;
  const trpc = useTRPC();
  const today = todayIso();
  const year = placementAcademicYear(date && /^\d{4}-\d{2}-\d{2}$/.test(date) ? date : today, today);
  const graded = levelHasClasses(level);
  const classes = useQuery({ ...trpc.school.programmes.classes.queryOptions({ academicYear: year }), enabled: graded });
  if (!graded) return null;
  const range = GRADE_RANGES[level as EducationLevel]!;
  const options = (classes.data ?? [])
    .filter((c) => c.grade >= range[0] && c.grade <= range[1])
    .map((c) => ({ value: `${c.grade}|${c.letter}`, label: `${c.grade}${c.letter}` }));
  const value = grade && classLetter ? `${grade}|${classLetter}` : "";
  const name = `${prefix}.classLetter`;
  const error = errors[name] ?? errors[`${prefix}.grade`];
  return (
    <div>
      <SelectField
        label={t.label}
        name={name}
        value={options.some((o) => o.value === value) ? value : ""}
        error={error}
        placeholder={classes.isPending ? t.loading : t.choose}
        options={options}
        title={t.year(academicYearLabel(year))}
        data-testid="class-picker"
        onChange={(e) => {
          const [g = "", letter = ""] = e.target.value.split("|");
          onChange({ grade: g, classLetter: letter });
        }}
      />
      {classes.isSuccess && options.length === 0 && (
        <p className="mt-1 text-sm text-slate-600" data-testid="class-picker-none">
          {t.none(academicYearLabel(year))}{" "}
          <Link href="/school/classes" className="text-brand-700 underline">
            {t.createLink}
          </Link>
        </p>
      )}
    </div>
  );
}
