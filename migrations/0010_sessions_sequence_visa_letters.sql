ALTER TABLE "event_sessions" ADD COLUMN "cancelled_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "event_sessions" ADD COLUMN "sequence" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "event_sessions" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "event_registrations" ADD COLUMN "visa_issued_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "event_registrations" ADD COLUMN "visa_revoked_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "event_registrations" ADD COLUMN "visa_revoke_reason" text;--> statement-breakpoint
-- Letters issued before: the date they were first issued is not known; the decision date is the closest.
UPDATE "event_registrations" SET "visa_issued_at" = coalesce("decided_at", "created_at") WHERE "visa_ref" IS NOT NULL;
