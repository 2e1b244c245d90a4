import { describe, expect, it } from "vitest";
import { decryptIdentity, encryptIdentity, maskSnils, snilsColumns, snilsIndexOf, snilsWhere } from "./identity-fields";

describe("identity fields at rest", () => {
  it("encrypts SNILS and document number into envelope columns, with no plaintext left", () => {
    const row = encryptIdentity("Learner", { lastName: "Иванов", snils: "11223344595", docNumber: "739251" });
    expect(Object.keys(row).sort()).toEqual(["docNumberEnc", "lastName", "snilsChecksumOk", "snilsEnc", "snilsIndex"]);
    expect(row.snilsEnc).toMatch(/^v1\.[\w-]+\.[\w-]{16}\.[\w-]+$/);
    expect(row.snilsIndex).toMatch(/^[0-9a-f]{64}$/);
    expect(row.snilsChecksumOk).toBe(true);
    expect(JSON.stringify(row)).not.toMatch(/11223344595|739251/);
    expect(decryptIdentity("Learner", row)).toEqual({ lastName: "Иванов", snils: "11223344595", docNumber: "739251" });
  });

  it("indexes any spelling of a SNILS alike, and flags wrong check digits", () => {
    expect(snilsIndexOf("112-233-445 95")).toBe(snilsIndexOf("11223344595"));
    expect(snilsWhere("112-233-445 95")).toEqual({ snilsIndex: snilsIndexOf("11223344595") });
    expect(snilsColumns("Learner", "11111111100")).toMatchObject({ snilsChecksumOk: false });
    expect(snilsColumns("Representative", "11223344595")).not.toHaveProperty("snilsChecksumOk");
  });

  it("maps only the fields given (partial updates) and clears with NULL", () => {
    expect(encryptIdentity("Learner", { phone: "1" })).toEqual({ phone: "1" });
    expect(encryptIdentity("Learner", { snils: null, docNumber: "" })).toEqual({
      snilsEnc: null, snilsIndex: null, snilsChecksumOk: null, docNumberEnc: null,
    });
    expect(decryptIdentity("Learner", { id: "x", snilsEnc: null })).toEqual({ id: "x", snils: null });
  });

  it("binds each ciphertext to its column: a learner's value does not decrypt as a representative's", () => {
    const { snilsEnc } = snilsColumns("Learner", "11223344595");
    expect(() => decryptIdentity("Representative", { snilsEnc })).toThrow();
  });

  it("masks a SNILS for audit details", () => {
    expect(maskSnils("112-233-445 95")).toBe("***-***-*45 95");
    expect(maskSnils("11223344595")).not.toContain("112233");
  });
});
