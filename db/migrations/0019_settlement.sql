CREATE TYPE "public"."holiday_year_status" AS ENUM('official', 'provisional');--> statement-breakpoint
CREATE TYPE "public"."settlement_batch_status" AS ENUM('held', 'settled', 'cancelled');--> statement-breakpoint
CREATE TYPE "public"."settlement_line_kind" AS ENUM('collection', 'fee', 'fx');--> statement-breakpoint
CREATE TYPE "public"."settlement_run_trigger" AS ENUM('job', 'ops', 'seed');--> statement-breakpoint
CREATE TYPE "public"."settlement_schedule_kind" AS ENUM('rolling', 'weekly', 'monthly', 'quarterly', 'on_demand');--> statement-breakpoint
CREATE TABLE "settlement_batch_lines" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"batch_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"kind" "settlement_line_kind" NOT NULL,
	"currency" char(3) NOT NULL,
	"amount_minor" bigint NOT NULL,
	"entry_id" uuid,
	"source" text,
	"reference" text,
	"cleared_on" date,
	"fee_type" text,
	"basis_minor" bigint,
	"rate" text,
	"counter_currency" char(3),
	"counter_amount_minor" bigint,
	"mid" text,
	CONSTRAINT "settlement_batch_lines_collection" CHECK ("settlement_batch_lines"."kind" <> 'collection' or ("settlement_batch_lines"."entry_id" is not null and "settlement_batch_lines"."cleared_on" is not null and "settlement_batch_lines"."amount_minor" > 0)),
	CONSTRAINT "settlement_batch_lines_fee" CHECK ("settlement_batch_lines"."kind" <> 'fee' or ("settlement_batch_lines"."fee_type" is not null and "settlement_batch_lines"."amount_minor" < 0)),
	CONSTRAINT "settlement_batch_lines_fx" CHECK ("settlement_batch_lines"."kind" <> 'fx' or ("settlement_batch_lines"."counter_currency" is not null and "settlement_batch_lines"."counter_amount_minor" > 0 and "settlement_batch_lines"."rate" is not null))
);
--> statement-breakpoint
CREATE TABLE "settlement_batches" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"currency" char(3) NOT NULL,
	"payout_currency" char(3) NOT NULL,
	"run_date" date NOT NULL,
	"status" "settlement_batch_status" NOT NULL,
	"schedule" jsonb NOT NULL,
	"cutoff_date" date NOT NULL,
	"available_minor" bigint NOT NULL,
	"not_yet_due_minor" bigint NOT NULL,
	"due_minor" bigint NOT NULL,
	"gross_minor" bigint NOT NULL,
	"collection_fees_minor" bigint NOT NULL,
	"other_minor" bigint NOT NULL,
	"settled_minor" bigint NOT NULL,
	"fx_fee_minor" bigint DEFAULT 0 NOT NULL,
	"fx_entry_id" uuid,
	"payout_amount_minor" bigint,
	"payout_fees_minor" bigint,
	"net_minor" bigint,
	"payout_id" uuid,
	"hold_code" text,
	"hold_params" jsonb,
	"run_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"settled_at" timestamp with time zone,
	"cancelled_at" timestamp with time zone,
	CONSTRAINT "settlement_batches_payout_currency" CHECK ("settlement_batches"."payout_currency" = "settlement_batches"."currency" or "settlement_batches"."payout_currency" = 'CNY'),
	CONSTRAINT "settlement_batches_settled" CHECK (("settlement_batches"."status" = 'settled') = ("settlement_batches"."payout_id" is not null and "settlement_batches"."net_minor" > 0 and "settlement_batches"."payout_amount_minor" = "settlement_batches"."net_minor" + "settlement_batches"."payout_fees_minor")),
	CONSTRAINT "settlement_batches_held" CHECK (("settlement_batches"."status" = 'held') = ("settlement_batches"."hold_code" is not null)),
	CONSTRAINT "settlement_batches_amounts" CHECK ("settlement_batches"."due_minor" > 0 and "settlement_batches"."settled_minor" > 0 and "settlement_batches"."settled_minor" <= "settlement_batches"."due_minor" and "settlement_batches"."settled_minor" = "settlement_batches"."gross_minor" - "settlement_batches"."collection_fees_minor" + "settlement_batches"."other_minor")
);
--> statement-breakpoint
CREATE TABLE "settlement_calendar_years" (
	"year" integer PRIMARY KEY NOT NULL,
	"status" "holiday_year_status" NOT NULL,
	"source" text NOT NULL,
	"note" text,
	"holidays" jsonb NOT NULL,
	"make_up_workdays" jsonb NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "settlement_calendar_years_year" CHECK ("settlement_calendar_years"."year" between 2000 and 2100)
);
--> statement-breakpoint
CREATE TABLE "settlement_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"run_date" date NOT NULL,
	"organization_id" uuid,
	"trigger" "settlement_run_trigger" NOT NULL,
	"settled_count" integer DEFAULT 0 NOT NULL,
	"held_count" integer DEFAULT 0 NOT NULL,
	"outcomes" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "settlement_schedules" (
	"organization_id" uuid NOT NULL,
	"currency" char(3) NOT NULL,
	"kind" "settlement_schedule_kind" NOT NULL,
	"business_days" integer,
	"weekday" integer,
	"month_day" integer,
	"month_end" boolean DEFAULT false NOT NULL,
	"payout_currency" char(3) NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "settlement_schedules_organization_id_currency_pk" PRIMARY KEY("organization_id","currency"),
	CONSTRAINT "settlement_schedules_rolling" CHECK (("settlement_schedules"."kind" = 'rolling') = ("settlement_schedules"."business_days" is not null) and coalesce("settlement_schedules"."business_days" between 0 and 30, true)),
	CONSTRAINT "settlement_schedules_weekly" CHECK (("settlement_schedules"."kind" = 'weekly') = ("settlement_schedules"."weekday" is not null) and coalesce("settlement_schedules"."weekday" between 1 and 5, true)),
	CONSTRAINT "settlement_schedules_monthly" CHECK (("settlement_schedules"."kind" in ('monthly', 'quarterly')) = ("settlement_schedules"."month_day" is not null or "settlement_schedules"."month_end") and not ("settlement_schedules"."month_day" is not null and "settlement_schedules"."month_end") and coalesce("settlement_schedules"."month_day" between 1 and 31, true)),
	CONSTRAINT "settlement_schedules_payout_currency" CHECK ("settlement_schedules"."payout_currency" = "settlement_schedules"."currency" or "settlement_schedules"."payout_currency" = 'CNY')
);
--> statement-breakpoint
ALTER TABLE "settlement_batch_lines" ADD CONSTRAINT "settlement_batch_lines_batch_id_settlement_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."settlement_batches"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "settlement_batch_lines" ADD CONSTRAINT "settlement_batch_lines_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "settlement_batch_lines" ADD CONSTRAINT "settlement_batch_lines_entry_id_journal_entries_id_fk" FOREIGN KEY ("entry_id") REFERENCES "public"."journal_entries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "settlement_batches" ADD CONSTRAINT "settlement_batches_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "settlement_batches" ADD CONSTRAINT "settlement_batches_fx_entry_id_journal_entries_id_fk" FOREIGN KEY ("fx_entry_id") REFERENCES "public"."journal_entries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "settlement_batches" ADD CONSTRAINT "settlement_batches_payout_id_payouts_id_fk" FOREIGN KEY ("payout_id") REFERENCES "public"."payouts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "settlement_batches" ADD CONSTRAINT "settlement_batches_run_id_settlement_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."settlement_runs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "settlement_calendar_years" ADD CONSTRAINT "settlement_calendar_years_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "settlement_runs" ADD CONSTRAINT "settlement_runs_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "settlement_schedules" ADD CONSTRAINT "settlement_schedules_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "settlement_schedules" ADD CONSTRAINT "settlement_schedules_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "settlement_batch_lines_position_key" ON "settlement_batch_lines" USING btree ("batch_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "settlement_batch_lines_collection_key" ON "settlement_batch_lines" USING btree ("entry_id") WHERE "settlement_batch_lines"."kind" = 'collection';--> statement-breakpoint
CREATE INDEX "settlement_batches_org_idx" ON "settlement_batches" USING btree ("organization_id","run_date" DESC NULLS LAST,"created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE UNIQUE INDEX "settlement_batches_settled_key" ON "settlement_batches" USING btree ("organization_id","currency","run_date") WHERE "settlement_batches"."status" = 'settled';--> statement-breakpoint
CREATE UNIQUE INDEX "settlement_batches_held_key" ON "settlement_batches" USING btree ("organization_id","currency") WHERE "settlement_batches"."status" = 'held';--> statement-breakpoint
CREATE UNIQUE INDEX "settlement_batches_payout_key" ON "settlement_batches" USING btree ("payout_id");--> statement-breakpoint
CREATE INDEX "settlement_runs_date_idx" ON "settlement_runs" USING btree ("run_date");