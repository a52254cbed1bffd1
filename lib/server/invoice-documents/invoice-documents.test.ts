import { createHash } from "node:crypto";
import { mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/db/client";
import { auditLog, invoiceDocuments } from "@/db/schema";
import { createApprovedTeam, createTestBuyer, createTestInvoice } from "@/tests/fixtures/invoices";
import { anonymous, createTeam, signedIn } from "@/tests/fixtures/people";
import type { RequestContext } from "../guard/request-context";
import { executeAction } from "../guard/execute-action";
import { voidInvoice } from "../invoices/void";
import { TINY_PDF, TINY_PNG } from "../kyb/samples";
import { LocalStorage } from "../storage/local";
import { setStorageForTesting, storage } from "../storage";
import { downloadInvoiceDocumentAction, removeInvoiceDocumentAction, uploadInvoiceDocumentAction } from "./documents";
import { invoiceDocumentList } from "./queries";

let routeRequest: RequestContext = anonymous;
vi.mock("@/lib/server/guard/next-request", () => ({ requestContextFromNext: async () => routeRequest }));
const { GET: downloadRoute } = await import("@/app/o/[org]/invoices/[invoiceId]/documents/[documentId]/route");

let uploadsRoot: string;
beforeAll(() => {
  uploadsRoot = mkdtempSync(path.join(tmpdir(), "quayside-invoice-documents-"));
  setStorageForTesting(new LocalStorage(uploadsRoot));
});
afterAll(() => setStorageForTesting(null));

function storedFiles(organizationId: string): string[] {
  try {
    return readdirSync(path.join(uploadsRoot, "invoices", organizationId));
  } catch {
    return [];
  }
}

const file = (bytes: Uint8Array, name: string, type = "application/pdf") => new File([Buffer.from(bytes)], name, { type });
const rowsOf = (organizationId: string) => db().select().from(invoiceDocuments).where(eq(invoiceDocuments.organizationId, organizationId));

async function teamWithInvoice() {
  const team = await createApprovedTeam();
  const buyer = await createTestBuyer(team.organization.id, team.owner.id);
  const { invoice } = await createTestInvoice(team.organization.id, team.owner.id, buyer.id);
  return { ...team, buyer, invoice, org: team.organization.slug };
}

describe("trade documents on an invoice", () => {
  it("stores a PDF or image from owners and finance staff under a random key, with its hash, and lists it", async () => {
    const team = await teamWithInvoice();
    const input = { org: team.org, invoiceId: team.invoice.id };
    const packing = await executeAction(uploadInvoiceDocumentAction, { ...input, kind: "packing_list", file: file(TINY_PDF, "packing list 装箱单.pdf") }, await signedIn(team.finance));
    expect(packing).toMatchObject({ ok: true, data: { kind: "packing_list", contentType: "application/pdf" } });
    // The content decides the type, not the name.
    const bl = await executeAction(uploadInvoiceDocumentAction, { ...input, kind: "bill_of_lading", file: file(TINY_PNG, "scan.pdf") }, await signedIn(team.owner));
    expect(bl).toMatchObject({ ok: true, data: { contentType: "image/png" } });

    const [stored] = (await rowsOf(team.organization.id)).filter((row) => row.kind === "packing_list");
    expect(stored).toMatchObject({
      invoiceId: team.invoice.id,
      originalName: "packing list 装箱单.pdf",
      sizeBytes: TINY_PDF.byteLength,
      sha256: createHash("sha256").update(TINY_PDF).digest("hex"),
      uploadedBy: team.finance.id,
      removedAt: null,
    });
    expect(stored!.storageKey).toMatch(new RegExp(`^invoices/${team.organization.id}/[A-Za-z0-9_-]{32}$`));
    expect(Buffer.from((await storage().get(stored!.storageKey))!).equals(Buffer.from(TINY_PDF))).toBe(true);
    expect((await invoiceDocumentList(team.organization.id, team.invoice.id)).map((d) => d.kind)).toEqual(["packing_list", "bill_of_lading"]);
    const [audit] = await db().select().from(auditLog).where(and(eq(auditLog.action, "invoices.uploadDocument"), eq(auditLog.target, `invoice-document:${stored!.id}`)));
    expect(audit).toMatchObject({ actorUserId: team.finance.id, organizationId: team.organization.id });
  });

  it("refuses files that are not PDF, JPEG or PNG whatever their name, oversize and empty files, and stores nothing", async () => {
    const team = await teamWithInvoice();
    const owner = await signedIn(team.owner);
    const exe = Uint8Array.from([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0xff, 0xff, 0x00, 0x00, ...new Array(64).fill(0)]);
    const html = new TextEncoder().encode("<html><script>alert(1)</script></html>");
    const huge = new Uint8Array(10 * 1024 * 1024 + 1);
    huge.set(TINY_PDF);
    const cases: [File, string][] = [
      [file(exe, "invoice.pdf"), "kyb_document_type"],
      [file(html, "packing.pdf"), "kyb_document_type"],
      [file(huge, "big.pdf"), "kyb_document_too_large"],
      [file(new Uint8Array(0), "empty.pdf"), "kyb_document_empty"],
    ];
    for (const [upload, code] of cases) {
      expect(await executeAction(uploadInvoiceDocumentAction, { org: team.org, invoiceId: team.invoice.id, kind: "commercial_invoice", file: upload }, owner)).toMatchObject({
        ok: false,
        code,
      });
    }
    expect(await executeAction(uploadInvoiceDocumentAction, { org: team.org, invoiceId: team.invoice.id, kind: "contract", file: file(TINY_PDF, "c.pdf") }, owner)).toMatchObject({
      ok: false,
      code: "invalid_input",
      fieldErrors: { kind: [expect.any(String)] },
    });
    expect(await executeAction(uploadInvoiceDocumentAction, { org: team.org, invoiceId: team.invoice.id, kind: "packing_list", file: "not a file" }, owner)).toMatchObject({
      ok: false,
      code: "invalid_input",
      fieldErrors: { file: ["Choose a file to upload."] },
    });
    expect(await rowsOf(team.organization.id)).toHaveLength(0);
    expect(storedFiles(team.organization.id)).toEqual([]);
  });

  it("deletes the stored file when the upload's transaction fails after the write", async () => {
    const team = await teamWithInvoice();
    const organizationId = team.organization.id;
    const fn = `test_fail_invoice_document_${organizationId.replaceAll("-", "_")}`;
    await db().execute(
      sql.raw(
        `CREATE FUNCTION ${fn}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF NEW.organization_id = '${organizationId}' THEN RAISE EXCEPTION 'forced failure'; END IF; RETURN NEW; END $$`,
      ),
    );
    await db().execute(sql.raw(`CREATE TRIGGER ${fn} BEFORE INSERT ON invoice_documents FOR EACH ROW EXECUTE FUNCTION ${fn}()`));
    const put = vi.spyOn(storage(), "put");
    let keys: string[] = [];
    try {
      const result = await executeAction(
        uploadInvoiceDocumentAction,
        { org: team.org, invoiceId: team.invoice.id, kind: "packing_list", file: file(TINY_PDF, "p.pdf") },
        await signedIn(team.owner),
      );
      expect(result).toMatchObject({ ok: false, code: "internal_error" });
      keys = put.mock.calls.map(([key]) => key);
    } finally {
      put.mockRestore();
      await db().execute(sql.raw(`DROP TRIGGER ${fn} ON invoice_documents`));
      await db().execute(sql.raw(`DROP FUNCTION ${fn}()`));
    }
    expect(keys).toHaveLength(1);
    expect(await storage().get(keys[0]!)).toBeNull();
    expect(storedFiles(organizationId)).toEqual([]);
    expect(await rowsOf(organizationId)).toHaveLength(0);
  });

  it("lets viewers list and download but not upload or remove; other organizations find nothing", async () => {
    const team = await teamWithInvoice();
    const uploaded = await executeAction(
      uploadInvoiceDocumentAction,
      { org: team.org, invoiceId: team.invoice.id, kind: "commercial_invoice", file: file(TINY_PDF, "ci.pdf") },
      await signedIn(team.owner),
    );
    const documentId = uploaded.ok ? uploaded.data.documentId : "";
    const ids = { org: team.org, invoiceId: team.invoice.id, documentId };

    const viewer = await signedIn(team.viewer);
    const read = await executeAction(downloadInvoiceDocumentAction, ids, viewer);
    expect(read.ok && Buffer.from(read.data.bytes).equals(Buffer.from(TINY_PDF))).toBe(true);
    expect(await executeAction(uploadInvoiceDocumentAction, { org: team.org, invoiceId: team.invoice.id, kind: "packing_list", file: file(TINY_PDF, "p.pdf") }, viewer)).toMatchObject({
      ok: false,
      code: "forbidden",
    });
    expect(await executeAction(removeInvoiceDocumentAction, ids, viewer)).toMatchObject({ ok: false, code: "forbidden" });

    const other = await teamWithInvoice();
    const outsider = await signedIn(other.owner);
    expect(await executeAction(downloadInvoiceDocumentAction, ids, outsider)).toMatchObject({ ok: false, code: "not_found" });
    expect(await executeAction(removeInvoiceDocumentAction, ids, outsider)).toMatchObject({ ok: false, code: "not_found" });
    // Through their own organization, the other invoice and its document do not exist either.
    expect(await executeAction(downloadInvoiceDocumentAction, { ...ids, org: other.org }, outsider)).toMatchObject({ ok: false, code: "not_found" });
    expect(await executeAction(removeInvoiceDocumentAction, { ...ids, org: other.org }, outsider)).toMatchObject({ ok: false, code: "not_found" });
    expect(
      await executeAction(uploadInvoiceDocumentAction, { org: other.org, invoiceId: team.invoice.id, kind: "packing_list", file: file(TINY_PDF, "p.pdf") }, outsider),
    ).toMatchObject({ ok: false, code: "not_found" });
    // The document is not reachable through another invoice of the same organization either.
    const { invoice: second } = await createTestInvoice(team.organization.id, team.owner.id, team.buyer.id);
    expect(await executeAction(downloadInvoiceDocumentAction, { ...ids, invoiceId: second.id }, viewer)).toMatchObject({ ok: false, code: "not_found" });
    expect(storedFiles(other.organization.id)).toEqual([]);
  });

  it("removes a document from the list and its download, but keeps the row and the bytes for the record", async () => {
    const team = await teamWithInvoice();
    const owner = await signedIn(team.owner);
    const uploaded = await executeAction(
      uploadInvoiceDocumentAction,
      { org: team.org, invoiceId: team.invoice.id, kind: "customs_declaration", file: file(TINY_PDF, "customs.pdf") },
      owner,
    );
    const ids = { org: team.org, invoiceId: team.invoice.id, documentId: uploaded.ok ? uploaded.data.documentId : "" };
    expect(await executeAction(removeInvoiceDocumentAction, ids, await signedIn(team.finance))).toMatchObject({ ok: true });
    expect(await executeAction(removeInvoiceDocumentAction, ids, owner)).toMatchObject({ ok: false, code: "not_found" });

    const [row] = await rowsOf(team.organization.id);
    expect(row!.removedAt).toBeInstanceOf(Date);
    expect(Buffer.from((await storage().get(row!.storageKey))!).equals(Buffer.from(TINY_PDF))).toBe(true);
    expect(await invoiceDocumentList(team.organization.id, team.invoice.id)).toEqual([]);
    expect(await executeAction(downloadInvoiceDocumentAction, ids, owner)).toMatchObject({ ok: false, code: "not_found" });
  });

  it("freezes the documents of a void invoice", async () => {
    const team = await teamWithInvoice();
    const owner = await signedIn(team.owner);
    const uploaded = await executeAction(uploadInvoiceDocumentAction, { org: team.org, invoiceId: team.invoice.id, kind: "packing_list", file: file(TINY_PDF, "p.pdf") }, owner);
    await db().transaction((tx) => voidInvoice(tx, { organizationId: team.organization.id, userId: team.owner.id }, team.invoice.id, "Order cancelled"));

    const again = await executeAction(uploadInvoiceDocumentAction, { org: team.org, invoiceId: team.invoice.id, kind: "packing_list", file: file(TINY_PNG, "p.png") }, owner);
    expect(again).toMatchObject({ ok: false, code: "invoice_document_invoice_void", message: expect.stringContaining("void") });
    const ids = { org: team.org, invoiceId: team.invoice.id, documentId: uploaded.ok ? uploaded.data.documentId : "" };
    expect(await executeAction(removeInvoiceDocumentAction, ids, owner)).toMatchObject({ ok: false, code: "invoice_document_invoice_void" });
    expect(await rowsOf(team.organization.id)).toMatchObject([{ removedAt: null }]);
    expect(storedFiles(team.organization.id)).toHaveLength(1);
    // What was on file stays readable.
    expect(await executeAction(downloadInvoiceDocumentAction, ids, owner)).toMatchObject({ ok: true });
  });

  it("downloads through the route as an attachment whose name cannot break out of the header", async () => {
    const team = await teamWithInvoice();
    const uploaded = await executeAction(
      uploadInvoiceDocumentAction,
      { org: team.org, invoiceId: team.invoice.id, kind: "packing_list", file: file(TINY_PDF, 'packing"; filename=evil.html\r\n装箱单.pdf') },
      await signedIn(team.owner),
    );
    const documentId = uploaded.ok ? uploaded.data.documentId : "";
    const params = Promise.resolve({ org: team.org, invoiceId: team.invoice.id, documentId });

    routeRequest = await signedIn(team.viewer);
    const response = await downloadRoute(new Request("http://localhost/"), { params });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/pdf");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    const disposition = response.headers.get("content-disposition")!;
    expect(disposition).toBe(`attachment; filename*=UTF-8''${encodeURIComponent("packing; filename=evil.html装箱单.pdf")}`);
    expect(disposition).not.toMatch(/["\r\n]/);
    expect(Buffer.from(await response.arrayBuffer()).equals(Buffer.from(TINY_PDF))).toBe(true);

    routeRequest = await signedIn((await createTeam()).owner);
    expect((await downloadRoute(new Request("http://localhost/"), { params: Promise.resolve({ org: team.org, invoiceId: team.invoice.id, documentId }) })).status).toBe(404);
    routeRequest = anonymous;
    expect((await downloadRoute(new Request("http://localhost/"), { params: Promise.resolve({ org: team.org, invoiceId: team.invoice.id, documentId }) })).status).toBe(401);
  });
});
