CREATE TYPE "public"."payout_origin" AS ENUM('on_demand', 'settlement');--> statement-breakpoint
CREATE TYPE "public"."payout_speed" AS ENUM('standard', 'expedited');--> statement-breakpoint
CREATE TYPE "public"."payout_status" AS ENUM('requested', 'approved', 'sent', 'paid', 'failed', 'returned', 'cancelled');--> statement-breakpoint
CREATE TABLE "payout_settings" (
	"organization_id" uuid PRIMARY KEY NOT NULL,
	"approval_threshold_cny_minor" bigint NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "payout_settings_threshold_check" CHECK ("payout_settings"."approval_threshold_cny_minor" >= 0)
);
--> statement-breakpoint
CREATE TABLE "payouts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"currency" char(3) NOT NULL,
	"amount_minor" bigint NOT NULL,
	"fee_minor" bigint NOT NULL,
	"net_minor" bigint NOT NULL,
	"cny_equivalent_minor" bigint NOT NULL,
	"speed" "payout_speed" NOT NULL,
	"origin" "payout_origin" NOT NULL,
	"settlement_batch_id" uuid,
	"status" "payout_status" NOT NULL,
	"approval_required" boolean NOT NULL,
	"beneficiary" jsonb NOT NULL,
	"requested_by" uuid,
	"approved_by" uuid,
	"cancelled_by" uuid,
	"bank_provider" text,
	"bank_reference" text,
	"failure_reason" text,
	"entry_id" uuid NOT NULL,
	"reversal_entry_id" uuid,
	"requested_at" timestamp with time zone NOT NULL,
	"approved_at" timestamp with time zone,
	"sent_at" timestamp with time zone,
	"paid_at" timestamp with time zone,
	"failed_at" timestamp with time zone,
	"returned_at" timestamp with time zone,
	"cancelled_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "payouts_amounts_check" CHECK ("payouts"."fee_minor" >= 0 and "payouts"."net_minor" > 0 and "payouts"."amount_minor" = "payouts"."fee_minor" + "payouts"."net_minor"),
	CONSTRAINT "payouts_origin_check" CHECK (("payouts"."origin" = 'settlement') = ("payouts"."settlement_batch_id" is not null))
);
--> statement-breakpoint
CREATE TABLE "sandbox_bank_payouts" (
	"payout_id" uuid PRIMARY KEY NOT NULL,
	"reference" text NOT NULL,
	"currency" char(3) NOT NULL,
	"amount_minor" bigint NOT NULL,
	"accepted_at" timestamp with time zone NOT NULL,
	"settles_at" timestamp with time zone NOT NULL,
	"outcome" text,
	"reason" text,
	CONSTRAINT "sandbox_bank_payouts_outcome_check" CHECK ("sandbox_bank_payouts"."outcome" is null or "sandbox_bank_payouts"."outcome" in ('failed', 'returned'))
);
--> statement-breakpoint
ALTER TABLE "payout_settings" ADD CONSTRAINT "payout_settings_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payout_settings" ADD CONSTRAINT "payout_settings_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payouts" ADD CONSTRAINT "payouts_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payouts" ADD CONSTRAINT "payouts_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payouts" ADD CONSTRAINT "payouts_approved_by_users_id_fk" FOREIGN KEY ("approved_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payouts" ADD CONSTRAINT "payouts_cancelled_by_users_id_fk" FOREIGN KEY ("cancelled_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payouts" ADD CONSTRAINT "payouts_entry_id_journal_entries_id_fk" FOREIGN KEY ("entry_id") REFERENCES "public"."journal_entries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payouts" ADD CONSTRAINT "payouts_reversal_entry_id_journal_entries_id_fk" FOREIGN KEY ("reversal_entry_id") REFERENCES "public"."journal_entries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sandbox_bank_payouts" ADD CONSTRAINT "sandbox_bank_payouts_payout_id_payouts_id_fk" FOREIGN KEY ("payout_id") REFERENCES "public"."payouts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "payouts_org_requested_idx" ON "payouts" USING btree ("organization_id","requested_at");--> statement-breakpoint
CREATE INDEX "payouts_status_idx" ON "payouts" USING btree ("status");--> statement-breakpoint
CREATE UNIQUE INDEX "payouts_entry_key" ON "payouts" USING btree ("entry_id");--> statement-breakpoint
CREATE UNIQUE INDEX "payouts_settlement_batch_key" ON "payouts" USING btree ("settlement_batch_id");--> statement-breakpoint
CREATE UNIQUE INDEX "sandbox_bank_payouts_reference_key" ON "sandbox_bank_payouts" USING btree ("reference");