CREATE TABLE "dashboard_daily" (
	"organization_id" uuid NOT NULL,
	"day" date NOT NULL,
	"currency" char(3) NOT NULL,
	"invoiced_minor" bigint NOT NULL,
	"invoices" integer NOT NULL,
	"collected_minor" bigint NOT NULL,
	"payments" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dashboard_fees" (
	"organization_id" uuid NOT NULL,
	"month" date NOT NULL,
	"type" "fee_type" NOT NULL,
	"currency" char(3) NOT NULL,
	"amount_minor" bigint NOT NULL,
	"charges" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dashboard_lateness" (
	"organization_id" uuid NOT NULL,
	"buyer_id" uuid NOT NULL,
	"paid_instalments" integer NOT NULL,
	"late_days" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dashboard_receivables" (
	"organization_id" uuid NOT NULL,
	"buyer_id" uuid NOT NULL,
	"currency" char(3) NOT NULL,
	"due_date" date,
	"outstanding_minor" bigint NOT NULL,
	"instalments" integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE "dashboard_daily" ADD CONSTRAINT "dashboard_daily_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dashboard_fees" ADD CONSTRAINT "dashboard_fees_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dashboard_lateness" ADD CONSTRAINT "dashboard_lateness_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dashboard_lateness" ADD CONSTRAINT "dashboard_lateness_buyer_id_buyers_id_fk" FOREIGN KEY ("buyer_id") REFERENCES "public"."buyers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dashboard_receivables" ADD CONSTRAINT "dashboard_receivables_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dashboard_receivables" ADD CONSTRAINT "dashboard_receivables_buyer_id_buyers_id_fk" FOREIGN KEY ("buyer_id") REFERENCES "public"."buyers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "dashboard_daily_org_day_idx" ON "dashboard_daily" USING btree ("organization_id","day");--> statement-breakpoint
CREATE INDEX "dashboard_daily_day_idx" ON "dashboard_daily" USING btree ("day");--> statement-breakpoint
CREATE INDEX "dashboard_fees_org_month_idx" ON "dashboard_fees" USING btree ("organization_id","month");--> statement-breakpoint
CREATE INDEX "dashboard_fees_month_idx" ON "dashboard_fees" USING btree ("month");--> statement-breakpoint
CREATE INDEX "dashboard_lateness_org_idx" ON "dashboard_lateness" USING btree ("organization_id","buyer_id");--> statement-breakpoint
CREATE INDEX "dashboard_receivables_org_idx" ON "dashboard_receivables" USING btree ("organization_id","buyer_id");