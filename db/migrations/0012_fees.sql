CREATE TYPE "public"."fee_type" AS ENUM('collection', 'risk_surcharge', 'payout', 'expedited_payout', 'statement_import', 'chargeback');--> statement-breakpoint
CREATE TABLE "fee_charges" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"entry_id" uuid NOT NULL,
	"type" "fee_type" NOT NULL,
	"currency" char(3) NOT NULL,
	"basis_minor" bigint,
	"rate" text,
	"amount_minor" bigint NOT NULL,
	"charged_at" timestamp with time zone DEFAULT now() NOT NULL,
	"reversed_at" timestamp with time zone,
	CONSTRAINT "fee_charges_amount_positive" CHECK ("fee_charges"."amount_minor" > 0)
);
--> statement-breakpoint
CREATE TABLE "fee_schedules" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"effective_from" date NOT NULL,
	"schedule" jsonb NOT NULL,
	"published_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_by" uuid
);
--> statement-breakpoint
ALTER TABLE "fee_charges" ADD CONSTRAINT "fee_charges_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fee_charges" ADD CONSTRAINT "fee_charges_entry_id_journal_entries_id_fk" FOREIGN KEY ("entry_id") REFERENCES "public"."journal_entries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fee_schedules" ADD CONSTRAINT "fee_schedules_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fee_schedules" ADD CONSTRAINT "fee_schedules_published_by_users_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "fee_charges_org_charged_idx" ON "fee_charges" USING btree ("organization_id","charged_at");--> statement-breakpoint
CREATE INDEX "fee_charges_entry_idx" ON "fee_charges" USING btree ("entry_id");--> statement-breakpoint
CREATE UNIQUE INDEX "fee_schedules_org_version_idx" ON "fee_schedules" USING btree ("organization_id","version");--> statement-breakpoint
CREATE INDEX "fee_schedules_org_effective_idx" ON "fee_schedules" USING btree ("organization_id","effective_from");