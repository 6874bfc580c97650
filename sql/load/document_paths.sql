-- Every input file the warehouse holds documents of (the candidates for --prune).
select distinct source_path from documents order by source_path;
