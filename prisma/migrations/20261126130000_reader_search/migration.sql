-- Full-text search over published articles: headline, standfirst and the
-- text of the body document. One immutable function is both the index
-- expression and what queries match against, so the index is always used.
CREATE FUNCTION article_search_document(headline TEXT, standfirst TEXT, body JSONB) RETURNS tsvector
LANGUAGE SQL IMMUTABLE PARALLEL SAFE AS $$
  SELECT setweight(to_tsvector('english', coalesce(headline, '')), 'A')
      || setweight(to_tsvector('english', coalesce(standfirst, '')), 'B')
      || setweight(to_tsvector('english', coalesce(jsonb_path_query_array(body, 'strict $.**.text')::text, '')), 'C')
$$;

CREATE FUNCTION article_body_text(body JSONB) RETURNS TEXT
LANGUAGE SQL IMMUTABLE PARALLEL SAFE AS $$
  SELECT coalesce(string_agg(value #>> '{}', ' '), '') FROM jsonb_array_elements(jsonb_path_query_array(body, 'strict $.**.text'))
$$;

CREATE INDEX "Article_search_idx" ON "Article" USING GIN (article_search_document("headline", "standfirst", "body")) WHERE "status" = 'PUBLISHED';
