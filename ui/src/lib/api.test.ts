import { afterEach, describe, expect, it } from "vitest";
import { invoke } from "@tauri-apps/api/core";
import { api, isAppError, setTransport } from "./api";

afterEach(() => setTransport(invoke));

describe("api", () => {
  it("sends camelCase arguments to the named command", async () => {
    const calls: [string, unknown][] = [];
    setTransport(async (command, args) => {
      calls.push([command, args]);
      return [];
    });
    await api.listClients({ search: "bak", sort: "name", includeArchived: false });
    await api.setClientArchived(7, true);
    expect(calls).toEqual([
      ["list_clients", { query: { search: "bak", sort: "name", includeArchived: false } }],
      ["set_client_archived", { id: 7, archived: true }],
    ]);
  });

  it("passes an AppError through unchanged", async () => {
    const error = { code: "validation", message: "Niet opgeslagen", fields: [] };
    setTransport(async () => Promise.reject(error));
    await expect(api.appState()).rejects.toBe(error);
  });

  it("turns any other failure into a Dutch AppError without raw text", async () => {
    setTransport(async () => Promise.reject("invalid args `form` for command `save_profile`"));
    const failure = await api.getProfile().catch((e: unknown) => e);
    expect(isAppError(failure)).toBe(true);
    expect(failure).toMatchObject({ code: "internal", fields: [] });
    expect(JSON.stringify(failure)).not.toContain("invalid args");
  });
});
