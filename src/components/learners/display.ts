// How a learner's name, class and SNILS read on screen.
import { formatSnils } from "@/lib/validators/snils";

interface Named {
  lastName: string;
  firstName: string;
  middleName: string | null;
}

export const fullName = (p: Named) => [p.lastName, p.firstName, p.middleName].filter(Boolean).join(" ");

/** "5А", "10", or "" when the enrolment has no class. */
export const classLabel = (grade: number | null | undefined, letter: string | null | undefined) =>
  grade === null || grade === undefined ? (letter ?? "") : `${grade}${letter ?? ""}`;

export const snilsText = (snils: string | null | undefined, none: string) => (snils ? formatSnils(snils) : none);

/** A key of a vocabulary map, or the raw value when the map lacks it. */
export const vocab = <T extends Record<string, string>>(map: T, key: string | null | undefined, none = "") =>
  key ? ((map as Record<string, string>)[key] ?? key) : none;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** A card address with a malformed id is a 404, not a server round trip. */
export const isUuid = (value: string) => UUID.test(value);
