-- Stage one batch from its Parquet shard files. $<table> is the list of Parquet files of each table.
-- Only the tables read more than once are staged; the child tables (paragraphs, images,
-- quotes, removed lines) go from their files straight into the warehouse in 04_insert.
create or replace temp table stage_documents as select * from read_parquet($documents);
create or replace temp table stage_articles as select * from read_parquet($articles);
create or replace temp table stage_source_files as select * from read_parquet($source_files);
