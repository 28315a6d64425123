import { afterEach, describe, expect, it } from "vitest";
import { flushSync, mount, unmount } from "svelte";
import TextField from "./TextField.svelte";

let component: ReturnType<typeof mount> | undefined;
afterEach(() => {
  if (component) unmount(component);
  document.body.innerHTML = "";
});

describe("TextField", () => {
  it("labels the input and ties the error message to it", () => {
    component = mount(TextField, {
      target: document.body,
      props: { name: "iban", label: "IBAN", value: "NL91", error: "Dit IBAN klopt niet." },
    });
    flushSync();
    const input = document.querySelector("input")!;
    const label = document.querySelector("label")!;
    expect(label.htmlFor).toBe(input.id);
    expect(input.getAttribute("aria-invalid")).toBe("true");
    const error = document.querySelector('[data-error-for="iban"]')!;
    expect(error.textContent).toContain("Dit IBAN klopt niet.");
    expect(input.getAttribute("aria-describedby")).toContain(error.id);
  });

  it("shows a warning when there is no error, and nothing invalid", () => {
    component = mount(TextField, {
      target: document.body,
      props: { name: "btwId", label: "Btw-id", value: "", hint: "NL…B01", warning: "Let op" },
    });
    flushSync();
    const input = document.querySelector("input")!;
    expect(input.hasAttribute("aria-invalid")).toBe(false);
    expect(input.getAttribute("aria-describedby")).toMatch(/-hint .*-warning$/);
    expect(document.querySelector('[data-warning-for="btwId"]')?.textContent).toContain("Let op");
  });
});
