CREATE TYPE "public"."dispute_category" AS ENUM('quality_claim', 'short_shipment', 'late_delivery', 'payment_not_received', 'duplicate_payment', 'refund_request', 'chargeback');--> statement-breakpoint
CREATE TYPE "public"."dispute_evidence_kind" AS ENUM('photo', 'inspection_report', 'bill_of_lading', 'correspondence', 'contract', 'other');--> statement-breakpoint
CREATE TYPE "public"."dispute_outcome" AS ENUM('won', 'lost', 'partial', 'withdrawn');--> statement-breakpoint
CREATE TYPE "public"."dispute_party" AS ENUM('factory', 'agent', 'buyer', 'system');--> statement-breakpoint
CREATE TYPE "public"."dispute_root_cause" AS ENUM('quality', 'logistics', 'documentation', 'fraud', 'payment_error', 'fx');--> statement-breakpoint
CREATE TYPE "public"."dispute_status" AS ENUM('open', 'in_progress', 'awaiting_factory', 'awaiting_buyer', 'proposed', 'resolved', 'closed', 'withdrawn');--> statement-breakpoint
CREATE TYPE "public"."dispute_tier" AS ENUM('L1', 'L2', 'L3');--> statement-breakpoint
CREATE TABLE "dispute_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"dispute_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"actor_kind" "dispute_party" NOT NULL,
	"actor_user_id" uuid,
	"from_status" "dispute_status",
	"to_status" "dispute_status",
	"from_tier" "dispute_tier",
	"to_tier" "dispute_tier",
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dispute_evidence" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"dispute_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"kind" "dispute_evidence_kind" NOT NULL,
	"uploaded_by_kind" "dispute_party" NOT NULL,
	"uploaded_by" uuid,
	"note" text,
	"storage_key" text NOT NULL,
	"original_name" text NOT NULL,
	"content_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"sha256" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	CONSTRAINT "dispute_evidence_size_check" CHECK ("dispute_evidence"."size_bytes" > 0 and "dispute_evidence"."size_bytes" <= 10485760)
);
--> statement-breakpoint
CREATE TABLE "dispute_messages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"dispute_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"author_kind" "dispute_party" NOT NULL,
	"author_user_id" uuid,
	"body" text NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dispute_saved_replies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"created_by" uuid,
	"updated_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dispute_sequences" (
	"organization_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"last_number" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "dispute_sequences_organization_id_year_pk" PRIMARY KEY("organization_id","year")
);
--> statement-breakpoint
CREATE TABLE "dispute_settings" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"amount_threshold_cny_minor" bigint NOT NULL,
	"repeated_buyer_cases" integer NOT NULL,
	"repeated_buyer_days" integer NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "dispute_settings_single_row" CHECK ("dispute_settings"."id" = 1),
	CONSTRAINT "dispute_settings_values_check" CHECK ("dispute_settings"."amount_threshold_cny_minor" > 0 and "dispute_settings"."repeated_buyer_cases" >= 2 and "dispute_settings"."repeated_buyer_days" >= 1)
);
--> statement-breakpoint
CREATE TABLE "disputes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"number" text NOT NULL,
	"category" "dispute_category" NOT NULL,
	"tier" "dispute_tier" NOT NULL,
	"status" "dispute_status" DEFAULT 'open' NOT NULL,
	"buyer_id" uuid NOT NULL,
	"invoice_id" uuid,
	"payment_id" uuid,
	"card_payment_id" uuid,
	"paid_by_card" boolean DEFAULT false NOT NULL,
	"currency" char(3) NOT NULL,
	"disputed_minor" bigint NOT NULL,
	"reserved_minor" bigint DEFAULT 0 NOT NULL,
	"reserve_shortfall_minor" bigint DEFAULT 0 NOT NULL,
	"description" text NOT NULL,
	"buyer_claim" text DEFAULT '' NOT NULL,
	"buyer_token_hash" text,
	"assignee_id" uuid,
	"opened_by" uuid,
	"chargeback_reference" text,
	"opened_at" timestamp with time zone NOT NULL,
	"tier_entered_at" timestamp with time zone NOT NULL,
	"first_response_due_at" timestamp with time zone,
	"resolution_due_at" timestamp with time zone,
	"next_due_at" timestamp with time zone,
	"first_response_at" timestamp with time zone,
	"proposed_at" timestamp with time zone,
	"decided_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"first_response_breached" boolean DEFAULT false NOT NULL,
	"resolution_breached" boolean DEFAULT false NOT NULL,
	"breached_at" timestamp with time zone,
	"breach_count" integer DEFAULT 0 NOT NULL,
	"escalated_at" timestamp with time zone,
	"escalation_reason" text,
	"proposed_outcome" "dispute_outcome",
	"proposed_buyer_share_minor" bigint,
	"proposal_note" text,
	"outcome" "dispute_outcome",
	"buyer_share_minor" bigint,
	"factory_share_minor" bigint,
	"decision_note" text,
	"decided_by" uuid,
	"decision_entry_id" uuid,
	"root_cause" "dispute_root_cause",
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "disputes_amounts_check" CHECK ("disputes"."disputed_minor" > 0 and "disputes"."reserved_minor" >= 0 and "disputes"."reserve_shortfall_minor" >= 0 and "disputes"."reserved_minor" + "disputes"."reserve_shortfall_minor" <= "disputes"."disputed_minor"),
	CONSTRAINT "disputes_subject_check" CHECK ("disputes"."invoice_id" is not null or "disputes"."payment_id" is not null),
	CONSTRAINT "disputes_split_check" CHECK ("disputes"."buyer_share_minor" is null or ("disputes"."buyer_share_minor" >= 0 and "disputes"."factory_share_minor" >= 0 and "disputes"."buyer_share_minor" + "disputes"."factory_share_minor" = "disputes"."disputed_minor"))
);
--> statement-breakpoint
CREATE TABLE "sandbox_card_chargebacks" (
	"id" text PRIMARY KEY NOT NULL,
	"intent_id" text NOT NULL,
	"currency" char(3) NOT NULL,
	"amount_minor" bigint NOT NULL,
	"reason" text NOT NULL,
	"webhook_delivered_at" timestamp with time zone,
	"webhook_attempts" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sandbox_card_chargebacks_amount_check" CHECK ("sandbox_card_chargebacks"."amount_minor" > 0)
);
--> statement-breakpoint
CREATE TABLE "test_clock" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"offset_ms" bigint DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "test_clock_single_row" CHECK ("test_clock"."id" = 1)
);
--> statement-breakpoint
ALTER TABLE "dispute_events" ADD CONSTRAINT "dispute_events_dispute_id_disputes_id_fk" FOREIGN KEY ("dispute_id") REFERENCES "public"."disputes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dispute_events" ADD CONSTRAINT "dispute_events_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dispute_events" ADD CONSTRAINT "dispute_events_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dispute_evidence" ADD CONSTRAINT "dispute_evidence_dispute_id_disputes_id_fk" FOREIGN KEY ("dispute_id") REFERENCES "public"."disputes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dispute_evidence" ADD CONSTRAINT "dispute_evidence_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dispute_evidence" ADD CONSTRAINT "dispute_evidence_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dispute_messages" ADD CONSTRAINT "dispute_messages_dispute_id_disputes_id_fk" FOREIGN KEY ("dispute_id") REFERENCES "public"."disputes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dispute_messages" ADD CONSTRAINT "dispute_messages_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dispute_messages" ADD CONSTRAINT "dispute_messages_author_user_id_users_id_fk" FOREIGN KEY ("author_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dispute_saved_replies" ADD CONSTRAINT "dispute_saved_replies_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dispute_saved_replies" ADD CONSTRAINT "dispute_saved_replies_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dispute_sequences" ADD CONSTRAINT "dispute_sequences_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dispute_settings" ADD CONSTRAINT "dispute_settings_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disputes" ADD CONSTRAINT "disputes_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disputes" ADD CONSTRAINT "disputes_buyer_id_buyers_id_fk" FOREIGN KEY ("buyer_id") REFERENCES "public"."buyers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disputes" ADD CONSTRAINT "disputes_invoice_id_invoices_id_fk" FOREIGN KEY ("invoice_id") REFERENCES "public"."invoices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disputes" ADD CONSTRAINT "disputes_payment_id_incoming_payments_id_fk" FOREIGN KEY ("payment_id") REFERENCES "public"."incoming_payments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disputes" ADD CONSTRAINT "disputes_card_payment_id_card_payments_id_fk" FOREIGN KEY ("card_payment_id") REFERENCES "public"."card_payments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disputes" ADD CONSTRAINT "disputes_assignee_id_users_id_fk" FOREIGN KEY ("assignee_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disputes" ADD CONSTRAINT "disputes_opened_by_users_id_fk" FOREIGN KEY ("opened_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disputes" ADD CONSTRAINT "disputes_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disputes" ADD CONSTRAINT "disputes_decision_entry_id_journal_entries_id_fk" FOREIGN KEY ("decision_entry_id") REFERENCES "public"."journal_entries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sandbox_card_chargebacks" ADD CONSTRAINT "sandbox_card_chargebacks_intent_id_sandbox_card_intents_id_fk" FOREIGN KEY ("intent_id") REFERENCES "public"."sandbox_card_intents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "dispute_events_dispute_idx" ON "dispute_events" USING btree ("dispute_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "dispute_evidence_storage_key" ON "dispute_evidence" USING btree ("storage_key");--> statement-breakpoint
CREATE INDEX "dispute_evidence_dispute_idx" ON "dispute_evidence" USING btree ("dispute_id","at");--> statement-breakpoint
CREATE INDEX "dispute_messages_dispute_idx" ON "dispute_messages" USING btree ("dispute_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "dispute_saved_replies_title_key" ON "dispute_saved_replies" USING btree (lower("title"));--> statement-breakpoint
CREATE UNIQUE INDEX "disputes_org_number_key" ON "disputes" USING btree ("organization_id","number");--> statement-breakpoint
CREATE UNIQUE INDEX "disputes_buyer_token_key" ON "disputes" USING btree ("buyer_token_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "disputes_chargeback_key" ON "disputes" USING btree ("chargeback_reference");--> statement-breakpoint
CREATE INDEX "disputes_queue_idx" ON "disputes" USING btree ("status","next_due_at");--> statement-breakpoint
CREATE INDEX "disputes_org_opened_idx" ON "disputes" USING btree ("organization_id","opened_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "disputes_shortfall_idx" ON "disputes" USING btree ("organization_id","currency","opened_at") WHERE "disputes"."reserve_shortfall_minor" > 0;--> statement-breakpoint
CREATE INDEX "disputes_buyer_idx" ON "disputes" USING btree ("buyer_id","opened_at");--> statement-breakpoint
CREATE INDEX "sandbox_card_chargebacks_intent_idx" ON "sandbox_card_chargebacks" USING btree ("intent_id");