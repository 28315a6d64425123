import { describe, expect, it } from "vitest";
import { byField, fieldErrors, focusFirstInvalid } from "./forms";

describe("forms", () => {
  it("keeps the first message per field", () => {
    expect(
      byField([
        { field: "iban", code: "iban_checksum", message: "Dit IBAN klopt niet." },
        { field: "iban", code: "x", message: "tweede" },
        { field: "kvk", code: "kvk_format", message: "8 cijfers" },
      ]),
    ).toEqual({ iban: "Dit IBAN klopt niet.", kvk: "8 cijfers" });
  });

  it("reads no field errors from a non-validation failure", () => {
    expect(fieldErrors(new Error("boom"))).toEqual({});
    expect(fieldErrors(null)).toEqual({});
  });

  it("focuses the first invalid control", () => {
    document.body.innerHTML =
      '<input id="a"><input id="b" aria-invalid="true"><input id="c" aria-invalid="true">';
    focusFirstInvalid();
    expect(document.activeElement?.id).toBe("b");
  });
});
