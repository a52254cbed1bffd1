import { expect, test, type Page } from "@playwright/test";
import { DEMO, DEMO_PASSWORD, signIn, useEnglish } from "./support/auth";
import { en } from "./support/messages";

/** The minor units in a formatted EUR amount ("€8,709.46", "EUR 375.00"). */
function minor(text: string): bigint {
  const digits = text.replace(/[^\d.]/g, "");
  expect(digits, text).toMatch(/^\d+\.\d{2}$/);
  return BigInt(digits.replace(".", ""));
}

async function pendingEur(page: Page): Promise<bigint> {
  await page.goto(`/o/${DEMO.org}/balances`);
  const card = page.getByTestId("balance-EUR");
  if ((await card.count()) === 0) return 0n;
  const pending = card.locator("dt", { hasText: new RegExp(`^${en("balances.pending")}$`) }).locator("xpath=following-sibling::dd");
  return minor((await pending.textContent())!);
}

/** An end-of-day camt.053 for the collection account, with one credit quoting the RF reference in the structured field. */
function camt053(iban: string, amount: string, rf: string, payer: string, bankRef: string): string {
  const today = new Date().toISOString().slice(0, 10);
  return `<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08">
<BkToCstmrStmt>
<GrpHdr><MsgId>${bankRef}</MsgId><CreDtTm>${today}T22:00:00Z</CreDtTm></GrpHdr>
<Stmt>
<Id>${bankRef}-STMT</Id>
<Acct><Id><IBAN>${iban}</IBAN></Id><Ccy>EUR</Ccy></Acct>
<Bal><Tp><CdOrPrtry><Cd>OPBD</Cd></CdOrPrtry></Tp><Amt Ccy="EUR">0.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>${today}</Dt></Dt></Bal>
<Bal><Tp><CdOrPrtry><Cd>CLBD</Cd></CdOrPrtry></Tp><Amt Ccy="EUR">${amount}</Amt><CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>${today}</Dt></Dt></Bal>
<Ntry>
<Amt Ccy="EUR">${amount}</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts>
<BookgDt><Dt>${today}</Dt></BookgDt><ValDt><Dt>${today}</Dt></ValDt>
<AcctSvcrRef>${bankRef}</AcctSvcrRef>
<NtryDtls><TxDtls>
<Refs><EndToEndId>NOTPROVIDED</EndToEndId></Refs>
<RltdPties><Dbtr><Pty><Nm>${payer}</Nm></Pty></Dbtr></RltdPties>
<RmtInf><Strd><CdtrRefInf><Tp><CdOrPrtry><Cd>SCOR</Cd></CdOrPrtry><Issr>ISO</Issr></Tp><Ref>${rf}</Ref></CdtrRefInf></Strd></RmtInf>
</TxDtls></NtryDtls>
</Ntry>
</Stmt>
</BkToCstmrStmt>
</Document>
`;
}

test("an invoice with a deposit and a balance: deposit paid by card on the pay page, balance by a bank statement quoting the RF reference", async ({
  page,
  context,
  browser,
  baseURL,
}) => {
  test.setTimeout(180_000);
  await useEnglish(context, baseURL);
  const buyerName = `Nordhafen Beschläge ${Date.now()} GmbH`;
  await signIn(page, DEMO.finance, DEMO_PASSWORD);
  const pendingBefore = await pendingEur(page);

  let invoiceUrl = "";
  let payLink = "";
  await test.step("finance issues a EUR invoice of 1,250.00: 30 % deposit now, 70 % balance 30 days after issue", async () => {
    await page.goto(`/o/${DEMO.org}/buyers/new`);
    await page.getByLabel(en("invoices.buyers.form.name")).fill(buyerName);
    await page.getByLabel(en("invoices.buyers.form.country")).selectOption("DE");
    await page.getByLabel(en("invoices.buyers.form.defaultCurrency")).selectOption("EUR");
    await page.getByLabel(`${en("invoices.buyers.form.contactEmail")} 1`).fill("einkauf@nordhafen.example");
    await page.getByRole("button", { name: en("invoices.buyers.form.save") }).click();
    await expect(page.getByRole("heading", { level: 1, name: buyerName })).toBeVisible();
    await page.getByRole("link", { name: en("invoices.buyers.detail.newInvoice") }).click();
    const line = (field: string) => page.getByRole("textbox", { name: `${en("invoices.editor.line", { n: 1 })} ${en(`invoices.editor.${field}`)}`, exact: true });
    await line("description").fill("Stainless cabinet hinges 35 mm");
    await line("hsCode").fill("8302.10");
    await line("quantity").fill("100");
    await line("unitPrice").fill("12.50");
    await expect(page.getByTestId("live-total")).toHaveText("EUR 1,250.00");
    await page.getByRole("radio", { name: en("invoices.terms.deposit_balance") }).check();
    await page.getByLabel(en("invoices.terms.depositPercent")).fill("30");
    await page.getByLabel(en("invoices.terms.depositDays")).fill("0");
    await page.getByLabel(en("invoices.terms.balanceDays")).fill("30");
    await page.getByLabel(en("invoices.terms.balanceAnchor")).selectOption("issue");
    await page.getByRole("button", { name: en("invoices.editor.save") }).click();
    await expect(page.getByTestId("invoice-total")).toHaveText("EUR 1,250.00");
    await page.getByRole("button", { name: en("invoices.issue.button") }).click();
    await expect(page.getByTestId("invoice-number")).toHaveText(/^INV-\d{4}-\d{4,}$/);
    await expect(page.getByTestId("instalment-deposit").getByTestId("instalment-amount")).toHaveText("EUR 375.00");
    await expect(page.getByTestId("instalment-balance").getByTestId("instalment-amount")).toHaveText("EUR 875.00");
    payLink = (await page.getByTestId("pay-link").inputValue()).trim();
    invoiceUrl = page.url();
  });

  let iban = "";
  let rf = "";
  await test.step("the buyer, not signed in, pays the deposit by sandbox card on the pay page", async () => {
    const buyer = await browser.newContext({ baseURL, locale: "en-US" });
    const pay = await buyer.newPage();
    await pay.goto(payLink);
    await expect(pay.getByTestId("due-amount")).toHaveText("EUR 375.00");
    rf = (await pay.getByTestId("rf-reference").textContent())!.replace(/\s/g, "");
    iban = (await pay.locator('[data-field="iban"] dd span').first().textContent())!.replace(/\s/g, "");
    expect(iban).toMatch(/^[A-Z]{2}\d{2}[A-Z0-9]+$/);
    await pay.getByRole("button", { name: en("pay.card.submit", { amount: "EUR 375.00" }) }).click();
    await pay.waitForURL(/\/sandbox\/card\/pi_[0-9a-f]{32}$/);
    await pay.getByRole("textbox", { name: en("pay.sandbox.number"), exact: true }).fill("4242 4242 4242 4242");
    await pay.getByRole("textbox", { name: en("pay.sandbox.expiry"), exact: true }).fill("12/34");
    await pay.getByRole("textbox", { name: en("pay.sandbox.cvc"), exact: true }).fill("123");
    await pay.getByRole("textbox", { name: en("pay.sandbox.name"), exact: true }).fill("Jonas Becker");
    await pay.getByRole("button", { name: en("pay.sandbox.submit", { amount: "EUR 375.00" }) }).click();
    await pay.waitForURL(/\/pay\/[A-Za-z0-9_-]{43}\?card=/);
    await expect(pay.getByText(en("pay.notice.succeededTitle"))).toBeVisible();
    await buyer.close();
  });

  await test.step("the invoice is partially paid and the card money is pending", async () => {
    await expect(async () => {
      await page.goto(invoiceUrl);
      await expect(page.getByTestId("invoice-status")).toHaveText(en("invoices.status.partially_paid"), { timeout: 1_000 });
    }).toPass({ timeout: 90_000 });
    expect(await pendingEur(page)).toBe(pendingBefore + 37_500n);
  });

  await test.step("a camt.053 carrying the balance with the RF reference pays the invoice", async () => {
    await page.goto(`/o/${DEMO.org}/statements`);
    await page.getByLabel(en("statements.upload.file")).setInputFiles({
      name: "camt053-nordhafen.xml",
      mimeType: "application/xml",
      buffer: Buffer.from(camt053(iban, "875.00", rf, buyerName, `NH${Date.now()}`)),
    });
    await page.getByRole("button", { name: en("statements.upload.submit") }).click();
    await expect(page.getByTestId("import-result")).toHaveText(en("statements.upload.completed", { imported: 1, matched: 1, duplicates: 0, skipped: 0 }));
    await page.goto(invoiceUrl);
    await expect(page.getByTestId("invoice-status")).toHaveText(en("invoices.status.paid"));
    // The bank money became available less the collection fee (0.6 %, or 0.5 % / 0.4 % at the month's volume tiers
    // the demo factory may have reached); the card money is charged when it clears.
    const rows = page.getByTestId("allocation-row");
    const bank = rows.filter({ hasText: en("invoices.allocations.methods.rf_reference") });
    const fee = minor((await bank.getByTestId("allocation-fee").textContent())!);
    expect([525n, 438n, 350n]).toContain(fee);
    expect(minor((await bank.getByTestId("allocation-net").textContent())!)).toBe(87_500n - fee);
    await expect(rows.filter({ hasText: en("invoices.allocations.methods.card") }).getByTestId("allocation-fee")).toHaveText(en("invoices.allocations.feeOnClearing"));
  });
});
