// The demo region: three municipalities, seven organisations of every type,
// and one account per role. Idempotent: keyed by natural identifiers (region
// code, OKTMO, INN, login), so running it again changes nothing.
import { hashPassword } from "../../src/server/auth/password";
import { sealTotpSecret } from "../../src/server/auth/totp";
import { requiresSecondFactor } from "../../src/server/authz/matrix";
import type { Role, ScopeKind } from "../../src/lib/roles";
import type { OrganisationType, PrismaClient } from "../../src/server/generated/prisma/client";
import { ZOrganisationIdentifiers } from "../../src/lib/schemas/organisation";
import { makeInn, makeOgrn } from "../../src/lib/validators";

/** Demo-only password, published in the README. Never use it on real data. */
export const DEMO_PASSWORD = "Kontingent-Demo-2026";

/**
 * Demo-only TOTP secret (base32) of every demo account whose role must have a
 * second factor (officers, admin, auditor); published in the README, and
 * `npm run demo:totp -- <login>` prints its current code. School demo
 * accounts have no second factor (it is optional for them).
 */
export const DEMO_TOTP_SECRET = "KONTINGENTDEMOTOTPDEMOONLYSECRET";

export const DEMO_REGION = { code: "99", name: "Демонстрационная область" };

const MUNICIPALITIES = [
  { key: "zarechny", name: "Городской округ Заречный", oktmo: "99701000001" },
  { key: "sosnovka", name: "Сосновский муниципальный район", oktmo: "99620000001" },
  { key: "ozyorsk", name: "Озёрский муниципальный округ", oktmo: "99640000001" },
] as const;
type MunicipalityKey = (typeof MUNICIPALITIES)[number]["key"];

interface DemoOrganisation {
  key: string;
  municipality: MunicipalityKey;
  type: OrganisationType;
  shortName: string;
  fullName: string;
  /** First 9 digits of INN and first 12 of OGRN; check digits are computed. */
  inn9: string;
  ogrn12: string;
  founder: string;
  address: string;
  headName: string;
}

const ORGANISATIONS: DemoOrganisation[] = [
  { key: "school1", municipality: "zarechny", type: "GENERAL_SCHOOL", shortName: "МБОУ СОШ № 1", fullName: "Муниципальное бюджетное общеобразовательное учреждение «Средняя общеобразовательная школа № 1»", inn9: "990100001", ogrn12: "102990000001", founder: "Администрация городского округа Заречный", address: "г. Заречный, ул. Школьная, д. 1", headName: "Петрова Анна Сергеевна" },
  { key: "kinder5", municipality: "zarechny", type: "KINDERGARTEN", shortName: "МБДОУ д/с № 5 «Солнышко»", fullName: "Муниципальное бюджетное дошкольное образовательное учреждение «Детский сад № 5 «Солнышко»»", inn9: "990100002", ogrn12: "102990000002", founder: "Администрация городского округа Заречный", address: "г. Заречный, ул. Садовая, д. 5", headName: "Иванова Елена Викторовна" },
  { key: "gymn2", municipality: "sosnovka", type: "GENERAL_SCHOOL", shortName: "МБОУ «Гимназия № 2»", fullName: "Муниципальное бюджетное общеобразовательное учреждение «Гимназия № 2»", inn9: "990200001", ogrn12: "102990000003", founder: "Администрация Сосновского муниципального района", address: "с. Сосновка, ул. Ленина, д. 12", headName: "Смирнов Игорь Павлович" },
  { key: "board3", municipality: "sosnovka", type: "BOARDING_SCHOOL", shortName: "ГБОУ «Школа-интернат № 3»", fullName: "Государственное бюджетное общеобразовательное учреждение «Школа-интернат № 3»", inn9: "990200002", ogrn12: "102990000004", founder: "Министерство образования Демонстрационной области", address: "пос. Лесной, ул. Центральная, д. 3", headName: "Кузнецова Ольга Николаевна" },
  { key: "college", municipality: "ozyorsk", type: "COLLEGE", shortName: "ГБПОУ «Озёрский политехнический колледж»", fullName: "Государственное бюджетное профессиональное образовательное учреждение «Озёрский политехнический колледж»", inn9: "990300001", ogrn12: "102990000005", founder: "Министерство образования Демонстрационной области", address: "г. Озёрск, пр. Мира, д. 40", headName: "Волков Дмитрий Андреевич" },
  { key: "cdt", municipality: "ozyorsk", type: "ADDITIONAL_EDUCATION", shortName: "МБУ ДО «Центр детского творчества»", fullName: "Муниципальное бюджетное учреждение дополнительного образования «Центр детского творчества»", inn9: "990300002", ogrn12: "102990000006", founder: "Администрация Озёрского муниципального округа", address: "г. Озёрск, ул. Пионерская, д. 7", headName: "Морозова Татьяна Ивановна" },
  { key: "school4", municipality: "ozyorsk", type: "GENERAL_SCHOOL", shortName: "МБОУ СОШ № 4", fullName: "Муниципальное бюджетное общеобразовательное учреждение «Средняя общеобразовательная школа № 4»", inn9: "990300003", ogrn12: "102990000007", founder: "Администрация Озёрского муниципального округа", address: "г. Озёрск, ул. Победы, д. 4", headName: "Новиков Сергей Олегович" },
];

interface DemoAccount {
  login: string;
  fullName: string;
  role: Role;
  scopeKind: ScopeKind;
  organisation?: string;
  municipality?: MunicipalityKey;
}

export const DEMO_ACCOUNTS: DemoAccount[] = [
  { login: "school.admin", fullName: "Петрова Анна Сергеевна", role: "SCHOOL_ADMIN", scopeKind: "ORGANISATION", organisation: "school1" },
  { login: "school.registrar", fullName: "Соколова Мария Ивановна", role: "SCHOOL_REGISTRAR", scopeKind: "ORGANISATION", organisation: "school1" },
  { login: "school.medic", fullName: "Лебедева Ирина Петровна", role: "SCHOOL_MEDIC", scopeKind: "ORGANISATION", organisation: "school1" },
  // A second school's head, for transfers between two schools.
  { login: "school2.admin", fullName: "Новиков Сергей Олегович", role: "SCHOOL_ADMIN", scopeKind: "ORGANISATION", organisation: "school4" },
  { login: "edu.officer", fullName: "Козлов Андрей Викторович", role: "EDU_OFFICER", scopeKind: "REGION" },
  // A municipality's education officer (issue 22): territories, the register of children, the municipal account.
  { login: "mun.officer", fullName: "Зайцева Ольга Михайловна", role: "EDU_OFFICER", scopeKind: "MUNICIPALITY", municipality: "zarechny" },
  { login: "health.officer", fullName: "Павлова Светлана Юрьевна", role: "HEALTH_OFFICER", scopeKind: "REGION" },
  { login: "sys.admin", fullName: "Орлов Максим Евгеньевич", role: "SYSTEM_ADMIN", scopeKind: "REGION" },
  { login: "auditor", fullName: "Фёдорова Наталья Алексеевна", role: "AUDITOR", scopeKind: "REGION" },
];

export async function seedDemoRegion(db: PrismaClient) {
  const region = await db.region.upsert({ where: { code: DEMO_REGION.code }, update: {}, create: DEMO_REGION });
  const municipalityIds = {} as Record<MunicipalityKey, string>;
  for (const m of MUNICIPALITIES) {
    const row = await db.municipality.upsert({
      where: { oktmo: m.oktmo },
      update: {},
      create: { name: m.name, oktmo: m.oktmo, regionId: region.id },
    });
    municipalityIds[m.key] = row.id;
  }
  const organisationIds: Record<string, string> = {};
  for (const o of ORGANISATIONS) {
    const ids = ZOrganisationIdentifiers.parse({
      inn: makeInn(o.inn9),
      ogrn: makeOgrn(o.ogrn12),
      kpp: `${o.inn9.slice(0, 4)}01001`,
    });
    const row = await db.organisation.upsert({
      where: { inn: ids.inn },
      update: {},
      create: {
        municipalityId: municipalityIds[o.municipality],
        type: o.type,
        shortName: o.shortName,
        fullName: o.fullName,
        ...ids,
        founder: o.founder,
        address: o.address,
        headName: o.headName,
      },
    });
    organisationIds[o.key] = row.id;
  }
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  for (const a of DEMO_ACCOUNTS) {
    const totp = requiresSecondFactor(a.role) ? { totpSecret: sealTotpSecret(DEMO_TOTP_SECRET), totpEnabledAt: new Date() } : {};
    await db.user.upsert({
      where: { login: a.login },
      update: {},
      create: {
        ...totp,
        login: a.login,
        fullName: a.fullName,
        role: a.role,
        scopeKind: a.scopeKind,
        regionId: region.id,
        organisationId: a.organisation ? organisationIds[a.organisation] : null,
        municipalityId: a.municipality ? municipalityIds[a.municipality] : null,
        passwordHash,
        // Two-person rule: the demo accounts are seeded approved (the demo needs them working).
        approvedAt: new Date(),
      },
    });
  }
  return { regionId: region.id, municipalityIds, organisationIds };
}
