CREATE TABLE "membership_representative_grants" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"person_id" uuid,
	"person_created" boolean DEFAULT false NOT NULL,
	"person_linked" boolean DEFAULT false NOT NULL,
	"affiliation_id" uuid,
	"invitation_id" uuid,
	"granted_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "membership_representative_invitations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"membership_id" uuid NOT NULL,
	"email" text NOT NULL,
	"name" text NOT NULL,
	"title" text,
	"locale" text DEFAULT 'en' NOT NULL,
	"token_hash" text NOT NULL,
	"invited_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"accepted_at" timestamp with time zone,
	"accepted_by" uuid,
	"declined_at" timestamp with time zone,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "membership_representative_grants" ADD CONSTRAINT "membership_representative_grants_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "membership_representative_grants" ADD CONSTRAINT "membership_representative_grants_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "membership_representative_invitations" ADD CONSTRAINT "membership_representative_invitations_membership_id_memberships_id_fk" FOREIGN KEY ("membership_id") REFERENCES "public"."memberships"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "membership_rep_grants_org_user_idx" ON "membership_representative_grants" USING btree ("organization_id","user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "membership_rep_invitations_token_idx" ON "membership_representative_invitations" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "membership_rep_invitations_membership_idx" ON "membership_representative_invitations" USING btree ("membership_id");