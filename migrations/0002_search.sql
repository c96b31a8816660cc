CREATE TABLE "search_docs" (
	"kind" text NOT NULL,
	"id" text NOT NULL,
	"visibility" text NOT NULL,
	"title" jsonb NOT NULL,
	"summary" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"url" text NOT NULL,
	"year" integer,
	"country_code" text,
	"langs" text[] DEFAULT '{}'::text[] NOT NULL,
	"words" "tsvector" NOT NULL,
	"title_norm" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "search_docs_kind_id_pk" PRIMARY KEY("kind","id")
);
--> statement-breakpoint
CREATE INDEX "search_docs_words_idx" ON "search_docs" USING gin ("words");--> statement-breakpoint
CREATE INDEX "search_docs_title_trgm_idx" ON "search_docs" USING gin ("title_norm" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "search_docs_visibility_idx" ON "search_docs" USING btree ("visibility","kind");