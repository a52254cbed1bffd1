import type { BankAdapter } from "./adapter";
import { sandboxBankAdapter } from "./sandbox";

export type { AccountHolder, BankAdapter, IssuedAccount } from "./adapter";

const ADAPTERS: Readonly<Record<string, BankAdapter>> = { sandbox: sandboxBankAdapter };

/** The bank adapter named by BANK_ADAPTER (default `sandbox`); an unknown name is a configuration error. */
export function bankAdapter(): BankAdapter {
  const name = process.env.BANK_ADAPTER || "sandbox";
  const adapter = ADAPTERS[name];
  if (!adapter) throw new Error(`BANK_ADAPTER=${name} is not a known bank adapter (known: ${Object.keys(ADAPTERS).join(", ")})`);
  return adapter;
}
