DROP INDEX "dispute_events_dispute_idx";--> statement-breakpoint
DROP INDEX "dispute_messages_dispute_idx";--> statement-breakpoint
ALTER TABLE "dispute_events" ADD COLUMN "seq" bigserial NOT NULL;--> statement-breakpoint
ALTER TABLE "dispute_messages" ADD COLUMN "seq" bigserial NOT NULL;--> statement-breakpoint
CREATE INDEX "dispute_events_dispute_idx" ON "dispute_events" USING btree ("dispute_id","seq");--> statement-breakpoint
CREATE INDEX "dispute_messages_dispute_idx" ON "dispute_messages" USING btree ("dispute_id","seq");