-- An administrator's new password for an account with learner data puts the
-- account back under the two-person rule: it is refused until a second
-- person confirms the reset (otherwise the administrator, who chose the
-- password, could sign in as a ministry officer or a school head).
ALTER TYPE "AccountRequestKind" ADD VALUE 'RESET';
