CREATE TABLE "fx_conversions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"quote_id" uuid NOT NULL,
	"entry_id" uuid NOT NULL,
	"converted_by" uuid NOT NULL,
	"sell_currency" char(3) NOT NULL,
	"buy_currency" char(3) NOT NULL,
	"mid" numeric NOT NULL,
	"customer_rate" numeric NOT NULL,
	"spread_bps" integer NOT NULL,
	"fee_bps" integer NOT NULL,
	"sell_amount_minor" bigint NOT NULL,
	"fee_minor" bigint NOT NULL,
	"sell_total_minor" bigint NOT NULL,
	"buy_amount_minor" bigint NOT NULL,
	"cny_equivalent_minor" bigint NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "fx_pricing" (
	"organization_id" uuid PRIMARY KEY NOT NULL,
	"tiers" jsonb NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "fx_quotes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"requested_by" uuid NOT NULL,
	"sell_currency" char(3) NOT NULL,
	"buy_currency" char(3) NOT NULL,
	"side" text NOT NULL,
	"mid" numeric NOT NULL,
	"customer_rate" numeric NOT NULL,
	"spread_bps" integer NOT NULL,
	"fee_bps" integer NOT NULL,
	"sell_amount_minor" bigint NOT NULL,
	"fee_minor" bigint NOT NULL,
	"sell_total_minor" bigint NOT NULL,
	"buy_amount_minor" bigint NOT NULL,
	"cny_equivalent_minor" bigint NOT NULL,
	"rate_as_of" timestamp with time zone NOT NULL,
	"rate_source" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"accepted_at" timestamp with time zone,
	CONSTRAINT "fx_quotes_side" CHECK ("fx_quotes"."side" in ('sell', 'buy')),
	CONSTRAINT "fx_quotes_amounts" CHECK ("fx_quotes"."sell_amount_minor" > 0 and "fx_quotes"."buy_amount_minor" > 0 and "fx_quotes"."fee_minor" >= 0)
);
--> statement-breakpoint
CREATE TABLE "fx_rates" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"base" char(3) NOT NULL,
	"quote" char(3) NOT NULL,
	"rate" numeric NOT NULL,
	"as_of" timestamp with time zone NOT NULL,
	"source" text NOT NULL,
	"entered_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "fx_rates_positive" CHECK ("fx_rates"."rate" > 0),
	CONSTRAINT "fx_rates_pair" CHECK ("fx_rates"."base" <> "fx_rates"."quote")
);
--> statement-breakpoint
ALTER TABLE "fx_conversions" ADD CONSTRAINT "fx_conversions_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fx_conversions" ADD CONSTRAINT "fx_conversions_quote_id_fx_quotes_id_fk" FOREIGN KEY ("quote_id") REFERENCES "public"."fx_quotes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fx_conversions" ADD CONSTRAINT "fx_conversions_entry_id_journal_entries_id_fk" FOREIGN KEY ("entry_id") REFERENCES "public"."journal_entries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fx_conversions" ADD CONSTRAINT "fx_conversions_converted_by_users_id_fk" FOREIGN KEY ("converted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fx_pricing" ADD CONSTRAINT "fx_pricing_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fx_pricing" ADD CONSTRAINT "fx_pricing_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fx_quotes" ADD CONSTRAINT "fx_quotes_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fx_quotes" ADD CONSTRAINT "fx_quotes_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fx_rates" ADD CONSTRAINT "fx_rates_entered_by_users_id_fk" FOREIGN KEY ("entered_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "fx_conversions_quote_key" ON "fx_conversions" USING btree ("quote_id");--> statement-breakpoint
CREATE INDEX "fx_conversions_org_idx" ON "fx_conversions" USING btree ("organization_id","created_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "fx_conversions_member_day_idx" ON "fx_conversions" USING btree ("organization_id","converted_by","created_at");--> statement-breakpoint
CREATE INDEX "fx_quotes_org_idx" ON "fx_quotes" USING btree ("organization_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "fx_rates_observation_key" ON "fx_rates" USING btree ("source","base","quote","as_of");--> statement-breakpoint
CREATE INDEX "fx_rates_pair_newest_idx" ON "fx_rates" USING btree ("base","quote","as_of" DESC NULLS LAST,"id" DESC NULLS LAST);