CREATE TABLE "collection_volumes" (
	"organization_id" uuid NOT NULL,
	"month" char(7) NOT NULL,
	"volume_cny_minor" bigint DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "collection_volumes_organization_id_month_pk" PRIMARY KEY("organization_id","month"),
	CONSTRAINT "collection_volumes_volume_check" CHECK ("collection_volumes"."volume_cny_minor" >= 0)
);
--> statement-breakpoint
ALTER TABLE "payment_allocations" ADD COLUMN "fee_minor" bigint;--> statement-breakpoint
ALTER TABLE "payment_allocations" ADD COLUMN "volume_cny_minor" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "collection_volumes" ADD CONSTRAINT "collection_volumes_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_allocations" ADD CONSTRAINT "payment_allocations_fee_check" CHECK ("payment_allocations"."fee_minor" is null or ("payment_allocations"."fee_minor" >= 0 and "payment_allocations"."fee_minor" < "payment_allocations"."amount_minor"));--> statement-breakpoint
ALTER TABLE "payment_allocations" ADD CONSTRAINT "payment_allocations_volume_check" CHECK ("payment_allocations"."volume_cny_minor" >= 0);