-- Files whose size and modification time match the ledger: skipped without reading.
with seen as (
    select * from seen_files
),
final as (
    select s.path, l.documents
    from seen as s
    join source_files as l
      on l.path = s.path and l.size = s.size and l.mtime_ns = s.mtime_ns
)
select * from final
