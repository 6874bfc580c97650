-- Stage one batch from its Parquet shard files. $<table> is the list of Parquet files of each table.
create or replace temp table stage_documents as select * from read_parquet($documents);
create or replace temp table stage_articles as select * from read_parquet($articles);
create or replace temp table stage_paragraphs as select * from read_parquet($paragraphs);
create or replace temp table stage_images as select * from read_parquet($images);
create or replace temp table stage_quotes as select * from read_parquet($quotes);
create or replace temp table stage_removed_lines as select * from read_parquet($removed_lines);
create or replace temp table stage_source_files as select * from read_parquet($source_files);
