// Movement orders (приказы): shared input schemas for enrolment and transfers.
import { z } from "zod";
import { EDUCATION_LEVELS, GRADE_RANGES } from "./learner";
import { optional, todayIso, zDay } from "./person";
import { zSnils } from "@/lib/validators";
import { LEAVING_REASONS, REASON_NEEDS_TEXT, reasonFitsType } from "@/lib/movement/leaving-reasons";

export const ZOrder = z
  .object({
    orderNumber: z.string().trim().min(1, "Укажите номер приказа").max(50, "Не длиннее 50 символов"),
    orderDate: zDay("дату приказа").refine((v) => v <= todayIso(), "Дата приказа не может быть в будущем"),
    effectiveDate: zDay("дату, с которой действует приказ"),
  })
  .refine((o) => o.effectiveDate >= o.orderDate || o.orderDate === "", {
    path: ["effectiveDate"],
    message: "Приказ не может действовать раньше своей даты",
  });
export type Order = z.infer<typeof ZOrder>;

export const ZPlacement = z
  .object({
    level: z.enum(EDUCATION_LEVELS, "Выберите уровень образования"),
    grade: z.number("Укажите класс").int().min(0, "Класс от 0 до 12").max(12, "Класс от 0 до 12").optional(),
    classLetter: optional(z.string().trim().toUpperCase().regex(/^[А-ЯЁ]{1,2}$/, "Литера класса: одна-две русские буквы")),
  })
  .superRefine((v, ctx) => {
    const range = GRADE_RANGES[v.level];
    if (range && (v.grade === undefined || v.grade < range[0] || v.grade > range[1])) {
      ctx.addIssue({ code: "custom", path: ["grade"], message: `Для этого уровня класс от ${range[0]} до ${range[1]}` });
    }
  });
export type Placement = z.infer<typeof ZPlacement>;

/** Enrolment of a person already in the regional registry, identified by SNILS and birth date. */
export const ZEnrolExistingInput = z.object({
  snils: zSnils,
  birthDate: zDay("дату рождения"),
  placement: ZPlacement,
  order: ZOrder,
});

export const ZStartTransferInput = z.object({
  learnerId: z.uuid(),
  toOrganisationId: z.uuid("Выберите организацию"),
  order: ZOrder,
  reason: optional(z.string().trim().max(500)),
});

// A transfer and an order are named with their learner: (learnerId, id) is
// their key, the learner being the distribution column (docs/distribution.md).
export const ZAcceptTransferInput = z.object({ learnerId: z.uuid(), transferId: z.uuid(), placement: ZPlacement, order: ZOrder });
export const ZRejectTransferInput = z.object({
  learnerId: z.uuid(),
  transferId: z.uuid(),
  reason: z.string().trim().min(3, "Укажите причину отказа").max(500, "Не длиннее 500 символов"),
});

/** Orders a school makes about a learner it holds (not transfers). */
export const SCHOOL_EVENT_TYPES = ["CLASS_CHANGE", "PROMOTION", "REPEAT_YEAR", "EXPULSION", "GRADUATION"] as const;

export const ZSchoolEventInput = z.discriminatedUnion("type", [
  // To another class or programme (incl. adapted): the new placement.
  z.object({ type: z.literal("CLASS_CHANGE"), learnerId: z.uuid(), order: ZOrder, placement: ZPlacement, reason: optional(z.string().trim().max(500)) }),
  z.object({ type: z.literal("PROMOTION"), learnerId: z.uuid(), order: ZOrder }),
  z.object({ type: z.literal("REPEAT_YEAR"), learnerId: z.uuid(), order: ZOrder }),
  // A coded reason (src/lib/movement/leaving-reasons.ts); the free text is optional but for OTHER.
  z
    .object({
      type: z.literal("EXPULSION"),
      learnerId: z.uuid(),
      order: ZOrder,
      leavingReason: z.enum(LEAVING_REASONS, "Укажите причину выбытия"),
      reason: optional(z.string().trim().max(500, "Не длиннее 500 символов")),
    })
    .superRefine((v, ctx) => {
      if (!reasonFitsType(v.leavingReason, "EXPULSION")) {
        ctx.addIssue({ code: "custom", path: ["leavingReason"], message: "Перевод в организацию региона оформляется переводом, а не отчислением" });
      }
      if (REASON_NEEDS_TEXT.includes(v.leavingReason) && (v.reason ?? "").length < 3) {
        ctx.addIssue({ code: "custom", path: ["reason"], message: "Опишите причину выбытия в основании" });
      }
    }),
  z.object({ type: z.literal("GRADUATION"), learnerId: z.uuid(), order: ZOrder }),
]);
export type SchoolEventInput = z.infer<typeof ZSchoolEventInput>;

/** Reinstatement of a learner this school expelled (восстановление). */
export const ZReinstateInput = z.object({ learnerId: z.uuid(), placement: ZPlacement, order: ZOrder });

/** A mistaken order is cancelled by a new order that references it. */
export const ZCancelEventInput = z.object({
  learnerId: z.uuid(),
  eventId: z.uuid(),
  order: ZOrder,
  reason: z.string().trim().min(3, "Укажите, почему приказ отменяется").max(500),
});

/** Year-end rollover: the default plan, with per-learner overrides. */
export const ROLLOVER_ACTIONS = ["PROMOTION", "REPEAT_YEAR", "GRADUATION"] as const;
export const ZRolloverInput = z.object({
  order: ZOrder,
  overrides: z
    .array(
      z.object({
        enrolmentId: z.uuid(),
        action: z.enum(ROLLOVER_ACTIONS),
        /** Letter of next year's class (a class «Всех перевести в 5Б»); the same letter when absent. */
        classLetter: optional(z.string().trim().toUpperCase().regex(/^[А-ЯЁ]{1,2}$/, "Литера класса: одна-две русские буквы")),
      }),
    )
    .max(20_000)
    .default([]),
  /** Explicit consent to create next year's classes the plan needs and the school does not have yet. */
  createClasses: z.boolean().default(false),
});

/** Transfers the school is party to: the ones it receives or the ones it sent. */
export const ZListTransfersInput = z.object({ direction: z.enum(["incoming", "outgoing"]) });

/** The ministry's oversight: pending transfers older than this many days. */
export const ZStaleTransfersInput = z.object({ olderThanDays: z.number().int().min(0).max(365).default(14) });

/** The ministry's oversight: accepted transfers between municipalities over a period. */
export const ZTransferFlowsInput = z.object({ from: zDay("начало периода"), to: zDay("конец периода") });
