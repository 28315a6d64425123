import { describe, expect, it } from "vitest";
import { formatDate, formatLongDate, formatMoney, formatUnitPrice } from "./format";

describe("nl-NL formats", () => {
  it("writes money as € 1.234,56", () => {
    const nbsp = "\u00a0";
    expect(formatMoney("1234.56")).toBe(`€${nbsp}1.234,56`);
    expect(formatMoney("0.5")).toBe(`€${nbsp}0,50`);
    expect(formatMoney("-40")).toBe(`€${nbsp}-40,00`);
  });

  it("keeps up to four decimals in a unit price", () => {
    expect(formatUnitPrice("0.335")).toBe("€\u00a00,335");
    expect(formatUnitPrice("85")).toBe("€\u00a085,00");
  });

  it("writes dates as 22-11-2026 and, in letters, 22 november 2026", () => {
    expect(formatDate("2026-11-22")).toBe("22-11-2026");
    expect(formatDate("2026-01-05T23:30:00.000Z")).toBe("06-01-2026");
    expect(formatLongDate("2026-11-22")).toBe("22 november 2026");
  });

  it("shows a value that is not an ISO date as it is instead of failing", () => {
    expect(formatDate("22-11-2026")).toBe("22-11-2026");
    expect(formatDate("")).toBe("");
  });
});
