import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { flushSync, mount, tick, unmount } from "svelte";
import { invoke } from "@tauri-apps/api/core";
import { setTransport } from "../lib/api";
import type { AppState, Invoice, PaymentProposal } from "../lib/bindings";
import { session } from "../lib/session.svelte";
import PaymentDialog from "./PaymentDialog.svelte";

let component: ReturnType<typeof mount> | undefined;

beforeAll(() => {
  session.app = { today: "2026-11-22" } as AppState;
  // jsdom has no modal dialogs; opening is all the dialog needs here.
  HTMLDialogElement.prototype.showModal ??= function (this: HTMLDialogElement) {
    this.open = true;
  };
  HTMLDialogElement.prototype.close ??= function (this: HTMLDialogElement) {
    this.open = false;
  };
});

afterEach(() => {
  if (component) unmount(component);
  component = undefined;
  document.body.innerHTML = "";
  setTransport(invoke);
});

const proposal: PaymentProposal = {
  maximum: "1257.58",
  open: {
    principal: "1210.00",
    interest: "7.58",
    costs: "40.00",
    total: "1257.58",
    interestAndCosts: "47.58",
    waived: "0.00",
  },
};

function invoice(): Invoice {
  return { id: 3, outstanding: "1210.00" } as Invoice;
}

async function settle() {
  for (let i = 0; i < 5; i++) {
    await tick();
    await Promise.resolve();
  }
  flushSync();
}

describe("PaymentDialog", () => {
  it("proposes the whole claim once, with its split, and fills it in", async () => {
    const calls: string[] = [];
    setTransport(async (command) => {
      calls.push(command);
      return proposal;
    });
    component = mount(PaymentDialog, {
      target: document.body,
      props: { open: true, invoice: invoice(), onsaved: () => {} },
    });
    await settle();
    expect(calls).toEqual(["payment_proposal"]);
    const amount = document.querySelector<HTMLInputElement>('input[name="amount"]')!;
    expect(amount.value).toBe("1257,58");
    expect(document.querySelector('[data-testid="proposal-split"]')?.textContent).toMatch(/kosten €\s40,00/);
  });

  it("never overwrites an amount the user typed before the proposal came in", async () => {
    let answer: (p: PaymentProposal) => void = () => {};
    setTransport(() => new Promise((resolve) => (answer = resolve as (p: PaymentProposal) => void)));
    component = mount(PaymentDialog, {
      target: document.body,
      props: { open: true, invoice: invoice(), onsaved: () => {} },
    });
    flushSync();
    const amount = document.querySelector<HTMLInputElement>('input[name="amount"]')!;
    amount.value = "500,00";
    amount.dispatchEvent(new Event("input", { bubbles: true }));
    answer(proposal);
    await settle();
    expect(document.querySelector<HTMLInputElement>('input[name="amount"]')!.value).toBe("500,00");
  });
});
