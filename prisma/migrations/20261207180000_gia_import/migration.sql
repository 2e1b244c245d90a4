-- ГИА import from the exam centre's files (issue 21): an imported result keeps
-- its ФЦТ code, and one result per learner, exam, year and code makes a
-- re-import idempotent and an appeal a replacement (services/gia-import).
-- Results typed in by schools keep NULL and are not constrained.

-- AlterTable
ALTER TABLE "ExamResult" ADD COLUMN     "giaSubjectCode" SMALLINT;

-- CreateIndex
CREATE UNIQUE INDEX "ExamResult_learnerId_kind_year_giaSubjectCode_key" ON "ExamResult"("learnerId", "kind", "year", "giaSubjectCode");

-- AddForeignKey
ALTER TABLE "ExamResult" ADD CONSTRAINT "ExamResult_giaSubjectCode_fkey" FOREIGN KEY ("giaSubjectCode") REFERENCES "GiaSubject"("code") ON DELETE RESTRICT ON UPDATE RESTRICT;

-- ЕГЭ mathematics at the basic level (ФЦТ code 22) is marked 2–5 and has no
-- test score; the exam centre's files say so, and the import keeps it as it is.
ALTER TABLE "ExamResult" DROP CONSTRAINT "ExamResult_scores_by_kind";
ALTER TABLE "ExamResult" ADD CONSTRAINT "ExamResult_scores_by_kind" CHECK (
    CASE "kind"
        WHEN 'EGE' THEN ("testScore" BETWEEN 0 AND 100 AND "mark" IS NULL)
                     OR ("giaSubjectCode" = 22 AND "mark" BETWEEN 2 AND 5 AND "testScore" IS NULL)
        ELSE "mark" BETWEEN 2 AND 5 AND "primaryScore" >= 0 AND "testScore" IS NULL
    END
);
