// The ministry's subjects vocabulary: adding, renaming or deactivating a
// subject, and mapping free text left over from before the vocabulary.
import { z } from "zod";
import { SUBJECT_CODE, SUBJECT_LEVELS } from "../subjects";

const zName = z
  .string({ error: "Укажите название предмета" })
  .trim()
  .min(1, "Укажите название предмета")
  .max(100, "Не длиннее 100 символов");
const zLevels = z.array(z.enum(SUBJECT_LEVELS, "Выберите уровень образования")).min(1, "Выберите хотя бы один уровень").max(3);
const zParent = z.preprocess((v) => (v === "" ? null : v), z.uuid("Выберите предмет из списка").nullable().optional());
const zSortOrder = z.preprocess(
  (v) => (v === "" || v === undefined ? undefined : typeof v === "string" && /^\s*\d+\s*$/.test(v) ? Number(v) : v),
  z.number({ error: "Порядок — целое число" }).int("Порядок — целое число").min(0, "Порядок от 0 до 9999").max(9999, "Порядок от 0 до 9999").optional(),
);

export const ZAddSubjectInput = z.object({
  code: z
    .string({ error: "Укажите код предмета" })
    .trim()
    .regex(SUBJECT_CODE, "Код: латинские заглавные буквы, цифры и «_», от 2 до 30 символов, например HISTORY_RUSSIA"),
  name: zName,
  levels: zLevels,
  parentId: zParent,
  sortOrder: zSortOrder,
});
export type AddSubjectInput = z.infer<typeof ZAddSubjectInput>;

/** The code stays: machine clients and the ГИА import refer to it. */
export const ZUpdateSubjectInput = z.object({
  subjectId: z.uuid(),
  name: zName,
  levels: zLevels,
  parentId: zParent,
  sortOrder: zSortOrder,
  active: z.boolean(),
});
export type UpdateSubjectInput = z.infer<typeof ZUpdateSubjectInput>;

/** Every mark and exam result whose text has this normal form gets the subject. */
export const ZMapSubjectTextInput = z.object({
  text: z.string({ error: "Укажите текст" }).trim().min(1, "Укажите текст").max(100, "Не длиннее 100 символов"),
  subjectId: z.uuid("Выберите предмет из списка"),
});
export type MapSubjectTextInput = z.infer<typeof ZMapSubjectTextInput>;
