update runs
set finished_at = $1,
    status = $2,
    message = $3,
    documents_seen = $4,
    documents_loaded = $5,
    documents_unchanged = $6,
    documents_duplicate = $7,
    documents_rejected = $8,
    bytes_read = $9
where run_id = $10
