import { readFileSync } from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import ExcelJS from "exceljs";
import Papa from "papaparse";
import postgres from "postgres";
import { DEMO, DEMO_PASSWORD, signIn, useEnglish } from "./support/auth";
import { en, msg } from "./support/messages";

/** What the seeded demo database itself says about the 31–60 bucket today (China time), read apart from the app's code. */
async function seededBucket(): Promise<{ numbers: string[]; amounts: { currency: string; amount: string }[] }> {
  const sql = postgres(readFileSync(".data/e2e-database-url", "utf8").trim(), { max: 1 });
  try {
    const owing = sql`
      select i.number, i.currency, s.amount_minor - s.paid_minor as owed
        from invoices i join organizations o on o.id = i.organization_id
        join invoice_instalments s on s.invoice_id = i.id
       where o.slug = ${DEMO.org} and i.status in ('open', 'partially_paid') and s.status in ('open', 'partially_paid')
         and s.due_date between (now() at time zone o.timezone)::date - 60 and (now() at time zone o.timezone)::date - 31`;
    const rows = await owing;
    const sums = new Map<string, bigint>();
    for (const row of rows) sums.set(row.currency as string, (sums.get(row.currency as string) ?? 0n) + BigInt(row.owed as string));
    const amounts = [...sums.entries()].map(([currency, minor]) => {
      const digits = new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions().maximumFractionDigits ?? 2;
      const major = Number(minor) / 10 ** digits;
      return { currency, amount: new Intl.NumberFormat("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(major) };
    });
    return { numbers: [...new Set(rows.map((row) => row.number as string))].sort(), amounts };
  } finally {
    await sql.end();
  }
}

async function expectNoSeriousViolations(page: Page): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  const serious = violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  expect(serious, `serious/critical axe violations on ${page.url()}`).toEqual([]);
}

test("finance opens the dashboard, clicks the 31–60 bar, sees exactly those invoices and exports them to XLSX and CSV", async ({ page, context, baseURL }) => {
  await useEnglish(context, baseURL);
  await signIn(page, DEMO.finance, DEMO_PASSWORD);
  await page.waitForURL(/\/o\/haiguang-hardware\/dashboard/);
  await expect(page.getByRole("heading", { level: 1, name: en("dashboard.title") })).toBeVisible();
  const expected = await seededBucket();
  expect(expected.numbers.length).toBeGreaterThan(0);

  await test.step("the dashboard shows the seeded figures, every chart reachable by keyboard, DSO explained", async () => {
    await expect(page.getByTestId("headline-open-value")).toHaveText(/¥[\d,]+\.\d\d/);
    await expect(page.getByTestId("headline-overdue-value")).toHaveText(/¥[\d,]+\.\d\d/);
    const row = page.locator("[data-testid='aging-row'][data-bucket='31_60']");
    for (const { currency, amount } of expected.amounts) await expect(row).toContainText(`${currency} ${amount}`);
    for (const bucket of ["current", "1_30", "31_60", "61_90", "over_90"]) {
      await expect(page.locator(`[data-testid='aging-row'][data-bucket='${bucket}'] [data-testid='aging-cny']`)).not.toHaveText("CN¥0.00");
    }
    // Twelve months of collections, each with money in it.
    await expect(page.getByTestId("collections-row")).toHaveCount(12);
    for (const cell of await page.getByTestId("collections-collected").all()) await expect(cell).toHaveText(/\d/);

    for (const title of ["dashboard.aging.title", "dashboard.collections.title", "dashboard.buyers.title", "dashboard.fees.title"]) {
      await expect(page.getByRole("application", { name: en(title) })).toHaveAttribute("tabindex", "0");
    }
    await page.getByRole("button", { name: en("dashboard.headline.dsoFormulaButton") }).focus();
    await expect(page.getByRole("tooltip")).toBeVisible();
    await expect(page.getByRole("tooltip")).toContainText("DSO = open receivables");
    await page.keyboard.press("Escape");
    await expectNoSeriousViolations(page);
  });

  await test.step("clicking the 31–60 bar opens exactly the invoices of that bucket", async () => {
    // Every bucket holds money (checked above), so the bars stand at five distinct places, left to right: the third is 31–60.
    const figure = page.locator("figure[aria-labelledby='dashboard-aging-title']");
    const bars = figure.locator(".recharts-bar-rectangle path.recharts-rectangle");
    await expect(bars.first()).toBeVisible();
    const placed = [];
    for (const bar of await bars.all()) {
      const box = await bar.boundingBox();
      if (box && box.height > 0) placed.push({ bar, x: Math.round(box.x) });
    }
    const columns = [...new Set(placed.map((entry) => entry.x))].sort((a, b) => a - b);
    expect(columns, JSON.stringify(placed.map((entry) => entry.x))).toHaveLength(5);
    await placed.find((entry) => entry.x === columns[2])!.bar.click();
    await page.waitForURL(/\/invoices\?.*aging=31-60/);
    await expect(page.getByTestId("aging-filter-note")).toBeVisible();
    const numbers = (await page.getByTestId("invoice-row").locator("td:first-child, th:first-child").allTextContents()).map((text) => text.trim()).sort();
    expect(numbers).toEqual(expected.numbers);
    await expectNoSeriousViolations(page);
  });

  await test.step("the list exports to XLSX and CSV with the same invoices", async () => {
    const [xlsx] = await Promise.all([page.waitForEvent("download"), page.getByTestId("export-xlsx").click()]);
    expect(xlsx.suggestedFilename()).toMatch(/^invoices-haiguang-hardware-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    const bytes = Buffer.concat(await (await xlsx.createReadStream()).toArray());
    await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(1).getCell(1).value).toBe(en("dashboard.exports.columns.number"));
    const fromXlsx: string[] = [];
    sheet.eachRow((row, index) => {
      if (index > 1) fromXlsx.push(String(row.getCell(1).value));
    });
    expect(fromXlsx.sort()).toEqual(expected.numbers);

    const [csv] = await Promise.all([page.waitForEvent("download"), page.getByTestId("export-csv").click()]);
    expect(csv.suggestedFilename()).toMatch(/\.csv$/);
    const text = Buffer.concat(await (await csv.createReadStream()).toArray()).toString("utf8").replace(/^\uFEFF/, "");
    const rows = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true }).data;
    expect(rows.map((row) => row.number).sort()).toEqual(expected.numbers);
    expect(rows.every((row) => /^\d+(\.\d{2,3})?$/.test(row.outstanding ?? ""))).toBe(true);
  });

  await test.step("the payments list and the dashboard hold on a phone, in English and in Chinese", async () => {
    await page.goto(`/o/${DEMO.org}/payments?tab=all`);
    await expect(page.getByTestId("payments-table")).toBeVisible();
    await expectNoSeriousViolations(page);
    await page.setViewportSize({ width: 375, height: 800 });
    for (const locale of ["en", "zh-CN"] as const) {
      await context.addCookies([{ name: "NEXT_LOCALE", value: locale, url: baseURL ?? "http://localhost:3100" }]);
      await page.goto(`/o/${DEMO.org}/dashboard`);
      await expect(page.getByRole("heading", { level: 1, name: msg(locale, "dashboard.title") })).toBeVisible();
      await expect(page.getByTestId("aging-table")).toBeVisible();
      expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(1);
    }
  });
});
