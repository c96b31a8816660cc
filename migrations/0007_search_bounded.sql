ALTER TABLE "search_docs" ADD COLUMN "title_words" "tsvector";--> statement-breakpoint
-- Close enough until the next `wuzhen search rebuild`: the indexed words found in the normalized title.
UPDATE "search_docs" SET "title_words" = array_to_tsvector(array(select l from unnest(tsvector_to_array("words")) l where position(l in "title_norm") > 0));--> statement-breakpoint
CREATE INDEX "search_docs_title_words_idx" ON "search_docs" USING gin ("title_words");--> statement-breakpoint
CREATE INDEX "search_docs_recent_idx" ON "search_docs" USING btree ("year" desc nulls last,"updated_at" desc,"kind","id");