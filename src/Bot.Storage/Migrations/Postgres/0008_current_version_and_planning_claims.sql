-- A delivery sends the article's current version when its turn comes, not the version it was planned for; the
-- version its messages show is kept here, so a later delivery of the same thread knows whether the platform is
-- already up to date. Rows from before have it in article_version.
ALTER TABLE deliveries ADD COLUMN sent_version bigint NULL;

-- One planner per article version: a planning round takes a version here before planning it, so two hosts never
-- plan one version side by side; a claim whose planner died runs out at lease_until and another takes it.
CREATE TABLE planning_claims (
    article_key      text        NOT NULL,
    article_version  bigint      NOT NULL,
    planner          text        NOT NULL,
    lease_until      timestamptz NOT NULL,
    PRIMARY KEY (article_key, article_version)
);
