import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { DEMO, DEMO_PASSWORD, signIn, useEnglish } from "./support/auth";
import { en, msg } from "./support/messages";

test("finance opens Exposure, reads the currency and sensitivity tables, and changes the target margin", async ({ page, context, baseURL }) => {
  await useEnglish(context, baseURL);
  await signIn(page, DEMO.finance, DEMO_PASSWORD);
  await page.goto(`/o/${DEMO.org}/exposure`);
  await expect(page.getByRole("heading", { level: 1, name: en("exposure.title") })).toBeVisible();

  await test.step("the demo's foreign-currency balances are valued in yuan, with the rates' time", async () => {
    const table = page.getByRole("table", { name: en("exposure.currencies.caption") });
    await expect(table).toBeVisible();
    await expect(table.getByTestId("exposure-currency-row").first()).toBeVisible();
    await expect(page.getByTestId("exposure-rates-as-of")).toBeVisible();
    await expect(page.getByTestId("exposure-headline-total").locator("dd")).toHaveText(/\d/);
    // The chart beside it can be reached with the keyboard.
    const chart = page.getByRole("application", { name: en("exposure.charts.byCurrency.title") });
    await expect(chart).toHaveAttribute("tabindex", "0");
    await chart.focus();
    await page.keyboard.press("ArrowRight");
    await expect(page.locator("figure[aria-labelledby='exposure-by-currency-title'] .recharts-tooltip-wrapper")).toContainText(/\d/);
  });

  const margin = page.getByTestId("sensitivity-margin");
  const hasReceivables = (await page.getByTestId("sensitivity-row").count()) > 0;

  await test.step("the sensitivity table states its convention and measures margins against the seeded 5 % target", async () => {
    await expect(page.getByRole("table", { name: en("exposure.sensitivity.caption") })).toBeVisible();
    await expect(page.getByTestId("sensitivity-convention")).toHaveText(en("exposure.sensitivity.convention"));
    await expect(page.getByTestId("margin-basis-current")).toContainText("target margin 5 %");
    await expect(margin.locator("[data-move='0']")).toHaveText(hasReceivables ? "5.00 %" : "—");
    if (hasReceivables) await expect(margin.locator("[data-move='3']")).toHaveText(/^[0-9.-]+ %$/);
  });

  await test.step("a new target margin changes the margin row", async () => {
    await page.getByRole("radio", { name: en("exposure.settings.targetMargin") }).check();
    await page.getByRole("textbox", { name: en("exposure.settings.targetMarginLabel") }).fill("150");
    await page.getByRole("button", { name: en("exposure.settings.submit") }).click();
    await expect(page.getByRole("alert").filter({ hasText: "between −100 % and 100 %" })).toBeVisible();
    await expect(page.getByTestId("margin-basis-current")).toContainText("target margin 5 %");

    await page.getByRole("textbox", { name: en("exposure.settings.targetMarginLabel") }).fill("12.5");
    await page.getByRole("button", { name: en("exposure.settings.submit") }).click();
    await expect(page.getByText(en("exposure.settings.saved"))).toBeVisible();
    await expect(page.getByTestId("margin-basis-current")).toContainText("target margin 12.5 %");
    await expect(margin.locator("[data-move='0']")).toHaveText(hasReceivables ? "12.50 %" : "—");
  });

  await test.step("on a phone the page keeps its width, and it has no serious accessibility problems", async () => {
    const { violations } = await new AxeBuilder({ page }).analyze();
    expect(violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
    await page.setViewportSize({ width: 375, height: 800 });
    for (const locale of ["en", "zh-CN"] as const) {
      await context.addCookies([{ name: "NEXT_LOCALE", value: locale, url: baseURL ?? "http://localhost:3100" }]);
      await page.reload();
      await expect(page.getByRole("heading", { level: 1, name: msg(locale, "exposure.title") })).toBeVisible();
      await expect(page.getByTestId("sensitivity-table")).toBeVisible();
      expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(1);
    }
  });
});
