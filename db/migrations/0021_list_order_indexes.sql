-- List indexes in plain ascending order: scanned forward for ORDER BY … ASC and backward for ORDER BY … DESC (NULLS FIRST,
-- as keyset pages order), which an index built DESC NULLS LAST cannot serve without sorting the whole organization.
DROP INDEX "invoices_org_list_idx";--> statement-breakpoint
DROP INDEX "incoming_payments_org_idx";--> statement-breakpoint
DROP INDEX "disputes_org_opened_idx";--> statement-breakpoint
DROP INDEX "payouts_org_requested_idx";--> statement-breakpoint
CREATE INDEX "invoices_org_list_idx" ON "invoices" USING btree ("organization_id","issue_date","id");--> statement-breakpoint
CREATE INDEX "incoming_payments_org_idx" ON "incoming_payments" USING btree ("organization_id","booking_date","id");--> statement-breakpoint
CREATE INDEX "disputes_org_opened_idx" ON "disputes" USING btree ("organization_id","opened_at","id");--> statement-breakpoint
CREATE INDEX "payouts_org_requested_idx" ON "payouts" USING btree ("organization_id","requested_at","id");