CREATE TYPE "public"."account_tier" AS ENUM('standard', 'premium');--> statement-breakpoint
CREATE TYPE "public"."kyb_document_kind" AS ENUM('business_licence', 'id_front', 'id_back', 'export_contract', 'customs_declaration');--> statement-breakpoint
CREATE TYPE "public"."kyb_status" AS ENUM('draft', 'submitted', 'in_review', 'approved', 'rejected', 'info_requested');--> statement-breakpoint
CREATE TABLE "kyb_applications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"status" "kyb_status" DEFAULT 'draft' NOT NULL,
	"company" jsonb,
	"legal_representative" jsonb,
	"beneficial_owners" jsonb,
	"bank_account" jsonb,
	"uscc" text,
	"bank_account_number" text,
	"legal_name_zh" text,
	"legal_name_en" text,
	"expected_monthly_volume_cny_minor" bigint,
	"buyer_countries" text[] DEFAULT '{}'::text[] NOT NULL,
	"risk_level" text,
	"risk_reasons" jsonb,
	"round" integer DEFAULT 0 NOT NULL,
	"submitted_at" timestamp with time zone,
	"first_submitted_at" timestamp with time zone,
	"decided_at" timestamp with time zone,
	"decided_by" uuid,
	"rejection_reason" text,
	"approved_tier" "account_tier",
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "kyb_applications_risk_check" CHECK ("kyb_applications"."risk_level" is null or "kyb_applications"."risk_level" in ('standard', 'high'))
);
--> statement-breakpoint
CREATE TABLE "kyb_approval_votes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"round" integer NOT NULL,
	"reviewer_user_id" uuid NOT NULL,
	"tier" "account_tier" NOT NULL,
	"comment" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "kyb_documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"kind" "kyb_document_kind" NOT NULL,
	"storage_key" text NOT NULL,
	"original_name" text NOT NULL,
	"content_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"sha256" text NOT NULL,
	"uploaded_by" uuid,
	"removed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "kyb_documents_size_check" CHECK ("kyb_documents"."size_bytes" > 0 and "kyb_documents"."size_bytes" <= 10485760)
);
--> statement-breakpoint
CREATE TABLE "kyb_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"event" text NOT NULL,
	"from_status" "kyb_status",
	"to_status" "kyb_status",
	"actor_user_id" uuid,
	"comment" text,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "kyb_info_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"round" integer NOT NULL,
	"field" text NOT NULL,
	"comment" text NOT NULL,
	"requested_by" uuid NOT NULL,
	"requested_at" timestamp with time zone DEFAULT now() NOT NULL,
	"answer" text,
	"answered_by" uuid,
	"answered_at" timestamp with time zone,
	"closed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "kyb_risk_policy" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"volume_threshold_cny_minor" bigint NOT NULL,
	"high_risk_countries" text[] NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "kyb_risk_policy_single_row" CHECK ("kyb_risk_policy"."id" = 1)
);
--> statement-breakpoint
CREATE TABLE "tier_limits" (
	"tier" "account_tier" PRIMARY KEY NOT NULL,
	"daily_payout_cny_minor" bigint NOT NULL,
	"daily_conversion_cny_minor" bigint NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "account_tier" "account_tier";--> statement-breakpoint
ALTER TABLE "kyb_applications" ADD CONSTRAINT "kyb_applications_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kyb_applications" ADD CONSTRAINT "kyb_applications_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kyb_approval_votes" ADD CONSTRAINT "kyb_approval_votes_application_id_kyb_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."kyb_applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kyb_approval_votes" ADD CONSTRAINT "kyb_approval_votes_reviewer_user_id_users_id_fk" FOREIGN KEY ("reviewer_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kyb_documents" ADD CONSTRAINT "kyb_documents_application_id_kyb_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."kyb_applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kyb_documents" ADD CONSTRAINT "kyb_documents_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kyb_documents" ADD CONSTRAINT "kyb_documents_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kyb_events" ADD CONSTRAINT "kyb_events_application_id_kyb_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."kyb_applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kyb_events" ADD CONSTRAINT "kyb_events_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kyb_info_requests" ADD CONSTRAINT "kyb_info_requests_application_id_kyb_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."kyb_applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kyb_info_requests" ADD CONSTRAINT "kyb_info_requests_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kyb_info_requests" ADD CONSTRAINT "kyb_info_requests_answered_by_users_id_fk" FOREIGN KEY ("answered_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kyb_risk_policy" ADD CONSTRAINT "kyb_risk_policy_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tier_limits" ADD CONSTRAINT "tier_limits_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "kyb_applications_org_key" ON "kyb_applications" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "kyb_applications_queue_idx" ON "kyb_applications" USING btree ("status","submitted_at");--> statement-breakpoint
CREATE INDEX "kyb_applications_uscc_idx" ON "kyb_applications" USING btree ("uscc");--> statement-breakpoint
CREATE INDEX "kyb_applications_bank_idx" ON "kyb_applications" USING btree ("bank_account_number");--> statement-breakpoint
CREATE UNIQUE INDEX "kyb_approval_votes_key" ON "kyb_approval_votes" USING btree ("application_id","round","reviewer_user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "kyb_documents_storage_key" ON "kyb_documents" USING btree ("storage_key");--> statement-breakpoint
CREATE INDEX "kyb_documents_application_idx" ON "kyb_documents" USING btree ("application_id");--> statement-breakpoint
CREATE INDEX "kyb_events_application_idx" ON "kyb_events" USING btree ("application_id","at");--> statement-breakpoint
CREATE INDEX "kyb_info_requests_application_idx" ON "kyb_info_requests" USING btree ("application_id");