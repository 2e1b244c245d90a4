// `npm run demo:totp -- <login>`: prints the current TOTP code of a demo
// account, computed from the published demo secret. DEMO ONLY: real accounts
// have their own secrets, which never leave the database encrypted.
import { DEMO_ACCOUNTS, DEMO_TOTP_SECRET } from "../../prisma/seed/demo-region";
import { currentTotpCode } from "../../src/server/auth/totp";
import { requiresSecondFactor } from "../../src/server/authz/matrix";

const login = process.argv[2];
const account = DEMO_ACCOUNTS.find((a) => a.login === login);
if (!account) {
  console.error(`Usage: npm run demo:totp -- <login>\nDemo accounts with a second factor: ${DEMO_ACCOUNTS.filter((a) => requiresSecondFactor(a.role)).map((a) => a.login).join(", ")}`);
  process.exit(1);
}
if (!requiresSecondFactor(account.role)) {
  console.error(`${login} has no second factor in the demo data (optional for school roles).`);
  process.exit(1);
}
const secondsLeft = 30 - (Math.floor(Date.now() / 1000) % 30);
console.log(currentTotpCode(DEMO_TOTP_SECRET));
console.error(`(valid for another ${secondsLeft} s; each code is accepted once)`);
