// `npm run db:restore -- --in <file> --target <postgresql://… empty database> [--keep-failed]`:
// checks the dump's SHA-256 against its manifest (a changed file is refused
// before anything is written), pg_restore in one transaction (a failure leaves
// the target empty), then verification against the manifest (row counts of
// every table, sequences ahead of their columns, audit chain intact with the
// same head hash). A restore that fails verification is removed again, unless
// --keep-failed keeps it for investigation. Exit 1 on any failure. PostgreSQL only.
import { requirePostgresUrl, restoreDatabase } from "../../src/server/db/backup";
import { fail, main, option, printCheck } from "./backup-cli";

await main(async () => {
  const usage = "npm run db:restore -- --in <file> --target <postgresql://… of an empty database> [--keep-failed]";
  const file = option("in", usage);
  const target = requirePostgresUrl(option("target", usage), "db:restore");
  const keepFailed = process.argv.includes("--keep-failed");
  const result = await restoreDatabase(file, target, { keepFailed });
  console.log(`Контрольная сумма дампа совпадает с манифестом (SHA-256 ${result.dumpSha256}).`);
  console.log("Дамп восстановлен одной транзакцией.");
  printCheck(result);
  if (!result.ok) {
    fail(
      result.removed
        ? "Проверка восстановленной базы НЕ ПРОЙДЕНА: восстановленные данные удалены, целевая база снова пуста."
        : "Проверка восстановленной базы НЕ ПРОЙДЕНА (--keep-failed: данные оставлены для расследования). Не используйте эту базу.",
    );
  }
  console.log(`Восстановлено из ${file} и проверено: число строк каждой таблицы, последовательности и цепочка аудита совпадают с резервной копией.`);
});
