import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { DEMO_PASSWORD, newEnglishContext, newIdentity, orgSlug, useEnglish, type Identity } from "./support/auth";
import { readMailLink } from "./support/mailbox";
import { en } from "./support/messages";

const REVIEWER = "reviewer@demo.quayside.test";

/** Sign-up and email verification through the dev mailbox (fields found by their accessible names). */
async function signUpAndVerify(page: Page, who: Identity): Promise<void> {
  await page.goto("/sign-up");
  await page.getByRole("textbox", { name: en("auth.signUp.name") }).fill(who.name);
  await page.getByRole("textbox", { name: en("auth.signUp.email") }).fill(who.email);
  await page.getByRole("textbox", { name: en("auth.signUp.companyName") }).fill(who.company);
  await page.getByRole("textbox", { name: en("auth.signUp.password"), exact: true }).fill(who.password);
  await page.getByRole("button", { name: en("auth.signUp.submit") }).click();
  await page.waitForURL(/\/check-email\?/);
  const link = await readMailLink(page, who.email, "/verify-email?token=");
  await page.goto(link);
  await page.getByRole("button", { name: en("auth.verifyEmail.submit") }).click();
  await page.waitForURL(/\/sign-in\?verified=1/);
}

/** Fills the sign-in form and waits for the server's answer. */
async function submitSignIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto("/sign-in");
  await page.getByRole("textbox", { name: en("auth.signIn.email") }).fill(email);
  await page.getByRole("textbox", { name: en("auth.signIn.password"), exact: true }).fill(password);
  const answered = page.waitForResponse((response) => response.url().includes("/api/auth/callback/credentials"));
  await page.getByRole("button", { name: en("auth.signIn.submit"), exact: true }).click();
  await answered;
}

/** The seeded reviewer's current 2FA code, from the e2e server's database (demo accounts only). */
function reviewerCode(): string {
  const url = readFileSync(".data/e2e-database-url", "utf8").trim();
  return execFileSync("npx", ["tsx", "scripts/ops.ts", "totp", REVIEWER], { env: { ...process.env, DATABASE_URL: url }, encoding: "utf8" })
    .trim()
    .split("\n")
    .pop()!
    .trim();
}

/** A code from a 30-second step not used yet (the server refuses a replayed step). */
async function freshReviewerCode(page: Page, used: Set<number>): Promise<string> {
  let step = Math.floor(Date.now() / 30_000);
  if (used.has(step) || 30_000 - (Date.now() % 30_000) < 1_500) {
    await page.waitForTimeout(30_000 - (Date.now() % 30_000) + 500);
    step = Math.floor(Date.now() / 30_000);
  }
  used.add(step);
  return reviewerCode();
}

// A 1×1 PNG and a one-page PDF: what counts is their content (magic bytes).
const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==", "base64");
const PDF = Buffer.from(
  "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj 3 0 obj<</Type/Page/MediaBox[0 0 200 200]/Parent 2 0 R>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n",
);

// GB 32100-2015 check character of a 17-character prefix.
function uscc(first17: string): string {
  const alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
  const weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
  const sum = [...first17].reduce((total, char, index) => total + alphabet.indexOf(char) * weights[index]!, 0);
  return first17 + alphabet[(31 - (sum % 31)) % 31];
}

test("a new factory applies with uploads, answers a request for information, and is approved by a reviewer with 2FA", async ({ page, context, browser, baseURL }) => {
  test.setTimeout(240_000);
  await useEnglish(context, baseURL);
  const factory = newIdentity("kyb");
  const legalNameZh = `宁波测试紧固件有限公司${Date.now() % 100000}`;
  let slug = "";

  await test.step("sign up, verify and open the onboarding page: collections are locked", async () => {
    await signUpAndVerify(page, factory);
    await submitSignIn(page, factory.email, factory.password);
    await page.waitForURL(/\/o\/[^/]+\//);
    slug = orgSlug(page);
    await page.goto(`/o/${slug}/onboarding`);
    await expect(page.getByRole("heading", { level: 1, name: en("kyb.title") })).toBeVisible();
    await expect(page.getByTestId("kyb-locked")).toContainText(en("kyb.banner.lockedTitle"));
  });

  await test.step("company: a wrong USCC is refused with a clear message, the right one is saved", async () => {
    await page.getByLabel(en("kyb.company.legalNameZh")).fill(legalNameZh);
    await page.getByLabel(en("kyb.company.legalNameEn")).fill(factory.company);
    await page.getByLabel(en("kyb.company.uscc")).fill("91330200MA2H5KQR10");
    await page.getByLabel(en("kyb.company.establishedOn")).fill("2014-06-30");
    await page.getByLabel(en("kyb.company.registeredAddress")).fill("浙江省宁波市北仑区明州路 88 号");
    await page.getByLabel(en("kyb.company.businessScope")).fill("紧固件制造与销售；货物进出口。");
    await page.getByLabel(en("kyb.company.expectedMonthlyVolume")).fill("900,000");
    await page.getByLabel("USD", { exact: true }).check();
    await page.getByLabel(en("kyb.company.buyerCountries")).fill("US, DE");
    await page.getByRole("button", { name: en("kyb.saveAndContinue") }).click();
    await expect(page.getByText(en("errors.validation.uscc_check"))).toBeVisible();
    await page.getByLabel(en("kyb.company.uscc")).fill(uscc("91330200MA2H5KQR1"));
    await page.getByRole("button", { name: en("kyb.saveAndContinue") }).click();
    await page.waitForURL(/step=legalRepresentative/);
  });

  await test.step("legal representative, beneficial owners and settlement account", async () => {
    await page.getByLabel(en("kyb.person.name")).fill("张伟");
    await page.getByLabel(en("kyb.person.idNumber")).fill("11010519491231002X");
    await page.getByLabel(en("kyb.person.nationality")).fill("CN");
    await page.getByRole("button", { name: en("kyb.saveAndContinue") }).click();
    await page.waitForURL(/step=beneficialOwners/);

    const owner = page.getByTestId("owner-0");
    await owner.getByLabel(en("kyb.person.name")).fill("张伟");
    await owner.getByLabel(en("kyb.person.idNumber")).fill("11010519491231002X");
    await owner.getByLabel(en("kyb.person.nationality")).fill("CN");
    await owner.getByLabel(en("kyb.person.sharePercent")).fill("100");
    await page.getByRole("button", { name: en("kyb.saveAndContinue") }).click();
    await page.waitForURL(/step=bankAccount/);

    await page.getByRole("textbox", { name: en("kyb.bank.bankName"), exact: true }).fill("中国银行");
    await page.getByLabel(en("kyb.bank.branchName")).fill("宁波北仑支行");
    await page.getByLabel(en("kyb.bank.accountHolder")).fill(legalNameZh);
    await page.getByLabel(en("kyb.bank.accountNumber")).fill(`3581${Date.now()}`.slice(0, 19));
    await page.getByLabel(en("kyb.bank.cnaps")).fill("104332004012");
    await page.getByRole("button", { name: en("kyb.saveAndContinue") }).click();
    await page.waitForURL(/step=documents/);
  });

  await test.step("documents: a text file named .pdf is refused; the licence and ID images are uploaded", async () => {
    const upload = async (kind: string, file: { name: string; mimeType: string; buffer: Buffer }) => {
      await page.getByLabel(en("kyb.documents.kind")).selectOption(kind);
      await page.getByLabel(en("kyb.documents.file"), { exact: true }).setInputFiles(file);
      await page.getByRole("button", { name: en("kyb.documents.upload"), exact: true }).click();
    };
    await upload("business_licence", { name: "licence.pdf", mimeType: "application/pdf", buffer: Buffer.from("just text, not a PDF") });
    await expect(page.getByText(en("errors.kyb_document_type"))).toBeVisible();
    await upload("business_licence", { name: "licence.pdf", mimeType: "application/pdf", buffer: PDF });
    await expect(page.getByTestId("kyb-documents")).toContainText(en("kyb.documents.kinds.business_licence"));
    await upload("id_front", { name: "id-front.png", mimeType: "image/png", buffer: PNG });
    await expect(page.getByTestId("kyb-documents")).toContainText(en("kyb.documents.kinds.id_front"));
    await upload("id_back", { name: "id-back.png", mimeType: "image/png", buffer: PNG });
    await expect(page.getByTestId("kyb-documents")).toContainText(en("kyb.documents.kinds.id_back"));
  });

  await test.step("submit: the application is frozen and waits for review", async () => {
    await page.goto(`/o/${slug}/onboarding?step=review`);
    await page.getByRole("button", { name: en("kyb.submit.button") }).click();
    await expect(page.getByTestId("kyb-status")).toHaveText(en("kyb.status.submitted"));
    await expect(page.getByTestId("kyb-history")).toContainText(en("kyb.history.events.submit"));
  });

  const reviewerContext = await newEnglishContext(browser, baseURL);
  const reviewer = await reviewerContext.newPage();
  const usedSteps = new Set<number>();
  let applicationUrl = "";

  await test.step("the seeded reviewer signs in with 2FA, finds the application in the queue and asks for more information", async () => {
    await submitSignIn(reviewer, REVIEWER, DEMO_PASSWORD);
    const code = reviewer.getByLabel(en("auth.signIn.code"));
    await expect(code).toBeVisible();
    await code.fill(await freshReviewerCode(reviewer, usedSteps));
    await reviewer.getByRole("button", { name: en("auth.signIn.verify") }).click();
    await reviewer.waitForURL((url) => !url.pathname.startsWith("/sign-in"));

    await reviewer.goto("/admin/kyb");
    await expect(reviewer.getByRole("heading", { level: 1, name: en("kyb.queue.title") })).toBeVisible();
    const row = reviewer.getByRole("row").filter({ hasText: legalNameZh });
    await row.getByRole("link", { name: new RegExp(en("kyb.queue.open")) }).click();
    await reviewer.waitForURL(/\/admin\/kyb\/[0-9a-f-]{36}$/);
    applicationUrl = reviewer.url();
    await expect(reviewer.getByTestId("kyb-checks")).toContainText(en("kyb.review.checkNames.uscc"));
    await expect(reviewer.getByRole("img", { name: /id-front\.png/ })).toBeVisible();
    await reviewer.getByRole("button", { name: en("kyb.review.startReview") }).click();
    await expect(reviewer.getByTestId("kyb-status")).toHaveText(en("kyb.status.in_review"));
    await stepUpIfAsked(reviewer, usedSteps);

    await reviewer.getByLabel(`${en("kyb.review.requestField")} 1`).selectOption("company.businessScope");
    await reviewer.getByLabel(`${en("kyb.review.requestComment")} 1`).fill("Do you make the fasteners in your own plant?");
    await reviewer.getByRole("button", { name: en("kyb.review.requestInfo") }).click();
    await expect(reviewer.getByTestId("kyb-status")).toHaveText(en("kyb.status.info_requested"));
  });

  await test.step("the factory answers the request field by field and resubmits", async () => {
    await page.goto(`/o/${slug}/onboarding`);
    await expect(page.getByTestId("kyb-status")).toHaveText(en("kyb.status.info_requested"));
    const request = page.getByTestId("kyb-request-company.businessScope");
    await expect(request).toContainText("Do you make the fasteners in your own plant?");
    await request.getByLabel(new RegExp(en("kyb.requests.answer"))).fill("Yes, in our own plant in Beilun, Ningbo.");
    await request.getByRole("button", { name: en("kyb.requests.send") }).click();
    await expect(request.getByText(en("kyb.requests.answered"))).toBeVisible();
    await page.goto(`/o/${slug}/onboarding?step=review`);
    await page.getByRole("button", { name: en("kyb.submit.resubmit") }).click();
    await expect(page.getByTestId("kyb-status")).toHaveText(en("kyb.status.submitted"));
  });

  await test.step("the reviewer approves with a fresh 2FA code", async () => {
    await reviewer.goto(applicationUrl);
    await expect(reviewer.getByText("Yes, in our own plant in Beilun, Ningbo.").first()).toBeVisible();
    await reviewer.getByRole("button", { name: en("kyb.review.startReview") }).click();
    await expect(reviewer.getByTestId("kyb-status")).toHaveText(en("kyb.status.in_review"));
    await stepUpIfAsked(reviewer, usedSteps);
    await reviewer.getByLabel(en("kyb.review.approveTier")).selectOption("standard");
    await reviewer.getByRole("button", { name: en("kyb.review.approve"), exact: true }).click();
    await expect(reviewer.getByTestId("kyb-status")).toHaveText(en("kyb.status.approved"));
    await reviewerContext.close();
  });

  await test.step("the factory now sees collections unlocked, with its tier and limits", async () => {
    await page.goto(`/o/${slug}/onboarding`);
    await expect(page.getByTestId("kyb-unlocked")).toContainText(en("kyb.banner.unlockedTitle"));
    await expect(page.getByTestId("kyb-tier")).toContainText(en("kyb.tiers.standard"));
    await expect(page.getByTestId("kyb-history")).toContainText(en("kyb.history.events.approve"));
  });
});

/** Decisions need a second factor checked in the last 15 minutes: give a fresh code when the page asks for one. */
async function stepUpIfAsked(page: Page, usedSteps: Set<number>): Promise<void> {
  const submit = page.getByRole("button", { name: en("account.stepUp.submit") });
  if (!(await submit.isVisible())) return;
  await page.getByLabel(en("account.stepUp.code")).fill(await freshReviewerCode(page, usedSteps));
  await submit.click();
  await expect(submit).toBeHidden();
}
