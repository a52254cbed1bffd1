CREATE TYPE "public"."instalment_status" AS ENUM('open', 'partially_paid', 'paid', 'void');--> statement-breakpoint
CREATE TYPE "public"."invoice_status" AS ENUM('draft', 'open', 'partially_paid', 'paid', 'void');--> statement-breakpoint
CREATE TYPE "public"."trade_document_kind" AS ENUM('proforma_invoice', 'commercial_invoice', 'packing_list', 'bill_of_lading', 'customs_declaration');--> statement-breakpoint
CREATE TYPE "public"."allocation_target" AS ENUM('invoice', 'buyer_credit');--> statement-breakpoint
CREATE TYPE "public"."card_payment_status" AS ENUM('created', 'requires_action', 'succeeded', 'declined', 'failed');--> statement-breakpoint
CREATE TYPE "public"."match_method" AS ENUM('rf_reference', 'invoice_number', 'manual', 'card');--> statement-breakpoint
CREATE TYPE "public"."payment_match_status" AS ENUM('unmatched', 'partially_matched', 'matched', 'reversed');--> statement-breakpoint
CREATE TYPE "public"."payment_source" AS ENUM('bank_transfer', 'card', 'sandbox_transfer');--> statement-breakpoint
CREATE TYPE "public"."statement_format" AS ENUM('camt053', 'camt054', 'mt940', 'csv');--> statement-breakpoint
CREATE TYPE "public"."statement_import_status" AS ENUM('processing', 'completed', 'failed');--> statement-breakpoint
ALTER TYPE "public"."ledger_account_kind" ADD VALUE 'unapplied' BEFORE 'fee_revenue';--> statement-breakpoint
ALTER TYPE "public"."ledger_account_kind" ADD VALUE 'buyer_credit' BEFORE 'fee_revenue';--> statement-breakpoint
CREATE TABLE "exposure_settings" (
	"organization_id" uuid PRIMARY KEY NOT NULL,
	"target_margin_bps" integer,
	"cost_base_cny_minor" bigint,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "exposure_settings_margin" CHECK ("exposure_settings"."target_margin_bps" is null or ("exposure_settings"."target_margin_bps" > -10000 and "exposure_settings"."target_margin_bps" < 10000)),
	CONSTRAINT "exposure_settings_cost" CHECK ("exposure_settings"."cost_base_cny_minor" is null or "exposure_settings"."cost_base_cny_minor" >= 0)
);
--> statement-breakpoint
CREATE TABLE "buyers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"name" text NOT NULL,
	"country" char(2) NOT NULL,
	"contacts" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"address" text,
	"tax_id" text,
	"default_currency" char(3) NOT NULL,
	"default_terms" jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "buyers_country_check" CHECK ("buyers"."country" ~ '^[A-Z]{2}$')
);
--> statement-breakpoint
CREATE TABLE "invoice_documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"invoice_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"kind" "trade_document_kind" NOT NULL,
	"storage_key" text NOT NULL,
	"original_name" text NOT NULL,
	"content_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"sha256" text NOT NULL,
	"uploaded_by" uuid,
	"removed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "invoice_documents_size_check" CHECK ("invoice_documents"."size_bytes" > 0 and "invoice_documents"."size_bytes" <= 10485760)
);
--> statement-breakpoint
CREATE TABLE "invoice_instalments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"invoice_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"label" text NOT NULL,
	"share_bps" integer NOT NULL,
	"amount_minor" bigint NOT NULL,
	"paid_minor" bigint DEFAULT 0 NOT NULL,
	"due_rule" jsonb NOT NULL,
	"due_date" date,
	"status" "instalment_status" DEFAULT 'open' NOT NULL,
	"is_overdue" boolean DEFAULT false NOT NULL,
	"paid_at" timestamp with time zone,
	CONSTRAINT "invoice_instalments_amounts_check" CHECK ("invoice_instalments"."amount_minor" >= 0 and "invoice_instalments"."paid_minor" >= 0 and "invoice_instalments"."paid_minor" <= "invoice_instalments"."amount_minor")
);
--> statement-breakpoint
CREATE TABLE "invoice_lines" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"invoice_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"description" text NOT NULL,
	"hs_code" text,
	"quantity" numeric NOT NULL,
	"unit" text NOT NULL,
	"unit_price" numeric NOT NULL,
	"amount_minor" bigint NOT NULL,
	CONSTRAINT "invoice_lines_values_check" CHECK ("invoice_lines"."quantity" > 0 and "invoice_lines"."unit_price" >= 0 and "invoice_lines"."amount_minor" >= 0)
);
--> statement-breakpoint
CREATE TABLE "invoice_reminders" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"instalment_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"offset_days" integer NOT NULL,
	"email_id" uuid,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "invoice_sequences" (
	"organization_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"last_number" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "invoice_sequences_organization_id_year_pk" PRIMARY KEY("organization_id","year")
);
--> statement-breakpoint
CREATE TABLE "invoices" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"buyer_id" uuid NOT NULL,
	"number" text,
	"rf_reference" text,
	"pay_token" text,
	"currency" char(3) NOT NULL,
	"status" "invoice_status" DEFAULT 'draft' NOT NULL,
	"is_overdue" boolean DEFAULT false NOT NULL,
	"issue_date" date NOT NULL,
	"terms" jsonb NOT NULL,
	"incoterm" text,
	"incoterm_place" text,
	"port_of_loading" text,
	"port_of_discharge" text,
	"bill_of_lading_number" text,
	"bill_of_lading_date" date,
	"notes" text,
	"subtotal_minor" bigint DEFAULT 0 NOT NULL,
	"discount_minor" bigint DEFAULT 0 NOT NULL,
	"freight_minor" bigint DEFAULT 0 NOT NULL,
	"insurance_minor" bigint DEFAULT 0 NOT NULL,
	"other_charges_minor" bigint DEFAULT 0 NOT NULL,
	"total_minor" bigint DEFAULT 0 NOT NULL,
	"paid_minor" bigint DEFAULT 0 NOT NULL,
	"next_due_date" date,
	"issued_at" timestamp with time zone,
	"issued_by" uuid,
	"paid_at" timestamp with time zone,
	"voided_at" timestamp with time zone,
	"voided_by" uuid,
	"void_reason" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "invoices_currency_check" CHECK ("invoices"."currency" ~ '^[A-Z]{3}$'),
	CONSTRAINT "invoices_amounts_check" CHECK ("invoices"."subtotal_minor" >= 0 and "invoices"."discount_minor" >= 0 and "invoices"."freight_minor" >= 0 and "invoices"."insurance_minor" >= 0 and "invoices"."other_charges_minor" >= 0 and "invoices"."total_minor" >= 0 and "invoices"."paid_minor" >= 0 and "invoices"."paid_minor" <= "invoices"."total_minor"),
	CONSTRAINT "invoices_issued_check" CHECK ("invoices"."status" = 'draft' or ("invoices"."number" is not null and "invoices"."rf_reference" is not null and "invoices"."pay_token" is not null))
);
--> statement-breakpoint
CREATE TABLE "reminder_settings" (
	"organization_id" uuid PRIMARY KEY NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"days_before" integer[] DEFAULT '{7}'::integer[] NOT NULL,
	"on_due_date" boolean DEFAULT true NOT NULL,
	"days_after" integer[] DEFAULT '{3,14}'::integer[] NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "card_payments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"invoice_id" uuid NOT NULL,
	"instalment_id" uuid NOT NULL,
	"processor" text NOT NULL,
	"processor_payment_id" text NOT NULL,
	"currency" char(3) NOT NULL,
	"amount_minor" bigint NOT NULL,
	"status" "card_payment_status" DEFAULT 'created' NOT NULL,
	"decline_code" text,
	"payment_id" uuid,
	"clears_at" timestamp with time zone,
	"cleared_at" timestamp with time zone,
	"clearing_entry_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "card_payments_amount_check" CHECK ("card_payments"."amount_minor" > 0)
);
--> statement-breakpoint
CREATE TABLE "collection_accounts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"currency" char(3) NOT NULL,
	"provider" text NOT NULL,
	"scheme" text NOT NULL,
	"account_identifier" text NOT NULL,
	"account_holder" text NOT NULL,
	"details" jsonb NOT NULL,
	"bank_name" text NOT NULL,
	"bank_address" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "csv_mappings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"bank_name" text NOT NULL,
	"mapping" jsonb NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "incoming_payments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"source" "payment_source" NOT NULL,
	"statement_import_id" uuid,
	"collection_account_id" uuid,
	"account_identifier" text NOT NULL,
	"bank_ref" text NOT NULL,
	"currency" char(3) NOT NULL,
	"amount_minor" bigint NOT NULL,
	"unapplied_minor" bigint NOT NULL,
	"booking_date" date NOT NULL,
	"value_date" date NOT NULL,
	"reference" text,
	"remittance_text" text,
	"payer_name" text,
	"charges_minor" bigint DEFAULT 0 NOT NULL,
	"match_status" "payment_match_status" DEFAULT 'unmatched' NOT NULL,
	"buyer_id" uuid,
	"receipt_entry_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "incoming_payments_amounts_check" CHECK ("incoming_payments"."amount_minor" > 0 and "incoming_payments"."unapplied_minor" >= 0 and "incoming_payments"."unapplied_minor" <= "incoming_payments"."amount_minor")
);
--> statement-breakpoint
CREATE TABLE "payment_allocations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"payment_id" uuid NOT NULL,
	"target" "allocation_target" NOT NULL,
	"invoice_id" uuid,
	"instalment_id" uuid,
	"buyer_id" uuid,
	"method" "match_method" NOT NULL,
	"amount_minor" bigint NOT NULL,
	"invoice_amount_minor" bigint NOT NULL,
	"bank_charges_minor" bigint DEFAULT 0 NOT NULL,
	"currency_mismatch" boolean DEFAULT false NOT NULL,
	"entry_id" uuid,
	"reversal_entry_id" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"reversed_at" timestamp with time zone,
	"reversed_by" uuid,
	CONSTRAINT "payment_allocations_amounts_check" CHECK ("payment_allocations"."amount_minor" > 0 and "payment_allocations"."invoice_amount_minor" >= 0 and "payment_allocations"."bank_charges_minor" >= 0),
	CONSTRAINT "payment_allocations_target_check" CHECK (("payment_allocations"."target" = 'invoice' and "payment_allocations"."invoice_id" is not null) or ("payment_allocations"."target" = 'buyer_credit' and "payment_allocations"."buyer_id" is not null))
);
--> statement-breakpoint
CREATE TABLE "sandbox_card_intents" (
	"id" text PRIMARY KEY NOT NULL,
	"currency" char(3) NOT NULL,
	"amount_minor" bigint NOT NULL,
	"description" text NOT NULL,
	"metadata" jsonb NOT NULL,
	"return_url" text NOT NULL,
	"status" text DEFAULT 'created' NOT NULL,
	"decline_code" text,
	"challenge_code" text,
	"webhook_delivered_at" timestamp with time zone,
	"webhook_attempts" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "statement_imports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"format" "statement_format" NOT NULL,
	"file_name" text NOT NULL,
	"sha256" text NOT NULL,
	"size_bytes" bigint NOT NULL,
	"status" "statement_import_status" DEFAULT 'processing' NOT NULL,
	"transaction_count" integer DEFAULT 0 NOT NULL,
	"imported_count" integer DEFAULT 0 NOT NULL,
	"duplicate_count" integer DEFAULT 0 NOT NULL,
	"matched_count" integer DEFAULT 0 NOT NULL,
	"balance_mismatch" boolean DEFAULT false NOT NULL,
	"summaries" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"error" text,
	"imported_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "webhook_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"provider" text NOT NULL,
	"event_id" text,
	"event_type" text,
	"outcome" text NOT NULL,
	"reason" text,
	"signature_timestamp" bigint,
	"body_sha256" text NOT NULL,
	"remote_address" text,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "exposure_settings" ADD CONSTRAINT "exposure_settings_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exposure_settings" ADD CONSTRAINT "exposure_settings_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "buyers" ADD CONSTRAINT "buyers_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "buyers" ADD CONSTRAINT "buyers_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoice_documents" ADD CONSTRAINT "invoice_documents_invoice_id_invoices_id_fk" FOREIGN KEY ("invoice_id") REFERENCES "public"."invoices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoice_documents" ADD CONSTRAINT "invoice_documents_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoice_documents" ADD CONSTRAINT "invoice_documents_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoice_instalments" ADD CONSTRAINT "invoice_instalments_invoice_id_invoices_id_fk" FOREIGN KEY ("invoice_id") REFERENCES "public"."invoices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoice_instalments" ADD CONSTRAINT "invoice_instalments_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoice_lines" ADD CONSTRAINT "invoice_lines_invoice_id_invoices_id_fk" FOREIGN KEY ("invoice_id") REFERENCES "public"."invoices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoice_reminders" ADD CONSTRAINT "invoice_reminders_instalment_id_invoice_instalments_id_fk" FOREIGN KEY ("instalment_id") REFERENCES "public"."invoice_instalments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoice_sequences" ADD CONSTRAINT "invoice_sequences_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_buyer_id_buyers_id_fk" FOREIGN KEY ("buyer_id") REFERENCES "public"."buyers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_issued_by_users_id_fk" FOREIGN KEY ("issued_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_voided_by_users_id_fk" FOREIGN KEY ("voided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reminder_settings" ADD CONSTRAINT "reminder_settings_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reminder_settings" ADD CONSTRAINT "reminder_settings_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "card_payments" ADD CONSTRAINT "card_payments_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "card_payments" ADD CONSTRAINT "card_payments_invoice_id_invoices_id_fk" FOREIGN KEY ("invoice_id") REFERENCES "public"."invoices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "card_payments" ADD CONSTRAINT "card_payments_instalment_id_invoice_instalments_id_fk" FOREIGN KEY ("instalment_id") REFERENCES "public"."invoice_instalments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "card_payments" ADD CONSTRAINT "card_payments_payment_id_incoming_payments_id_fk" FOREIGN KEY ("payment_id") REFERENCES "public"."incoming_payments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "card_payments" ADD CONSTRAINT "card_payments_clearing_entry_id_journal_entries_id_fk" FOREIGN KEY ("clearing_entry_id") REFERENCES "public"."journal_entries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "collection_accounts" ADD CONSTRAINT "collection_accounts_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "csv_mappings" ADD CONSTRAINT "csv_mappings_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "csv_mappings" ADD CONSTRAINT "csv_mappings_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incoming_payments" ADD CONSTRAINT "incoming_payments_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incoming_payments" ADD CONSTRAINT "incoming_payments_statement_import_id_statement_imports_id_fk" FOREIGN KEY ("statement_import_id") REFERENCES "public"."statement_imports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incoming_payments" ADD CONSTRAINT "incoming_payments_collection_account_id_collection_accounts_id_fk" FOREIGN KEY ("collection_account_id") REFERENCES "public"."collection_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incoming_payments" ADD CONSTRAINT "incoming_payments_buyer_id_buyers_id_fk" FOREIGN KEY ("buyer_id") REFERENCES "public"."buyers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incoming_payments" ADD CONSTRAINT "incoming_payments_receipt_entry_id_journal_entries_id_fk" FOREIGN KEY ("receipt_entry_id") REFERENCES "public"."journal_entries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_allocations" ADD CONSTRAINT "payment_allocations_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_allocations" ADD CONSTRAINT "payment_allocations_payment_id_incoming_payments_id_fk" FOREIGN KEY ("payment_id") REFERENCES "public"."incoming_payments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_allocations" ADD CONSTRAINT "payment_allocations_invoice_id_invoices_id_fk" FOREIGN KEY ("invoice_id") REFERENCES "public"."invoices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_allocations" ADD CONSTRAINT "payment_allocations_instalment_id_invoice_instalments_id_fk" FOREIGN KEY ("instalment_id") REFERENCES "public"."invoice_instalments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_allocations" ADD CONSTRAINT "payment_allocations_buyer_id_buyers_id_fk" FOREIGN KEY ("buyer_id") REFERENCES "public"."buyers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_allocations" ADD CONSTRAINT "payment_allocations_entry_id_journal_entries_id_fk" FOREIGN KEY ("entry_id") REFERENCES "public"."journal_entries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_allocations" ADD CONSTRAINT "payment_allocations_reversal_entry_id_journal_entries_id_fk" FOREIGN KEY ("reversal_entry_id") REFERENCES "public"."journal_entries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_allocations" ADD CONSTRAINT "payment_allocations_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_allocations" ADD CONSTRAINT "payment_allocations_reversed_by_users_id_fk" FOREIGN KEY ("reversed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "statement_imports" ADD CONSTRAINT "statement_imports_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "statement_imports" ADD CONSTRAINT "statement_imports_imported_by_users_id_fk" FOREIGN KEY ("imported_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "buyers_org_name_key" ON "buyers" USING btree ("organization_id",lower("name"));--> statement-breakpoint
CREATE UNIQUE INDEX "invoice_documents_storage_key" ON "invoice_documents" USING btree ("storage_key");--> statement-breakpoint
CREATE INDEX "invoice_documents_invoice_idx" ON "invoice_documents" USING btree ("invoice_id");--> statement-breakpoint
CREATE UNIQUE INDEX "invoice_instalments_position_key" ON "invoice_instalments" USING btree ("invoice_id","position");--> statement-breakpoint
CREATE INDEX "invoice_instalments_due_idx" ON "invoice_instalments" USING btree ("organization_id","status","due_date");--> statement-breakpoint
CREATE UNIQUE INDEX "invoice_lines_position_key" ON "invoice_lines" USING btree ("invoice_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "invoice_reminders_once_key" ON "invoice_reminders" USING btree ("instalment_id","kind","offset_days");--> statement-breakpoint
CREATE UNIQUE INDEX "invoices_org_number_key" ON "invoices" USING btree ("organization_id","number");--> statement-breakpoint
CREATE UNIQUE INDEX "invoices_rf_reference_key" ON "invoices" USING btree ("rf_reference");--> statement-breakpoint
CREATE UNIQUE INDEX "invoices_pay_token_key" ON "invoices" USING btree ("pay_token");--> statement-breakpoint
CREATE INDEX "invoices_org_list_idx" ON "invoices" USING btree ("organization_id","issue_date" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "invoices_org_status_idx" ON "invoices" USING btree ("organization_id","status","next_due_date");--> statement-breakpoint
CREATE INDEX "invoices_buyer_idx" ON "invoices" USING btree ("buyer_id","issue_date" DESC NULLS LAST);--> statement-breakpoint
CREATE UNIQUE INDEX "card_payments_processor_key" ON "card_payments" USING btree ("processor","processor_payment_id");--> statement-breakpoint
CREATE INDEX "card_payments_invoice_idx" ON "card_payments" USING btree ("invoice_id");--> statement-breakpoint
CREATE INDEX "card_payments_clearing_idx" ON "card_payments" USING btree ("status","clears_at");--> statement-breakpoint
CREATE UNIQUE INDEX "collection_accounts_org_currency_key" ON "collection_accounts" USING btree ("organization_id","currency");--> statement-breakpoint
CREATE UNIQUE INDEX "collection_accounts_identifier_key" ON "collection_accounts" USING btree ("account_identifier","currency");--> statement-breakpoint
CREATE UNIQUE INDEX "csv_mappings_org_bank_key" ON "csv_mappings" USING btree ("organization_id",lower("bank_name"));--> statement-breakpoint
CREATE UNIQUE INDEX "incoming_payments_bank_ref_key" ON "incoming_payments" USING btree ("account_identifier","bank_ref");--> statement-breakpoint
CREATE INDEX "incoming_payments_org_idx" ON "incoming_payments" USING btree ("organization_id","booking_date" DESC NULLS LAST,"id");--> statement-breakpoint
CREATE INDEX "incoming_payments_unmatched_idx" ON "incoming_payments" USING btree ("organization_id","match_status","booking_date");--> statement-breakpoint
CREATE INDEX "payment_allocations_payment_idx" ON "payment_allocations" USING btree ("payment_id");--> statement-breakpoint
CREATE INDEX "payment_allocations_invoice_idx" ON "payment_allocations" USING btree ("invoice_id");--> statement-breakpoint
CREATE INDEX "payment_allocations_buyer_idx" ON "payment_allocations" USING btree ("buyer_id");--> statement-breakpoint
CREATE INDEX "statement_imports_org_idx" ON "statement_imports" USING btree ("organization_id","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE UNIQUE INDEX "webhook_events_accepted_key" ON "webhook_events" USING btree ("provider","event_id") WHERE "webhook_events"."outcome" = 'accepted';--> statement-breakpoint
CREATE INDEX "webhook_events_received_idx" ON "webhook_events" USING btree ("received_at" DESC NULLS LAST);