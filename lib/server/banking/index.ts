import type { PayoutBankAdapter } from "./adapter";
import { sandboxBankAdapter } from "./sandbox";

export type { AccountHolder, BankAdapter, IssuedAccount, PayoutBankAdapter, PayoutBankStatus, PayoutContext, PayoutOrder } from "./adapter";

const ADAPTERS: Readonly<Record<string, PayoutBankAdapter>> = { sandbox: sandboxBankAdapter };

/** The bank adapter named by BANK_ADAPTER (default `sandbox`); an unknown name is a configuration error. */
export function bankAdapter(): PayoutBankAdapter {
  const name = process.env.BANK_ADAPTER || "sandbox";
  const adapter = ADAPTERS[name];
  if (!adapter) throw new Error(`BANK_ADAPTER=${name} is not a known bank adapter (known: ${Object.keys(ADAPTERS).join(", ")})`);
  return adapter;
}
